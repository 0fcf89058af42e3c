import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { CHANGE_PASSWORD_PATH, ChangePasswordPage } from './account/ChangePasswordPage';
import auditEntries from './audit';
import { authProvider } from './auth';
import { LoginPage } from './auth/LoginPage';
import { i18nProvider } from './common/i18n';
import { darkTheme, lightTheme } from './common/theme';
import counties from './counties';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { AppLayout } from './layout/AppLayout';
import meetings from './meetings';
import ngos from './ngos';
import provinces from './provinces';
import users from './users';

const { Route } = reactRouterProvider;

/** Which resource a role sees (menu, pages, buttons) is decided by `authProvider.canAccess`. */
export const App = () => (
  <Admin
    title="هم‌افزا"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    requireAuth
    layout={AppLayout}
    i18nProvider={i18nProvider}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
    dashboard={Dashboard}
    disableTelemetry
  >
    <Resource name="ngos" {...ngos} />
    <Resource name="meetings" {...meetings} />
    <Resource name="provinces" {...provinces} />
    <Resource name="counties" {...counties} />
    <Resource name="managers" recordRepresentation="name" />
    <Resource name="users" {...users} />
    <Resource name="auditEntries" {...auditEntries} />
    <CustomRoutes>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
