import { logger } from "@hamafza/common";
import { runMigrationMain } from "@hamafza/common";
import { createRegistryDataSource } from "./index";
import { loadReferenceData } from "./seed/reference";

/** One-shot: provision (if allowed), migrate and load the reference data of the registry schema. */
runMigrationMain({
  name: "registry",
  createDataSource: createRegistryDataSource,
  afterMigrate: async (db) => {
    const reference = await loadReferenceData(db);
    return `reference data: ${reference.provinces} provinces, ${reference.counties} counties`;
  },
}).catch((error) => {
  logger.error({ err: error }, "[registry-migrate] failed");
  process.exit(1);
});
