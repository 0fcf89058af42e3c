import { Menu } from "react-admin";
import type { BoundRole } from "../auth/roles";
import { SELF_SERVICE_MENUS } from "./menus";

/** The menu of an invited user: their home and their role's entries (selfService/menus/), nothing of staff's. */
export const SelfServiceMenu = ({ role }: { role: BoundRole }) => (
  <Menu>
    <Menu.DashboardItem />
    {SELF_SERVICE_MENUS[role].map((entry) => (
      <Menu.Item
        key={entry.key}
        to={entry.to}
        primaryText={entry.label}
        leftIcon={entry.icon}
        data-testid={`self-menu-${entry.key}`}
      />
    ))}
  </Menu>
);
