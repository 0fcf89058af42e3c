import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertSupportedJalaliYear,
  createRecord,
  FilterArg,
  findForWrite,
  groupByKeys,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  inTransaction,
  invalidInput,
  isBoundRole,
  isUuid,
  jalaliYearBounds,
  normalizePersian,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  uuidKeyedLoader,
  uuidsForFilter,
  Validator,
  Writable,
} from "@hamafza/common";
import { EntityManager, In } from "typeorm";
import { Ngo } from "../entities/Ngo";
import { NgoHouse } from "../entities/NgoHouse";
import { TrainingNeed, TrainingNeedStatus } from "../entities/TrainingNeed";
import { ngoById } from "../loaders";
import { ngoHouseById } from "../organisationLoaders";
import { resolveTerritory, visibleNgos } from "../resolvers/organisationSupport";
import { TrainingSessionFilter, TrainingSessionInput, TrainingSessionPage } from "./trainingInputs";
import {
  assertCanCancel,
  assertCanInvite,
  assertCanMarkMet,
  assertCanRecordAttendance,
  assertNeedPlannable,
  checkedSession,
  needAfterSession,
} from "./trainingRules";
import { trainingNeedById, visibleNeeds, visibleSessions } from "./trainingScopes";
import { TrainingInvitation, TrainingSession, TrainingSessionStatus } from "./TrainingSession";

const SESSIONS: Writable<TrainingSession> = {
  entity: TrainingSession,
  typeName: "TrainingSession",
  label: "دوره آموزشی",
  constraints: {},
};

const SORTABLE = { startsAt: "session.startsAt", topic: "session.topicNormalized", status: "session.status" };

/** The session's invitations (for the audit log's before/after). */
async function invitationsOf(em: EntityManager, sessionId: string): Promise<TrainingInvitation[]> {
  return em.find(TrainingInvitation, { where: { sessionId }, order: { ngoId: "ASC" } });
}

/** The audit form of a session: its row and its invitations. */
async function sessionAudit(em: EntityManager, session: TrainingSession) {
  return { ...session, invitations: await invitationsOf(em, session.id) };
}

/** Writes a session change (already applied to `session`) with its audit entry. */
async function saveAudited(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  before: Awaited<ReturnType<typeof sessionAudit>>,
  session: TrainingSession,
): Promise<TrainingSession> {
  const saved = await em.save(session);
  await recordChange(em, ctx, action, "TrainingSession", { before, after: await sessionAudit(em, saved) });
  return saved;
}

/** A planned need goes back to DECLARED when its session is cancelled or the NGO did not attend. */
async function releaseNeeds(em: EntityManager, sessionId: string): Promise<void> {
  await em.update(
    TrainingNeed,
    { sessionId, status: TrainingNeedStatus.PLANNED },
    { status: TrainingNeedStatus.DECLARED, sessionId: null },
  );
}

/** An NGO House of the user's territory (null: none given). */
async function checkedHouse(
  ctx: RequestContext,
  v: Validator,
  id: string | null | undefined,
): Promise<NgoHouse | null> {
  if (!id) return null;
  const house = await ngoHouseById(ctx).load(id);
  v.check(!!house, "ngoHouseId", "خانه سمن‌ها را از فهرست قلمرو خود برگزینید.");
  return house;
}

/**
 * Training sessions (docs/training.md): officials plan them in their territory, invite NGOs with a declared need,
 * record attendance and mark the needs met; an NGO representative sees the sessions its NGO is invited to.
 */
@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => TrainingSessionPage, {
    description: `Training sessions of the user's territory (an NGO representative: those its NGO is invited to), latest first by default. Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  trainingSessions(
    @Ctx() ctx: RequestContext,
    @FilterArg(TrainingSessionFilter) filter: TrainingSessionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<TrainingSessionPage> {
    const query = visibleSessions(ctx);
    if (filter?.ids) query.andWhere("session.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.status) query.andWhere("session.status = :status", { status: filter.status });
    if (filter?.topic) query.andWhere("session.topicNormalized = :topic", { topic: normalizePersian(filter.topic) });
    if (filter?.provinceId) query.andWhere("session.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("session.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.year !== undefined) {
      assertSupportedJalaliYear(filter.year, "filter.year");
      const { start, end } = jalaliYearBounds(filter.year);
      query.andWhere("session.startsAt >= :start AND session.startsAt < :end", { start, end });
    }
    return paginate(query, page, SORTABLE, { field: "startsAt", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => TrainingSession, {
    nullable: true,
    description: "One training session; empty when outside the user's territory (a representative: unless invited).",
  })
  trainingSession(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<TrainingSession | null> {
    return visibleSessions(ctx)
      .andWhere("session.id IN (:...ids)", { ids: uuidsForFilter([id]) })
      .getOne();
  }

  @Allow(OFFICERS)
  @Mutation(() => TrainingSession, {
    description: "Plan a training session in the user's territory (PLANNED), at a venue or an NGO House.",
  })
  createTrainingSession(
    @Ctx() ctx: RequestContext,
    @InputArg(TrainingSessionInput) input: TrainingSessionInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<TrainingSession> {
    return createRecord(ctx, SESSIONS, { input, idempotencyKey }, async (em) => {
      const content = checkedSession(input);
      const v = new Validator();
      const territory = await resolveTerritory(em, v, input, { provinceId: null, countyId: null });
      if (input.provinceId == null && input.countyId == null)
        v.check(false, "provinceId", "استان یا شهرستان محل برگزاری دوره را برگزینید.");
      await checkedHouse(ctx, v, input.ngoHouseId);
      v.done();
      const row = em.create(TrainingSession, {
        ...content,
        ...territory!,
        status: TrainingSessionStatus.PLANNED,
        updatedBy: requireUser(ctx).username,
      });
      return { row };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => TrainingSession, {
    description:
      "Cancel a PLANNED session: its planned needs go back to DECLARED (INVALID_TRANSITION once held or cancelled).",
  })
  cancelTrainingSession(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<TrainingSession> {
    return inTransaction(ctx.db, SESSIONS.constraints, async (em) => {
      const session = await findForWrite(em, ctx, TrainingSession, id, SESSIONS.label);
      const before = await sessionAudit(em, { ...session });
      assertCanCancel(session.status);
      session.status = TrainingSessionStatus.CANCELLED;
      await releaseNeeds(em, session.id);
      return saveAudited(em, ctx, "cancelTrainingSession", before, session);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => TrainingSession, {
    description:
      "Invite NGOs to a PLANNED session: for each need given, its NGO is invited and the need becomes PLANNED; NGOs given without a need are invited too. NGOs must be of the session's province and not invited yet; the session's capacity limits the invitations.",
  })
  inviteToTrainingSession(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("needIds", () => [ID], { defaultValue: [], description: "Declared needs (of the user's territory)." })
    needIds: string[],
    @Arg("ngoIds", () => [ID], { defaultValue: [], description: "NGOs invited without a declared need." })
    ngoIds: string[],
  ): Promise<TrainingSession> {
    return inTransaction(ctx.db, SESSIONS.constraints, async (em) => {
      const session = await findForWrite(em, ctx, TrainingSession, id, SESSIONS.label);
      const before = await sessionAudit(em, { ...session });
      const invited = new Set(before.invitations.map((i) => i.ngoId));
      const wanted = [...new Set(needIds)];
      const needs = wanted.length
        ? await visibleNeeds(ctx, em)
            .andWhere("need.id IN (:...ids)", { ids: uuidsForFilter(wanted) })
            .setLock("pessimistic_write", undefined, ["need"])
            .getMany()
        : [];
      const unknown = wanted.filter((needId) => !needs.some((n) => n.id === needId));
      if (unknown.length)
        throw invalidInput([{ field: "needIds", message: `این نیازهای آموزشی پیدا نشد: ${unknown.join("، ")}.` }]);
      const ngos = await visibleNgos(em, ctx, [...needs.map((n) => n.ngoId), ...ngoIds]);
      const missing = ngoIds.filter((ngoId) => !ngos.has(ngoId));
      if (missing.length)
        throw invalidInput([{ field: "ngoIds", message: `این سمن‌ها پیدا نشد: ${missing.join("، ")}.` }]);
      const rows = new Map<string, string | null>();
      for (const need of needs) {
        assertNeedPlannable(need.status);
        rows.set(need.ngoId, need.id);
      }
      for (const ngoId of ngoIds) if (!rows.has(ngoId)) rows.set(ngoId, null);
      const problems = [...rows.keys()].flatMap((ngoId) => {
        const ngo = ngos.get(ngoId)!;
        if (invited.has(ngoId)) return [`«${ngo.name}» پیش‌تر به این دوره دعوت شده است.`];
        if (ngo.provinceId !== session.provinceId) return [`«${ngo.name}» در استان این دوره نیست.`];
        return [];
      });
      if (problems.length) throw invalidInput([{ field: "needIds", message: problems.join(" ") }]);
      if (needs.length !== new Set(needs.map((n) => n.ngoId)).size)
        throw invalidInput([{ field: "needIds", message: "از هر سمن یک نیاز برای هر دوره برگزینید." }]);
      assertCanInvite(session.status, invited.size, rows.size, session.capacity);
      if (rows.size)
        await em.insert(
          TrainingInvitation,
          [...rows].map(([ngoId, needId]) => ({ sessionId: session.id, ngoId, needId, attended: null })),
        );
      if (needs.length)
        await em.update(
          TrainingNeed,
          { id: In(needs.map((n) => n.id)) },
          { status: TrainingNeedStatus.PLANNED, sessionId: session.id },
        );
      return saveAudited(em, ctx, "inviteToTrainingSession", before, session);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => TrainingSession, {
    description:
      "Record who attended a session that has started: the NGOs named attended, the other invited NGOs did not; the session becomes HELD (may be recorded again to correct it).",
  })
  recordTrainingAttendance(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("attendedNgoIds", () => [ID], { description: "The invited NGOs that attended." }) attendedNgoIds: string[],
  ): Promise<TrainingSession> {
    return inTransaction(ctx.db, SESSIONS.constraints, async (em) => {
      const session = await findForWrite(em, ctx, TrainingSession, id, SESSIONS.label);
      const before = await sessionAudit(em, { ...session });
      assertCanRecordAttendance(session.status, session.startsAt);
      const invited = new Set(before.invitations.map((i) => i.ngoId));
      const strangers = attendedNgoIds.filter((ngoId) => !invited.has(ngoId));
      if (strangers.length)
        throw invalidInput([{ field: "attendedNgoIds", message: "فقط حضور سمن‌های دعوت‌شده به این دوره ثبت می‌شود." }]);
      const attended = new Set(attendedNgoIds);
      for (const invitation of before.invitations)
        await em.update(TrainingInvitation, { id: invitation.id }, { attended: attended.has(invitation.ngoId) });
      session.status = TrainingSessionStatus.HELD;
      return saveAudited(em, ctx, "recordTrainingAttendance", before, session);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => TrainingSession, {
    description:
      "Close the loop of a HELD session: the planned needs of NGOs that attended become MET; those of NGOs that did not go back to DECLARED.",
  })
  markTrainingNeedsMet(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<TrainingSession> {
    return inTransaction(ctx.db, SESSIONS.constraints, async (em) => {
      const session = await findForWrite(em, ctx, TrainingSession, id, SESSIONS.label);
      const before = await sessionAudit(em, { ...session });
      assertCanMarkMet(session.status);
      for (const invitation of before.invitations) {
        if (!invitation.needId) continue;
        const status = needAfterSession(invitation.attended);
        await em.update(
          TrainingNeed,
          { id: invitation.needId, sessionId: session.id, status: TrainingNeedStatus.PLANNED },
          { status, sessionId: status === TrainingNeedStatus.MET ? session.id : null },
        );
      }
      return saveAudited(em, ctx, "markTrainingNeedsMet", before, session);
    });
  }

  @FieldResolver(() => [TrainingInvitation], {
    description: "The NGOs invited, with their attendance (an NGO representative: its own NGO's invitation only).",
  })
  invitations(@Root() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<TrainingInvitation[]> {
    return invitationsBySession(ctx).load(session.id);
  }

  @FieldResolver(() => Int, { description: "How many NGOs are invited (every NGO, also for representatives)." })
  async invitedCount(@Root() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<number> {
    return (await invitationCounts(ctx).load(session.id)) ?? 0;
  }

  @FieldResolver(() => NgoHouse, { nullable: true, description: "The NGO House it is held at, if any." })
  ngoHouse(@Root() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<NgoHouse | null> | null {
    if (!session.ngoHouseId || isBoundRole(requireUser(ctx).role)) return null;
    return ngoHouseById(ctx).load(session.ngoHouseId);
  }
}

/** Invitations of many sessions in one statement; an NGO representative gets only its own NGO's row. */
const invitationsBySession = (ctx: RequestContext) =>
  uuidKeyedLoader<TrainingInvitation[]>(
    ctx,
    "trainingInvitationsBySession",
    async (ids) => {
      const user = requireUser(ctx);
      const where = isBoundRole(user.role)
        ? { sessionId: In(ids), ngoId: user.role === Role.NGO_REPRESENTATIVE && user.boundId ? user.boundId : "" }
        : { sessionId: In(ids) };
      if (isBoundRole(user.role) && !isUuid(where.ngoId as string)) return ids.map(() => []);
      const rows = await ctx.db.getRepository(TrainingInvitation).find({ where, order: { ngoId: "ASC" } });
      return groupByKeys(ids, rows, (row) => row.sessionId);
    },
    [],
  );

const invitationCounts = (ctx: RequestContext) =>
  uuidKeyedLoader<number>(
    ctx,
    "trainingInvitationCounts",
    async (ids) => {
      const rows: { session_id: string; count: string }[] = await ctx.db.query(
        `SELECT session_id, count(*) AS count FROM training_invitation WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
        [ids],
      );
      const counts = new Map(rows.map((r) => [r.session_id, Number(r.count)]));
      return ids.map((sessionId) => counts.get(sessionId) ?? 0);
    },
    0,
  );

@Resolver(() => TrainingInvitation)
export class TrainingInvitationResolver {
  @FieldResolver(() => Ngo, { nullable: true, description: "The invited NGO." })
  ngo(@Root() invitation: TrainingInvitation, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(invitation.ngoId);
  }

  @FieldResolver(() => TrainingNeed, { nullable: true, description: "The need the NGO was invited for, if any." })
  need(@Root() invitation: TrainingInvitation, @Ctx() ctx: RequestContext): Promise<TrainingNeed | null> | null {
    return invitation.needId ? trainingNeedById(ctx).load(invitation.needId) : null;
  }
}

/** `Ngo.trainingSessions`: the sessions the NGO is invited to, latest first (the reader's scope applies). */
@Resolver(() => Ngo)
export class NgoTrainingSessionsResolver {
  @FieldResolver(() => [TrainingSession], { description: "Training sessions the NGO is invited to, latest first." })
  async trainingSessions(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<TrainingSession[]> {
    return ctx.loaders
      .get<string, TrainingSession[]>("TrainingSessionsByNgo", async (ngoIds) => {
        const invitations = await ctx.db
          .getRepository(TrainingInvitation)
          .find({ where: { ngoId: In(uuidsForFilter([...ngoIds])) } });
        const sessions = invitations.length
          ? await visibleSessions(ctx)
              .andWhere("session.id IN (:...ids)", { ids: [...new Set(invitations.map((i) => i.sessionId))] })
              .orderBy("session.startsAt", "DESC")
              .getMany()
          : [];
        const byNgo = groupByKeys(ngoIds, invitations, (i) => i.ngoId);
        return byNgo.map((list) => {
          const mine = new Set(list.map((i) => i.sessionId));
          return sessions.filter((session) => mine.has(session.id));
        });
      })
      .load(ngo.id);
  }
}
