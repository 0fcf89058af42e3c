import { isBoundRole, normalizePersian, recordAudit, Role } from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { generatePassword, hashPassword, passwordProblem } from "../auth/passwords";
import { User } from "../entities/User";

export const ADMIN_USERNAME = "admin";

export interface AdminBootstrap {
  /** True when this call created the `admin` account. */
  created: boolean;
  /** The generated password (ADMIN_PASSWORD unset), to print once; never stored in clear. */
  generatedPassword: string | null;
}

/**
 * On first start, creates the `admin` account with `password` (ADMIN_PASSWORD) or a random one returned to
 * be printed once. Later starts change nothing, so a changed password stays changed.
 */
export async function ensureAdminAccount(db: DataSource, password: string | undefined): Promise<AdminBootstrap> {
  const existing = await db.getRepository(User).findOneBy({ username: ADMIN_USERNAME });
  if (existing) return { created: false, generatedPassword: null };
  if (password && passwordProblem(password, ADMIN_USERNAME))
    throw new Error(`ADMIN_PASSWORD is not acceptable: at least 10 characters, not containing "admin".`);
  let chosen = password || generatePassword();
  while (passwordProblem(chosen, ADMIN_USERNAME)) chosen = generatePassword();
  const passwordHash = await hashPassword(chosen);
  await db.transaction((em) =>
    createAccount(
      em,
      { username: ADMIN_USERNAME, displayName: "مدیر سامانه", role: Role.ADMIN, provinceId: null, countyId: null },
      passwordHash,
    ),
  );
  return { created: true, generatedPassword: password ? null : chosen };
}

/** The password of every demo account; exists only where demo data was loaded (README). */
export const DEMO_PASSWORD = "Hamafza@1404";

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  provinceId: string | null;
  countyId: string | null;
}

/** A demo record an invited demo account speaks for (an NGO, an agency, a manager of Zanjan county), with its place. */
export interface DemoBoundRecord {
  id: string;
  provinceId: string;
  countyId: string | null;
}

/** One demo account per role, in Zanjan (province 19, county 1901) where the demo data is richest. */
export const demoUsers: readonly DemoUser[] = [
  {
    username: "demo.admin",
    displayName: "مریم احمدی (مدیر سامانه)",
    role: Role.ADMIN,
    provinceId: null,
    countyId: null,
  },
  {
    username: "demo.province",
    displayName: "علی رضایی (کارشناس استانداری زنجان)",
    role: Role.PROVINCE_OFFICER,
    provinceId: "19",
    countyId: null,
  },
  {
    username: "demo.county",
    displayName: "زهرا کریمی (کارشناس فرمانداری زنجان)",
    role: Role.COUNTY_OFFICER,
    provinceId: "19",
    countyId: "1901",
  },
  {
    username: "demo.evaluator",
    displayName: "حسین موسوی (واحد ارزیابی عملکرد)",
    role: Role.EVALUATOR,
    provinceId: null,
    countyId: null,
  },
  {
    username: "demo.analyst",
    displayName: "نرگس حسینی (تحلیلگر)",
    role: Role.ANALYST,
    provinceId: null,
    countyId: null,
  },
  // Invited roles: bound at load time to a demo NGO, agency and manager of Zanjan county (see loadIdentityDemoData).
  {
    username: "demo.ngo",
    displayName: "سارا نوری (نماینده سمن)",
    role: Role.NGO_REPRESENTATIVE,
    provinceId: null,
    countyId: null,
  },
  {
    username: "demo.agency",
    displayName: "رضا جعفری (کارشناس پاسخگوی دستگاه)",
    role: Role.AGENCY_RESPONDENT,
    provinceId: null,
    countyId: null,
  },
  {
    username: "demo.manager",
    displayName: "مدیر نمونه (مدیر ارزیابی‌شونده)",
    role: Role.MANAGER,
    provinceId: null,
    countyId: null,
  },
];

/**
 * Adds the demo accounts that are missing; returns how many it added. Hashes run in parallel (argon2 threads). An
 * invited role's account is added only when `bound` names its record (the registry's demo data, found by the caller);
 * its province and county are the record's.
 */
export async function loadIdentityDemoData(
  db: DataSource,
  bound: Partial<Record<Role, DemoBoundRecord>> = {},
): Promise<{ users: number }> {
  const existing = new Set((await db.getRepository(User).find({ select: { username: true } })).map((u) => u.username));
  const missing = demoUsers
    .filter((demo) => !existing.has(demo.username))
    .flatMap((demo): (DemoUser & { boundId: string | null })[] => {
      if (!isBoundRole(demo.role)) return [{ ...demo, boundId: null }];
      const record = bound[demo.role];
      return record ? [{ ...demo, provinceId: record.provinceId, countyId: record.countyId, boundId: record.id }] : [];
    });
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (em) => {
    for (const [i, demo] of missing.entries()) await createAccount(em, demo, hashes[i]);
  });
  return { users: missing.length };
}

async function createAccount(
  em: EntityManager,
  account: DemoUser & { boundId?: string | null },
  passwordHash: string,
): Promise<void> {
  const user = await em.save(
    em.create(User, {
      ...account,
      displayNameNormalized: normalizePersian(account.displayName),
      passwordHash,
      disabled: false,
      lastLoginAt: null,
    }),
  );
  await recordAudit(
    em,
    { service: "identity", requestId: "bootstrap", clientAddress: null, user: null },
    {
      action: "createUser",
      actor: { id: null, username: "system", role: null },
      entityType: "User",
      entityId: user.id,
      after: user,
    },
  );
}
