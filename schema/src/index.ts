export { composeSupergraph, SUPERGRAPH_PATH } from "./compose";
export { SUBGRAPHS } from "./subgraphs";
export type { SubgraphDefinition } from "./subgraphs";
export {
  apiSchemaOf,
  breakingChanges,
  lintSchema,
  RELEASED_PATH,
  unacknowledged,
  unreleasedSection,
} from "./discipline";
