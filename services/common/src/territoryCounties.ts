import { canRead, provinceScopeOf, requireUser } from "./access";
import { RequestContext } from "./context";
import { AppError, ErrorCode, invalidInput } from "./errors";
import { isProvinceCode } from "./ids";
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
  if (provinceId !== undefined && provinceId !== null) {
    if (!isProvinceCode(provinceId))
      throw invalidInput([
        { field: "provinceId", message: `«${provinceId}» کد استان نیست؛ کد دو رقمی استان را بفرستید.` },
      ]);
    if (scope && scope !== provinceId)
      throw new AppError(ErrorCode.FORBIDDEN, "این استان در قلمرو شما نیست؛ استان خودتان را بپرسید یا آن را نفرستید.");
  }
  const province = provinceId ?? scope;
  if (user.countyId && !provinceId) return [user.countyId];
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const data = await askService<{
      province: { id: string } | null;
      counties: { totalCount: number; items: { id: string }[] };
    }>(
      ctx,
      "registry",
      `query($p: ID!, $f: CountyFilter, $o: Int!) { province(id: $p) { id } counties(filter: $f, offset: $o, limit: 200) { totalCount items { id } } }`,
      { p: province ?? "", f: province ? { provinceId: province } : null, o: offset },
      "فهرست شهرستان‌ها از بخش ثبت گرفته نشد، چون آن بخش اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.",
    );
    if (province && !data.province)
      throw invalidInput([{ field: "provinceId", message: `استانی با کد «${province}» پیدا نشد.` }]);
    ids.push(...data.counties.items.map((county) => county.id));
    if (offset + 200 >= data.counties.totalCount) break;
  }
  return ids.filter((id) => canRead(user, { provinceId: id.slice(0, 2), countyId: id })).sort();
}
