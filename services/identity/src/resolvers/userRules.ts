import {
  AppError,
  ErrorCode,
  isCountyCode,
  isProvinceCode,
  isUuid,
  notFound,
  recordAudit,
  RequestContext,
  Role,
  Validator,
  Reference,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { canonicalUsername } from "../auth/login";
import { User } from "../entities/User";

/** Users' rules: constraint messages, sorting, territory checks, the last-admin rule and the audit entry. */

export const USER_CONSTRAINTS = {
  user_account_username_unique: "کاربری با همین نام کاربری وجود دارد.",
  user_account_territory: "قلمرو با نقش کاربر سازگار نیست.",
};
export const USER_SORTABLE = {
  username: "u.username",
  displayName: "u.displayNameNormalized",
  role: "u.role",
  provinceId: "u.provinceId",
  lastLoginAt: "u.lastLoginAt",
  createdAt: "u.createdAt",
};

/** A user's province and county must exist in the registry (docs/references.md). */
export const territoryReferences = (input: { provinceId?: string | null; countyId?: string | null }): Reference[] => [
  { field: "provinceId", type: "Province", id: input.provinceId },
  { field: "countyId", type: "County", id: input.countyId },
];

/**
 * The territory a role needs: officers their province or county, evaluators and analysts optionally one, admins
 * none. Invited roles are not given here: their accounts are made by invitation (inviteUser) and keep their role.
 */
export function checkTerritory(
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

/** Why an invited role is not given or taken away by createUser / updateUser. */
export const INVITED_ROLE_MESSAGE =
  "نماینده سمن، کارشناس پاسخگوی دستگاه و مدیر با دعوت‌نامه ساخته می‌شوند و نقششان تغییر نمی‌کند؛ از «دعوت کاربر» استفاده کنید.";

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

export async function findForUpdate(em: EntityManager, id: string): Promise<User> {
  const user = isUuid(id) ? await em.findOne(User, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!user) throw notFound("کاربر", id);
  return user;
}

/** Refuses a change that would leave no enabled administrator (nobody could manage users any more). */
export async function assertAnAdminRemains(em: EntityManager, before: User, after: User) {
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
