import {
  isUuid,
  normalizePersian,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  Writable,
  linkedIds,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Agency } from "../entities/Agency";
import { FacilitationOffice, FacilitationOfficeOperator } from "../entities/FacilitationOffice";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { isNotInFuture } from "../validation";
import { duplicates, visibleAgency, visibleNgos } from "./organisationSupport";
import { FacilitationOfficeCreateInput, FacilitationOfficeUpdateInput } from "./facilitationOfficeInputs";

/** Facilitation offices' rules: constraint messages, sorting, the write outline and input validation. */

export const FACILITATION_OFFICE_CONSTRAINTS = {
  facilitation_office_name_in_county_unique:
    "دفتر تسهیل‌گری دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  facilitation_office_area_fk: "محله یا سکونتگاه پیدا نشد.",
  facilitation_office_partner_agency_fk: "دستگاه همکار پیدا نشد.",
};

export const OFFICE_SORTABLE = {
  name: "office.nameNormalized",
  openedOn: "office.openedOn",
  countyId: "office.countyId",
  provinceId: "office.provinceId",
  hasDedicatedSpace: "office.hasDedicatedSpace",
  createdAt: "office.createdAt",
  updatedAt: "office.updatedAt",
};

/** The write outline of facilitation offices: the record with its operator NGOs. */
export const OFFICES: Writable<FacilitationOffice, string> = {
  entity: FacilitationOffice,
  typeName: "FacilitationOffice",
  label: "دفتر تسهیل‌گری",
  constraints: FACILITATION_OFFICE_CONSTRAINTS,
  related: linkedIds("operatorNgoIds", FacilitationOfficeOperator, "facilitationOfficeId", "ngoId"),
};

/**
 * Validates every given field (reporting all problems at once), copies them onto the office and returns the
 * operator ids after the change. The area (visible to the user) decides the territory; operators must be NGOs the
 * user can see, of the area's province; the partner agency must be of the area's county or provincial in its province.
 */
export async function applyOfficeInput(
  em: EntityManager,
  ctx: RequestContext,
  office: FacilitationOffice,
  input: FacilitationOfficeCreateInput | FacilitationOfficeUpdateInput,
  current: string[],
): Promise<string[]> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام دفتر", { min: 3, max: 200 });
  v.text(input.notes, "notes", "یادداشت", { max: 2000, required: false });
  v.check(input.openedOn !== null, "openedOn", "تاریخ گشایش دفتر را وارد کنید.");
  if (input.openedOn) v.check(isNotInFuture(input.openedOn), "openedOn", "تاریخ گشایش نمی‌تواند در آینده باشد.");
  v.check(input.hasDedicatedSpace !== null, "hasDedicatedSpace", "داشتن یا نداشتن مکان اختصاصی را مشخص کنید.");

  let area: InformalSettlementArea | null | undefined;
  if (input.areaId !== undefined) {
    area = input.areaId && isUuid(input.areaId) ? await areaForWrite(em, ctx, input.areaId) : null;
    v.check(area !== null, "areaId", `محله یا سکونتگاهی با شناسه «${input.areaId}» پیدا نشد.`);
  }
  const countyId = area?.countyId ?? office.countyId;
  const provinceId = area?.provinceId ?? office.provinceId;

  const operators = input.operatorNgoIds === undefined ? current : (input.operatorNgoIds ?? []);
  v.check(operators.length > 0, "operatorNgoIds", "دست‌کم یک سمن گرداننده دفتر را انتخاب کنید.");
  v.check(duplicates(operators).length === 0, "operatorNgoIds", "هر سمن تنها یک بار می‌تواند گرداننده دفتر باشد.");
  if (provinceId && operators.length) {
    const known = await visibleNgos(em, ctx, operators);
    operators.forEach((id, i) => {
      const ngo = known.get(id);
      v.check(!!ngo, `operatorNgoIds.${i}`, `سمنی با شناسه «${id}» پیدا نشد.`);
      if (ngo)
        v.check(
          ngo.provinceId === provinceId,
          `operatorNgoIds.${i}`,
          `«${ngo.name}» سمن این استان نیست و نمی‌تواند گرداننده این دفتر باشد.`,
        );
    });
  }

  const agencyId = input.partnerAgencyId ?? office.partnerAgencyId;
  v.check(input.partnerAgencyId !== null, "partnerAgencyId", "دستگاه همکار را انتخاب کنید.");
  if (agencyId && provinceId) {
    const agency = input.partnerAgencyId
      ? await visibleAgency(em, ctx, agencyId)
      : await em.findOneBy(Agency, { id: agencyId });
    v.check(!!agency, "partnerAgencyId", `دستگاهی با شناسه «${agencyId}» پیدا نشد.`);
    if (agency) {
      v.check(
        agency.provinceId === provinceId && (agency.countyId === null || agency.countyId === countyId),
        "partnerAgencyId",
        `«${agency.name}» دستگاه این شهرستان یا دستگاه استانیِ این استان نیست.`,
      );
    }
  }
  v.done();

  if (input.name !== undefined) {
    office.name = tidyDisplayText(input.name);
    office.nameNormalized = normalizePersian(input.name);
  }
  if (area) {
    office.areaId = area.id;
    office.countyId = area.countyId;
    office.provinceId = area.provinceId;
  }
  if (input.partnerAgencyId) office.partnerAgencyId = input.partnerAgencyId;
  if (input.openedOn) office.openedOn = input.openedOn;
  if (input.hasDedicatedSpace !== undefined && input.hasDedicatedSpace !== null)
    office.hasDedicatedSpace = input.hasDedicatedSpace;
  if (input.notes !== undefined) office.notes = input.notes?.trim() ? input.notes.trim() : null;
  return operators;
}

/** The area, if the user can see it (territory in SQL), locked so it cannot move while the office is saved. */
export async function areaForWrite(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
): Promise<InformalSettlementArea | null> {
  const query = em
    .getRepository(InformalSettlementArea)
    .createQueryBuilder("area")
    .where("area.id = :id", { id })
    .setLock("pessimistic_read");
  whereInTerritory(query, requireUser(ctx), { province: "area.provinceId", county: "area.countyId" });
  return query.getOne();
}
