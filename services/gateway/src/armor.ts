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

const fa = (n: number) => n.toLocaleString("fa-IR", { useGrouping: false });

/** graphql-armor: depth, aliases, cost, tokens and directives limits with Persian messages; field suggestions hidden. */
export function queryProtection() {
  const limits = QUERY_LIMITS;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: false, errorMessage: `پرسش بیش از حد تودرتو است؛ حداکثر ${fa(limits.maxDepth)} سطح مجاز است.` },
    maxAliases: { n: limits.maxAliases, exposeLimits: false, errorMessage: `در یک پرسش حداکثر ${fa(limits.maxAliases)} نام مستعار (alias) مجاز است.` },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: false, errorMessage: "پرسش بیش از حد سنگین است؛ آن را به چند پرسش کوچک‌تر بشکنید یا صفحه‌بندی کنید." },
    maxTokens: { n: limits.maxTokens, exposeLimits: false, errorMessage: `پرسش بیش از حد بلند است؛ حداکثر ${fa(limits.maxTokens)} نشانه مجاز است.` },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false, errorMessage: `در یک پرسش حداکثر ${fa(limits.maxDirectives)} رهنمود (directive) مجاز است.` },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
