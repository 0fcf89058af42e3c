import { askService, BOUND_KIND, BoundRole, invalidInput, isUuid, RequestContext } from "@hamafza/common";

/** The record an invited user will speak for, as the registry shows it to the inviting official. */
export interface BoundRecordInfo {
  id: string;
  name: string;
  provinceId: string;
  countyId: string | null;
}

const KIND_LABELS = { Ngo: "سمن", Agency: "دستگاه", Manager: "مدیر" } as const;

/**
 * Looks the record up at the registry with the official's own token (docs/references.md), so a record outside
 * their territory is not there: BAD_USER_INPUT on `boundId`, as for any reference the caller may not see.
 */
export async function boundRecordFor(ctx: RequestContext, role: BoundRole, id: string): Promise<BoundRecordInfo> {
  const kind = BOUND_KIND[role];
  const label = KIND_LABELS[kind];
  if (!isUuid(id)) throw invalidInput([{ field: "boundId", message: `«${id}» شناسه معتبر ${label} نیست.` }]);
  const data = await askService<{ _entities: (BoundRecordInfo | null)[] }>(
    ctx,
    "registry",
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${kind} { id name provinceId countyId } } }`,
    { r: [{ __typename: kind, id }] },
    "بررسی سمن، دستگاه یا مدیر ممکن نشد، چون بخش ثبت اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.",
  );
  const record = data._entities?.[0];
  if (!record?.id)
    throw invalidInput([{ field: "boundId", message: `${label}ی با شناسه «${id}» پیدا نشد یا در قلمرو شما نیست.` }]);
  return record;
}
