import type { ReactElement } from "react";

/**
 * One entry of an invited role's menu (and of its home's shortcuts). Helpers adding a self-service page add one
 * entry to the role's file (ngoRepresentativeMenu.tsx, agencyRespondentMenu.tsx, managerMenu.tsx) and a route in App.tsx.
 */
export interface SelfServiceMenuEntry {
  /** Stable key, also the `data-testid` suffix (`self-menu-<key>`). */
  key: string;
  /** The dashboard route the entry opens. */
  to: string;
  /** Message key of the label (dashboard/src/messages/selfService.ts or the feature's own messages file). */
  label: string;
  icon: ReactElement;
  /** Message key of a one-line explanation shown on the home's shortcut card. */
  hint?: string;
}
