import type { BoundRole } from "../auth/roles";
import { AGENCY_RESPONDENT_MENU } from "./menus/agencyRespondentMenu";
import { MANAGER_MENU } from "./menus/managerMenu";
import type { SelfServiceMenuEntry } from "./menus/menuEntry";
import { NGO_REPRESENTATIVE_MENU } from "./menus/ngoRepresentativeMenu";

export type { SelfServiceMenuEntry } from "./menus/menuEntry";

/** Each invited role's menu, one file per role under menus/ (the staff menu is layout/AppMenu.tsx). */
export const SELF_SERVICE_MENUS: Readonly<Record<BoundRole, readonly SelfServiceMenuEntry[]>> = {
  NGO_REPRESENTATIVE: NGO_REPRESENTATIVE_MENU,
  AGENCY_RESPONDENT: AGENCY_RESPONDENT_MENU,
  MANAGER: MANAGER_MENU,
};
