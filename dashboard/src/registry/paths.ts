export const DUPLICATES_PATH = "/ngo-duplicates";
export const PARALLEL_WORK_PATH = "/parallel-work";
