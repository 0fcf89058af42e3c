import { logger } from "@hamafza/common";
import { runServiceMain } from "@hamafza/common";
import { createRegistryDataSource, SERVICE_NAME, startRegistry } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4001,
  createDataSource: createRegistryDataSource,
  start: (options) => startRegistry({ ...options, engagementUrl: process.env.ENGAGEMENT_URL }),
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
