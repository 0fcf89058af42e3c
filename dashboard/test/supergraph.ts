import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { graphqlSync, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { DASHBOARD_INTROSPECTION_QUERY } from "../../services/common/src/dashboardIntrospection";

const ROOT = join(__dirname, "..", "..");

/**
 * The API schema of the committed supergraph (federation's join/link internals removed): what the gateway answers
 * an introspection with, and so what the data provider builds its model from in the browser.
 */
export const apiSchema: GraphQLSchema = Supergraph.build(
  readFileSync(join(ROOT, "schema", "supergraph.graphql"), "utf8"),
)
  .apiSchema()
  .toGraphQLJSSchema();

/** The gateway's answer to the introspection the data provider sends (no descriptions). */
export const introspection = graphqlSync({ schema: apiSchema, source: DASHBOARD_INTROSPECTION_QUERY })
  .data as unknown as IntrospectionQuery;

/** The resource names the dashboard's code uses: `<Resource name>`, `reference=`, `resource=`, `useGetList("…")`. */
export function dashboardResourceNames(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );
  const names = new Set<string>();
  const pattern = /(?:<Resource name|reference|resource)="([a-zA-Z]+)"|useGetList\(\s*"([a-zA-Z]+)"/g;
  for (const file of files(join(ROOT, "dashboard", "src"))) {
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) names.add(match[1] ?? match[2]);
  }
  return [...names].sort();
}
