import { askService, isUuid, RequestContext } from "@hamafza/common";

const REGISTRY_UNAVAILABLE =
  "فهرست نمایندگان سمن‌های ادغام‌شده در این سمن گرفته نشد، چون بخش ثبت اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

/**
 * The NGOs merged into this one while the merge stands, as the registry shows them to the official (their own token,
 * so their territory applies): the representatives bound to those act for this NGO (docs/merging.md). Identity keeps
 * no copy of the merges; it asks the registry, which owns them, once per list. Empty for an id that is not a UUID,
 * and when identity runs without the other subgraphs (references unchecked, its own tests).
 */
export async function ngosMergedInto(ctx: RequestContext, ngoId: string): Promise<string[]> {
  if (!isUuid(ngoId) || !ctx.referenceOwners || ctx.referenceOwners === "unchecked") return [];
  const data = await askService<{ ngos: { items: { id: string }[] } }>(
    ctx,
    "registry",
    `query($id: ID!) { ngos(filter: { mergedInto: $id }, limit: 200) { items { id } } }`,
    { id: ngoId },
    REGISTRY_UNAVAILABLE,
  );
  return data.ngos.items.map((ngo) => ngo.id);
}
