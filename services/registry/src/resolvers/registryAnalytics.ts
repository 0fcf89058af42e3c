import { Arg, Ctx, Float, ID, Int, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  ErrorCode,
  normalizePersian,
  containsPattern,
  RequestContext,
  requireUser,
  checkTerritoryArgs,
  territoryCondition,
  uuidsForFilter,
  whereInTerritory,
  namedQuery,
} from "@hamafza/common";
import { Ngo } from "../entities/Ngo";
import { licenceStateParams, ngoLicenceStateSql } from "./licenceState";
import { applyNgoFilter, NgoFilter } from "./ngo";
import { WORDS_SIMILARITY_SQL } from "./ngoRules";
import {
  DuplicateNgoPair,
  DuplicateReason,
  NgoCount,
  NgoCountDimension,
  NgoSearchHit,
  ParallelWorkGroup,
  TrainingNeedAggregate,
  TrainingNeedSummaryFilter,
} from "./registryAnalyticsInputs";
import {
  DUPLICATES_TIMEOUT,
  NAME_SIMILARITY_THRESHOLD,
  REASON_LABELS,
  checkKnownTerritory,
  countLabel,
  refsOf,
} from "./registryAnalyticsRules";
export {
  NgoCountDimension,
  NgoCount,
  TrainingNeedAggregate,
  TrainingNeedSummaryFilter,
  NgoSearchHit,
  DuplicateReason,
  DuplicateNgoPair,
  ParallelWorkGroup,
} from "./registryAnalyticsInputs";

@Resolver()
export class RegistryAnalyticsResolver {
  @Allow(ALL_ROLES)
  @Query(() => [NgoCount], {
    description:
      "Analysts: number of NGOs of the user's territory grouped by one dimension (province, county, field of activity, licence state today, status or scope), largest first; the NGO filter applies first. Only non-empty groups are listed.",
  })
  async ngoCounts(
    @Ctx() ctx: RequestContext,
    @Arg("groupBy", () => NgoCountDimension, { description: "The dimension to group by." }) groupBy: NgoCountDimension,
    @Arg("filter", () => NgoFilter, { nullable: true, description: "Which NGOs to count (as in `ngos`)." })
    filter: NgoFilter | undefined,
  ): Promise<NgoCount[]> {
    await checkKnownTerritory(ctx, filter);
    const query = whereInTerritory(ctx.readDb.getRepository(Ngo).createQueryBuilder("ngo"), requireUser(ctx), {
      province: "ngo.provinceId",
      county: "ngo.countyId",
    });
    applyNgoFilter(query, filter);
    const key = {
      PROVINCE: "ngo.province_id",
      COUNTY: "ngo.county_id",
      FIELD: "nf.field_id::text",
      LICENCE_STATE: ngoLicenceStateSql("ngo"),
      STATUS: "ngo.status",
      SCOPE: "ngo.scope",
    }[groupBy];
    if (groupBy === NgoCountDimension.FIELD) query.leftJoin("ngo_field", "nf", "nf.ngo_id = ngo.id");
    if (groupBy === NgoCountDimension.LICENCE_STATE) query.setParameters(licenceStateParams());
    const rows: { key: string | null; count: string }[] = await query
      .select(`${key}`, "key")
      .addSelect("count(DISTINCT ngo.id)", "count")
      .groupBy("1")
      .orderBy("count", "DESC")
      .addOrderBy("key", "ASC", "NULLS LAST")
      .getRawMany();
    return Promise.all(
      rows.map(async (row) =>
        Object.assign(
          new NgoCount(),
          { key: row.key, count: Number(row.count), label: await countLabel(ctx, groupBy, row.key) },
          refsOf(groupBy, row.key),
        ),
      ),
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [TrainingNeedAggregate], {
    description:
      "Analysts: training needs declared by NGOs of the user's territory, aggregated by topic (spelling variants together) and, unless `byProvince` is false, by province; most declared first.",
  })
  async trainingNeedSummary(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => TrainingNeedSummaryFilter, { nullable: true, description: "Which needs to count." })
    filter: TrainingNeedSummaryFilter | undefined,
    @Arg("byProvince", { defaultValue: true, description: "Group by province as well as topic." }) byProvince: boolean,
    @Arg("limit", () => Int, { defaultValue: 200, description: "At most this many rows (1 to 1000)." }) limit: number,
  ): Promise<TrainingNeedAggregate[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۱۰۰۰ باشد.", { field: "limit" });
    await checkKnownTerritory(ctx, filter);
    const query = ctx.readDb
      .createQueryBuilder()
      .from("training_need", "tn")
      .innerJoin(Ngo, "ngo", "ngo.id = tn.ngo_id")
      .select("tn.topic_normalized", "topic_key")
      .addSelect("mode() WITHIN GROUP (ORDER BY tn.topic)", "topic")
      .addSelect(byProvince ? "ngo.province_id" : "NULL", "province_id")
      .addSelect("count(DISTINCT tn.ngo_id)", "ngo_count")
      .addSelect("count(*) FILTER (WHERE tn.urgency = 'HIGH')", "high")
      .addSelect("count(*) FILTER (WHERE tn.urgency = 'MEDIUM')", "medium")
      .addSelect("count(*) FILTER (WHERE tn.urgency = 'LOW')", "low")
      .addSelect("array_remove(array_agg(DISTINCT tn.audience), NULL)", "audiences");
    whereInTerritory(query, requireUser(ctx), { province: "ngo.province_id", county: "ngo.county_id" });
    if (filter?.provinceId) query.andWhere("ngo.province_id = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("ngo.county_id = :countyId", { countyId: filter.countyId });
    if (filter?.urgency) query.andWhere("tn.urgency = :urgency", { urgency: filter.urgency });
    if (filter?.q) query.andWhere("tn.topic_normalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.fieldId)
      query.andWhere("EXISTS (SELECT 1 FROM ngo_field nf WHERE nf.ngo_id = ngo.id AND nf.field_id = :fieldId)", {
        fieldId: uuidsForFilter([filter.fieldId])[0],
      });
    query.groupBy("tn.topic_normalized");
    if (byProvince) query.addGroupBy("ngo.province_id");
    const rows: Record<string, string | string[] | null>[] = await query
      .orderBy("ngo_count", "DESC")
      .addOrderBy("topic_key")
      .addOrderBy("province_id")
      .limit(limit)
      .getRawMany();
    return rows.map((row) =>
      Object.assign(new TrainingNeedAggregate(), {
        // Shown with Persian letters whatever the most common spelling (ي/ك → ی/ک), spacing kept.
        topic: String(row.topic)
          .replace(/\u064A/g, "\u06CC")
          .replace(/\u0643/g, "\u06A9"),
        topicKey: row.topic_key,
        provinceId: row.province_id,
        ngoCount: Number(row.ngo_count),
        highUrgency: Number(row.high),
        mediumUrgency: Number(row.medium),
        lowUrgency: Number(row.low),
        audiences: row.audiences ?? [],
      }),
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [NgoSearchHit], {
    description:
      "Fuzzy search of NGO names in the user's territory (pg_trgm word similarity on the normalised name and on its words), best first: finds «سمن‌های جوانان زنجان» from «سمنهاي جوانان», «انجمن حمایت از کودکان کار» from «کودکن کار» or «حمایت کودکان», «معلولان» from «معلولین». For «is this NGO already registered?» checks.",
  })
  async searchNgos(
    @Ctx() ctx: RequestContext,
    @Arg("q", { description: "The text to look for (any spelling variant)." }) q: string,
    @Arg("minSimilarity", () => Float, { defaultValue: 0.45, description: "Smallest similarity (0 to 1) to include." })
    minSimilarity: number,
    @Arg("limit", () => Int, { defaultValue: 10, description: "At most this many hits (1 to 200)." }) limit: number,
  ): Promise<NgoSearchHit[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۲۰۰ باشد.", { field: "limit" });
    if (!(minSimilarity >= 0 && minSimilarity <= 1))
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداقل شباهت باید بین ۰ و ۱ باشد.", { field: "minSimilarity" });
    const searchText = normalizePersian(q);
    if (searchText.length < 2) return [];
    const similarity = `CASE WHEN ngo.name_normalized LIKE :pattern THEN 1 ELSE greatest(public.word_similarity(:searchText, ngo.name_normalized), ${WORDS_SIMILARITY_SQL}) END`;
    const query = ctx.db
      .getRepository(Ngo)
      .createQueryBuilder("ngo")
      .select("ngo.id", "id")
      .addSelect(similarity, "similarity")
      .addSelect("public.similarity(:searchText, ngo.name_normalized)", "closeness")
      .where(`${similarity} >= :minSimilarity`, {
        searchText,
        searchTyped: q,
        pattern: containsPattern(q),
        minSimilarity,
      });
    // A merged record is an alias of its survivor (docs/merging.md): the survivor is the hit.
    query.andWhere("ngo.status <> 'MERGED'");
    whereInTerritory(query, requireUser(ctx), { province: "ngo.provinceId", county: "ngo.countyId" });
    const rows: { id: string; similarity: number }[] = await query
      .orderBy("similarity", "DESC")
      .addOrderBy("closeness", "DESC")
      .addOrderBy("ngo.name_normalized")
      .limit(limit)
      .getRawMany();
    return rows.map((row) =>
      Object.assign(new NgoSearchHit(), {
        ngoId: row.id,
        similarity: Math.round(Number(row.similarity) * 1000) / 1000,
      }),
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [DuplicateNgoPair], {
    description:
      "Pairs of NGO records of the user's territory that are likely the same NGO entered twice: the same normalised name in another county, names with trigram similarity ≥ 0.7, a phone in common, or the same registration number in a province; each pair once, with its reasons and a score, highest first.",
  })
  async duplicateNgoCandidates(
    @Ctx() ctx: RequestContext,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only pairs with an NGO of this province." })
    provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only pairs with an NGO of this county." })
    countyId: string | undefined,
    @Arg("minScore", () => Float, { defaultValue: 0.5, description: "Smallest score (0 to 1) to include." })
    minScore: number,
    @Arg("limit", () => Int, { defaultValue: 50, description: "At most this many pairs (1 to 500)." }) limit: number,
  ): Promise<DuplicateNgoPair[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۵۰۰ باشد.", { field: "limit" });
    if (!(minScore >= 0 && minScore <= 1))
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداقل امتیاز باید بین ۰ و ۱ باشد.", { field: "minScore" });
    const scope = territoryCondition(requireUser(ctx), { province: "n.province_id", county: "n.county_id" });
    const narrow = [provinceId ? "province_id = :provinceId" : null, countyId ? "county_id = :countyId" : null].filter(
      Boolean,
    );
    // `focus`: the NGOs a pair must include (the narrowing filter); `scoped`: everything the user may see. Each
    // reason is looked for from the focus side only (the name similarity through the trigram index, one probe per
    // focus NGO), and pairs are put in (smaller id, larger id) order so UNION removes the pairs found twice.
    const sql = `
      WITH scoped AS MATERIALIZED (
        SELECT n.id, n.name_normalized, n.province_id, n.county_id, n.registration_number,
               array_remove(ARRAY[n.phone], NULL) || n.other_phones AS phones
          FROM ngo n WHERE n.status <> 'MERGED' ${scope ? `AND ${scope.sql}` : ""}
      ),
      focus AS MATERIALIZED (SELECT * FROM scoped ${narrow.length ? `WHERE ${narrow.join(" AND ")}` : ""}),
      pairs AS (
        SELECT least(f.id, s.id) AS a, greatest(f.id, s.id) AS b, 'SAME_NAME_OTHER_COUNTY' AS reason, 0.9::float8 AS weight
          FROM focus f JOIN scoped s ON s.name_normalized = f.name_normalized AND s.id <> f.id
        UNION
        SELECT least(f.id, s.id), greatest(f.id, s.id), 'SIMILAR_NAME', s.similarity
          FROM focus f
          CROSS JOIN LATERAL (
            SELECT b.id, public.similarity(f.name_normalized, b.name_normalized)::float8 AS similarity
              FROM ngo b
             WHERE b.name_normalized OPERATOR(public.%) f.name_normalized AND b.id <> f.id AND b.name_normalized <> f.name_normalized
            OFFSET 0
          ) s
         WHERE s.similarity >= :nameThreshold AND s.id IN (SELECT id FROM scoped)
        UNION
        SELECT least(f.id, s.id), greatest(f.id, s.id), 'SAME_PHONE', 0.7::float8
          FROM focus f CROSS JOIN LATERAL unnest(f.phones) AS fp(phone)
          JOIN (SELECT s.id, sp.phone FROM scoped s CROSS JOIN LATERAL unnest(s.phones) AS sp(phone)) s ON s.phone = fp.phone AND s.id <> f.id
        UNION
        SELECT least(f.id, s.id), greatest(f.id, s.id), 'SAME_REGISTRATION_NUMBER', 0.6::float8
          FROM focus f JOIN scoped s ON s.province_id = f.province_id AND lower(s.registration_number) = lower(f.registration_number) AND s.id <> f.id
      )
      SELECT p.a, p.b,
             array_agg(p.reason ORDER BY p.weight DESC, p.reason) AS reasons,
             1 - exp(sum(ln(1 - least(p.weight, 0.999)))) AS score,
             public.similarity(na.name_normalized, nb.name_normalized) AS name_similarity
        FROM pairs p JOIN ngo na ON na.id = p.a JOIN ngo nb ON nb.id = p.b
       -- A pair judged to be two different NGOs is not proposed again (dismissNgoDuplicate, docs/merging.md).
       WHERE NOT EXISTS (SELECT 1 FROM ngo_duplicate_dismissal d WHERE d.first_id = p.a AND d.second_id = p.b)
       GROUP BY p.a, p.b, na.name_normalized, nb.name_normalized
      HAVING 1 - exp(sum(ln(1 - least(p.weight, 0.999)))) >= :minScore
       ORDER BY score DESC, p.a, p.b
       LIMIT :limit`;
    const rows = await ctx.readDb
      .transaction(async (em) => {
        // The `%` operator (index-assisted) uses this threshold; the exact cut is the condition above.
        await em.query(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY_THRESHOLD}`);
        await em.query(`SET LOCAL statement_timeout = '${DUPLICATES_TIMEOUT}'`);
        return namedQuery<{ a: string; b: string; reasons: DuplicateReason[]; score: number; name_similarity: number }>(
          em,
          sql,
          {
            ...(scope?.params ?? {}),
            nameThreshold: NAME_SIMILARITY_THRESHOLD,
            minScore,
            limit,
            provinceId,
            countyId,
          },
        );
      })
      .catch((error: { driverError?: { code?: string } }) => {
        if (error.driverError?.code === "57014") {
          throw new AppError(
            ErrorCode.BAD_USER_INPUT,
            "این جست‌وجو بیش از حد طول کشید؛ آن را به یک استان یا شهرستان محدود کنید.",
            { field: "provinceId" },
          );
        }
        throw error;
      });
    return rows.map((row) =>
      Object.assign(new DuplicateNgoPair(), {
        firstId: row.a,
        secondId: row.b,
        reasons: row.reasons,
        score: Math.round(Number(row.score) * 1000) / 1000,
        nameSimilarity: row.name_similarity === null ? null : Math.round(Number(row.name_similarity) * 1000) / 1000,
        explanation: row.reasons.map((reason) => REASON_LABELS[reason]).join("، "),
      }),
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [ParallelWorkGroup], {
    description:
      "Parallel work (موازی‌کاری), for the NGO House's geographic division of labour: counties covered by several ACTIVE NGOs of the user's territory in the same field of activity, most crowded first. An NGO covers its home county in each of its fields, and the coverage counties of each capability in the capability's field (or in all its fields when the capability names none).",
  })
  async parallelWork(
    @Ctx() ctx: RequestContext,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only counties of this province." })
    provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
    @Arg("fieldId", () => ID, { nullable: true, description: "Only this field of activity." })
    fieldId: string | undefined,
    @Arg("minNgos", () => Int, {
      defaultValue: 2,
      description: "Smallest number of NGOs for a county and field to be listed (2 or more).",
    })
    minNgos: number,
    @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many groups (1 to 500)." }) limit: number,
  ): Promise<ParallelWorkGroup[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۵۰۰ باشد.", { field: "limit" });
    if (!Number.isInteger(minNgos) || minNgos < 2)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداقل تعداد سمن‌ها باید ۲ یا بیشتر باشد.", { field: "minNgos" });
    const scope = territoryCondition(requireUser(ctx), { province: "n.province_id", county: "n.county_id" });
    const conditions = [
      provinceId ? "c.province_id = :provinceId" : null,
      countyId ? "cv.county_id = :countyId" : null,
      fieldId ? "cv.field_id = :fieldId" : null,
    ].filter(Boolean);
    const rows = await namedQuery<{ county_id: string; field_id: string; ngo_count: string; ngo_ids: string[] }>(
      ctx.readDb,
      `WITH active AS (
         SELECT n.id, n.county_id FROM ngo n WHERE n.status = 'ACTIVE' ${scope ? `AND ${scope.sql}` : ""}
       ),
       coverage AS (
         SELECT a.id AS ngo_id, a.county_id, nf.field_id
           FROM active a JOIN ngo_field nf ON nf.ngo_id = a.id
         UNION
         SELECT a.id, area.county_id, coalesce(cap.field_id, nf.field_id)
           FROM active a
           JOIN ngo_capability cap ON cap.ngo_id = a.id
           CROSS JOIN LATERAL unnest(cap.coverage_county_ids) AS area(county_id)
           LEFT JOIN ngo_field nf ON nf.ngo_id = a.id AND cap.field_id IS NULL
          WHERE coalesce(cap.field_id, nf.field_id) IS NOT NULL
       )
       SELECT cv.county_id, cv.field_id::text AS field_id, count(DISTINCT cv.ngo_id) AS ngo_count, array_agg(DISTINCT cv.ngo_id::text) AS ngo_ids
         FROM coverage cv JOIN county c ON c.id = cv.county_id
        ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
        GROUP BY cv.county_id, cv.field_id
       HAVING count(DISTINCT cv.ngo_id) >= :minNgos
        ORDER BY ngo_count DESC, cv.county_id, field_id
        LIMIT :limit`,
      {
        ...(scope?.params ?? {}),
        provinceId,
        countyId,
        fieldId: fieldId ? uuidsForFilter([fieldId])[0] : undefined,
        minNgos,
        limit,
      },
    );
    return rows.map((row) =>
      Object.assign(new ParallelWorkGroup(), {
        countyId: row.county_id,
        fieldId: row.field_id,
        ngoCount: Number(row.ngo_count),
        ngoIds: row.ngo_ids,
      }),
    );
  }
}
