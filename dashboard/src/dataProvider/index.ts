import { buildDataProvider } from './buildDataProvider';

export const TOKEN_STORAGE_KEY = 'hamafza.token';

export const graphqlUrl = import.meta.env.VITE_GRAPHQL_URL || '/graphql';

export const dataProvider = buildDataProvider({
  url: graphqlUrl,
  getToken: () => localStorage.getItem(TOKEN_STORAGE_KEY),
});
