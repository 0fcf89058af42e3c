import { STAFF_ROLE_LABELS } from "../auth/roles";
import { enumComponents } from "../common/enumComponents";

export const { Field: RoleField, Input: RoleInput } = enumComponents(STAFF_ROLE_LABELS);
