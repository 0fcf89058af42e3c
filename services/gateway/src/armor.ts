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

/**
 * graphql-armor: depth, aliases, cost and directives limits; field suggestions hidden. The limits report the
 * found value (`exposeLimits`), which messages.ts turns into a Persian message naming the limit and the excess.
 * The token limit is counted by the request edge (edge.ts) before parsing: armor's own token plugin throws while
 * parsing, which Apollo answers with HTTP 500.
 */
export function queryProtection() {
  const limits = QUERY_LIMITS;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
