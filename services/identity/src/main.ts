import { logger } from "@hamafza/common";
import { runServiceMain, setting } from "@hamafza/common";
import { loginPolicyFromEnv } from "./auth/policy";
import { createIdentityDataSource, SERVICE_NAME, startIdentity } from "./index";

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4004,
  signing: true,
  createDataSource: createIdentityDataSource,
  start: (options) => startIdentity({ ...options, policy: loginPolicyFromEnv(), registryUrl: setting("REGISTRY_URL") }),
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
