import {
  canRead,
  ConstraintMessages,
  isUuid,
  normalizePersian,
  notFound,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
  claimForWrite,
  findForWrite,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { WorkingGroup, WorkingGroupMember } from "../entities/WorkingGroup";
import { tehranToday } from "../util/time";
import { checkTerritory, checkUuid, trimOrNull } from "./common";
import { WorkingGroupCreateInput, WorkingGroupUpdateInput } from "./workingGroupInputs";

export const GROUP_SORTABLE = {
  name: "wg.nameNormalized",
  dimension: "wg.dimension",
  establishedOn: "wg.establishedOn",
  createdAt: "wg.createdAt",
  countyId: "wg.countyId",
};
export const MEMBER_SORTABLE = { joinedOn: "member.joinedOn", leftOn: "member.leftOn", kind: "member.kind" };
export const GROUP_CONSTRAINTS: ConstraintMessages = {
  working_group_name_in_territory_unique: "کارگروهی با همین نام در این استان/شهرستان هست.",
  meeting_working_group_fk: "این کارگروه جلسه ثبت‌شده دارد و حذف نمی‌شود؛ به جای حذف، تاریخ انحلال آن را ثبت کنید.",
  project_working_group_fk: "این کارگروه پروژه تعریف‌شده دارد و حذف نمی‌شود؛ به جای حذف، تاریخ انحلال آن را ثبت کنید.",
  working_group_dates_check: "تاریخ انحلال نمی‌تواند پیش از تاریخ تشکیل باشد.",
  working_group_member_unique: "این عضو با همین تاریخ عضویت در کارگروه ثبت شده است.",
  working_group_member_dates_check: "تاریخ خروج نمی‌تواند پیش از تاریخ عضویت باشد.",
};

export function checkMemberDates(v: Validator, joinedOn: string, leftOn: string | null): void {
  v.check(joinedOn <= tehranToday(), "joinedOn", "روز عضویت نمی‌تواند در آینده باشد.");
  v.check(leftOn === null || leftOn >= joinedOn, "leftOn", "روز خروج نمی‌تواند پیش از روز عضویت باشد.");
}

export async function findMemberForUpdate(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<{ member: WorkingGroupMember; group: WorkingGroup }> {
  const member = isUuid(id)
    ? await em.findOne(WorkingGroupMember, { where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!member) throw notFound("عضویت کارگروه", id);
  const group = await em.findOne(WorkingGroup, { where: { id: member.workingGroupId } });
  if (!group || !canRead(requireUser(ctx), group)) throw notFound("عضویت کارگروه", id);
  const writable = await findForWrite(em, ctx, WorkingGroup, group.id, "کارگروه");
  return { member: claimForWrite(member, ctx, expectedVersion, "عضویت کارگروه"), group: writable };
}

export function applyGroupInput(
  group: WorkingGroup,
  input: WorkingGroupCreateInput | WorkingGroupUpdateInput,
  creating: boolean,
): void {
  const v = new Validator();
  if (creating || input.name !== undefined) v.text(input.name, "name", "نام کارگروه", { min: 3, max: 200 });
  if ("provinceId" in input) checkTerritory(v, input.provinceId, input.countyId);
  checkUuid(v, input.parentNgoHouseId, "parentNgoHouseId", "خانه سمن‌ها");
  checkUuid(v, input.chairManagerId, "chairManagerId", "مدیر رئیس کارگروه");
  checkUuid(v, input.chairAgencyId, "chairAgencyId", "دستگاه رئیس کارگروه");
  if (input.parentBody) v.text(input.parentBody, "parentBody", "نهاد بالادستی", { max: 300, required: false });
  const established = input.establishedOn !== undefined ? input.establishedOn : group.establishedOn;
  const dissolved = "dissolvedOn" in input && input.dissolvedOn !== undefined ? input.dissolvedOn : group.dissolvedOn;
  v.check(
    !dissolved || !established || dissolved >= established,
    "dissolvedOn",
    "تاریخ انحلال نمی‌تواند پیش از تاریخ تشکیل باشد.",
  );
  v.done();
  if (input.name !== undefined)
    Object.assign(group, { name: tidyDisplayText(input.name!), nameNormalized: normalizePersian(input.name) });
  if (input.dimension) group.dimension = input.dimension;
  if (input.parentBody !== undefined) group.parentBody = trimOrNull(input.parentBody);
  if (input.parentNgoHouseId !== undefined) group.parentNgoHouseId = input.parentNgoHouseId || null;
  if ("provinceId" in input) Object.assign(group, { provinceId: input.provinceId, countyId: input.countyId || null });
  if (input.chairManagerId !== undefined) group.chairManagerId = input.chairManagerId || null;
  if (input.chairAgencyId !== undefined) group.chairAgencyId = input.chairAgencyId || null;
  if (input.description !== undefined) group.description = trimOrNull(input.description);
  group.establishedOn = established ?? null;
  group.dissolvedOn = dissolved ?? null;
}
