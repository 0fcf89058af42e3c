import { setFlagsFromString } from "node:v8";
import { logger } from "@hamafza/common";
import { runServiceMain } from "@hamafza/common";
import { createEvaluationDataSource, SERVICE_NAME, startEvaluation } from "./index";

/**
 * V8 lets the old generation grow to up to 4× what survived its last full collection under the deployed heap cap: the
 * whole-country run holds ≈ 150–200 MB of facts and the process reached 0.9–1.3 GB resident, most of it garbage not
 * yet collected. 1.3× keeps it near its live memory, for a few per cent more CPU in collections (docs/performance.md,
 * issue 13, eighth round, h-m). The flag is refused in NODE_OPTIONS, hence here, in the service's process only.
 */
export const HEAP_GROWING_PERCENT = 30;
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

runServiceMain({
  name: SERVICE_NAME,
  defaultPort: 4003,
  createDataSource: createEvaluationDataSource,
  start: startEvaluation,
}).catch((error) => {
  logger.error({ err: error }, `[${SERVICE_NAME}] failed to start`);
  process.exit(1);
});
