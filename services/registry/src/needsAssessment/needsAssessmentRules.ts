import { addDays, normalizePersian, tidyDisplayText, Validator } from "@hamafza/common";
import { AssessmentDimension } from "../entities/NeedsAssessment";
import { duplicates } from "../resolvers/organisationSupport";
import { NeedsAssessmentContent, PriorityNeedInput } from "./needsAssessmentInputs";

/** Needs assessments' pure rules: input checks, priority needs kept across edits, when an area is due. */

/** An area is due for a needs assessment when it has none made in the last this many days (seed 003; a year). */
export const ASSESSMENT_MAX_AGE_DAYS = 365;
export const MAX_ASSESSING_NGOS = 20;
export const MAX_PRIORITY_NEEDS = 20;

/** The first day an assessment must be made on or after for the area not to be due, given today (Tehran). */
export function assessmentDueBefore(today: string): string {
  return addDays(today, -ASSESSMENT_MAX_AGE_DAYS);
}

/** Whether an area last assessed on `lastAssessedOn` (null: never) is due for a new assessment today. */
export function isAssessmentDue(lastAssessedOn: string | null, today: string): boolean {
  return lastAssessedOn === null || lastAssessedOn < assessmentDueBefore(today);
}

/** The checked, tidied content of an assessment. */
export interface AssessmentValues {
  assessedOn: string;
  ngoIds: string[];
  socialFindings: string | null;
  economicFindings: string | null;
  physicalFindings: string | null;
  environmentalFindings: string | null;
  priorityNeeds: { rank: number; dimension: AssessmentDimension; description: string }[];
}

const FINDINGS = ["socialFindings", "economicFindings", "physicalFindings", "environmentalFindings"] as const;
const FINDING_LABELS: Record<(typeof FINDINGS)[number], string> = {
  socialFindings: "یافته‌های اجتماعی",
  economicFindings: "یافته‌های اقتصادی",
  physicalFindings: "یافته‌های کالبدی",
  environmentalFindings: "یافته‌های زیست‌محیطی",
};

const tidyOrNull = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * Checks an assessment's content (every problem at once): a day not after today, 1–20 distinct NGOs, findings of
 * at most 4000 characters with at least one dimension or one priority need given, at most 20 priority needs of
 * 3–500 characters, no need listed twice. Returns the tidied values with the needs ranked in list order.
 */
export function checkAssessmentContent(input: NeedsAssessmentContent, today: string): AssessmentValues {
  const v = new Validator();
  v.check(!!input.assessedOn, "assessedOn", "تاریخ نیازسنجی را وارد کنید.");
  if (input.assessedOn) v.check(input.assessedOn <= today, "assessedOn", "تاریخ نیازسنجی نمی‌تواند در آینده باشد.");
  const ngoIds = input.ngoIds ?? [];
  v.check(ngoIds.length > 0, "ngoIds", "دست‌کم یک سمن نیازسنج را انتخاب کنید.");
  v.check(
    ngoIds.length <= MAX_ASSESSING_NGOS,
    "ngoIds",
    `حداکثر ${MAX_ASSESSING_NGOS.toLocaleString("fa-IR")} سمن را می‌توان نام برد.`,
  );
  v.check(duplicates(ngoIds).length === 0, "ngoIds", "هر سمن تنها یک بار می‌تواند آمده باشد.");
  for (const field of FINDINGS) v.text(input[field], field, FINDING_LABELS[field], { max: 4000, required: false });
  const needs = input.priorityNeeds ?? [];
  v.check(
    needs.length <= MAX_PRIORITY_NEEDS,
    "priorityNeeds",
    `حداکثر ${MAX_PRIORITY_NEEDS.toLocaleString("fa-IR")} نیاز اولویت‌دار را می‌توان ثبت کرد.`,
  );
  needs.forEach((need, i) => {
    v.check(!!need.dimension, `priorityNeeds.${i}.dimension`, "بعد نیاز را انتخاب کنید.");
    v.text(need.description, `priorityNeeds.${i}.description`, "شرح نیاز", { min: 3, max: 500 });
  });
  const keys = needs.map(needKey);
  v.check(duplicates(keys).length === 0, "priorityNeeds", "یک نیاز دو بار در فهرست آمده است.");
  v.check(
    FINDINGS.some((field) => !!tidyOrNull(input[field])) || needs.length > 0,
    "socialFindings",
    "دست‌کم یافته‌های یک بعد یا یک نیاز اولویت‌دار را وارد کنید.",
  );
  v.done();
  return {
    assessedOn: input.assessedOn,
    ngoIds,
    socialFindings: tidyOrNull(input.socialFindings),
    economicFindings: tidyOrNull(input.economicFindings),
    physicalFindings: tidyOrNull(input.physicalFindings),
    environmentalFindings: tidyOrNull(input.environmentalFindings),
    priorityNeeds: needs.map((need, i) => ({
      rank: i + 1,
      dimension: need.dimension,
      description: tidyDisplayText(need.description),
    })),
  };
}

/** What makes two priority needs the same need: the dimension and the normalised text. */
export function needKey(need: Pick<PriorityNeedInput, "dimension" | "description">): string {
  return `${need.dimension}:${normalizePersian(need.description ?? "")}`;
}

/**
 * Matches the new list of needs to the current one: a new need that is the same need as a current one keeps its
 * id (so a project made from it still names it); the others are new. Returns the id kept for each new need
 * (or null) and the current ids no longer listed.
 */
export function matchNeeds(
  current: { id: string; dimension: AssessmentDimension; description: string }[],
  next: { dimension: AssessmentDimension; description: string }[],
): { keptIds: (string | null)[]; removedIds: string[] } {
  const byKey = new Map(current.map((need) => [needKey(need), need.id]));
  const keptIds = next.map((need) => byKey.get(needKey(need)) ?? null);
  const kept = new Set(keptIds.filter((id): id is string => id !== null));
  return { keptIds, removedIds: current.map((need) => need.id).filter((id) => !kept.has(id)) };
}

/**
 * An NGO works in an area (and its representative may file an assessment of it) when the area lies in the NGO's
 * county or the NGO runs one of the area's facilitation offices.
 */
export function ngoWorksInArea(
  ngo: { countyId: string | null },
  area: { countyId: string },
  runsOfficeInArea: boolean,
): boolean {
  return runsOfficeInArea || (ngo.countyId !== null && ngo.countyId === area.countyId);
}
