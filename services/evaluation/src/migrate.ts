import { logger } from "@hamafza/common";
import { runMigrationMain } from "@hamafza/common";
import { createEvaluationDataSource } from "./index";

/** One-shot: provision (if allowed) and migrate the evaluation schema. */
runMigrationMain({ name: "evaluation", createDataSource: createEvaluationDataSource }).catch((error) => {
  logger.error({ err: error }, "[evaluation-migrate] failed");
  process.exit(1);
});
