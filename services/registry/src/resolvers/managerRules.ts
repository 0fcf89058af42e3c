import { conflict, invalidInput, normalizePersian, RequestContext, tidyDisplayText, Validator } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Agency, AgencyKind } from "../entities/Agency";
import { County } from "../entities/County";
import {
  Manager,
  ManagerPositionKind,
  POSITION_AGENCY_KINDS,
  positionKeyOf,
  SINGLE_SEAT_POSITIONS,
} from "../entities/Manager";
import { Province } from "../entities/Province";
import { tehranToday } from "../validation";
import { visibleAgency } from "./organisationSupport";
import { ManagerCreateInput, ManagerUpdateInput } from "./managerInputs";

export const MANAGER_CONSTRAINTS = {
  manager_one_holder_per_position: "این سمت در بخشی از این دوره متصدی دیگری دارد؛ هر سمت در هر روز تنها یک متصدی دارد.",
  manager_open_tenure_unique: "این سمت هم‌اکنون متصدی دیگری دارد؛ هر سمت در هر زمان تنها یک متصدی دارد.",
  manager_tenure_order: "پایان دوره تصدی نمی‌تواند پیش از آغاز آن باشد.",
  manager_agency_fk: "دستگاه اجرایی پیدا نشد.",
};

export const MANAGER_SORTABLE = {
  name: "manager.nameNormalized",
  position: "manager.position",
  positionKind: "manager.positionKind",
  provinceId: "manager.provinceId",
  countyId: "manager.countyId",
  tenureStart: "manager.tenureStart",
  tenureEnd: "manager.tenureEnd",
  createdAt: "manager.createdAt",
};

export const LABEL = "مدیر";
/** The position title normalised in SQL like `normalizePersian` (letters, ZWNJ, spaces, tatweel, diacritics), for search. */
export const NORMALIZED_POSITION =
  "regexp_replace(translate(lower(manager.position), 'يىكةۀأإٱؤ', 'ییکههاااو'), '[[:space:]\\u200c\\u200d\\u0640\\u064b-\\u065f\\u0670]', '', 'g')";
/** The earliest tenure the registry accepts (1 Farvardin 1357). */
const EARLIEST_TENURE = "1978-03-21";

export const jalaliDay = (isoDay: string) =>
  new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(`${isoDay}T00:00:00Z`));

export const overlaps = (
  a: Pick<Manager, "tenureStart" | "tenureEnd">,
  b: Pick<Manager, "tenureStart" | "tenureEnd">,
) => (a.tenureEnd === null || a.tenureEnd >= b.tenureStart) && (b.tenureEnd === null || b.tenureEnd >= a.tenureStart);

export const overlapConflict = (other: Manager) =>
  conflict(
    `این سمت از ${jalaliDay(other.tenureStart)}${other.tenureEnd ? ` تا ${jalaliDay(other.tenureEnd)}` : ""} در تصدی «${other.name}» است و دوره‌ها هم‌پوشانی دارند؛ هر سمت در هر روز تنها یک متصدی دارد.`,
  );

/** The other tenures of the same position (agency + position key), locked; the agency row is already locked. */
export function othersOfPosition(em: EntityManager, manager: Manager): Promise<Manager[]> {
  const query = em
    .getRepository(Manager)
    .createQueryBuilder("manager")
    .where("manager.agencyId = :agencyId AND manager.positionKey = :positionKey", {
      agencyId: manager.agencyId,
      positionKey: manager.positionKey,
    })
    .orderBy("manager.tenureStart")
    .setLock("pessimistic_write");
  if (manager.id) query.andWhere("manager.id <> :id", { id: manager.id });
  return query.getMany();
}

/** Title of a single-seat position when none is typed: «فرماندار ابهر», «استاندار زنجان», «شهردار ارومیه» … */
async function defaultTitle(em: EntityManager, kind: ManagerPositionKind, agency: Agency): Promise<string | null> {
  const countyName = agency.countyId ? (await em.findOneBy(County, { id: agency.countyId }))?.name : undefined;
  const provinceName = (await em.findOneBy(Province, { id: agency.provinceId }))?.name;
  switch (kind) {
    case ManagerPositionKind.COUNTY_GOVERNOR:
      return countyName ? `فرماندار ${countyName}` : null;
    case ManagerPositionKind.GOVERNOR_GENERAL:
      return provinceName ? `استاندار ${provinceName}` : null;
    case ManagerPositionKind.MAYOR:
      return agency.name.startsWith("شهرداری ")
        ? `شهردار ${agency.name.slice("شهرداری ".length)}`
        : `شهردار (${agency.name})`;
    case ManagerPositionKind.DIRECTOR_GENERAL:
      return agency.name.startsWith("اداره کل ")
        ? `مدیرکل ${agency.name.slice("اداره کل ".length)}`
        : `مدیرکل ${agency.name}`;
    default:
      return null;
  }
}

/**
 * Validates every given field (reporting all problems at once) and copies them onto the manager: the agency
 * (visible to the user, locked so appointments to it serialise) decides the territory; kind and title decide the
 * position key.
 */
export async function applyManagerInput(
  em: EntityManager,
  ctx: RequestContext,
  manager: Manager,
  input: ManagerCreateInput | ManagerUpdateInput,
): Promise<void> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام مدیر", { min: 3, max: 200 });
  v.check(input.positionKind !== null, "positionKind", "نوع سمت را انتخاب کنید.");
  v.check(input.agencyId !== null, "agencyId", "دستگاه اجرایی را انتخاب کنید.");
  v.check(input.tenureStart !== null, "tenureStart", "تاریخ آغاز تصدی را وارد کنید.");
  if (input.position) v.text(input.position, "position", "عنوان سمت", { min: 3, max: 200 });

  const agencyChanged = input.agencyId !== undefined && input.agencyId !== null && input.agencyId !== manager.agencyId;
  const agency = agencyChanged
    ? await visibleAgency(em, ctx, input.agencyId!, true)
    : manager.agencyId
      ? await em.findOneBy(Agency, { id: manager.agencyId })
      : null;
  if (agencyChanged) v.check(agency !== null, "agencyId", `دستگاه اجرایی با شناسه «${input.agencyId}» پیدا نشد.`);

  const kind = input.positionKind ?? manager.positionKind;
  const allowed = kind ? POSITION_AGENCY_KINDS[kind] : null;
  if (agency && allowed)
    v.check(
      allowed.has(agency.kind),
      "positionKind",
      `این نوع سمت در «${agency.name}» وجود ندارد (${allowedAgencyText(allowed)}).`,
    );

  const typedTitle = input.position === undefined ? undefined : input.position?.trim() || null;
  const multiSeat = kind && !SINGLE_SEAT_POSITIONS.has(kind);
  const titleAfter = typedTitle === undefined ? manager.position : typedTitle;
  if (multiSeat)
    v.check(
      !!titleAfter,
      "position",
      "برای معاونان و سمت‌های دیگر عنوان سمت را وارد کنید (مثلاً «معاون سیاسی، امنیتی و اجتماعی استاندار»).",
    );

  const start = input.tenureStart ?? manager.tenureStart;
  const end = input.tenureEnd === undefined ? manager.tenureEnd : input.tenureEnd;
  if (input.tenureStart) {
    v.check(input.tenureStart <= tehranToday(), "tenureStart", "آغاز دوره تصدی نمی‌تواند در آینده باشد.");
    v.check(input.tenureStart >= EARLIEST_TENURE, "tenureStart", "آغاز دوره تصدی پیش از سال ۱۳۵۷ پذیرفته نیست.");
  }
  if (input.tenureEnd)
    v.check(input.tenureEnd <= tehranToday(), "tenureEnd", "پایان دوره تصدی نمی‌تواند در آینده باشد.");
  if (start && end) v.check(end >= start, "tenureEnd", "پایان دوره تصدی نمی‌تواند پیش از آغاز آن باشد.");
  v.done();

  if (input.name !== undefined) {
    manager.name = tidyDisplayText(input.name);
    manager.nameNormalized = normalizePersian(input.name);
  }
  if (agency) {
    manager.agencyId = agency.id;
    manager.provinceId = agency.provinceId;
    manager.countyId = agency.countyId;
  }
  const kindChanged = !!input.positionKind && input.positionKind !== manager.positionKind;
  if (input.positionKind) manager.positionKind = input.positionKind;
  if (typedTitle) manager.position = tidyDisplayText(typedTitle);
  else if (typedTitle === null || manager.position === undefined || (!multiSeat && (agencyChanged || kindChanged))) {
    // No title typed: single-seat positions get their usual title (validation already refused the others).
    const derived = agency ? await defaultTitle(em, manager.positionKind, agency) : null;
    if (!derived) throw invalidInput([{ field: "position", message: "عنوان سمت را وارد کنید." }]);
    manager.position = derived;
  }
  manager.positionKey = positionKeyOf(manager.positionKind, normalizePersian(manager.position));
  if (input.tenureStart) manager.tenureStart = input.tenureStart;
  if (input.tenureEnd !== undefined) manager.tenureEnd = input.tenureEnd;
}

const AGENCY_KIND_NAMES: Record<AgencyKind, string> = {
  GOVERNORATE: "استانداری",
  COUNTY_GOVERNORATE: "فرمانداری",
  DIRECTORATE_GENERAL: "اداره کل",
  COUNTY_DEPARTMENT: "اداره شهرستان",
  MUNICIPALITY: "شهرداری",
  CITY_COUNCIL: "شورای شهر",
  OTHER: "دستگاه دیگر",
};

const allowedAgencyText = (kinds: ReadonlySet<AgencyKind>) =>
  `تنها در: ${[...kinds].map((k) => AGENCY_KIND_NAMES[k]).join("، ")}`;
