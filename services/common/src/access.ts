import { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { MiddlewareFn, UseMiddleware } from "type-graphql";
import { WhereExpressionBuilder } from "typeorm";
import { AuthUser, BOUND_KIND, isBoundRole, Role, SIGN_IN_REQUIRED_MESSAGE } from "./auth";
import { RequestContext } from "./context";
import { AppError, ErrorCode } from "./errors";
import { recordAudit } from "./audit";
import { assertReadableArguments } from "./inputProblems";

/**
 * Which roles may call each root query and mutation, by field name. Filled by `@Allow` on resolver methods;
 * a root field without an entry is refused for everyone (deny by default), and the authorization-matrix test
 * enumerates the supergraph so an operation without a rule fails the build.
 */
const rootFieldRules = new Map<string, readonly Role[]>();

/** Declares the roles that may call a root query or mutation (territory is checked by the resolver in SQL). */
export function Allow(...roles: (Role | readonly Role[])[]): MethodDecorator {
  const allowed = roles.flat() as Role[];
  return (_target, propertyKey) => {
    const name = String(propertyKey);
    const existing = rootFieldRules.get(name);
    if (existing && existing.join() !== allowed.join())
      throw new Error(`Conflicting access rules for root field ${name}.`);
    rootFieldRules.set(name, allowed);
  };
}

/** The declared roles of a root field, or undefined (denied to all). */
export function rolesAllowed(fieldName: string): readonly Role[] | undefined {
  return rootFieldRules.get(fieldName);
}

export const FORBIDDEN_MESSAGE = "شما اجازه این کار را ندارید.";

/**
 * Wraps a root query or mutation resolver: it runs only for a signed-in user whose role is allowed by `@Allow`.
 * A refused mutation is recorded in the audit log (outcome DENIED). Then every argument value a scalar could not
 * read is refused with one BAD_USER_INPUT naming the fields (see scalars.ts). `buildFederatedSchema` wraps every root field
 * with it (deny by default); nested fields are not wrapped, so they cost nothing extra (territory is in their SQL).
 */
export function withAccessRules<TSource>(
  resolve: GraphQLFieldResolver<TSource, RequestContext>,
): GraphQLFieldResolver<TSource, RequestContext> {
  return async (source, args, context, info) => {
    const user = context.user;
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, SIGN_IN_REQUIRED_MESSAGE);
    const allowed = rolesAllowed(info.fieldName);
    if (!allowed || !allowed.includes(user.role)) {
      if (info.parentType.name === "Mutation") await recordDenied(context, info);
      throw new AppError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE);
    }
    // After the role check, so a caller without the right learns nothing about the shape of the input.
    assertReadableArguments(args);
    return resolve(source, args, context, info);
  };
}

async function recordDenied(ctx: RequestContext, info: GraphQLResolveInfo) {
  await recordAudit(ctx.db, ctx, { action: info.fieldName, outcome: "DENIED" });
}

export function requireUser(ctx: RequestContext): AuthUser {
  if (!ctx.user) throw new AppError(ErrorCode.UNAUTHENTICATED, SIGN_IN_REQUIRED_MESSAGE);
  return ctx.user;
}

/** A place in the country: a province, and a county for county-level items. */
export interface Territory {
  provinceId: string | null;
  countyId: string | null;
}

/** SQL expressions (query-builder paths or raw columns) of a table's territory. */
export interface TerritoryColumns {
  province: string;
  county?: string;
  /**
   * For tables an invited user may read, the column holding the id of the record they are bound to: `ngo` for
   * NGO representatives, `agency` for agency respondents, `manager` for managers. Without it they see no row. A
   * condition containing `:bound` (the record's id) may stand instead of a column, for rows linked through another
   * table (`EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = meeting.id AND a.ngo_id = :bound)`).
   */
  ngo?: string;
  agency?: string;
  manager?: string;
}

/** The columns of `TerritoryColumns` that name the records invited users are bound to. */
export type BoundColumns = Pick<TerritoryColumns, "ngo" | "agency" | "manager">;

/** The key of `TerritoryColumns` (and `BoundRecord`) each invited role's scope is matched on. */
const BOUND_COLUMN = { Ngo: "ngo", Agency: "agency", Manager: "manager" } as const;

/** The records a row belongs to, for the in-memory check of invited users (`canRead`). */
export interface BoundRecord {
  ngo?: string | null;
  agency?: string | null;
  manager?: string | null;
}

/** A condition no row meets: what an invited user sees of a table that does not name their record. */
const NOTHING = "1 = 0";

/**
 * The SQL condition that limits reads to the user's territory, or null for the whole country. County-scoped
 * users see their county's items and the province-level items (no county) of their province, which their
 * county takes part in. Parameters are named with `prefix` so several conditions can share one query.
 */
export function territoryCondition(
  user: AuthUser,
  columns: TerritoryColumns,
  prefix = "scope",
): { sql: string; params: Record<string, string> } | null {
  if (user.role === Role.ADMIN) return null;
  if (isBoundRole(user.role)) {
    // Invited users have no territory: only rows of the record they speak for, and only where the query names it.
    const column = columns[BOUND_COLUMN[BOUND_KIND[user.role]]];
    if (!column || !user.boundId) return { sql: NOTHING, params: {} };
    const param = `${prefix}Bound`;
    const sql = column.includes(":bound") ? `(${column.replaceAll(":bound", `:${param}`)})` : `${column} = :${param}`;
    return { sql, params: { [param]: user.boundId } };
  }
  if (user.countyId) {
    const params = { [`${prefix}County`]: user.countyId, [`${prefix}Province`]: provinceOfCountyUser(user) };
    if (!columns.county) return { sql: `${columns.province} = :${prefix}Province`, params };
    return {
      sql: `(${columns.county} = :${prefix}County OR (${columns.county} IS NULL AND ${columns.province} = :${prefix}Province))`,
      params,
    };
  }
  if (user.provinceId)
    return { sql: `${columns.province} = :${prefix}Province`, params: { [`${prefix}Province`]: user.provinceId } };
  return null;
}

/** County codes start with their province's code (`1901` is in `19`); tokens carry both anyway. */
function provinceOfCountyUser(user: AuthUser): string {
  return user.provinceId ?? user.countyId!.slice(0, 2);
}

/**
 * The province a user's work is scoped to (a county user's province), or null for administrators and national users.
 * Invited users have no territory to scope work by: FORBIDDEN (never null, which would mean the whole country).
 */
export function provinceScopeOf(user: AuthUser): string | null {
  if (isBoundRole(user.role)) throw new AppError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE);
  if (user.role === Role.ADMIN || (!user.provinceId && !user.countyId)) return null;
  return provinceOfCountyUser(user);
}

/** Adds the user's territory condition to a query (nothing for admins and national scopes). */
export function whereInTerritory<Q extends WhereExpressionBuilder>(
  query: Q,
  user: AuthUser,
  columns: TerritoryColumns,
): Q {
  const scope = territoryCondition(user, columns);
  if (scope) query.andWhere(scope.sql, scope.params);
  return query;
}

/**
 * Whether a record at `territory` is readable by the user (the in-memory twin of `territoryCondition`). Invited
 * users read a record only when `bound` names their own record.
 */
export function canRead(user: AuthUser, territory: Territory, bound: BoundRecord = {}): boolean {
  if (user.role === Role.ADMIN) return true;
  if (isBoundRole(user.role)) {
    const id = bound[BOUND_COLUMN[BOUND_KIND[user.role]]];
    return !!user.boundId && id === user.boundId;
  }
  if (user.countyId) {
    return (
      territory.countyId === user.countyId ||
      (territory.countyId === null && territory.provinceId === provinceOfCountyUser(user))
    );
  }
  if (user.provinceId) return territory.provinceId === user.provinceId;
  return true;
}

/**
 * Whether the user may change a record at `territory`: admins anywhere, province officers in their province,
 * county officers in their county only (not province-level items). Other roles (evaluators, analysts, invited
 * users) never change registry or engagement records through this rule; invited users' own writes have their own checks.
 */
export function canWrite(user: AuthUser, territory: Territory): boolean {
  switch (user.role) {
    case Role.ADMIN:
      return true;
    case Role.PROVINCE_OFFICER:
      return territory.provinceId !== null && territory.provinceId === user.provinceId;
    case Role.COUNTY_OFFICER:
      return territory.countyId !== null && territory.countyId === user.countyId;
    default:
      return false;
  }
}

/** Throws FORBIDDEN with a Persian message unless the user may change a record at `territory`. */
export function assertCanWrite(user: AuthUser, territory: Territory): void {
  if (!canWrite(user, territory)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "این مورد در قلمرو (استان یا شهرستان) شما نیست و نمی‌توانید آن را ثبت یا تغییر دهید.",
    );
  }
}

/** Kinds of personal data masked for analysts. */
export type PersonalDataKind = "phone" | "nationalCode" | "address";

/** The masked form of a personal value: enough to tell values apart, not enough to use them. */
export function maskPersonal(kind: PersonalDataKind, value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined || value === "") return value;
  switch (kind) {
    case "phone":
      return value.length > 6
        ? `${value.slice(0, 4)}${"*".repeat(value.length - 6)}${value.slice(-2)}`
        : "*".repeat(value.length);
    case "nationalCode":
      return `${"*".repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;
    case "address":
      return "*** (محرمانه)";
  }
}

/** Roles that see personal data masked. */
const MASKED_ROLES = new Set<Role>([Role.ANALYST]);

/** Marks a field as personal data: masked for analysts (README, "Security model"). */
export function Personal(kind: PersonalDataKind): MethodDecorator & PropertyDecorator {
  const mask: MiddlewareFn<RequestContext> = async ({ context }, next) => {
    const value = await next();
    return context.user && MASKED_ROLES.has(context.user.role) ? maskPersonal(kind, value) : value;
  };
  return UseMiddleware(mask);
}
