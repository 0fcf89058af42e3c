import { groupByKeys, RequestContext, requireUser, territoryCondition, uuidKeyedLoader } from "@hamafza/common";
import { NeedsAssessmentNgo, PriorityNeed } from "../entities/NeedsAssessment";
import { Ngo } from "../entities/Ngo";

/**
 * Request-scoped loaders of needs assessments' parts: the NGOs (only those the user may see: their territory, or a
 * representative's own NGO), the priority needs by rank, and each area's latest assessment day.
 */

export const assessmentNgoIds = (ctx: RequestContext) =>
  uuidKeyedLoader<string[]>(
    ctx,
    "NeedsAssessmentNgoByAssessment",
    async (assessmentIds) => {
      const query = ctx.db
        .getRepository(NeedsAssessmentNgo)
        .createQueryBuilder("link")
        .innerJoin(Ngo, "ngo", "ngo.id = link.ngoId")
        .where("link.assessmentId IN (:...assessmentIds)", { assessmentIds })
        .orderBy("ngo.nameNormalized");
      const scope = territoryCondition(
        requireUser(ctx),
        { province: "ngo.provinceId", county: "ngo.countyId", ngo: "ngo.id" },
        "ngoScope",
      );
      if (scope) query.andWhere(scope.sql, scope.params);
      const rows = await query.getMany();
      return groupByKeys(assessmentIds, rows, (row) => row.assessmentId).map((group) => group.map((row) => row.ngoId));
    },
    [],
  );

export const priorityNeedsByAssessment = (ctx: RequestContext) =>
  uuidKeyedLoader<PriorityNeed[]>(
    ctx,
    "PriorityNeedByAssessment",
    async (assessmentIds) => {
      const rows = await ctx.db
        .getRepository(PriorityNeed)
        .createQueryBuilder("need")
        .where("need.assessmentId IN (:...assessmentIds)", { assessmentIds })
        .orderBy("need.rank")
        .getMany();
      return groupByKeys(assessmentIds, rows, (row) => row.assessmentId);
    },
    [],
  );

/** The day of each area's latest needs assessment (null: never assessed); the area is already visible. */
export const lastAssessedOnByArea = (ctx: RequestContext) =>
  uuidKeyedLoader<string | null>(
    ctx,
    "NeedsAssessmentLastByArea",
    async (areaIds) => {
      const rows: { area_id: string; last: string }[] = await ctx.db.query(
        `SELECT area_id, to_char(max(assessed_on), 'YYYY-MM-DD') AS last FROM needs_assessment WHERE area_id = ANY($1::uuid[]) GROUP BY area_id`,
        [areaIds],
      );
      const byArea = new Map(rows.map((row) => [row.area_id, row.last]));
      return areaIds.map((id) => byArea.get(id) ?? null);
    },
    null,
  );

/**
 * Priority needs by id, only those of assessments the user may see (the `_entities` path engagement's projects use
 * to check and read the need they were made from).
 */
export const priorityNeedById = (ctx: RequestContext) =>
  uuidKeyedLoader<PriorityNeed | null>(
    ctx,
    "PriorityNeedById",
    async (ids) => {
      const query = ctx.db
        .getRepository(PriorityNeed)
        .createQueryBuilder("need")
        .innerJoin("needs_assessment", "assessment", "assessment.id = need.assessment_id")
        .where("need.id IN (:...ids)", { ids });
      const scope = territoryCondition(requireUser(ctx), {
        province: "assessment.province_id",
        county: "assessment.county_id",
        ngo: "EXISTS (SELECT 1 FROM needs_assessment_ngo n WHERE n.assessment_id = assessment.id AND n.ngo_id = :bound)",
      });
      if (scope) query.andWhere(scope.sql, scope.params);
      const byId = new Map((await query.getMany()).map((need) => [need.id, need]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    null,
  );
