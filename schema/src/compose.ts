import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { SUBGRAPHS } from "./subgraphs";

/** The committed supergraph the gateway loads (never composed at run time). */
export const SUPERGRAPH_PATH = join(__dirname, "..", "supergraph.graphql");

/** Prints each subgraph's SDL from the code and composes them with Apollo Federation 2 composition. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(printSubgraphSchema(await subgraph.buildSchema())),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return result.supergraphSdl;
}

if (require.main === module) {
  composeSupergraph()
    .then((sdl) => {
      writeFileSync(SUPERGRAPH_PATH, sdl);
      console.log(`Wrote ${SUPERGRAPH_PATH} (${sdl.length} characters).`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
