import { roleLabels } from "../messages/roleLabels";
/** The `Role` enum of the identity subgraph, with the Persian labels the dashboard shows. */
export const ROLE_LABELS = roleLabels;

export type Role = keyof typeof ROLE_LABELS;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && value in ROLE_LABELS;
}

/** Invited outsiders, each bound to one record (an NGO, an agency, a manager): they meet the self-service dashboard. */
export const BOUND_ROLES = ["NGO_REPRESENTATIVE", "AGENCY_RESPONDENT", "MANAGER"] as const satisfies readonly Role[];
export type BoundRole = (typeof BOUND_ROLES)[number];

export function isBoundRole(role: Role | undefined): role is BoundRole {
  return (BOUND_ROLES as readonly string[]).includes(role ?? "");
}

/** Governorate staff: the roles of the staff dashboard (and of the users screen). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => !isBoundRole(role));

/** The staff roles' labels: what the users screen offers (invited users are made by invitation only). */
export const STAFF_ROLE_LABELS = Object.fromEntries(STAFF_ROLES.map((role) => [role, ROLE_LABELS[role]])) as Record<
  Exclude<Role, BoundRole>,
  string
>;

/** Roles that edit the registry (NGOs) and engagement (meetings) in their territory. */
export const EDITOR_ROLES: readonly Role[] = ["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER"];
