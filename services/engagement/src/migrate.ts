import { logger } from "@hamafza/common";
import { runMigrationMain } from "@hamafza/common";
import { createEngagementDataSource } from "./index";

/** One-shot: provision (if allowed) and migrate the engagement schema. */
runMigrationMain({ name: "engagement", createDataSource: createEngagementDataSource }).catch((error) => {
  logger.error({ err: error }, "[engagement-migrate] failed");
  process.exit(1);
});
