import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  assertCanWrite,
  assertSupportedJalaliYear,
  conflict,
  containsPattern,
  DateScalar,
  ErrorCode,
  FilterArg,
  IdArg,
  inTransaction,
  InputArg,
  invalidInput,
  jalaliYearRange,
  normalizePersian,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  assertNotReferenced,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { Brackets, EntityManager } from "typeorm";
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
import { countyById, managerById, provinceById } from "../loaders";
import { agencyById } from "../organisationLoaders";
import { addDays, tehranToday } from "../validation";
import { visibleAgency } from "./organisationSupport";

@ObjectType({ description: "A page of managers." })
export class ManagerPage extends PageOf(Manager) {}

@InputType({ description: "Filter managers; all given conditions must hold." })
export class ManagerFilter {
  @Field(() => [ID], { nullable: true, description: "Only these managers." })
  ids?: string[];

  @Field({
    nullable: true,
    description: "Search in the name and the position title (Persian spelling variants match).",
  })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this agency." })
  agencyId?: string;

  @Field(() => ManagerPositionKind, { nullable: true, description: "Only managers of this kind of position." })
  positionKind?: ManagerPositionKind;

  @Field({
    nullable: true,
    description:
      "`true`: only managers holding their position today (Tehran); `false`: only past (or not yet started) tenures.",
  })
  current?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "Only managers whose tenure overlaps this Jalali year, e.g. `1404` (1 Farvardin 1404 – 29 Esfand 1404): the managers the year's evaluation is about.",
  })
  tenureInJalaliYear?: number;
}

@InputType({
  description:
    "A new manager: a person appointed to a position of an agency. A new holder of a position ends the current holder's tenure the day before.",
})
export class ManagerCreateInput {
  @Field({ description: "Full name, as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The agency of the position; the manager's province and county are the agency's." })
  agencyId!: string;

  @Field(() => ManagerPositionKind, {
    description: "Kind of position; must suit the agency (a county governor for a county governorate …).",
  })
  positionKind!: ManagerPositionKind;

  @Field(() => String, {
    nullable: true,
    description:
      "Position title in Persian. Required for deputies and other positions (it tells the agency's positions apart); derived for the others when omitted (e.g. «فرماندار ابهر»).",
  })
  position?: string | null;

  @Field(() => DateScalar, { description: "First day of the tenure (not in the future)." })
  tenureStart!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the tenure, for a past tenure; omit for the current holder.",
  })
  tenureEnd?: string | null;
}

@InputType({
  description:
    "Changes to a manager; omitted fields keep their value, `null` clears an optional field. Overlapping another tenure of the same position is refused.",
})
export class ManagerUpdateInput {
  @Field({ nullable: true, description: "Full name." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The agency of the position." })
  agencyId?: string;

  @Field(() => ManagerPositionKind, { nullable: true, description: "Kind of position." })
  positionKind?: ManagerPositionKind;

  @Field(() => String, {
    nullable: true,
    description: "Position title in Persian; `null` derives it again (single-seat positions only).",
  })
  position?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day of the tenure." })
  tenureStart?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the tenure; `null` makes the tenure open (current) again.",
  })
  tenureEnd?: string | null;
}

export const MANAGER_CONSTRAINTS = {
  manager_one_holder_per_position: "این سمت در بخشی از این دوره متصدی دیگری دارد؛ هر سمت در هر روز تنها یک متصدی دارد.",
  manager_open_tenure_unique: "این سمت هم‌اکنون متصدی دیگری دارد؛ هر سمت در هر زمان تنها یک متصدی دارد.",
  manager_tenure_order: "پایان دوره تصدی نمی‌تواند پیش از آغاز آن باشد.",
  manager_agency_fk: "دستگاه اجرایی پیدا نشد.",
};

const MANAGER_SORTABLE = {
  name: "manager.nameNormalized",
  position: "manager.position",
  positionKind: "manager.positionKind",
  provinceId: "manager.provinceId",
  countyId: "manager.countyId",
  tenureStart: "manager.tenureStart",
  tenureEnd: "manager.tenureEnd",
  createdAt: "manager.createdAt",
};

const LABEL = "مدیر";
/** The position title normalised in SQL like `normalizePersian` (letters, ZWNJ, spaces, tatweel, diacritics), for search. */
const NORMALIZED_POSITION =
  "regexp_replace(translate(lower(manager.position), 'يىكةۀأإٱؤ', 'ییکههاااو'), '[[:space:]\\u200c\\u200d\\u0640\\u064b-\\u065f\\u0670]', '', 'g')";
/** The earliest tenure the registry accepts (1 Farvardin 1357). */
const EARLIEST_TENURE = "1978-03-21";

const jalaliDay = (isoDay: string) =>
  new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(`${isoDay}T00:00:00Z`));

@Resolver(() => Manager)
export class ManagerResolver {
  @Allow(ALL_ROLES)
  @Query(() => ManagerPage, {
    description: `Managers of the user's territory, current and past. Sortable by ${Object.keys(MANAGER_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async managers(
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerFilter) filter: ManagerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ManagerPage> {
    const query = whereInTerritory(ctx.db.getRepository(Manager).createQueryBuilder("manager"), requireUser(ctx), {
      province: "manager.provinceId",
      county: "manager.countyId",
    });
    if (filter?.ids) query.andWhere("manager.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.provinceId) query.andWhere("manager.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("manager.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.agencyId)
      query.andWhere("manager.agencyId IN (:...agencyIds)", { agencyIds: uuidsForFilter([filter.agencyId]) });
    if (filter?.positionKind)
      query.andWhere("manager.positionKind = :positionKind", { positionKind: filter.positionKind });
    if (filter?.q) {
      query.andWhere(
        new Brackets((w) => w.where("manager.nameNormalized LIKE :q").orWhere(`${NORMALIZED_POSITION} LIKE :q`)),
        { q: containsPattern(filter.q) },
      );
    }
    if (filter?.current !== undefined && filter.current !== null) {
      const today = tehranToday();
      const holding = "(manager.tenureStart <= :today AND (manager.tenureEnd IS NULL OR manager.tenureEnd >= :today))";
      query.andWhere(filter.current ? holding : `NOT ${holding}`, { today });
    }
    if (filter?.tenureInJalaliYear !== undefined && filter.tenureInJalaliYear !== null) {
      assertSupportedJalaliYear(filter.tenureInJalaliYear, "filter.tenureInJalaliYear");
      const { firstDay, lastDay } = jalaliYearRange(filter.tenureInJalaliYear);
      query.andWhere("manager.tenureStart <= :last AND (manager.tenureEnd IS NULL OR manager.tenureEnd >= :first)", {
        first: firstDay,
        last: lastDay,
      });
    }
    return paginate(query, page, MANAGER_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Manager, { nullable: true, description: "One manager by id; empty when outside the user's territory." })
  manager(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Manager | null> {
    return managerById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Manager, {
    description:
      "Appoint a manager to a position of an agency in the user's territory. If the position has a holder at the new tenure's start and the new tenure is open, that tenure ends the day before; any other overlap with a tenure of the same position is refused (CONFLICT).",
  })
  async createManager(
    @Ctx() ctx: RequestContext,
    @InputArg(ManagerCreateInput) input: ManagerCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Manager> {
    return inTransaction(ctx.db, MANAGER_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createManager",
        idempotencyKey,
        input,
        async () => {
          const manager = em.create(Manager, { tenureEnd: null });
          await applyManagerInput(em, ctx, manager, input);
          assertCanWrite(requireUser(ctx), manager);
          for (const previous of await othersOfPosition(em, manager)) {
            if (!overlaps(previous, manager)) continue;
            const holdsAtStart = previous.tenureStart < manager.tenureStart && previous.tenureEnd === null;
            if (!holdsAtStart || manager.tenureEnd !== null) throw overlapConflict(previous);
            // The new holder ends the previous tenure, the day before the new one starts.
            assertCanWrite(requireUser(ctx), previous);
            const before = { ...previous };
            previous.tenureEnd = addDays(manager.tenureStart, -1);
            const ended = await em.save(previous);
            await recordChange(em, ctx, "createManager", "Manager", { before, after: ended });
          }
          const saved = await em.save(manager);
          await recordChange(em, ctx, "createManager", "Manager", { before: null, after: saved });
          return saved;
        },
        (id) => em.findOneBy(Manager, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Manager, {
    description:
      "Change a manager (within the user's territory, before and after). A tenure overlapping another tenure of the same position is refused (CONFLICT).",
  })
  async updateManager(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(ManagerUpdateInput) input: ManagerUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Manager> {
    return inTransaction(ctx.db, MANAGER_CONSTRAINTS, async (em) => {
      const manager = await findForWrite(em, ctx, Manager, id, LABEL, expectedVersion);
      const before = { ...manager };
      await visibleAgency(em, ctx, manager.agencyId, true);
      await applyManagerInput(em, ctx, manager, input);
      assertCanWrite(requireUser(ctx), manager);
      const clash = (await othersOfPosition(em, manager)).find((other) => overlaps(other, manager));
      if (clash) throw overlapConflict(clash);
      const saved = await em.save(manager);
      await recordChange(em, ctx, "updateManager", "Manager", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Manager, {
    description:
      "End a current tenure on the given day (the manager's last day in the position). Refused (INVALID_TRANSITION) if the tenure has already ended.",
  })
  async endManagerTenure(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("endedOn", () => DateScalar, {
      description: "The last day in the position; not before the tenure's start, not in the future.",
    })
    endedOn: string,
  ): Promise<Manager> {
    return inTransaction(ctx.db, MANAGER_CONSTRAINTS, async (em) => {
      const manager = await findForWrite(em, ctx, Manager, id, LABEL);
      if (manager.tenureEnd !== null) {
        throw new AppError(
          ErrorCode.INVALID_TRANSITION,
          `دوره تصدی «${manager.name}» پیش‌تر در ${jalaliDay(manager.tenureEnd)} پایان یافته است.`,
        );
      }
      const v = new Validator();
      v.check(
        endedOn >= manager.tenureStart,
        "endedOn",
        `پایان دوره نمی‌تواند پیش از آغاز آن (${jalaliDay(manager.tenureStart)}) باشد.`,
      );
      v.check(endedOn <= tehranToday(), "endedOn", "پایان دوره تصدی نمی‌تواند در آینده باشد.");
      v.done();
      const before = { ...manager };
      manager.tenureEnd = endedOn;
      const saved = await em.save(manager);
      await recordChange(em, ctx, "endManagerTenure", "Manager", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Manager, {
    description:
      "Delete a manager registered by mistake; returns the record as it was. Meetings and scores of other services that refer to it then show no manager. To record a departure, end the tenure instead.",
  })
  async deleteManager(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Manager> {
    return inTransaction(ctx.db, MANAGER_CONSTRAINTS, async (em) => {
      const manager = await findForWrite(em, ctx, Manager, id, LABEL);
      await assertNotReferenced(ctx, "Manager", id, "مدیر"); // after the territory check: nothing is told about records out of reach
      await em.delete(Manager, { id });
      await recordChange(em, ctx, "deleteManager", "Manager", { before: manager, after: null });
      return Object.assign(new Manager(), manager, { id });
    });
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(manager.provinceId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<County | null> {
    return manager.countyId ? countyById(ctx).load(manager.countyId) : Promise.resolve(null);
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return agencyById(ctx).load(manager.agencyId);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the manager holds the position today (Tehran's calendar day).",
  })
  isCurrent(@Root() manager: Manager): boolean {
    const today = tehranToday();
    return manager.tenureStart <= today && (manager.tenureEnd === null || manager.tenureEnd >= today);
  }
}

const overlaps = (a: Pick<Manager, "tenureStart" | "tenureEnd">, b: Pick<Manager, "tenureStart" | "tenureEnd">) =>
  (a.tenureEnd === null || a.tenureEnd >= b.tenureStart) && (b.tenureEnd === null || b.tenureEnd >= a.tenureStart);

const overlapConflict = (other: Manager) =>
  conflict(
    `این سمت از ${jalaliDay(other.tenureStart)}${other.tenureEnd ? ` تا ${jalaliDay(other.tenureEnd)}` : ""} در تصدی «${other.name}» است و دوره‌ها هم‌پوشانی دارند؛ هر سمت در هر روز تنها یک متصدی دارد.`,
  );

/** The other tenures of the same position (agency + position key), locked; the agency row is already locked. */
function othersOfPosition(em: EntityManager, manager: Manager): Promise<Manager[]> {
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
async function applyManagerInput(
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
