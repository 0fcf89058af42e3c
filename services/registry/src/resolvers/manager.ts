import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  Role,
  AppError,
  assertCanWrite,
  assertSupportedJalaliYear,
  containsPattern,
  DateScalar,
  ErrorCode,
  FilterArg,
  IdArg,
  inTransaction,
  InputArg,
  jalaliYearRange,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  assertNotReferenced,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { Brackets, SelectQueryBuilder } from "typeorm";
import { Agency } from "../entities/Agency";
import { County } from "../entities/County";
import { Manager } from "../entities/Manager";
import { Province } from "../entities/Province";
import { countyById, managerById, provinceById } from "../loaders";
import { agencyById } from "../organisationLoaders";
import { addDays, tehranToday } from "../validation";
import { visibleAgency } from "./organisationSupport";
import { ManagerCreateInput, ManagerFilter, ManagerPage, ManagerUpdateInput } from "./managerInputs";
import {
  LABEL,
  MANAGER_CONSTRAINTS,
  MANAGER_SORTABLE,
  NORMALIZED_POSITION,
  applyManagerInput,
  jalaliDay,
  othersOfPosition,
  overlapConflict,
  overlaps,
} from "./managerRules";
export { ManagerPage, ManagerFilter, ManagerCreateInput, ManagerUpdateInput } from "./managerInputs";
export { MANAGER_CONSTRAINTS } from "./managerRules";

/** The write outline of Manager records. */
const MANAGERS: Writable<Manager> = {
  entity: Manager,
  typeName: "Manager",
  label: LABEL,
  constraints: MANAGER_CONSTRAINTS,
};

@Resolver(() => Manager)
export class ManagerResolver {
  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => ManagerPage, {
    description: `Managers of the user's territory, current and past (a manager: their own record only). Sortable by ${Object.keys(
      MANAGER_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async managers(
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerFilter) filter: ManagerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ManagerPage> {
    return paginate(managerListQuery(ctx, filter), page, MANAGER_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => Manager, {
    nullable: true,
    description: "One manager by id; empty when outside the user's territory (a manager: not their own record).",
  })
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
    return updateRecord(
      ctx,
      MANAGERS,
      { id, expectedVersion },
      {
        change: async (em, manager) => {
          await visibleAgency(em, ctx, manager.agencyId, true);
          await applyManagerInput(em, ctx, manager, input);
          assertCanWrite(requireUser(ctx), manager);
          const clash = (await othersOfPosition(em, manager)).find((other) => overlaps(other, manager));
          if (clash) throw overlapConflict(clash);
        },
      },
    );
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
    return deleteRecord(ctx, MANAGERS, id, {
      // after the territory check: nothing is told about records out of reach
      guard: () => assertNotReferenced(ctx, "Manager", id, "مدیر"),
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

/** The `managers` list query (territory and filter applied); `Agency`/`County` nested lists page the same query. */
export function managerListQuery(ctx: RequestContext, filter: ManagerFilter | undefined): SelectQueryBuilder<Manager> {
  const query = whereInTerritory(ctx.db.getRepository(Manager).createQueryBuilder("manager"), requireUser(ctx), {
    province: "manager.provinceId",
    county: "manager.countyId",
    manager: "manager.id",
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
  return query;
}
