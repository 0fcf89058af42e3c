import { AuthUser } from "./auth";
import { canRead, provinceScopeOf, requireUser } from "./access";
import { RequestContext } from "./context";
import { AppError, ErrorCode, invalidInput } from "./errors";
import { isCountyCode, isProvinceCode } from "./ids";
import { askService } from "./references";

/**
 * The counties an analytics question covers, for services that do not own the geography (engagement): asked of the
 * registry with the caller's token (docs/references.md). `provinceId` given: that province's counties — refused with
 * BAD_USER_INPUT when it is not a province code or no such province exists, FORBIDDEN when it lies outside the
 * caller's territory. Not given: the caller's territory (a county officer's county, a province's counties, every
 * county for national users). Only counties the caller may read are returned, sorted by code.
 */
export async function countiesInScope(ctx: RequestContext, provinceId: string | null | undefined): Promise<string[]> {
  const user = requireUser(ctx);
  const scope = provinceScopeOf(user);
  checkProvinceArg(user, provinceId);
  const province = provinceId ?? scope;
  if (user.countyId && !provinceId) return [user.countyId];
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const data = await askService<{
      province: { id: string } | null;
      counties: { items: { id: string }[] };
    }>(
      ctx,
      "registry",
      `query($p: ID!, $f: CountyFilter, $o: Int!) { province(id: $p) { id } counties(filter: $f, offset: $o, limit: 200) { items { id } } }`,
      { p: province ?? "", f: province ? { provinceId: province } : null, o: offset },
      "فهرست شهرستان‌ها از بخش ثبت گرفته نشد، چون آن بخش اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.",
    );
    if (province && !data.province)
      throw invalidInput([{ field: "provinceId", message: `استانی با کد «${province}» پیدا نشد.` }]);
    ids.push(...data.counties.items.map((county) => county.id));
    if (data.counties.items.length < 200) break; // a short page ends the list (no COUNT asked)
  }
  return ids.filter((id) => canRead(user, { provinceId: id.slice(0, 2), countyId: id })).sort();
}

/** Refuses a `provinceId` argument that is not a province code (BAD_USER_INPUT) or lies outside the user's territory (FORBIDDEN). */
export function checkProvinceArg(user: AuthUser, provinceId: string | null | undefined): void {
  if (provinceId === undefined || provinceId === null) return;
  if (!isProvinceCode(provinceId))
    throw invalidInput([
      { field: "provinceId", message: `«${provinceId}» کد استان نیست؛ کد دو رقمی استان را بفرستید.` },
    ]);
  const scope = provinceScopeOf(user);
  if (scope && scope !== provinceId)
    throw new AppError(ErrorCode.FORBIDDEN, "این استان در قلمرو شما نیست؛ استان خودتان را بپرسید یا آن را نفرستید.");
}

/** Refuses a `countyId` argument that is not a county code (BAD_USER_INPUT) or lies outside the user's territory (FORBIDDEN). */
export function checkCountyArg(user: AuthUser, countyId: string | null | undefined, provinceId?: string | null): void {
  if (countyId === undefined || countyId === null) return;
  if (!isCountyCode(countyId))
    throw invalidInput([
      { field: "countyId", message: `«${countyId}» کد شهرستان نیست؛ کد چهار رقمی شهرستان را بفرستید.` },
    ]);
  if (provinceId && !countyId.startsWith(provinceId))
    throw invalidInput([{ field: "countyId", message: `شهرستان «${countyId}» در استان «${provinceId}» نیست.` }]);
  if (!canRead(user, { provinceId: countyId.slice(0, 2), countyId }))
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "این شهرستان در قلمرو شما نیست؛ شهرستان خودتان را بپرسید یا آن را نفرستید.",
    );
}

/**
 * The NGOs an analytics question covers (of a province, a county, or by default the caller's territory), asked of
 * the registry with the caller's token (its `ngos` list, so its territory rules apply), 200 a request. More than
 * `max` NGOs is refused with BAD_USER_INPUT asking for a narrower territory.
 */
export async function ngosInScope(
  ctx: RequestContext,
  where: { provinceId?: string | null; countyId?: string | null },
  max: number,
): Promise<string[]> {
  const user = requireUser(ctx);
  checkProvinceArg(user, where.provinceId);
  checkCountyArg(user, where.countyId, where.provinceId);
  const filter = {
    ...(where.provinceId ? { provinceId: where.provinceId } : {}),
    ...(where.countyId ? { countyId: where.countyId } : {}),
  };
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const data = await askService<{ ngos: { totalCount: number; items: { id: string }[] } }>(
      ctx,
      "registry",
      `query($f: NgoFilter, $o: Int!) { ngos(filter: $f, offset: $o, limit: 200, sort: { field: "id", order: ASC }) { totalCount items { id } } }`,
      { f: filter, o: offset },
      "فهرست سمن‌ها از بخش ثبت گرفته نشد، چون آن بخش اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.",
    );
    if (data.ngos.totalCount > max)
      throw invalidInput([
        {
          field: where.countyId ? "countyId" : "provinceId",
          message: `این قلمرو ${data.ngos.totalCount.toLocaleString("fa-IR")} سمن دارد و حداکثر ${max.toLocaleString("fa-IR")} سمن در هر پرسش بررسی می‌شود؛ استان یا شهرستانی را بفرستید.`,
        },
      ]);
    ids.push(...data.ngos.items.map((ngo) => ngo.id));
    if (offset + 200 >= data.ngos.totalCount) break;
  }
  return ids;
}

/** A `provinceId` / `countyId` argument pair of an analytics query (either may be omitted), checked as above. */
export function checkTerritoryArgs(
  user: AuthUser,
  provinceId: string | null | undefined,
  countyId: string | null | undefined,
): void {
  checkProvinceArg(user, provinceId);
  checkCountyArg(user, countyId, provinceId);
}

/**
 * `checkTerritoryArgs` and more, for services that do not own the geography: the province or county named must also
 * exist (asked of the registry, one request), else BAD_USER_INPUT with a Persian message — an unknown code would
 * otherwise answer an empty list that reads as «nothing to do».
 */
export async function checkKnownTerritoryArgs(
  ctx: RequestContext,
  provinceId: string | null | undefined,
  countyId: string | null | undefined,
): Promise<void> {
  checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
  if (!provinceId && !countyId) return;
  const counties = await countiesInScope(ctx, provinceId ?? countyId!.slice(0, 2));
  if (countyId && !counties.includes(countyId))
    throw invalidInput([{ field: "countyId", message: `شهرستانی با کد «${countyId}» پیدا نشد.` }]);
}
