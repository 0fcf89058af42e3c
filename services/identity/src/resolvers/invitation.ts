import {
  Allow,
  assertCanWrite,
  BOUND_ROLES,
  BoundRole,
  containsPattern,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isBoundRole,
  normalizePersian,
  notFound,
  OFFICERS,
  PageArgs,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  paginate,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  canRead,
} from "@hamafza/common";
import {
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
import { generatePassword, hashPassword } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { Invitation, InvitationState } from "../entities/Invitation";
import { User } from "../entities/User";
import { boundRecordFor } from "../invitations/boundRecord";
import { ngosMergedInto } from "../invitations/mergedNgos";
import { hashInvitationCode, invitationPath, invitationState, newInvitationCode } from "../invitations/rules";
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "../auth/policy";
import { UserPage } from "./userInputs";
import { auditUser, checkNewUser, findForUpdate } from "./userRules";

@InputType({ description: "An invitation of a new NGO representative, agency respondent or manager." })
export class InviteUserInput {
  @Field({ description: "Sign-in name the invitee will use: 3–40 lower-case Latin letters, digits, `.`, `_` or `-`." })
  username!: string;

  @Field({ description: "The invitee's name, shown in the dashboard." })
  displayName!: string;

  @Field(() => Role, { description: "NGO_REPRESENTATIVE, AGENCY_RESPONDENT or MANAGER." })
  role!: Role;

  @Field(() => ID, {
    description:
      "The NGO (NGO_REPRESENTATIVE), agency (AGENCY_RESPONDENT) or manager (MANAGER) the invitee speaks for; it must lie in the official's territory.",
  })
  boundId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The reference of the document the official checked that the invitee speaks for the record (for an NGO representative, the NGO's letter of introduction: its number and date); up to 300 characters.",
  })
  authorisationReference?: string | null;
}

@InputType({ description: "Filter invited users; all given conditions must hold." })
export class InvitedUserFilter {
  @Field(() => Role, { nullable: true, description: "Only invited users with this role." })
  role?: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only those bound to this NGO, agency or manager. For an NGO, also the representatives of the NGOs merged into it while the merge stands, who act for it (docs/merging.md); their `boundId` names the merged NGO.",
  })
  boundId?: string;

  @Field({ nullable: true, description: "Search in the username and display name." })
  q?: string;

  @Field({ nullable: true, description: "Only disabled (true) or enabled (false) accounts." })
  disabled?: boolean;
}

@ObjectType({ description: "A new invitation: its code is shown this once, to the official who made it." })
export class IssuedInvitation {
  @Field(() => User, { description: "The invited user's account." })
  user!: User;

  @Field(() => Invitation, { description: "The invitation." })
  invitation!: Invitation;

  @Field({ description: "The one-time code; give it to the invitee privately. It is not stored and not shown again." })
  code!: string;

  @Field({ description: "The dashboard address (path) where the invitee sets their password with the code." })
  link!: string;
}

const INVITED_SORTABLE = {
  username: "u.username",
  displayName: "u.displayNameNormalized",
  role: "u.role",
  createdAt: "u.createdAt",
  lastLoginAt: "u.lastLoginAt",
};
const USER_CONSTRAINTS = { user_account_username_unique: "کاربری با همین نام کاربری وجود دارد." };

/** Invitations of NGO representatives, agency respondents and managers by officials of their territory (issue 15). */
@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(private readonly policy: LoginPolicy = DEFAULT_LOGIN_POLICY) {}

  @Allow(OFFICERS)
  @Query(() => UserPage, {
    description: `Invited users (NGO representatives, agency respondents, managers) whose record lies in the official's territory. Sortable by ${Object.keys(
      INVITED_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async invitedUsers(
    @Ctx() ctx: RequestContext,
    @FilterArg(InvitedUserFilter) filter: InvitedUserFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<UserPage> {
    const query = ctx.db
      .getRepository(User)
      .createQueryBuilder("u")
      .where("u.role IN (:...boundRoles)", { boundRoles: BOUND_ROLES });
    whereInTerritory(query, requireUser(ctx), { province: "u.provinceId", county: "u.countyId" });
    if (filter?.role) query.andWhere("u.role = :role", { role: filter.role });
    if (filter?.boundId) {
      // Representatives of an NGO merged into this one act for it: the registry names those NGOs (one call).
      const merged =
        !filter.role || filter.role === Role.NGO_REPRESENTATIVE ? await ngosMergedInto(ctx, filter.boundId) : [];
      query.andWhere("u.bound_id::text = ANY(:boundIds)", { boundIds: [filter.boundId, ...merged] });
    }
    if (filter?.disabled !== undefined && filter.disabled !== null)
      query.andWhere("u.disabled = :disabled", { disabled: filter.disabled });
    if (filter?.q)
      query.andWhere("(u.username LIKE :q OR u.displayNameNormalized LIKE :q)", {
        q: containsPattern(filter.q.toLowerCase()),
      });
    return paginate(query, page, INVITED_SORTABLE, { field: "createdAt", order: SortOrder.DESC });
  }

  @Allow(OFFICERS)
  @Mutation(() => IssuedInvitation, {
    description:
      "Invite an NGO representative, agency respondent or manager of a record in the official's territory: makes their account (which cannot sign in yet) and a one-time code, valid for HAMAFZA_INVITATION_TTL_HOURS (7 days), with which they set their password.",
  })
  async inviteUser(
    @Ctx() ctx: RequestContext,
    @InputArg(InviteUserInput) input: InviteUserInput,
  ): Promise<IssuedInvitation> {
    const official = requireUser(ctx);
    const v = new Validator();
    const username = checkNewUser(v, input);
    v.check(
      isBoundRole(input.role),
      "role",
      "با دعوت‌نامه فقط نماینده سمن، کارشناس پاسخگوی دستگاه یا مدیر ساخته می‌شود.",
    );
    v.text(input.authorisationReference, "authorisationReference", "شماره و تاریخ معرفی‌نامه", {
      max: 300,
      required: false,
    });
    v.done();
    const record = await boundRecordFor(ctx, input.role as BoundRole, input.boundId);
    const territory = { provinceId: record.provinceId, countyId: record.countyId };
    assertCanWrite(official, territory);
    // The account cannot be used before the invitee sets a password: its hash is of a password nobody knows.
    const passwordHash = await hashPassword(generatePassword() + generatePassword());
    return inTransaction(ctx.db, USER_CONSTRAINTS, async (em) => {
      const user = await em.save(
        em.create(User, {
          username,
          displayName: tidyDisplayText(input.displayName),
          displayNameNormalized: normalizePersian(input.displayName),
          role: input.role,
          ...territory,
          boundId: record.id,
          authorisationReference: input.authorisationReference?.trim()
            ? tidyDisplayText(input.authorisationReference)
            : null,
          passwordHash,
          disabled: false,
          lastLoginAt: null,
        }),
      );
      await auditUser(em, ctx, "inviteUser", null, user);
      return this.issue(em, ctx, user);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => IssuedInvitation, {
    description:
      "Invite an invited user again (a lost or expired code, a new person for the same post): earlier codes stop working, the account is enabled, its password and sessions end, and a new one-time code is made.",
  })
  reinviteUser(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<IssuedInvitation> {
    return inTransaction(ctx.db, {}, async (em) => {
      const user = await invitedForUpdate(em, ctx, id);
      const before = { ...user };
      user.disabled = false;
      user.passwordHash = await hashPassword(generatePassword() + generatePassword());
      user.passwordChangedAt = new Date();
      const saved = await em.save(user);
      await revokeUserSessions(em, saved.id);
      await auditUser(em, ctx, "reinviteUser", before, saved);
      return this.issue(em, ctx, saved);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => User, {
    description:
      "Disable an invited user (they leave the NGO, the agency or the post): they cannot sign in, their sessions and open invitation end. Re-invite to let them in again.",
  })
  disableInvitedUser(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<User> {
    return inTransaction(ctx.db, {}, async (em) => {
      const user = await invitedForUpdate(em, ctx, id);
      const before = { ...user };
      user.disabled = true;
      const saved = await em.save(user);
      await revokeUserSessions(em, saved.id);
      await revokeOpenInvitations(em, saved.id);
      await auditUser(em, ctx, "disableInvitedUser", before, saved);
      return saved;
    });
  }

  @FieldResolver(() => InvitationState, { description: "Where the invitation stands now." })
  state(@Root() invitation: Invitation): InvitationState {
    return invitationState(invitation, new Date());
  }

  /** Revokes the user's open invitation and makes a new one; the code is returned, only its hash kept. */
  private async issue(em: EntityManager, ctx: RequestContext, user: User): Promise<IssuedInvitation> {
    await revokeOpenInvitations(em, user.id);
    const code = newInvitationCode();
    const invitation = await em.save(
      em.create(Invitation, {
        userId: user.id,
        codeHash: hashInvitationCode(code),
        createdById: requireUser(ctx).id,
        expiresAt: new Date(Date.now() + this.policy.invitationTtlSeconds * 1000),
        usedAt: null,
        revokedAt: null,
      }),
    );
    return { user, invitation, code, link: invitationPath(code) };
  }
}

/** The latest invitation of a user, for officials' lists (`User.invitation`). */
@Resolver(() => User)
export class UserInvitationResolver {
  @FieldResolver(() => Invitation, {
    nullable: true,
    description: "The latest invitation of an invited user (its code is never shown again); empty for staff.",
  })
  invitation(@Ctx() ctx: RequestContext, @Root() user: User): Promise<Invitation | null> | null {
    if (!isBoundRole(user.role)) return null;
    return ctx.db.getRepository(Invitation).findOne({ where: { userId: user.id }, order: { createdAt: "DESC" } });
  }
}

/**
 * An invited user the official may change, locked: outside their read territory (or not an invited user) it is
 * NOT_FOUND, inside it but outside their write territory FORBIDDEN (docs/security.md).
 */
async function invitedForUpdate(em: EntityManager, ctx: RequestContext, id: string): Promise<User> {
  const official = requireUser(ctx);
  const user = await findForUpdate(em, id);
  const territory = { provinceId: user.provinceId, countyId: user.countyId };
  if (!isBoundRole(user.role) || !canRead(official, territory)) throw notFound("کاربر دعوت‌شده", id);
  assertCanWrite(official, territory);
  return user;
}

export async function revokeOpenInvitations(em: EntityManager, userId: string): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Invitation)
    .set({ revokedAt: new Date() })
    .where("user_id = :userId AND used_at IS NULL AND revoked_at IS NULL", { userId })
    .execute();
}
