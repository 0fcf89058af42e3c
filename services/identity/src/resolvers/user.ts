import {
  Allow,
  EVERY_ROLE,
  AppError,
  containsPattern,
  ErrorCode,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  normalizePersian,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  isBoundRole,
  Role,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  claimForWrite,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  idempotentCreate,
  checkReferences,
} from "@hamafza/common";
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { lockedMessage } from "../auth/login";
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "../auth/policy";
import { accountKey, countFailure, lockedForSeconds } from "../auth/throttle";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { County, Province } from "../entities/references";
import { User } from "../entities/User";
import { userById } from "../loaders";

import { PasswordReset, UserCreateInput, UserFilter, UserPage, UserUpdateInput } from "./userInputs";
import {
  assertAnAdminRemains,
  auditUser,
  checkNewUser,
  checkTerritory,
  findForUpdate,
  INVITED_ROLE_MESSAGE,
  territoryReferences,
  USER_CONSTRAINTS,
  USER_SORTABLE,
} from "./userRules";
export { PasswordReset, UserCreateInput, UserFilter, UserPage, UserUpdateInput } from "./userInputs";

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly policy: LoginPolicy = DEFAULT_LOGIN_POLICY) {}

  @Allow(EVERY_ROLE)
  @Query(() => User, { nullable: true, description: "The signed-in user." })
  me(@Ctx() ctx: RequestContext): Promise<User | null> {
    return userById(ctx).load(requireUser(ctx).id);
  }

  @Allow(Role.ADMIN)
  @Query(() => UserPage, {
    description: `Users (administrators only). Sortable by ${Object.keys(USER_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  users(
    @Ctx() ctx: RequestContext,
    @FilterArg(UserFilter) filter: UserFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<UserPage> {
    const query = ctx.db.getRepository(User).createQueryBuilder("u");
    if (filter?.ids) query.andWhere("u.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.role) query.andWhere("u.role = :role", { role: filter.role });
    if (filter?.provinceId) query.andWhere("u.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.disabled !== undefined && filter.disabled !== null)
      query.andWhere("u.disabled = :disabled", { disabled: filter.disabled });
    if (filter?.q) {
      query.andWhere("(u.username LIKE :q OR u.displayNameNormalized LIKE :q)", {
        q: containsPattern(filter.q.toLowerCase()),
      });
    }
    return paginate(query, page, USER_SORTABLE, { field: "username", order: SortOrder.ASC });
  }

  @Allow(Role.ADMIN)
  @Query(() => User, { nullable: true, description: "One user by id (administrators only)." })
  user(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<User | null> {
    return userById(ctx).load(id);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => User, { description: "Create a user (administrators only)." })
  async createUser(
    @Ctx() ctx: RequestContext,
    @InputArg(UserCreateInput) input: UserCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<User> {
    await checkReferences(ctx, territoryReferences(input));
    return inTransaction(ctx.db, USER_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createUser",
        idempotencyKey,
        { ...input, password: undefined },
        async () => {
          // no password-derived hash is kept
          const v = new Validator();
          const username = checkNewUser(v, input);
          const problem = passwordProblem(input.password, username);
          v.check(problem === null, "password", problem ?? "");
          const territory = checkTerritory(v, input.role, input.provinceId ?? null, input.countyId ?? null);
          v.done();
          const user = em.create(User, {
            username,
            displayName: tidyDisplayText(input.displayName),
            displayNameNormalized: normalizePersian(input.displayName),
            role: input.role,
            ...territory,
            passwordHash: await hashPassword(input.password),
            disabled: false,
            lastLoginAt: null,
          });
          const saved = await em.save(user);
          await auditUser(em, ctx, "createUser", null, saved);
          return saved;
        },
        (id) => em.findOneBy(User, { id }),
      ),
    );
  }

  @Allow(Role.ADMIN)
  @Mutation(() => User, {
    description: "Change a user's name, role, territory or enabled state (administrators only).",
  })
  async updateUser(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(UserUpdateInput) input: UserUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<User> {
    await checkReferences(ctx, territoryReferences(input));
    return inTransaction(ctx.db, USER_CONSTRAINTS, async (em) => {
      // Role and enabled-state changes queue behind each other, so two admins demoting themselves at once
      // cannot both pass the "an admin remains" check.
      if (input.role !== undefined || input.disabled !== undefined)
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.admin_roles'))`);
      const user = claimForWrite(await findForUpdate(em, id), ctx, expectedVersion, "کاربر");
      const before = { ...user };
      const v = new Validator();
      if (input.displayName !== undefined) v.text(input.displayName, "displayName", "نام نمایشی", { min: 2, max: 100 });
      const role = input.role ?? user.role;
      if (input.role !== undefined && input.role !== null && input.role !== user.role && isBoundRole(user.role))
        v.check(false, "role", INVITED_ROLE_MESSAGE);
      const roleOrTerritoryGiven =
        input.role !== undefined || input.provinceId !== undefined || input.countyId !== undefined;
      const territory = roleOrTerritoryGiven
        ? checkTerritory(
            v,
            role,
            input.provinceId !== undefined ? input.provinceId : user.provinceId,
            input.countyId !== undefined ? input.countyId : user.countyId,
          )
        : { provinceId: user.provinceId, countyId: user.countyId };
      v.done();
      if (input.displayName !== undefined) {
        user.displayName = tidyDisplayText(input.displayName);
        user.displayNameNormalized = normalizePersian(input.displayName);
      }
      Object.assign(user, { role, ...territory });
      if (input.disabled !== undefined && input.disabled !== null) user.disabled = input.disabled;
      await assertAnAdminRemains(em, before, user);
      const saved = await em.save(user);
      const accessChanged =
        before.role !== saved.role ||
        before.provinceId !== saved.provinceId ||
        before.countyId !== saved.countyId ||
        (!before.disabled && saved.disabled);
      if (accessChanged) await revokeUserSessions(em, saved.id);
      await auditUser(em, ctx, "updateUser", before, saved);
      return saved;
    });
  }

  @Allow(Role.ADMIN)
  @Mutation(() => PasswordReset, {
    description:
      "Set a new password for a user (administrators only) and end the user's sessions; without `password` one is generated and returned once.",
  })
  resetUserPassword(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("password", () => String, { nullable: true, description: "The new password; omit to generate one." })
    password?: string | null,
  ): Promise<PasswordReset> {
    return inTransaction(ctx.db, {}, async (em) => {
      const user = await findForUpdate(em, id);
      const before = { ...user };
      const chosen = password ?? generatePassword();
      const problem = passwordProblem(chosen, user.username);
      if (problem)
        throw new AppError(ErrorCode.BAD_USER_INPUT, problem, { fields: [{ field: "password", message: problem }] });
      user.passwordHash = await hashPassword(chosen);
      user.passwordChangedAt = new Date();
      const saved = await em.save(user);
      await revokeUserSessions(em, saved.id);
      await auditUser(em, ctx, "resetUserPassword", before, saved);
      return { user: saved, temporaryPassword: password ? null : chosen };
    });
  }

  @Allow(EVERY_ROLE)
  @Mutation(() => Boolean, { description: "Change the signed-in user's own password; ends the user's other sessions." })
  async changeMyPassword(
    @Ctx() ctx: RequestContext,
    @Arg("currentPassword", { description: "The current password." }) currentPassword: string,
    @Arg("newPassword", { description: "The new password, at least 10 characters." }) newPassword: string,
  ): Promise<boolean> {
    const me = requireUser(ctx);
    const wrongCurrent = await ctx.db.transaction(async (em) => {
      // Guessing the current password with a stolen token counts against the account like failed sign-ins.
      const key = accountKey(me.username);
      const locked = await lockedForSeconds(em, [key], new Date());
      if (locked > 0) throw new AppError(ErrorCode.LOCKED, lockedMessage(locked), { retryAfterSeconds: locked });
      const user = await findForUpdate(em, me.id);
      if (await verifyPassword(user.passwordHash, currentPassword)) return false;
      await countFailure(em, key, this.policy.maxAccountFailures, this.policy, new Date());
      return true;
    });
    if (wrongCurrent) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, "گذرواژه فعلی نادرست است.", {
        fields: [{ field: "currentPassword", message: "گذرواژه فعلی نادرست است." }],
      });
    }
    return inTransaction(ctx.db, {}, async (em) => {
      const user = await findForUpdate(em, me.id);
      const problem = passwordProblem(newPassword, user.username);
      if (problem)
        throw new AppError(ErrorCode.BAD_USER_INPUT, problem, { fields: [{ field: "newPassword", message: problem }] });
      const before = { ...user };
      user.passwordHash = await hashPassword(newPassword);
      user.passwordChangedAt = new Date();
      const saved = await em.save(user);
      await revokeUserSessions(em, saved.id, me.sessionId);
      await auditUser(em, ctx, "changeMyPassword", before, saved);
      return true;
    });
  }

  @FieldResolver(() => Province, { nullable: true, description: "Province of the user's territory." })
  province(@Root() user: User): Province | null {
    return user.provinceId ? { id: user.provinceId } : null;
  }

  @FieldResolver(() => County, { nullable: true, description: "County of the user's territory." })
  county(@Root() user: User): County | null {
    return user.countyId ? { id: user.countyId } : null;
  }
}
