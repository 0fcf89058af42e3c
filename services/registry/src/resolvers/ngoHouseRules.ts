import { normalizePersian, RequestContext, tidyDisplayText, Validator } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { NgoHouse, NgoHouseMember } from "../entities/NgoHouse";
import { isNotInFuture, normalizePhone } from "../validation";
import { duplicates, resolveTerritory, visibleNgos } from "./organisationSupport";
import { MemberRow, NgoHouseCreateInput, NgoHouseUpdateInput } from "./ngoHouseInputs";

export const NGO_HOUSE_CONSTRAINTS = {
  ngo_house_territory_unique:
    "این استان یا شهرستان پیش‌تر خانه سمن‌ها دارد؛ هر استان یک خانه استانی و هر شهرستان یک خانه دارد.",
  training_session_ngo_house:
    "دوره‌های آموزشی در این خانه سمن‌ها برنامه‌ریزی یا برگزار شده است و نمی‌توان آن را حذف کرد؛ نخست محل آن دوره‌ها را روشن کنید.",
};

export const HOUSE_SORTABLE = {
  name: "house.nameNormalized",
  provinceId: "house.provinceId",
  countyId: "house.countyId",
  openedOn: "house.openedOn",
  createdAt: "house.createdAt",
  updatedAt: "house.updatedAt",
};

export const LABEL = "خانه سمن‌ها";

export async function membersOf(em: EntityManager, houseId: string): Promise<MemberRow[]> {
  const rows = await em.find(NgoHouseMember, { where: { ngoHouseId: houseId }, order: { ngoId: "ASC" } });
  return rows.map((row) => ({ ngoId: row.ngoId, joinedOn: row.joinedOn }));
}

export async function replaceMembers(em: EntityManager, houseId: string, members: MemberRow[]): Promise<void> {
  await em.delete(NgoHouseMember, { ngoHouseId: houseId });
  if (members.length)
    await em.insert(
      NgoHouseMember,
      members.map((m) => ({ ngoHouseId: houseId, ngoId: m.ngoId, joinedOn: m.joinedOn })),
    );
}

/**
 * Validates every given field (reporting all problems at once), copies them onto the house and returns the new
 * member list (undefined when `members` was omitted). Members must be NGOs the user can see, of the house's
 * territory after the change — kept members too, so a house cannot move away from its members.
 */
export async function applyHouseInput(
  em: EntityManager,
  ctx: RequestContext,
  house: NgoHouse,
  input: NgoHouseCreateInput | NgoHouseUpdateInput,
  current: MemberRow[],
): Promise<MemberRow[] | undefined> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام خانه", { min: 3, max: 200 });
  v.text(input.address, "address", "نشانی", { max: 500, required: false });
  v.text(input.managerName, "managerName", "نام مدیر خانه", { min: 3, max: 200, required: false });
  const phone = input.managerPhone ? normalizePhone(input.managerPhone) : null;
  v.check(
    !(input.managerPhone && phone === null),
    "managerPhone",
    "شماره تلفن مدیر خانه معتبر نیست؛ شماره همراه ۰۹xxxxxxxxx یا تلفن ثابت با پیش‌شماره (۱۱ رقم) وارد کنید.",
  );
  const facilities = (input.facilities ?? []).map((f) => tidyDisplayText(f)).filter((f) => f.length > 0);
  v.check(
    facilities.length <= 50 && facilities.every((f) => f.length <= 200),
    "facilities",
    "امکانات: حداکثر ۵۰ مورد، هر یک حداکثر ۲۰۰ نویسه.",
  );
  v.check(!input.openedOn || isNotInFuture(input.openedOn), "openedOn", "تاریخ گشایش نمی‌تواند در آینده باشد.");
  const territory = await resolveTerritory(em, v, input, {
    provinceId: house.provinceId ?? null,
    countyId: house.countyId ?? null,
  });
  v.check(
    !!house.provinceId || input.provinceId !== undefined || input.countyId !== undefined,
    "provinceId",
    "استان یا شهرستان خانه را وارد کنید.",
  );

  const members =
    input.members === undefined
      ? undefined
      : (input.members ?? []).map((m) => ({ ngoId: m.ngoId, joinedOn: m.joinedOn ?? null }));
  const effective = members ?? current;
  const repeated = duplicates(effective.map((m) => m.ngoId));
  v.check(repeated.length === 0, "members", "هر سمن تنها یک بار می‌تواند عضو خانه باشد.");
  const provinceId = territory?.provinceId ?? house.provinceId;
  const countyId = territory ? territory.countyId : house.countyId;
  const openedOn = input.openedOn === undefined ? house.openedOn : input.openedOn;
  if (effective.length && provinceId) {
    const known = await visibleNgos(
      em,
      ctx,
      effective.map((m) => m.ngoId),
    );
    effective.forEach((member, i) => {
      const ngo = known.get(member.ngoId);
      const field = `members.${i}.ngoId`;
      if (!ngo) v.check(false, field, `سمنی با شناسه «${member.ngoId}» پیدا نشد.`);
      else if (countyId)
        v.check(
          ngo.countyId === countyId,
          field,
          `«${ngo.name}» سمن این شهرستان نیست و نمی‌تواند عضو خانه سمن‌های شهرستان باشد.`,
        );
      else
        v.check(
          ngo.provinceId === provinceId,
          field,
          `«${ngo.name}» سمن این استان نیست و نمی‌تواند عضو خانه سمن‌های استان باشد.`,
        );
      if (member.joinedOn) {
        v.check(isNotInFuture(member.joinedOn), `members.${i}.joinedOn`, "تاریخ عضویت نمی‌تواند در آینده باشد.");
        v.check(
          !openedOn || member.joinedOn >= openedOn,
          `members.${i}.joinedOn`,
          "تاریخ عضویت نمی‌تواند پیش از گشایش خانه باشد.",
        );
      }
    });
  }
  v.done();

  if (input.name !== undefined) {
    house.name = tidyDisplayText(input.name);
    house.nameNormalized = normalizePersian(input.name);
  }
  if (territory) {
    house.provinceId = territory.provinceId;
    house.countyId = territory.countyId;
  }
  if (input.address !== undefined) house.address = input.address?.trim() ? tidyDisplayText(input.address) : null;
  if (input.managerName !== undefined)
    house.managerName = input.managerName?.trim() ? tidyDisplayText(input.managerName) : null;
  if (input.managerPhone !== undefined) house.managerPhone = phone;
  if (input.facilities !== undefined) house.facilities = facilities;
  if (input.openedOn !== undefined) house.openedOn = input.openedOn;
  return members;
}
