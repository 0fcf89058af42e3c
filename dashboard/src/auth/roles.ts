import { enumLabels } from "../messages/enums";
/** The `Role` enum of the identity subgraph, with the Persian labels the dashboard shows. */
export const ROLE_LABELS = enumLabels.role;

export type Role = keyof typeof ROLE_LABELS;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && value in ROLE_LABELS;
}

/** Roles that edit the registry (NGOs) and engagement (meetings) in their territory. */
export const EDITOR_ROLES: readonly Role[] = ["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER"];
