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
  byKeys,
  canRead,
  containsPattern,
  DateScalar,
  ErrorCode,
  EVALUATORS,
  FilterArg,
  groupByKeys,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  notFound,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordAudit,
  RequestContext,
  requireUser,
  SortOrder,
  territoryCondition,
  tidyDisplayText,
  uuidKeyedLoader,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  claimForWrite,
  ExpectedVersionArg,
  invalidTransition,
  namedQuery,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { LICENCE_STATE_LABELS, Licence, LicenceState, LicenceStatus, LicensingAuthority } from "../entities/Licence";
import { LicenceAction, LicenceEvent } from "../entities/LicenceEvent";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { ngoById } from "../loaders";
import { addDays, isNotInFuture, licenceExpiringDays, normalizeCode, tehranToday } from "../validation";
import { deriveLicenceState, isCurrentLicenceSql, licenceStateParams, licenceStateSql } from "./licenceState";

/*
 * Licences (پروانه فعالیت) and their lifecycle: issue → renew → suspend → reinstate → revoke, each its own
 * mutation recording a history entry (who, when, from which state to which, why). EXPIRING and EXPIRED come from
 * the dates, on Tehran's calendar day, at read time (deriveLicenceState) and in SQL (licence_state()).
 * A licence takes its NGO's territory.
 */

@ObjectType({ description: "A page of licences." })
export class LicencePage extends PageOf(Licence) {}

@InputType({ description: "Filter licences; all given conditions must hold." })
export class LicenceFilter {
  @Field(() => [ID], { nullable: true, description: "Only these licences." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only the licences of this NGO." })
  ngoId?: string;

  @Field({ nullable: true, description: "Search in the licence number." })
  q?: string;

  @Field(() => [LicenceState], { nullable: true, description: "Only licences in one of these states today." })
  states?: LicenceState[];

  @Field(() => LicensingAuthority, { nullable: true, description: "Only licences of this kind of authority." })
  authority?: LicensingAuthority;

  @Field(() => ID, { nullable: true, description: "Only licences of NGOs of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only licences of NGOs of this county." })
  countyId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only licences expiring on or after this day." })
  expiresFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only licences expiring on or before this day." })
  expiresTo?: string;

  @Field({ nullable: true, description: "Only each NGO's current licence (the latest issued), not superseded ones." })
  currentOnly?: boolean;
}

@InputType({ description: "A new licence for an NGO (issue)." })
export class LicenceIssueInput {
  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field({ description: "Licence number as issued; Persian digits accepted." })
  number!: string;

  @Field(() => LicensingAuthority, { description: "Kind of licensing authority." })
  authority!: LicensingAuthority;

  @Field(() => String, { nullable: true, description: "Name of the authority; required for OTHER." })
  authorityName?: string | null;

  @Field(() => DateScalar, { description: "Issue date (not in the future)." })
  issuedOn!: string;

  @Field(() => DateScalar, { description: "Expiry date (after the issue date)." })
  expiresOn!: string;
}

@InputType({
  description:
    "Corrections to a licence's number or authority (the dates and state change only through the transitions).",
})
export class LicenceUpdateInput {
  @Field({ nullable: true, description: "Licence number." })
  number?: string;

  @Field(() => LicensingAuthority, { nullable: true, description: "Kind of licensing authority." })
  authority?: LicensingAuthority;

  @Field(() => String, { nullable: true, description: "Name of the authority; required for OTHER." })
  authorityName?: string | null;
}

const EFFECTIVE_ON =
  "Day the transition takes effect; today (Tehran) when omitted; not in the future nor before the licence's last recorded step.";

@InputType({ description: "Renewal of a licence." })
export class LicenceRenewInput {
  @Field(() => DateScalar, { description: "New expiry date: after the current one and after the effective day." })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: "Note (e.g. the renewal letter's number)." })
  reason?: string | null;
}

@InputType({ description: "Suspension of a licence." })
export class LicenceSuspendInput {
  @Field({ description: "Why the licence is suspended." })
  reason!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the suspension; until reinstated when omitted.",
  })
  until?: string | null;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;
}

@InputType({ description: "Reinstatement of a suspended licence." })
export class LicenceReinstateInput {
  @Field(() => String, { nullable: true, description: "Note." })
  reason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;
}

@InputType({ description: "Revocation of a licence (final)." })
export class LicenceRevokeInput {
  @Field({ description: "Why the licence is revoked." })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;
}

// Plain data, read in bulk by the evaluation service (hundreds of thousands per run): no per-field resolver work.
@ObjectType({ description: "An NGO's licence state on a given day.", simpleResolvers: true })
export class NgoLicenceStateOn {
  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field(() => DateScalar, { description: "The day asked about." })
  date!: string;

  @Field(() => LicenceState, {
    description: "State of the NGO's licence that day, from the licence history (NONE: no licence issued by then).",
  })
  state!: LicenceState;

  @Field(() => ID, { nullable: true, description: "The licence that was current that day, if any." })
  licenceId!: string | null;
}

const LICENCE_CONSTRAINTS = {
  licence_number_unique: "پروانه‌ای با همین شماره برای این سمن قبلاً ثبت شده است.",
  licence_dates_check: "تاریخ انقضا باید پس از تاریخ صدور باشد.",
  licence_authority_name_check: "نام مرجع صدور را وارد کنید.",
};

const LICENCE_SORTABLE = {
  expiresOn: "licence.expiresOn",
  issuedOn: "licence.issuedOn",
  number: "licence.number",
  status: "licence.status",
  createdAt: "licence.createdAt",
  updatedAt: "licence.updatedAt",
};

const TERRITORY = { province: "ngo.provinceId", county: "ngo.countyId" };

/** Licences of visible NGOs by id. */
const licenceById = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence | null>(
    ctx,
    "LicenceById",
    async (ids) =>
      byKeys(ids, await licenceQuery(ctx).andWhere("licence.id IN (:...ids)", { ids }).getMany(), (row) => row.id),
    null,
  );

/** Each visible NGO's current licence (the latest issued), one `DISTINCT ON` statement per batch. */
const currentLicenceByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence | null>(
    ctx,
    "CurrentLicenceByNgo",
    async (ids) => {
      const rows = await licenceQuery(ctx)
        .andWhere("licence.ngoId IN (:...ids)", { ids })
        .distinctOn(["licence.ngoId"])
        .orderBy("licence.ngoId")
        .addOrderBy("licence.issuedOn", "DESC")
        .addOrderBy("licence.createdAt", "DESC")
        .getMany();
      return byKeys(ids, rows, (row) => row.ngoId);
    },
    null,
  );

const licencesByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence[]>(
    ctx,
    "LicencesByNgo",
    async (ids) => {
      const rows = await licenceQuery(ctx)
        .andWhere("licence.ngoId IN (:...ids)", { ids })
        .orderBy("licence.issuedOn", "DESC")
        .addOrderBy("licence.createdAt", "DESC")
        .getMany();
      return groupByKeys(ids, rows, (row) => row.ngoId);
    },
    [],
  );

const eventsByLicence = (ctx: RequestContext) =>
  uuidKeyedLoader<LicenceEvent[]>(
    ctx,
    "LicenceEventsByLicence",
    async (ids) => {
      const query = ctx.db
        .getRepository(LicenceEvent)
        .createQueryBuilder("event")
        .innerJoin(Ngo, "ngo", "ngo.id = event.ngoId")
        .where("event.licenceId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), TERRITORY);
      const rows = await query.orderBy("event.effectiveOn", "ASC").addOrderBy("event.seq", "ASC").getMany();
      return groupByKeys(ids, rows, (row) => row.licenceId);
    },
    [],
  );

/**
 * State of many NGOs' licences on many days (keys `ngoId|date`) in one statement per batch, whatever the number of
 * distinct days, from the licence history. Limited to the user's territory, except with `anyTerritory` (evaluators
 * judging meetings attended by NGOs of other provinces).
 */
export const licenceStateOnLoader = (ctx: RequestContext, options: { anyTerritory?: boolean } = {}) =>
  ctx.loaders.get<string, NgoLicenceStateOn | null>(
    options.anyTerritory ? "LicenceStateOnAnyTerritory" : "LicenceStateOn",
    async (keys) => {
      const pairs: Array<{ key: string; ngoId: string; date: string }> = [];
      for (const key of new Set(keys)) {
        const [ngoId, date] = key.split("|");
        if (isUuid(ngoId) && date) pairs.push({ key, ngoId, date });
      }
      const found = new Map<string, NgoLicenceStateOn>();
      for (const row of await licenceStatesOnDates(ctx, pairs, options.anyTerritory ?? false))
        found.set(`${row.ngoId}|${row.date}`, row);
      return keys.map((key) => found.get(key) ?? null);
    },
  );

/**
 * One set-based statement for all (NGO, day) pairs: for each visible NGO and day, the licence current that day (the
 * latest issued by then) and its last history step by then, whose recorded status, expiry and suspension give the
 * state that day.
 */
export async function licenceStatesOnDates(
  ctx: RequestContext,
  pairs: ReadonlyArray<{ ngoId: string; date: string }>,
  anyTerritory: boolean,
): Promise<NgoLicenceStateOn[]> {
  if (!pairs.length) return [];
  const user = requireUser(ctx);
  const scope = anyTerritory ? null : territoryCondition(user, { province: "n.province_id", county: "n.county_id" });
  const rows = await namedQuery<{ ord: string; licence_id: string | null; state: LicenceState }>(
    ctx.db,
    `SELECT k.ord, cur.licence_id,
            coalesce((SELECT licence_state(e.status, e.suspended_until, e.expires_on, k.on_date, CAST(:licenceWindow AS integer))
                        FROM licence_event e
                       WHERE e.licence_id = cur.licence_id AND e.effective_on <= k.on_date
                       ORDER BY e.effective_on DESC, e.seq DESC LIMIT 1), 'NONE') AS state
       FROM unnest(CAST(:ngoIds AS uuid[]), CAST(:dates AS date[])) WITH ORDINALITY AS k(ngo_id, on_date, ord)
       JOIN ngo n ON n.id = k.ngo_id ${scope ? `AND ${scope.sql}` : ""}
       LEFT JOIN LATERAL (SELECT l.id AS licence_id FROM licence l WHERE l.ngo_id = n.id AND l.issued_on <= k.on_date
                           ORDER BY l.issued_on DESC, l.created_at DESC LIMIT 1) cur ON true`,
    {
      licenceWindow: licenceStateParams().licenceWindow,
      ngoIds: pairs.map((p) => p.ngoId),
      dates: pairs.map((p) => p.date),
      ...(scope?.params ?? {}),
    },
  );
  return rows.map((row) => {
    const pair = pairs[Number(row.ord) - 1];
    return Object.assign(new NgoLicenceStateOn(), {
      ngoId: pair.ngoId,
      date: pair.date,
      state: row.state,
      licenceId: row.licence_id,
    });
  });
}

/** Licences joined with their NGO, limited to the user's territory. */
function licenceQuery(ctx: RequestContext): SelectQueryBuilder<Licence> {
  const query = ctx.db
    .getRepository(Licence)
    .createQueryBuilder("licence")
    .innerJoin(Ngo, "ngo", "ngo.id = licence.ngoId");
  return whereInTerritory(query, requireUser(ctx), TERRITORY);
}

/** The licences of `filter`, for `licences` and `expiringLicences`. */
function filteredLicences(ctx: RequestContext, filter: LicenceFilter | undefined): SelectQueryBuilder<Licence> {
  const query = licenceQuery(ctx);
  if (filter?.ids) query.andWhere("licence.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.ngoId) query.andWhere("licence.ngoId = :ngoId", { ngoId: uuidsForFilter([filter.ngoId])[0] });
  if (filter?.q) query.andWhere("lower(licence.number) LIKE :q", { q: containsPattern(normalizeCode(filter.q)) });
  if (filter?.authority) query.andWhere("licence.authority = :authority", { authority: filter.authority });
  if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.expiresFrom) query.andWhere("licence.expiresOn >= :expiresFrom", { expiresFrom: filter.expiresFrom });
  if (filter?.expiresTo) query.andWhere("licence.expiresOn <= :expiresTo", { expiresTo: filter.expiresTo });
  if (filter?.currentOnly) query.andWhere(isCurrentLicenceSql("licence"));
  if (filter?.states)
    query.andWhere(`${licenceStateSql("licence")} IN (:...states)`, {
      ...licenceStateParams(),
      states: filter.states.length ? filter.states : [""],
    });
  return query;
}

@Resolver(() => Licence)
export class LicenceResolver {
  @Allow(ALL_ROLES)
  @Query(() => LicencePage, {
    description: `Licences of NGOs in the user's territory. Sortable by ${Object.keys(LICENCE_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}; by \`expiresOn\` by default.`,
  })
  licences(
    @Ctx() ctx: RequestContext,
    @FilterArg(LicenceFilter) filter: LicenceFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<LicencePage> {
    return paginate(filteredLicences(ctx, filter), page, LICENCE_SORTABLE, {
      field: "expiresOn",
      order: SortOrder.ASC,
    });
  }

  @Allow(ALL_ROLES)
  @Query(() => Licence, {
    nullable: true,
    description: "One licence by id; empty when absent or outside the user's territory.",
  })
  licence(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Licence | null> {
    return licenceById(ctx).load(id);
  }

  @Allow(ALL_ROLES)
  @Query(() => LicencePage, {
    description:
      "Analysts: the current licences (not revoked, not superseded) that expire within the next `days` days, today included, soonest first, in the user's territory. Licences already expired are not included (filter `licences` by state EXPIRED for those).",
  })
  expiringLicences(
    @Ctx() ctx: RequestContext,
    @Arg("days", () => Int, {
      nullable: true,
      description:
        "Window in days from today (Tehran); `HAMAFZA_LICENCE_EXPIRING_DAYS` (default 60) when omitted. 0 to 3650.",
    })
    days: number | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only NGOs of this province." })
    provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only NGOs of this county." })
    countyId: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<LicencePage> {
    const window = days ?? licenceExpiringDays();
    if (!Number.isInteger(window) || window < 0 || window > 3650)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "تعداد روزها باید بین ۰ و ۳۶۵۰ باشد.", { field: "days" });
    const today = tehranToday();
    const query = filteredLicences(ctx, {
      provinceId,
      countyId,
      currentOnly: true,
      expiresFrom: today,
      expiresTo: addDays(today, window),
    });
    query.andWhere("licence.status <> :revoked", { revoked: LicenceStatus.REVOKED });
    return paginate(
      query,
      { ...page, sort: page.sort ?? { field: "expiresOn", order: SortOrder.ASC } } as PageArgs,
      LICENCE_SORTABLE,
      { field: "expiresOn", order: SortOrder.ASC },
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [NgoLicenceStateOn], {
    description:
      "Licence state of many NGOs on one day, from the licence history (for other services, e.g. whether an NGO was licensed on a meeting's date). NGOs absent or outside the user's territory are left out — except for evaluators and administrators, who get the state of any NGO (an evaluation judges the meetings of its territory, whose attendees may come from elsewhere; only the state is given). At most 1000 ids.",
  })
  async licenceStatesOn(
    @Ctx() ctx: RequestContext,
    @Arg("ngoIds", () => [ID], { description: "The NGOs." }) ngoIds: string[],
    @Arg("date", () => DateScalar, { description: "The day." }) date: string,
  ): Promise<NgoLicenceStateOn[]> {
    if (ngoIds.length > 1000)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداکثر ۱۰۰۰ سمن در هر پرسش.", { field: "ngoIds" });
    const anyTerritory = EVALUATORS.includes(requireUser(ctx).role);
    const results = await licenceStateOnLoader(ctx, { anyTerritory }).loadMany(
      [...new Set(ngoIds)].map((id) => `${id}|${date}`),
    );
    return results.filter((row): row is NgoLicenceStateOn => row !== null && !(row instanceof Error));
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, {
    description:
      "Issue a licence to an NGO of the user's territory. Refused with INVALID_TRANSITION while the NGO's current licence is valid, expiring or suspended (renew or revoke it first) and for a dissolved NGO.",
  })
  async issueLicence(
    @Ctx() ctx: RequestContext,
    @InputArg(LicenceIssueInput) input: LicenceIssueInput,
  ): Promise<Licence> {
    return inTransaction(ctx.db, LICENCE_CONSTRAINTS, async (em) => {
      const ngo = await lockNgo(em, ctx, input.ngoId);
      const v = new Validator();
      checkLicenceIdentity(v, input);
      const today = tehranToday();
      v.check(isNotInFuture(input.issuedOn), "issuedOn", "تاریخ صدور نمی‌تواند در آینده باشد.");
      v.check(
        !ngo.foundedOn || input.issuedOn >= ngo.foundedOn,
        "issuedOn",
        "تاریخ صدور نمی‌تواند پیش از تاریخ تأسیس سمن باشد.",
      );
      v.check(input.expiresOn > input.issuedOn, "expiresOn", "تاریخ انقضا باید پس از تاریخ صدور باشد.");
      const current = await em.findOne(Licence, {
        where: { ngoId: ngo.id },
        order: { issuedOn: "DESC", createdAt: "DESC" },
      });
      v.check(
        !current || input.issuedOn >= current.issuedOn,
        "issuedOn",
        "تاریخ صدور نمی‌تواند پیش از صدور پروانه فعلی سمن باشد.",
      );
      v.done();
      if (ngo.status === NgoStatus.DISSOLVED)
        throw new AppError(ErrorCode.INVALID_TRANSITION, "سمن منحل شده است و پروانه تازه برای آن صادر نمی‌شود.", {
          state: ngo.status,
        });
      const currentState = deriveLicenceState(current, today);
      if ([LicenceState.ACTIVE, LicenceState.EXPIRING, LicenceState.SUSPENDED].includes(currentState)) {
        throw invalidTransition(
          `این سمن پروانه‌ای با وضعیت «${LICENCE_STATE_LABELS[currentState]}» دارد؛ به جای صدور پروانه تازه، آن را تمدید کنید یا ابتدا لغو کنید.`,
          { state: currentState },
        );
      }
      const licence = em.create(Licence, {
        ngoId: ngo.id,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn,
        status: LicenceStatus.ACTIVE,
        suspendedUntil: null,
        statusReason: null,
      });
      assignLicenceIdentity(licence, input);
      const saved = await em.save(licence);
      await recordEvent(em, ctx, saved, LicenceAction.ISSUE, LicenceState.NONE, input.issuedOn, null, null);
      await auditLicence(em, ctx, "issueLicence", ngo, null, saved);
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, {
    description: "Renew a licence with a new expiry date (from ACTIVE, EXPIRING or EXPIRED; ends a lapsed suspension).",
  })
  renewLicence(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(LicenceRenewInput) input: LicenceRenewInput,
  ): Promise<Licence> {
    return transition(ctx, id, LicenceAction.RENEW, input.effectiveOn, (licence, v, effectiveOn) => {
      v.check(
        input.expiresOn > licence.expiresOn,
        "expiresOn",
        `تاریخ انقضای تازه باید پس از تاریخ انقضای فعلی (${licence.expiresOn}) باشد.`,
      );
      v.check(input.expiresOn > effectiveOn, "expiresOn", "تاریخ انقضای تازه باید پس از تاریخ تمدید باشد.");
      v.text(input.reason, "reason", "توضیح", { max: 1000, required: false });
      return () => {
        licence.expiresOn = input.expiresOn;
        licence.status = LicenceStatus.ACTIVE;
        licence.suspendedUntil = null;
        licence.statusReason = null;
        return input.reason ? tidyDisplayText(input.reason) : null;
      };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, {
    description: "Suspend a licence (from ACTIVE or EXPIRING), with a reason and optionally its last day.",
  })
  suspendLicence(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(LicenceSuspendInput) input: LicenceSuspendInput,
  ): Promise<Licence> {
    return transition(ctx, id, LicenceAction.SUSPEND, input.effectiveOn, (licence, v, effectiveOn) => {
      v.text(input.reason, "reason", "علت تعلیق", { min: 3, max: 1000 });
      v.check(!input.until || input.until >= effectiveOn, "until", "پایان تعلیق نمی‌تواند پیش از شروع آن باشد.");
      return () => {
        licence.status = LicenceStatus.SUSPENDED;
        licence.suspendedUntil = input.until ?? null;
        licence.statusReason = tidyDisplayText(input.reason);
        return licence.statusReason;
      };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, { description: "Reinstate a suspended licence (from SUSPENDED only)." })
  reinstateLicence(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(LicenceReinstateInput) input: LicenceReinstateInput,
  ): Promise<Licence> {
    return transition(ctx, id, LicenceAction.REINSTATE, input.effectiveOn, (licence, v) => {
      v.text(input.reason, "reason", "توضیح", { max: 1000, required: false });
      return () => {
        licence.status = LicenceStatus.ACTIVE;
        licence.suspendedUntil = null;
        licence.statusReason = null;
        return input.reason ? tidyDisplayText(input.reason) : null;
      };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, { description: "Revoke a licence, with a reason (from any state but REVOKED; final)." })
  revokeLicence(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(LicenceRevokeInput) input: LicenceRevokeInput,
  ): Promise<Licence> {
    return transition(ctx, id, LicenceAction.REVOKE, input.effectiveOn, (licence, v) => {
      v.text(input.reason, "reason", "علت لغو", { min: 3, max: 1000 });
      return () => {
        licence.status = LicenceStatus.REVOKED;
        licence.suspendedUntil = null;
        licence.statusReason = tidyDisplayText(input.reason);
        return licence.statusReason;
      };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, {
    description:
      "Correct a licence's number or authority (typing mistakes); dates and state change only through the transitions.",
  })
  async updateLicence(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(LicenceUpdateInput) input: LicenceUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Licence> {
    return inTransaction(ctx.db, LICENCE_CONSTRAINTS, async (em) => {
      const { licence, ngo } = await lockLicence(em, ctx, id, expectedVersion);
      const before = { ...licence };
      const v = new Validator();
      checkLicenceIdentity(v, { ...licence, ...input });
      v.done();
      assignLicenceIdentity(licence, input);
      const saved = await em.save(licence);
      await auditLicence(em, ctx, "updateLicence", ngo, before, saved);
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Licence, {
    description:
      "Delete a licence recorded by mistake, with its history; returns it as it was (the audit log keeps both).",
  })
  async deleteLicence(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Licence> {
    return inTransaction(ctx.db, LICENCE_CONSTRAINTS, async (em) => {
      const { licence, ngo } = await lockLicence(em, ctx, id);
      const events = await em.find(LicenceEvent, {
        where: { licenceId: id },
        order: { effectiveOn: "ASC", seq: "ASC" },
      });
      await em.delete(Licence, { id });
      await auditLicence(em, ctx, "deleteLicence", ngo, { ...licence, events } as Licence, null);
      return Object.assign(new Licence(), licence, { id });
    });
  }

  @FieldResolver(() => LicenceState, {
    description: "State today (Tehran): the recorded status combined with the dates.",
  })
  state(@Root() licence: Licence): LicenceState {
    return deriveLicenceState(licence);
  }

  @FieldResolver(() => Int, { description: "Days from today (Tehran) to the expiry date; negative once expired." })
  daysToExpiry(@Root() licence: Licence): number {
    return Math.round(
      (Date.parse(`${licence.expiresOn}T00:00:00Z`) - Date.parse(`${tehranToday()}T00:00:00Z`)) / 86_400_000,
    );
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The licensed NGO." })
  ngo(@Root() licence: Licence, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(licence.ngoId);
  }

  @FieldResolver(() => [LicenceEvent], { description: "History of the licence, oldest first." })
  history(@Root() licence: Licence, @Ctx() ctx: RequestContext): Promise<LicenceEvent[]> {
    return eventsByLicence(ctx).load(licence.id);
  }
}

@Resolver(() => Ngo)
export class NgoLicenceResolver {
  @FieldResolver(() => Licence, {
    nullable: true,
    description: "The NGO's current licence (the latest issued), whatever its state.",
  })
  licence(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Licence | null> {
    return currentLicenceByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => LicenceState, {
    description: "State of the current licence today (Tehran); NONE without a licence.",
  })
  async licenceState(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<LicenceState> {
    return deriveLicenceState(await currentLicenceByNgo(ctx).load(ngo.id));
  }

  @FieldResolver(() => [Licence], { description: "Every licence of the NGO, newest first." })
  licences(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Licence[]> {
    return licencesByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => LicenceState, {
    description: "State of the NGO's licence on a given day, from the licence history (batched across NGOs).",
  })
  async licenceStateOn(
    @Root() ngo: Ngo,
    @Ctx() ctx: RequestContext,
    @Arg("date", () => DateScalar, { description: "The day." }) date: string,
  ): Promise<LicenceState> {
    return (await licenceStateOnLoader(ctx).load(`${ngo.id}|${date}`))?.state ?? LicenceState.NONE;
  }
}

/** Which states each transition may start from. */
const ALLOWED_FROM: Record<Exclude<LicenceAction, LicenceAction.ISSUE>, LicenceState[]> = {
  [LicenceAction.RENEW]: [LicenceState.ACTIVE, LicenceState.EXPIRING, LicenceState.EXPIRED],
  [LicenceAction.SUSPEND]: [LicenceState.ACTIVE, LicenceState.EXPIRING],
  [LicenceAction.REINSTATE]: [LicenceState.SUSPENDED],
  [LicenceAction.REVOKE]: [LicenceState.ACTIVE, LicenceState.EXPIRING, LicenceState.EXPIRED, LicenceState.SUSPENDED],
};

const ACTION_LABELS: Record<LicenceAction, string> = {
  ISSUE: "صدور",
  RENEW: "تمدید",
  SUSPEND: "تعلیق",
  REINSTATE: "رفع تعلیق",
  REVOKE: "لغو",
};

/**
 * The shape of every transition but issue: lock the licence and its NGO (territory), check the effective day and
 * that the transition may start from the licence's state that day, let `prepare` check its input and return the
 * change, apply it, and record the history entry and the audit entry — all in one transaction.
 */
async function transition(
  ctx: RequestContext,
  id: string,
  action: Exclude<LicenceAction, LicenceAction.ISSUE>,
  effectiveOnInput: string | null | undefined,
  prepare: (licence: Licence, v: Validator, effectiveOn: string) => () => string | null,
): Promise<Licence> {
  return inTransaction(ctx.db, LICENCE_CONSTRAINTS, async (em) => {
    const { licence, ngo } = await lockLicence(em, ctx, id);
    const before = { ...licence };
    const effectiveOn = effectiveOnInput ?? tehranToday();
    const last = await em.findOne(LicenceEvent, {
      where: { licenceId: id },
      order: { effectiveOn: "DESC", seq: "DESC" },
    });
    const fromState = deriveLicenceState(licence, effectiveOn);
    if (!ALLOWED_FROM[action].includes(fromState)) {
      throw invalidTransition(
        `${ACTION_LABELS[action]} پروانه‌ای با وضعیت «${LICENCE_STATE_LABELS[fromState]}» ممکن نیست.`,
        { state: fromState },
      );
    }
    const v = new Validator();
    v.check(isNotInFuture(effectiveOn), "effectiveOn", "تاریخ اثر نمی‌تواند در آینده باشد.");
    v.check(
      effectiveOn >= (last?.effectiveOn ?? licence.issuedOn),
      "effectiveOn",
      `تاریخ اثر نمی‌تواند پیش از آخرین رویداد ثبت‌شده پروانه (${last?.effectiveOn ?? licence.issuedOn}) باشد.`,
    );
    const apply = prepare(licence, v, effectiveOn);
    v.done();
    const previousExpiresOn = licence.expiresOn;
    const reason = apply();
    const saved = await em.save(licence);
    await recordEvent(
      em,
      ctx,
      saved,
      action,
      fromState,
      effectiveOn,
      reason,
      action === LicenceAction.RENEW ? previousExpiresOn : null,
    );
    await auditLicence(em, ctx, `${action.toLowerCase()}Licence`, ngo, before as Licence, saved);
    return saved;
  });
}

async function recordEvent(
  em: EntityManager,
  ctx: RequestContext,
  licence: Licence,
  action: LicenceAction,
  fromState: LicenceState,
  effectiveOn: string,
  reason: string | null,
  previousExpiresOn: string | null,
): Promise<void> {
  const user = requireUser(ctx);
  await em.insert(LicenceEvent, {
    licenceId: licence.id,
    ngoId: licence.ngoId,
    action,
    fromState,
    toState: deriveLicenceState(licence, effectiveOn),
    effectiveOn,
    reason,
    status: licence.status,
    expiresOn: licence.expiresOn,
    previousExpiresOn,
    suspendedUntil: licence.suspendedUntil,
    actorId: user.id,
    actorUsername: user.username,
  });
}

/** The audit entry of a licence change, with its NGO's territory. */
function auditLicence(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  ngo: Ngo,
  before: Licence | null,
  after: Licence | null,
) {
  return recordAudit(em, ctx, {
    action,
    entityType: "Licence",
    entityId: (after ?? before)!.id,
    provinceId: ngo.provinceId,
    countyId: ngo.countyId,
    before,
    after,
  });
}

/** The NGO of a licence being issued, locked; outside the territory "not found", outside the write scope forbidden. */
async function lockNgo(em: EntityManager, ctx: RequestContext, ngoId: string): Promise<Ngo> {
  const user = requireUser(ctx);
  const ngo = isUuid(ngoId)
    ? await em.findOne(Ngo, { where: { id: ngoId }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!ngo || !canRead(user, ngo)) throw notFound("سمن", ngoId);
  assertCanWrite(user, ngo);
  return ngo;
}

/** A licence and its NGO, locked, with the NGO's territory checked. */
/** The licence, locked and claimed for a write (version check, version + 1, writer), with its NGO. */
async function lockLicence(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<{ licence: Licence; ngo: Ngo }> {
  const user = requireUser(ctx);
  const licence = isUuid(id) ? await em.findOne(Licence, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  const ngo = licence ? await em.findOne(Ngo, { where: { id: licence.ngoId } }) : null;
  if (!licence || !ngo || !canRead(user, ngo)) throw notFound("پروانه", id);
  assertCanWrite(user, ngo);
  claimForWrite(licence, ctx, expectedVersion, "پروانه");
  return { licence, ngo };
}

function checkLicenceIdentity(
  v: Validator,
  input: { number?: string; authority?: LicensingAuthority; authorityName?: string | null },
): void {
  if (input.number !== undefined)
    v.check(
      /^[\p{L}\p{N}][\p{L}\p{N}\s/._-]{0,49}$/u.test(normalizeCode(input.number ?? "")),
      "number",
      "شماره پروانه را درست وارد کنید (حداکثر ۵۰ نویسه از حروف، رقم و / - _ .).",
    );
  const needsName = input.authority === LicensingAuthority.OTHER;
  v.text(input.authorityName, "authorityName", "نام مرجع صدور", { min: 2, max: 200, required: needsName });
}

function assignLicenceIdentity(
  licence: Licence,
  input: { number?: string; authority?: LicensingAuthority; authorityName?: string | null },
): void {
  if (input.number !== undefined) licence.number = normalizeCode(input.number);
  if (input.authority !== undefined && input.authority !== null) licence.authority = input.authority;
  if (input.authorityName !== undefined)
    licence.authorityName = input.authorityName ? tidyDisplayText(input.authorityName) : null;
}
