export { prepareDatabase } from "./prepare";
export type { PreparedDatabase } from "./prepare";
export { startInProcessStack } from "./stack";
export type { InProcessStack } from "./stack";
export { DASHBOARD_DIST, REPO_ROOT, SUPERGRAPH_FILE } from "./paths";
export { gatewayUsers, prepareTestDatabase } from "./testing";
export type { GatewayUsers, GraphQLAnswer } from "./testing";
