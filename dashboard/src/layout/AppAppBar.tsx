import { AppBar, LoadingIndicator, ToggleThemeButton } from "react-admin";
import { NotificationBell } from "../notifications/NotificationBell";
import { AppUserMenu } from "./AppUserMenu";

export const AppAppBar = () => (
  <AppBar
    userMenu={<AppUserMenu />}
    toolbar={
      <>
        <NotificationBell />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  />
);
