import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { introspectionFromSchema, type GraphQLSchema } from "graphql";

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

export const introspection = introspectionFromSchema(apiSchema);

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
