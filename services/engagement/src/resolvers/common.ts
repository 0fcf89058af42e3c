import {
  AppError,
  containsPattern,
  ErrorCode,
  isUuid,
  RequestContext,
  requireUser,
  Territory,
  uuidsForFilter,
  Validator,
  isCountyCode,
  isProvinceCode,
} from "@hamafza/common";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/** Checks a territory given in an input: a two-digit province and, optionally, a county of that province. */
export function checkTerritory(
  v: Validator,
  provinceId: string | undefined,
  countyId: string | null | undefined,
): void {
  if (provinceId !== undefined) v.check(isProvinceCode(provinceId), "provinceId", "کد استان باید دو رقم باشد.");
  if (countyId)
    v.check(
      isCountyCode(countyId) && countyId.startsWith(provinceId ?? ""),
      "countyId",
      "شهرستان باید از همان استان باشد.",
    );
}

/** Checks an optional id that must be a UUID. */
/** An optional id: absent or null means none; anything given, the empty string included, must be a UUID. */
export function checkUuid(v: Validator, value: string | null | undefined, field: string, label: string): void {
  if (value !== undefined && value !== null)
    v.check(
      isUuid(value),
      field,
      value.trim() === ""
        ? `شناسه ${label} خالی است؛ آن را انتخاب کنید یا این فیلد را نفرستید.`
        : `شناسه ${label} معتبر نیست.`,
    );
}

/** A territory of the same province (and county when the parent has one) as the parent's, or a BAD_USER_INPUT error. */
export function assertSameTerritory(child: Territory, parent: Territory, field: string, message: string): void {
  const ok = child.provinceId === parent.provinceId && (parent.countyId === null || child.countyId === parent.countyId);
  if (!ok) throw new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field, message }] });
}

/** The username recorded in history rows. */
export const actorName = (ctx: RequestContext) => requireUser(ctx).username ?? null;

/** Tidied text or null; its home is @hamafza/common. */
export { trimOrNull } from "@hamafza/common";

/** An id filter argument as one SQL parameter: a malformed id becomes one that matches nothing. */
export const oneUuid = (id: string): string => uuidsForFilter([id])[0];

/** The filter conditions every list shares: `ids`, `q` (on the normalised `searchColumn`), `provinceId`, `countyId`. */
export function whereListBasics<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  searchColumn: string,
  filter: { ids?: string[]; q?: string; provinceId?: string; countyId?: string } | undefined,
): SelectQueryBuilder<T> {
  if (filter?.ids) query.andWhere(`${alias}.id IN (:...ids)`, { ids: uuidsForFilter(filter.ids) });
  if (filter?.q) query.andWhere(`${alias}.${searchColumn} LIKE :q`, { q: containsPattern(filter.q) });
  if (filter?.provinceId) query.andWhere(`${alias}.provinceId = :provinceId`, { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere(`${alias}.countyId = :countyId`, { countyId: filter.countyId });
  return query;
}
