import { getIntrospectionQuery } from "graphql";

/**
 * The introspection the dashboard's data provider sends after sign-in (dashboard/src/dataProvider/buildDataProvider.ts)
 * and the bench measures (infra/src/bench/dashboard.ts): one text, so the bench weighs exactly what the browser
 * fetches. Without descriptions — the data provider reads names, kinds, fields, arguments and input fields, never a
 * description, and they were two thirds of the answer (issue 13). Free of Node APIs: the dashboard bundles this file.
 */
export const DASHBOARD_INTROSPECTION_QUERY = getIntrospectionQuery({ descriptions: false });
