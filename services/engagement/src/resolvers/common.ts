import { AppError, ErrorCode, isUuid, RequestContext, requireUser, Validator } from "@hamafza/common";
import { Territory } from "@hamafza/common";

export const PROVINCE_CODE = /^\d{2}$/;
export const COUNTY_CODE = /^\d{4}$/;

/** Checks a territory given in an input: a two-digit province and, optionally, a county of that province. */
export function checkTerritory(v: Validator, provinceId: string | undefined, countyId: string | null | undefined): void {
  if (provinceId !== undefined) v.check(PROVINCE_CODE.test(provinceId), "provinceId", "کد استان باید دو رقم باشد.");
  if (countyId) v.check(COUNTY_CODE.test(countyId) && countyId.startsWith(provinceId ?? ""), "countyId", "شهرستان باید از همان استان باشد.");
}

/** Checks an optional id that must be a UUID. */
export function checkUuid(v: Validator, value: string | null | undefined, field: string, label: string): void {
  if (value) v.check(isUuid(value), field, `شناسه ${label} معتبر نیست.`);
}

/** Whether a given day (`YYYY-MM-DD`) is well-formed and not in the future (Tehran). */
export function notInFuture(day: string, today: string): boolean {
  return day <= today;
}

/** A territory of the same province (and county when the parent has one) as the parent's, or a BAD_USER_INPUT error. */
export function assertSameTerritory(child: Territory, parent: Territory, field: string, message: string): void {
  const ok = child.provinceId === parent.provinceId && (parent.countyId === null || child.countyId === parent.countyId);
  if (!ok) throw new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field, message }] });
}

export function invalidTransition(message: string, from: string, to: string): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, message, { from, to });
}

/** The username recorded in history rows. */
export const actorName = (ctx: RequestContext) => requireUser(ctx).username ?? null;

export const trimOrNull = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = value.replace(/[\s\u00A0]+/g, " ").trim();
  return trimmed.length ? trimmed : null;
};
