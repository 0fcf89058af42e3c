import type { ReactNode } from "react";
import { AppBar, Layout } from "react-admin";
import { SessionWatcher } from "../auth/SessionWatcher";
import { ConflictDialog } from "../common/ConflictDialog";
import { AppMenu } from "./AppMenu";
import { AppUserMenu } from "./AppUserMenu";

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    {children}
    <SessionWatcher />
    <ConflictDialog />
  </Layout>
);
