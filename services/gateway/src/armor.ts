import { ApolloArmor } from "@escape.tech/graphql-armor";

/**
 * Query limits. Measured against the dashboard's generated queries (depth ≤ 5, ≈ 150 tokens) and the analysts'
 * cross-service queries in the README (depth ≤ 8); introspection is exempt from depth and cost (it is signed-in only).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 3000,
  maxDirectives: 10,
};

/** graphql-armor: depth, aliases, cost, tokens and directives limits; field suggestions hidden. */
export function queryProtection() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
