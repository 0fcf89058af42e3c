import { logger } from "@hamafza/common";
import { runServiceMain, setting } from "@hamafza/common";
import { createRegistryDataSource, SERVICE_NAME, startRegistry } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4001,
  createDataSource: createRegistryDataSource,
  start: (options) => startRegistry({ ...options, engagementUrl: setting("ENGAGEMENT_URL") }),
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
