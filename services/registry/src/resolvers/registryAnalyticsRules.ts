import {
  checkTerritoryArgs,
  FieldProblem,
  invalidInput,
  RequestContext,
  requireUser,
  toPersianDigits,
} from "@hamafza/common";
import { LICENCE_STATE_LABELS, LicenceState } from "../entities/Licence";
import { NgoScope, NgoStatus } from "../entities/Ngo";
import { countyById, provinceById } from "../loaders";
import { fieldOfActivityById } from "./fieldOfActivity";
import { DuplicateReason, NgoCount, NgoCountDimension } from "./registryAnalyticsInputs";

export const REASON_LABELS: Record<DuplicateReason, string> = {
  SAME_NAME_OTHER_COUNTY: "نام یکسان در شهرستانی دیگر",
  SIMILAR_NAME: "نام بسیار شبیه",
  SAME_PHONE: "شماره تلفن مشترک",
  SAME_REGISTRATION_NUMBER: "شماره ثبت یکسان در یک استان",
};

export const NAME_SIMILARITY_THRESHOLD = 0.7;
/** A duplicate search over a very large territory is stopped rather than left running. */
export const DUPLICATES_TIMEOUT = "30s";

export function refsOf(groupBy: NgoCountDimension, key: string | null): Partial<NgoCount> {
  if (groupBy === NgoCountDimension.PROVINCE) return { provinceId: key };
  if (groupBy === NgoCountDimension.COUNTY) return { countyId: key, provinceId: key?.slice(0, 2) ?? null };
  if (groupBy === NgoCountDimension.FIELD) return { fieldId: key };
  return {};
}

const STATUS_LABELS: Record<NgoStatus, string> = {
  ACTIVE: "فعال",
  INACTIVE: "غیرفعال",
  DISSOLVED: "منحل",
  MERGED: "ادغام‌شده",
};
const SCOPE_LABELS: Record<NgoScope, string> = { NATIONAL: "ملی", PROVINCIAL: "استانی", COUNTY: "شهرستانی" };

export async function countLabel(ctx: RequestContext, groupBy: NgoCountDimension, key: string | null): Promise<string> {
  switch (groupBy) {
    case NgoCountDimension.PROVINCE:
      return (await provinceById(ctx).load(key!))?.name ?? key ?? "";
    case NgoCountDimension.COUNTY:
      return (await countyById(ctx).load(key!))?.name ?? key ?? "";
    case NgoCountDimension.FIELD:
      return key ? ((await fieldOfActivityById(ctx).load(key))?.name ?? key) : "بدون حوزه فعالیت";
    case NgoCountDimension.LICENCE_STATE:
      return LICENCE_STATE_LABELS[key as LicenceState] ?? key ?? "";
    case NgoCountDimension.STATUS:
      return STATUS_LABELS[key as NgoStatus] ?? key ?? "";
    case NgoCountDimension.SCOPE:
      return SCOPE_LABELS[key as NgoScope] ?? key ?? "";
  }
}

/**
 * The territory arguments of an analytics query (`provinceId`, `countyId`, either may be omitted): well-formed and
 * within the user's territory (`checkTerritoryArgs`), and naming a province or county that exists — an unknown code
 * is BAD_USER_INPUT with a Persian message, not an empty answer that looks like «no NGOs».
 */
export async function checkKnownTerritory(
  ctx: RequestContext,
  where: { provinceId?: string | null; countyId?: string | null } | null | undefined,
): Promise<void> {
  const provinceId = where?.provinceId ?? undefined;
  const countyId = where?.countyId ?? undefined;
  checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
  const problems: FieldProblem[] = [];
  if (provinceId && !(await provinceById(ctx).load(provinceId)))
    problems.push({ field: "provinceId", message: `استانی با کد «${toPersianDigits(provinceId)}» وجود ندارد.` });
  if (countyId && !(await countyById(ctx).load(countyId)))
    problems.push({ field: "countyId", message: `شهرستانی با کد «${toPersianDigits(countyId)}» وجود ندارد.` });
  if (problems.length) throw invalidInput(problems);
}
