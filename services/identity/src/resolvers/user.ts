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
  isCountyCode,
  isProvinceCode,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  recordAudit,
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
  Reference,
} from "@hamafza/common";
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { EntityManager } from "typeorm";
import { canonicalUsername, lockedMessage } from "../auth/login";
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "../auth/policy";
import { accountKey, countFailure, lockedForSeconds } from "../auth/throttle";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { County, Province } from "../entities/references";
import { User } from "../entities/User";
import { userById } from "../loaders";

@ObjectType({ description: "A page of users." })
export class UserPage extends PageOf(User) {}

@InputType({ description: "Filter users; all given conditions must hold." })
export class UserFilter {
  @Field(() => [ID], { nullable: true, description: "Only these users." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the username and display name (Persian spelling variants match)." })
  q?: string;

  @Field(() => Role, { nullable: true, description: "Only users with this role." })
  role?: Role;

  @Field(() => ID, { nullable: true, description: "Only users whose territory is in this province." })
  provinceId?: string;

  @Field({ nullable: true, description: "Only disabled (true) or enabled (false) users." })
  disabled?: boolean;
}

@InputType({ description: "A new user." })
export class UserCreateInput {
  @Field({ description: "Sign-in name: 3–40 lower-case Latin letters, digits, `.`, `_` or `-`." })
  username!: string;

  @Field({ description: "Name shown in the dashboard." })
  displayName!: string;

  @Field(() => Role, { description: "Role." })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      "Province code: required for PROVINCE_OFFICER, optional for EVALUATOR and ANALYST (empty = the whole country).",
  })
  provinceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "County code: required for COUNTY_OFFICER (the province follows from it), optional for ANALYST.",
  })
  countyId?: string | null;

  @Field({ description: "Initial password, at least 10 characters; tell it to the user privately." })
  password!: string;
}

@InputType({
  description:
    "Changes to a user; omitted fields keep their value. Changing the role, territory or disabling ends the user's sessions.",
})
export class UserUpdateInput {
  @Field({ nullable: true, description: "Name shown in the dashboard." })
  displayName?: string;

  @Field(() => Role, { nullable: true, description: "Role." })
  role?: Role;

  @Field(() => ID, { nullable: true, description: "Province code of the territory." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "County code of the territory." })
  countyId?: string | null;

  @Field({ nullable: true, description: "Disable (true) or enable (false) the account." })
  disabled?: boolean;
}

@ObjectType({ description: "The result of resetting a user's password." })
export class PasswordReset {
  @Field(() => User, { description: "The user, whose sessions have all been ended." })
  user!: User;

  @Field(() => String, {
    nullable: true,
    description: "The generated password, shown this once; empty when the administrator chose the password.",
  })
  temporaryPassword!: string | null;
}

const USER_CONSTRAINTS = {
  user_account_username_unique: "کاربری با همین نام کاربری وجود دارد.",
  user_account_territory: "قلمرو با نقش کاربر سازگار نیست.",
};
const USER_SORTABLE = {
  username: "u.username",
  displayName: "u.displayNameNormalized",
  role: "u.role",
  provinceId: "u.provinceId",
  lastLoginAt: "u.lastLoginAt",
  createdAt: "u.createdAt",
};

/** A user's province and county must exist in the registry (docs/references.md). */
const territoryReferences = (input: { provinceId?: string | null; countyId?: string | null }): Reference[] => [
  { field: "provinceId", type: "Province", id: input.provinceId },
  { field: "countyId", type: "County", id: input.countyId },
];

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

/** The username (canonical) and display name of a new account, checked; shared by createUser and inviteUser. */
export function checkNewUser(v: Validator, input: { username: string; displayName: string }): string {
  const username = canonicalUsername(input.username);
  v.check(
    /^[a-z0-9._-]{3,40}$/.test(username),
    "username",
    "نام کاربری باید ۳ تا ۴۰ نویسه از حروف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط باشد.",
  );
  v.text(input.displayName, "displayName", "نام نمایشی", { min: 2, max: 100 });
  return username;
}

/**
 * The territory a role needs: officers their province or county, evaluators and analysts optionally one, admins
 * none. Invited roles are not given here: their accounts are made by invitation (inviteUser) and keep their role.
 */
function checkTerritory(
  v: Validator,
  role: Role,
  provinceId: string | null,
  countyId: string | null,
): { provinceId: string | null; countyId: string | null } {
  const province = provinceId || null;
  const county = countyId || null;
  v.check(!province || isProvinceCode(province), "provinceId", "کد استان باید دو رقم باشد.");
  v.check(!county || isCountyCode(county), "countyId", "کد شهرستان باید چهار رقم باشد.");
  switch (role) {
    case Role.ADMIN:
      return { provinceId: null, countyId: null };
    case Role.PROVINCE_OFFICER:
      v.check(province !== null, "provinceId", "برای کارشناس استانداری، استان را انتخاب کنید.");
      return { provinceId: province, countyId: null };
    case Role.COUNTY_OFFICER:
      v.check(county !== null, "countyId", "برای کارشناس فرمانداری، شهرستان را انتخاب کنید.");
      v.check(!county || !province || county.startsWith(province), "countyId", "شهرستان در استان انتخاب‌شده نیست.");
      return { provinceId: county ? county.slice(0, 2) : province, countyId: county };
    case Role.EVALUATOR:
      return { provinceId: province, countyId: null };
    case Role.ANALYST:
      v.check(!county || !province || county.startsWith(province), "countyId", "شهرستان در استان انتخاب‌شده نیست.");
      return { provinceId: county ? county.slice(0, 2) : province, countyId: county };
    case Role.NGO_REPRESENTATIVE:
    case Role.AGENCY_RESPONDENT:
    case Role.MANAGER:
      v.check(false, "role", INVITED_ROLE_MESSAGE);
      return { provinceId: province, countyId: county };
  }
}

const INVITED_ROLE_MESSAGE =
  "نماینده سمن، کارشناس پاسخگوی دستگاه و مدیر با دعوت‌نامه ساخته می‌شوند و نقششان تغییر نمی‌کند؛ از «دعوت کاربر» استفاده کنید.";

export async function findForUpdate(em: EntityManager, id: string): Promise<User> {
  const user = isUuid(id) ? await em.findOne(User, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!user) throw notFound("کاربر", id);
  return user;
}

/** Refuses a change that would leave no enabled administrator (nobody could manage users any more). */
async function assertAnAdminRemains(em: EntityManager, before: User, after: User) {
  const wasActiveAdmin = before.role === Role.ADMIN && !before.disabled;
  const isActiveAdmin = after.role === Role.ADMIN && !after.disabled;
  if (!wasActiveAdmin || isActiveAdmin) return;
  const others = await em.query(
    `SELECT count(*)::int AS n FROM user_account WHERE role = 'ADMIN' AND NOT disabled AND id <> $1`,
    [after.id],
  );
  if (others[0].n === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, "دست‌کم یک مدیر سامانهٔ فعال باید بماند.");
}

export function auditUser(em: EntityManager, ctx: RequestContext, action: string, before: User | null, after: User) {
  return recordAudit(em, ctx, {
    action,
    entityType: "User",
    entityId: after.id,
    provinceId: after.provinceId,
    countyId: after.countyId,
    before,
    after,
  });
}
