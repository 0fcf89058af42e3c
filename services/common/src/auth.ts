import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { decodeJwt, jwtVerify, SignJWT } from "jose";
import { registerEnumType } from "type-graphql";
import { AppError, ErrorCode } from "./errors";
import { setting } from "./settings";
import { VerifiedTokenCache } from "./tokenCache";

/** Who a user is in the system (README, "Security model"). */
export enum Role {
  ADMIN = "ADMIN",
  PROVINCE_OFFICER = "PROVINCE_OFFICER",
  COUNTY_OFFICER = "COUNTY_OFFICER",
  EVALUATOR = "EVALUATOR",
  ANALYST = "ANALYST",
  NGO_REPRESENTATIVE = "NGO_REPRESENTATIVE",
  AGENCY_RESPONDENT = "AGENCY_RESPONDENT",
  MANAGER = "MANAGER",
}
registerEnumType(Role, {
  name: "Role",
  description: "A user's role; with the user's territory it decides what the user may see and change.",
  valuesConfig: {
    ADMIN: { description: "System administrator (مدیر سامانه): everything, users, reference data." },
    PROVINCE_OFFICER: {
      description: "Provincial governorate staff (کارشناس استانداری): registry and engagement data of its province.",
    },
    COUNTY_OFFICER: {
      description: "County governorate staff (کارشناس فرمانداری): registry and engagement data of its county.",
    },
    EVALUATOR: {
      description:
        "Evaluation unit (ارزیاب): reads everything in its scope; rubrics, computation, adjustment, publication.",
    },
    ANALYST: { description: "Analyst (تحلیلگر): reads its scope; personal data masked; changes nothing." },
    NGO_REPRESENTATIVE: {
      description:
        "NGO representative (نماینده سمن), invited by an official: bound to one NGO; sees only that NGO (docs/security.md).",
    },
    AGENCY_RESPONDENT: {
      description:
        "Agency respondent (کارشناس پاسخگوی دستگاه), invited by an official: bound to one agency; sees what is addressed to it.",
    },
    MANAGER: {
      description:
        "Evaluated manager (مدیر), invited by an official: bound to one manager record; sees only their own results once under review.",
    },
  },
});

/** Every role, staff and invited: for checking a token's claim, and for operations on the signed-in user themself (`me`). */
export const EVERY_ROLE: readonly Role[] = Object.values(Role);
/** Governorate staff: the roles whose scope is a territory (the country, a province or a county). */
export const STAFF_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.PROVINCE_OFFICER,
  Role.COUNTY_OFFICER,
  Role.EVALUATOR,
  Role.ANALYST,
];
/**
 * Invited outsiders, each bound to one record (`AuthUser.boundId`): an NGO, an agency or a manager. Their scope is
 * that record, never a territory: `territoryCondition` matches nothing for them unless the query names the column
 * of their record, so an operation opened to them by mistake still shows them nothing (docs/security.md).
 */
export const BOUND_ROLES: readonly Role[] = [Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT, Role.MANAGER];
/**
 * The roles `@Allow(ALL_ROLES)` opens an operation to: all governorate staff (STAFF_ROLES). Invited roles
 * (BOUND_ROLES) are added to an operation only by name, after its queries filter by their bound record.
 */
export const ALL_ROLES: readonly Role[] = STAFF_ROLES;
/** The kind of record each invited role is bound to. */
export const BOUND_KIND = {
  [Role.NGO_REPRESENTATIVE]: "Ngo",
  [Role.AGENCY_RESPONDENT]: "Agency",
  [Role.MANAGER]: "Manager",
} as const satisfies Partial<Record<Role, string>>;
export type BoundRole = keyof typeof BOUND_KIND;

export function isBoundRole(role: Role): role is BoundRole {
  return BOUND_ROLES.includes(role);
}
/** Roles that change registry and engagement records (each within its territory). */
export const OFFICERS: readonly Role[] = [Role.ADMIN, Role.PROVINCE_OFFICER, Role.COUNTY_OFFICER];
/** Roles that do evaluation work. */
export const EVALUATORS: readonly Role[] = [Role.ADMIN, Role.EVALUATOR];

/** The signed-in user, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Province code of the user's territory; `null` = the whole country. */
  provinceId: string | null;
  /** County code of the user's territory (county officers, county-scoped analysts); `null` otherwise. */
  countyId: string | null;
  /**
   * The record an invited user speaks for (NGO_REPRESENTATIVE: an NGO's id, AGENCY_RESPONDENT: an agency's,
   * MANAGER: a manager's); `null` for staff. Their province/county are that record's, for officials' lists only.
   */
  boundId?: string | null;
  /** The sign-in session the token belongs to (revoked on sign-out). */
  sessionId: string;
}

const ISSUER = "hamafza-identity";
const AUDIENCE = "hamafza";
const ALGORITHM = "EdDSA";

/** Keys that verify access tokens (every service) and, in the identity service only, sign them. */
export interface TokenKeys {
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/** What a subgraph needs to trust a request: the gateway's shared secret and the token-verifying key. */
export interface ServiceSecurity {
  gatewaySecret: string;
  keys: TokenKeys;
}

/**
 * Whether an access token's `exp` has passed, read without verifying it: for a queued job deciding whether trying
 * again with the token it holds can still succeed (every service verifies the token itself). Unreadable: expired.
 */
export function accessTokenExpired(token: string, now = Date.now()): boolean {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp !== "number" || exp * 1000 <= now;
  } catch {
    return true;
  }
}

/** A fresh Ed25519 key pair as PEM text (the runner makes one per start unless configured). */
export function generateTokenKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export function generateGatewaySecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Reads HAMAFZA_GATEWAY_SECRET, HAMAFZA_JWT_PUBLIC_KEY and (identity) HAMAFZA_JWT_PRIVATE_KEY. */
export function securityFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { signing?: boolean } = {},
): ServiceSecurity {
  const gatewaySecret = setting("HAMAFZA_GATEWAY_SECRET", env);
  const publicPem = setting("HAMAFZA_JWT_PUBLIC_KEY", env);
  const privatePem = options.signing ? setting("HAMAFZA_JWT_PRIVATE_KEY", env) : undefined;
  return securityFromPem(gatewaySecret, publicPem, privatePem);
}

export function securityFromPem(gatewaySecret: string, publicKeyPem: string, privateKeyPem?: string): ServiceSecurity {
  return {
    gatewaySecret,
    keys: {
      publicKey: createPublicKey(publicKeyPem),
      privateKey: privateKeyPem ? createPrivateKey(privateKeyPem) : undefined,
    },
  };
}

/** Security material for tests and the in-process stack: a new key pair and secret. */
export function generateServiceSecurity(): ServiceSecurity & { publicKeyPem: string; privateKeyPem: string } {
  const pair = generateTokenKeyPair();
  return { ...securityFromPem(generateGatewaySecret(), pair.publicKeyPem, pair.privateKeyPem), ...pair };
}

/** Signs a short-lived access token (identity service). */
export async function signAccessToken(keys: TokenKeys, user: AuthUser, expiresAt: Date): Promise<string> {
  if (!keys.privateKey) throw new Error("This service holds no signing key.");
  return new SignJWT({
    usr: user.username,
    role: user.role,
    prv: user.provinceId,
    cty: user.countyId,
    bnd: user.boundId ?? null,
    sid: user.sessionId,
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keys.privateKey);
}

export const SIGN_IN_REQUIRED_MESSAGE = "برای این کار باید وارد سامانه شوید.";
export const SESSION_ENDED_MESSAGE = "نشست شما به پایان رسیده یا نامعتبر است؛ دوباره وارد سامانه شوید.";

/** Tokens this process has verified, per verifying key (tokenCache.ts). */
const verifiedTokens = new WeakMap<KeyObject, VerifiedTokenCache<AuthUser>>();

/** The cache of tokens verified with this key (tests read its hit and miss counts). */
export function verifiedTokensOf(keys: TokenKeys): VerifiedTokenCache<AuthUser> {
  let cache = verifiedTokens.get(keys.publicKey);
  if (!cache) verifiedTokens.set(keys.publicKey, (cache = new VerifiedTokenCache<AuthUser>()));
  return cache;
}

/**
 * Verifies an access token: Ed25519 signature only (so `alg: none` and HMAC tokens are refused), issuer,
 * audience, expiry, and well-formed claims. Throws UNAUTHENTICATED otherwise. A token that passed once is
 * answered from memory until its expiry (tokenCache.ts); every other token is checked in full.
 */
export async function verifyAccessToken(keys: TokenKeys, token: string): Promise<AuthUser> {
  const cache = verifiedTokensOf(keys);
  const known = cache.get(token);
  if (known) return { ...known };
  const { user, expiresAtSec } = await verifySignedToken(keys, token);
  cache.set(token, user, expiresAtSec);
  return { ...user };
}

async function verifySignedToken(keys: TokenKeys, token: string): Promise<{ user: AuthUser; expiresAtSec: number }> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["exp", "sub"],
    });
    const role = payload.role as Role;
    if (
      !EVERY_ROLE.includes(role) ||
      // An invited role's token names its record, and a staff token names none.
      isBoundRole(role) !== (typeof payload.bnd === "string") ||
      typeof payload.sub !== "string" ||
      typeof payload.sid !== "string" ||
      typeof payload.usr !== "string" ||
      typeof payload.exp !== "number"
    ) {
      throw new Error("malformed claims");
    }
    const user: AuthUser = {
      id: payload.sub,
      username: payload.usr,
      role,
      provinceId: typeof payload.prv === "string" ? payload.prv : null,
      countyId: typeof payload.cty === "string" ? payload.cty : null,
      boundId: typeof payload.bnd === "string" ? payload.bnd : null,
      sessionId: payload.sid,
    };
    return { user, expiresAtSec: payload.exp };
  } catch {
    throw new AppError(ErrorCode.UNAUTHENTICATED, SESSION_ENDED_MESSAGE);
  }
}

export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match ? match[1] : null;
}

/** Constant-time comparison of the gateway secret header. */
export function isGatewaySecret(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers the gateway adds to every subgraph request. */
export const GATEWAY_SECRET_HEADER = "x-hamafza-gateway-secret";
export const CLIENT_ADDRESS_HEADER = "x-hamafza-client-address";
export const REQUEST_ID_HEADER = "x-request-id";
