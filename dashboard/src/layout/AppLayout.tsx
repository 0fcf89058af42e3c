import type { ReactNode } from "react";
import { Layout } from "react-admin";
import { SessionWatcher } from "../auth/SessionWatcher";
import { lazyComponent } from "../common/lazyPage";

/**
 * The app bar, the menu and the conflict dialog show the screens' texts and are needed only once signed in: each
 * is a chunk fetched when the layout is first drawn, beside the screens' messages and the first page's chunk, and
 * drawn when those have arrived (nothing meanwhile). The sign-in page carries none of them.
 */
const AppAppBar = lazyComponent(() => import("./AppAppBar").then((m) => m.AppAppBar), null);
const AppMenu = lazyComponent(() => import("./AppMenu").then((m) => m.AppMenu), null);
const ConflictDialog = lazyComponent(() => import("../common/ConflictDialog").then((m) => m.ConflictDialog), null);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    {children}
    <SessionWatcher />
    <ConflictDialog />
  </Layout>
);
