import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  ErrorCode,
  EVALUATORS,
  FORBIDDEN_MESSAGE,
  inTransaction,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  Validator,
  isProvinceCode,
  provinceScopeOf,
} from "@hamafza/common";
import { IsNull } from "typeorm";
import { EngagementPeriodLock } from "../entities/PeriodLock";
import { isSupportedJalaliYear } from "@hamafza/common";
import { trimOrNull } from "./common";

/** Which provinces' periods the user may lock: admins and national evaluators any (and the whole country), a provincial evaluator its own. */
function assertMayLock(ctx: RequestContext, provinceId: string | null): void {
  const user = requireUser(ctx);
  if (user.role === Role.ADMIN) return;
  if (user.countyId || (user.provinceId && user.provinceId !== provinceId)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      provinceId === null ? "قفل کردن دوره برای کل کشور فقط از ارزیاب ملی برمی‌آید." : FORBIDDEN_MESSAGE,
    );
  }
}

function checkArgs(year: number, provinceId: string | null): void {
  const v = new Validator();
  v.check(isSupportedJalaliYear(year), "year", "سال شمسی معتبر نیست.");
  v.check(provinceId === null || isProvinceCode(provinceId), "provinceId", "کد استان باید دو رقم باشد.");
  v.done();
}

@Resolver(() => EngagementPeriodLock)
export class PeriodLockResolver {
  @Allow(ALL_ROLES)
  @Query(() => [EngagementPeriodLock], {
    description:
      "Locked evaluation periods that apply to the user's territory (national locks and its province's), newest year first.",
  })
  async engagementPeriodLocks(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { nullable: true, description: "Only this Jalali year." }) year: number | undefined,
  ): Promise<EngagementPeriodLock[]> {
    const user = requireUser(ctx);
    const query = ctx.db.getRepository(EngagementPeriodLock).createQueryBuilder("lock");
    const province = provinceScopeOf(user);
    if (province) query.andWhere("(lock.provinceId IS NULL OR lock.provinceId = :province)", { province });
    if (year !== undefined) query.andWhere("lock.year = :year", { year });
    return query.orderBy("lock.year", "DESC").addOrderBy("lock.provinceId", "ASC", "NULLS FIRST").getMany();
  }

  @Allow(EVALUATORS)
  @Mutation(() => EngagementPeriodLock, {
    description:
      "Evaluators (the evaluation service, when a cycle becomes FINAL): lock a Jalali year for a province, or for the whole country without `provinceId`. From then on engagement records dated in that year in scope are refused with LOCKED. Idempotent: locking a locked period returns the existing lock.",
  })
  lockEngagementPeriod(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
    @Arg("provinceId", () => ID, { nullable: true, description: "The province; omit for the whole country." })
    provinceId: string | undefined,
    @Arg("reason", () => String, { nullable: true, description: "Why, e.g. «چرخه ارزیابی ۱۴۰۴ نهایی شد»." })
    reason: string | undefined,
  ): Promise<EngagementPeriodLock> {
    const province = provinceId ?? null;
    checkArgs(year, province);
    assertMayLock(ctx, province);
    return inTransaction(ctx.db, {}, async (em) => {
      // Serialises lock changes and waits for engagement writes in flight (they hold SHARE on the table).
      await em.query(`LOCK TABLE engagement_period_lock IN SHARE ROW EXCLUSIVE MODE`);
      const existing = await em.findOne(EngagementPeriodLock, { where: { year, provinceId: province ?? IsNull() } });
      if (existing) return existing;
      const saved = await em.save(
        em.create(EngagementPeriodLock, {
          year,
          provinceId: province,
          reason: trimOrNull(reason),
          lockedBy: requireUser(ctx).username,
        }),
      );
      await recordChange(em, ctx, "lockEngagementPeriod", "EngagementPeriodLock", {
        before: null,
        after: { ...saved, countyId: null },
      });
      return saved;
    });
  }

  @Allow(EVALUATORS)
  @Mutation(() => EngagementPeriodLock, {
    nullable: true,
    description:
      "Evaluators: lift the lock of a Jalali year for a province (or the national lock without `provinceId`), e.g. when a cycle is reopened; returns the lock as it was, or nothing when there was none.",
  })
  unlockEngagementPeriod(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
    @Arg("provinceId", () => ID, { nullable: true, description: "The province; omit for the national lock." })
    provinceId: string | undefined,
  ): Promise<EngagementPeriodLock | null> {
    const province = provinceId ?? null;
    checkArgs(year, province);
    assertMayLock(ctx, province);
    return inTransaction(ctx.db, {}, async (em) => {
      await em.query(`LOCK TABLE engagement_period_lock IN SHARE ROW EXCLUSIVE MODE`);
      const existing = await em.findOne(EngagementPeriodLock, { where: { year, provinceId: province ?? IsNull() } });
      if (!existing) return null;
      await em.delete(EngagementPeriodLock, { id: existing.id });
      await recordChange(em, ctx, "unlockEngagementPeriod", "EngagementPeriodLock", {
        before: { ...existing, countyId: null },
        after: null,
      });
      return existing;
    });
  }
}
