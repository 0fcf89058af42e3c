import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertSupportedJalaliYear,
  RequestContext,
  requireUser,
  whereInTerritory,
} from "@hamafza/common";
import { Ngo } from "../entities/Ngo";
import { TrainingNeedCount, TrainingNeedDimension } from "./trainingInputs";
import { mergeNeedCounts } from "./trainingRules";

const KEY: Record<TrainingNeedDimension, string> = {
  TOPIC: "need.topic_normalized",
  PROVINCE: "ngo.province_id",
  COUNTY: "ngo.county_id",
};

/** The training loop for officials, NGO Houses' work and analysts: needs by topic, county or province, year on year. */
@Resolver()
export class TrainingNeedCountResolver {
  @Allow(ALL_ROLES)
  @Query(() => [TrainingNeedCount], {
    description:
      "Training needs of NGOs of the user's territory for a Jalali year, grouped by topic, province or county: declared, planned and met, with the number declared the year before; most declared first.",
  })
  async trainingNeedCounts(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year (compared with the year before)." }) year: number,
    @Arg("groupBy", () => TrainingNeedDimension, { description: "What to group by." }) groupBy: TrainingNeedDimension,
  ): Promise<TrainingNeedCount[]> {
    assertSupportedJalaliYear(year, "year");
    const query = ctx.readDb
      .createQueryBuilder()
      .from("training_need", "need")
      .innerJoin(Ngo, "ngo", "ngo.id = need.ngo_id")
      .select(KEY[groupBy], "key")
      .addSelect("need.year", "year")
      .addSelect("mode() WITHIN GROUP (ORDER BY need.topic)", "topic")
      .addSelect("count(*)", "declared")
      .addSelect("count(*) FILTER (WHERE need.status = 'PLANNED')", "planned")
      .addSelect("count(*) FILTER (WHERE need.status = 'MET')", "met")
      .where("need.year IN (:year, :previous)", { year, previous: year - 1 })
      .groupBy("1")
      .addGroupBy("2");
    whereInTerritory(query, requireUser(ctx), { province: "ngo.province_id", county: "ngo.county_id" });
    const rows: { key: string | null; year: number; topic: string; declared: string; planned: string; met: string }[] =
      await query.getRawMany();
    const counts = (wanted: number) =>
      rows
        .filter((row) => Number(row.year) === wanted)
        .map((row) => ({
          key: row.key,
          declared: Number(row.declared),
          planned: Number(row.planned),
          met: Number(row.met),
        }));
    const merged = mergeNeedCounts(counts(year), counts(year - 1));
    const labels = await labelsOf(
      ctx,
      groupBy,
      merged.map((row) => row.key).filter((k): k is string => !!k),
      rows,
    );
    return merged.map((row) => ({ ...row, label: row.key ? (labels.get(row.key) ?? null) : null }));
  }
}

/** Names of the groups: the topic as most often typed (this year first), or the province's or county's name. */
async function labelsOf(
  ctx: RequestContext,
  groupBy: TrainingNeedDimension,
  keys: string[],
  rows: { key: string | null; year: number; topic: string }[],
): Promise<Map<string, string>> {
  if (groupBy === TrainingNeedDimension.TOPIC) {
    const labels = new Map<string, string>();
    for (const row of [...rows].sort((a, b) => Number(b.year) - Number(a.year)))
      if (row.key && !labels.has(row.key)) labels.set(row.key, row.topic);
    return labels;
  }
  if (keys.length === 0) return new Map();
  const table = groupBy === TrainingNeedDimension.PROVINCE ? "province" : "county";
  const named: { id: string; name: string }[] = await ctx.readDb.query(
    `SELECT id, name FROM ${table} WHERE id = ANY($1::text[])`,
    [keys],
  );
  return new Map(named.map((row) => [row.id, row.name]));
}
