import { logger } from "@hamafza/common";
import { runServiceMain } from "@hamafza/common";
import { createEvaluationDataSource, SERVICE_NAME, startEvaluation } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4003,
  createDataSource: createEvaluationDataSource,
  start: startEvaluation,
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
