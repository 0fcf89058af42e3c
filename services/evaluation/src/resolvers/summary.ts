import { Arg, Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { RequestContext } from "@hamafza/common";
import { County, Province } from "../entities/Territory";
import { Grade } from "../entities/ManagerScore";
import { checkYear } from "./cycle";
import { currentVisibleResults, GradeCount } from "./run";

@ObjectType({ description: "Average score of one indicator over a territory's results." })
export class IndicatorAverage {
  @Field({ description: "Indicator code." })
  code!: string;

  @Field(() => Float, {
    description: "Average indicator score, 0–100, over the results where the indicator applies (rules version 2).",
  })
  averageScore!: number;
}

@ObjectType({
  description:
    "Evaluation summary of a territory for a Jalali year: the current results visible to the user (published ones only, except for evaluators).",
})
export class EvaluationSummary {
  @Field(() => Int, { description: "The Jalali year." })
  year!: number;

  @Field(() => Int, { description: "Managers with a result." })
  managersScored!: number;

  @Field(() => Float, { nullable: true, description: "Average computed total (empty without results)." })
  averageTotal!: number | null;

  @Field(() => [GradeCount], { description: "Results per grade band (every band listed)." })
  grades!: GradeCount[];

  @Field(() => [IndicatorAverage], { description: "Average score per indicator." })
  indicatorAverages!: IndicatorAverage[];
}

/** One loader per territory level: two SQL statements per year for every province (or county) asked in a request. */
function summaries(ctx: RequestContext, level: "province" | "county") {
  const column = level === "province" ? "result.provinceId" : "result.countyId";
  return ctx.loaders.get<string, EvaluationSummary | null>(`evaluationSummary:${level}`, async (keys) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [id, year] = key.split("|");
      byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), id]);
    }
    const found = new Map<string, EvaluationSummary>();
    for (const [year, ids] of byYear) {
      const col = level === "province" ? "r.province_id" : "r.county_id";
      const [visible, params] = currentVisibleResults(ctx, year)
        .andWhere(`${column} IN (:...ids)`, { ids })
        .select("result.id")
        .getQueryAndParameters();
      const totals: { key: string; grade: Grade; n: string; total: string }[] = await ctx.db.query(
        `SELECT ${col} AS key, r.grade, count(*) AS n, sum(r.total) AS total FROM evaluation_result r WHERE r.id IN (${visible}) GROUP BY 1, 2`,
        params,
      );
      const averages: { key: string; code: string; avg: string }[] = await ctx.db.query(
        `SELECT ${col} AS key, ind.value->>'code' AS code, avg((ind.value->>'score')::numeric) AS avg
           FROM evaluation_result r CROSS JOIN LATERAL json_array_elements(r.indicators) ind
          WHERE r.id IN (${visible}) AND coalesce((ind.value->>'applicable')::boolean, true) GROUP BY 1, 2`,
        params,
      );
      for (const id of ids) {
        const rows = totals.filter((r) => r.key === id);
        const n = rows.reduce((s, r) => s + Number(r.n), 0);
        if (n === 0) continue;
        found.set(`${id}|${year}`, {
          year,
          managersScored: n,
          averageTotal: Math.round((rows.reduce((s, r) => s + Number(r.total), 0) / n) * 100) / 100,
          grades: Object.values(Grade).map((grade) => ({
            grade,
            count: Number(rows.find((r) => r.grade === grade)?.n ?? 0),
          })),
          indicatorAverages: averages
            .filter((a) => a.key === id)
            .map((a) => ({ code: a.code, averageScore: Math.round(Number(a.avg) * 100) / 100 }))
            .sort((a, b) => (a.code < b.code ? -1 : 1)),
        });
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  });
}

@Resolver(() => Province)
export class ProvinceEvaluationResolver {
  @FieldResolver(() => EvaluationSummary, {
    nullable: true,
    description:
      "The province's evaluation summary for a Jalali year (evaluation service); empty without visible results.",
  })
  evaluationSummary(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
  ): Promise<EvaluationSummary | null> {
    checkYear(year);
    return summaries(ctx, "province").load(`${province.id}|${year}`);
  }
}

@Resolver(() => County)
export class CountyEvaluationResolver {
  @FieldResolver(() => EvaluationSummary, {
    nullable: true,
    description:
      "The county's evaluation summary for a Jalali year (county positions only; evaluation service); empty without visible results.",
  })
  evaluationSummary(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
  ): Promise<EvaluationSummary | null> {
    checkYear(year);
    return summaries(ctx, "county").load(`${county.id}|${year}`);
  }
}
