import { runMigrationMain } from "@hamafza/common";
import { createEngagementDataSource } from "./index";

/** One-shot: provision (if allowed) and migrate the engagement schema. */
runMigrationMain({ name: "engagement", createDataSource: createEngagementDataSource }).catch((error) => {
  console.error("[engagement-migrate] failed", error);
  process.exit(1);
});
