import { runMigrationMain } from "@hamafza/common";
import { createEvaluationDataSource } from "./index";

/** One-shot: provision (if allowed) and migrate the evaluation schema. */
runMigrationMain({ name: "evaluation", createDataSource: createEvaluationDataSource }).catch((error) => {
  console.error("[evaluation-migrate] failed", error);
  process.exit(1);
});
