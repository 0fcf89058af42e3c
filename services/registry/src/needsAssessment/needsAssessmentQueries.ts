import {
  assertNotReferenced,
  invalidInput,
  isUuid,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  tehranToday,
  whereInTerritory,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { NeedsAssessment, NeedsAssessmentNgo, PriorityNeed } from "../entities/NeedsAssessment";
import { Ngo } from "../entities/Ngo";
import { InformalSettlementAreaPage } from "../resolvers/area";
import { areaForWrite } from "../resolvers/facilitationOfficeRules";
import { visibleNgos } from "../resolvers/organisationSupport";
import { AssessmentDueFilter } from "./needsAssessmentInputs";
import { assessmentDueBefore, AssessmentValues, matchNeeds, ngoWorksInArea } from "./needsAssessmentRules";

/** The assessments the user may see: their territory, or, for a representative, those its NGO took part in. */
export function visibleAssessments(ctx: RequestContext) {
  return whereInTerritory(ctx.db.getRepository(NeedsAssessment).createQueryBuilder("assessment"), requireUser(ctx), {
    province: "assessment.provinceId",
    county: "assessment.countyId",
    ngo: "EXISTS (SELECT 1 FROM needs_assessment_ngo n WHERE n.assessment_id = assessment.id AND n.ngo_id = :bound)",
  });
}

/**
 * Areas of the user's territory due for a needs assessment: never assessed, or not since a year ago (Tehran
 * today), by name.
 */
export function areasDue(
  ctx: RequestContext,
  filter: AssessmentDueFilter | undefined,
  page: PageArgs,
): Promise<InformalSettlementAreaPage> {
  const query = whereInTerritory(
    ctx.db.getRepository(InformalSettlementArea).createQueryBuilder("area"),
    requireUser(ctx),
    { province: "area.provinceId", county: "area.countyId" },
  );
  if (filter?.neverAssessed) query.andWhere("NOT EXISTS (SELECT 1 FROM needs_assessment a WHERE a.area_id = area.id)");
  else
    query.andWhere(
      "NOT EXISTS (SELECT 1 FROM needs_assessment a WHERE a.area_id = area.id AND a.assessed_on >= :dueBefore)",
      { dueBefore: assessmentDueBefore(tehranToday()) },
    );
  if (filter?.provinceId) query.andWhere("area.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere("area.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.kind) query.andWhere("area.kind = :kind", { kind: filter.kind });
  return paginate(
    query,
    page,
    { name: "area.nameNormalized", countyId: "area.countyId", provinceId: "area.provinceId" },
    { field: "name", order: SortOrder.ASC },
  );
}

/**
 * The area an assessment is filed for. Officers: an area of their territory. A representative: an area its NGO
 * works in (its county, or one of the area's facilitation offices), with its own NGO the only one named.
 */
export async function areaForAssessment(
  em: EntityManager,
  ctx: RequestContext,
  areaId: string,
  ngoIds: string[],
): Promise<InformalSettlementArea> {
  const user = requireUser(ctx);
  const missing = invalidInput([{ field: "areaId", message: `محله یا سکونتگاهی با شناسه «${areaId}» پیدا نشد.` }]);
  if (!isUuid(areaId)) throw missing;
  if (user.role !== "NGO_REPRESENTATIVE") {
    const area = await areaForWrite(em, ctx, areaId);
    if (!area) throw missing;
    return area;
  }
  if (ngoIds.length !== 1 || ngoIds[0] !== user.boundId)
    throw invalidInput([
      { field: "ngoIds", message: "نماینده سمن تنها نیازسنجیِ سمن خود را ثبت می‌کند؛ تنها سمن خود را نام ببرید." },
    ]);
  const [area, ngo] = await Promise.all([
    em.findOneBy(InformalSettlementArea, { id: areaId }),
    em.findOneBy(Ngo, { id: user.boundId }),
  ]);
  if (!area || !ngo) throw missing;
  const runsOffice =
    (
      await em.query(
        `SELECT 1 FROM facilitation_office o JOIN facilitation_office_operator op ON op.facilitation_office_id = o.id WHERE o.area_id = $1 AND op.ngo_id = $2 LIMIT 1`,
        [area.id, ngo.id],
      )
    ).length > 0;
  if (!ngoWorksInArea(ngo, area, runsOffice))
    throw invalidInput([
      {
        field: "areaId",
        message: "سمن شما در این محله کار نمی‌کند (نه در شهرستان آن است و نه دفتر تسهیل‌گری آن را می‌گرداند).",
      },
    ]);
  return area;
}

/** Officers name NGOs they can see, of the area's province (every problem at once). */
export async function checkAssessingNgos(
  em: EntityManager,
  ctx: RequestContext,
  ngoIds: string[],
  area: { provinceId: string },
): Promise<void> {
  if (requireUser(ctx).role === "NGO_REPRESENTATIVE") return; // checked by areaForAssessment: its own NGO only
  const known = await visibleNgos(em, ctx, ngoIds);
  const problems = ngoIds.flatMap((id, i) => {
    const ngo = known.get(id);
    if (!ngo) return [{ field: `ngoIds.${i}`, message: `سمنی با شناسه «${id}» پیدا نشد.` }];
    if (ngo.provinceId !== area.provinceId)
      return [{ field: `ngoIds.${i}`, message: `«${ngo.name}» سمن این استان نیست.` }];
    return [];
  });
  if (problems.length) throw invalidInput(problems);
}

/** Copies the checked values onto the assessment (not its lists). */
export function applyValues(assessment: NeedsAssessment, values: AssessmentValues): void {
  assessment.assessedOn = values.assessedOn;
  assessment.socialFindings = values.socialFindings;
  assessment.economicFindings = values.economicFindings;
  assessment.physicalFindings = values.physicalFindings;
  assessment.environmentalFindings = values.environmentalFindings;
}

/** Rewrites the priority needs: the same need keeps its row (and id), the others are replaced; ranks follow the list. */
export async function writePriorityNeeds(
  em: EntityManager,
  ctx: RequestContext,
  assessmentId: string,
  needs: AssessmentValues["priorityNeeds"],
): Promise<void> {
  const current = await em.find(PriorityNeed, { where: { assessmentId } });
  const { keptIds, removedIds } = matchNeeds(current, needs);
  await assertNeedsUnused(ctx, removedIds);
  if (removedIds.length) await em.delete(PriorityNeed, removedIds);
  const rows = needs.map((need, i) =>
    em.create(PriorityNeed, { ...(keptIds[i] ? { id: keptIds[i]! } : {}), assessmentId, ...need }),
  );
  if (rows.length) await em.save(rows);
}

/** Refuses (CONFLICT) removing a priority need a project was made from (engagement is asked, docs/references.md). */
export async function assertNeedsUnused(ctx: RequestContext, needIds: string[]): Promise<void> {
  for (const id of needIds) await assertNotReferenced(ctx, "PriorityNeed", id, "نیاز اولویت‌دار");
}

/** An assessment's audit form: its fields, its NGOs and its priority needs. */
export async function assessmentAuditForm(em: EntityManager, row: NeedsAssessment) {
  const [links, needs] = await Promise.all([
    em.find(NeedsAssessmentNgo, { where: { assessmentId: row.id }, order: { ngoId: "ASC" } }),
    em.find(PriorityNeed, { where: { assessmentId: row.id }, order: { rank: "ASC" } }),
  ]);
  return {
    ...row,
    ngoIds: links.map((link) => link.ngoId),
    priorityNeeds: needs.map(({ rank, dimension, description }) => ({ rank, dimension, description })),
  };
}
