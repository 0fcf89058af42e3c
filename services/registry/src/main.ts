import { runServiceMain } from "@hamafza/common";
import { createRegistryDataSource, SERVICE_NAME, startRegistry } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4001,
  createDataSource: createRegistryDataSource,
  start: (options) => startRegistry({ ...options, engagementUrl: process.env.ENGAGEMENT_URL }),
}).catch((error) => {
  console.error(`[${SERVICE_NAME}] failed to start`, error);
  process.exit(1);
});
