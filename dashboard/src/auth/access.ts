import { EDITOR_ROLES, ROLES, type Role } from './roles';

/** react-admin actions that only read; every other action (create, edit, delete, clone, …) writes. */
const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

interface ResourceRule {
  read: readonly Role[];
  write: readonly Role[];
  /** Actions the API does not offer at all for this resource, whatever the role. */
  unsupported?: readonly string[];
}

const EVERYONE = ROLES;

/**
 * Which role may do what in the dashboard. The server enforces the same rules (and the territory); these only keep
 * the menu and the buttons honest, so a user never meets a page or a button that would be refused.
 */
const RULES: Readonly<Record<string, ResourceRule>> = {
  users: { read: ['ADMIN'], write: ['ADMIN'], unsupported: ['delete'] },
  auditEntries: { read: ['ADMIN', 'EVALUATOR'], write: [] },
  ngos: { read: EVERYONE, write: EDITOR_ROLES },
  meetings: { read: EVERYONE, write: EDITOR_ROLES },
};

const REFERENCE_DATA: ResourceRule = { read: EVERYONE, write: ['ADMIN'] };

export interface AccessQuery {
  action: string;
  resource: string;
}

export function canRoleAccess(role: Role | undefined, { action, resource }: AccessQuery): boolean {
  if (!role) return false;
  const rule = RULES[resource.split('.')[0]] ?? REFERENCE_DATA;
  if (rule.unsupported?.includes(action)) return false;
  return (READ_ACTIONS.has(action) ? rule.read : rule.write).includes(role);
}
