import { join } from "node:path";

/** The repository root, from infra/dist or infra/src. */
export const REPO_ROOT = join(__dirname, "..", "..");
export const SUPERGRAPH_FILE = join(REPO_ROOT, "schema", "supergraph.graphql");
export const DASHBOARD_DIST = join(REPO_ROOT, "dashboard", "dist");
export const DATA_DIR = join(REPO_ROOT, ".data");
