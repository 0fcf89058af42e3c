import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  DateScalar,
  ErrorCode,
  EVALUATORS,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  checkTerritoryArgs,
  SortOrder,
  tidyDisplayText,
  Validator,
  ExpectedVersionArg,
  invalidTransition,
} from "@hamafza/common";
import { LICENCE_STATE_LABELS, Licence, LicenceState, LicenceStatus } from "../entities/Licence";
import { LicenceAction, LicenceEvent } from "../entities/LicenceEvent";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { ngoById } from "../loaders";
import { addDays, isNotInFuture, licenceExpiringDays, tehranToday } from "../validation";
import { deriveLicenceState } from "./licenceState";
import {
  LicenceFilter,
  LicenceIssueInput,
  LicencePage,
  LicenceReinstateInput,
  LicenceRenewInput,
  LicenceRevokeInput,
  LicenceSuspendInput,
  LicenceUpdateInput,
  NgoLicenceStateOn,
} from "./licenceInputs";
import {
  LICENCE_CONSTRAINTS,
  LICENCE_SORTABLE,
  assignLicenceIdentity,
  auditLicence,
  checkLicenceIdentity,
  filteredLicences,
  lockLicence,
  lockNgo,
  recordEvent,
  transition,
} from "./licenceRules";
import { eventsByLicence, licenceById, licenceStateOnLoader } from "./licenceLoaders";
export {
  LicencePage,
  LicenceFilter,
  LicenceIssueInput,
  LicenceUpdateInput,
  LicenceRenewInput,
  LicenceSuspendInput,
  LicenceReinstateInput,
  LicenceRevokeInput,
  NgoLicenceStateOn,
} from "./licenceInputs";
export { licenceStateOnLoader, licenceStatesOnDates } from "./licenceLoaders";

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
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
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
    return transition(
      ctx,
      id,
      LicenceAction.SUSPEND,
      input.effectiveOn,
      (licence, v, effectiveOn) => {
        v.text(input.reason, "reason", "علت تعلیق", { min: 3, max: 1000 });
        v.check(!input.until || input.until >= effectiveOn, "until", "پایان تعلیق نمی‌تواند پیش از شروع آن باشد.");
        return () => {
          licence.status = LicenceStatus.SUSPENDED;
          licence.suspendedUntil = input.until ?? null;
          licence.statusReason = tidyDisplayText(input.reason);
          return licence.statusReason;
        };
      },
      input.supervisionRecordId,
    );
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
    return transition(
      ctx,
      id,
      LicenceAction.REVOKE,
      input.effectiveOn,
      (licence, v) => {
        v.text(input.reason, "reason", "علت لغو", { min: 3, max: 1000 });
        return () => {
          licence.status = LicenceStatus.REVOKED;
          licence.suspendedUntil = null;
          licence.statusReason = tidyDisplayText(input.reason);
          return licence.statusReason;
        };
      },
      input.supervisionRecordId,
    );
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
