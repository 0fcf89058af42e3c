import type { ReactNode } from "react";
import { AppBar, Layout, LoadingIndicator, ToggleThemeButton } from "react-admin";
import { SessionWatcher } from "../auth/SessionWatcher";
import { ConflictDialog } from "../common/ConflictDialog";
import { NotificationBell } from "../notifications/NotificationBell";
import { AppMenu } from "./AppMenu";
import { AppUserMenu } from "./AppUserMenu";

const AppAppBar = () => (
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

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    {children}
    <SessionWatcher />
    <ConflictDialog />
  </Layout>
);
