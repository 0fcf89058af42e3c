import { Admin, Resource } from 'react-admin';
import { i18nProvider } from './common/i18n';
import { darkTheme, lightTheme } from './common/theme';
import counties from './counties';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import meetings from './meetings';
import ngos from './ngos';
import provinces from './provinces';

export const App = () => (
  <Admin
    title="هم‌افزا"
    dataProvider={dataProvider}
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
  </Admin>
);
