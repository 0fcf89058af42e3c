import { authProvider } from "../auth";
import { buildDataProvider } from "./buildDataProvider";
import { withPeriodFilters } from "./withPeriodFilters";

export { TOKEN_STORAGE_KEY } from "../auth/session";
export type { HamafzaDataProvider } from "./buildDataProvider";

export const graphqlUrl = import.meta.env.VITE_GRAPHQL_URL || "/graphql";

// Jalali year/quarter filters of resolutions, proposals and demands become the day ranges their API takes.
export const dataProvider = withPeriodFilters(
  buildDataProvider({
    url: graphqlUrl,
    getToken: () => authProvider.getFreshToken(),
  }),
);

// The schema is introspected with the signed-in user's token: forget it whenever that user changes.
authProvider.onSessionChange(() => dataProvider.resetSchema());
