import { logger } from "@hamafza/common";
import { runServiceMain, setting } from "@hamafza/common";
import { createEngagementDataSource, SERVICE_NAME, startEngagement } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4002,
  createDataSource: createEngagementDataSource,
  start: (options) => startEngagement({ ...options, registryUrl: setting("REGISTRY_URL") }),
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
