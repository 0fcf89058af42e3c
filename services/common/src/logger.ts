import pino from "pino";
import { SETTINGS } from "./settings";

/**
 * The one logger of every Hamafza process: JSON lines on stdout (`LOG_LEVEL`, default `info`), with the service's
 * name where it is known (`serviceLogger`). Never log variables, tokens, passwords or names: only ids, codes and
 * error details. (A bad LOG_LEVEL falls back to `info` here; the process entry's configuration check stops it.)
 * Under Jest (NODE_ENV=test) without LOG_LEVEL only warnings and errors are written: one line per request would
 * bury the test report.
 */
const level = SETTINGS.LOG_LEVEL.safeParse(
  process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : undefined),
);

/** Where lines go: stdout, or a test's sink while `captureLogs` is active. */
let sink: ((line: string) => void) | null = null;
/**
 * Asynchronous: a line is handed to the thread pool at once, and lines logged while a write is under way go out
 * together in the next one, instead of one blocking write(2) per line on the event loop (≈ 0.7 ms per request in
 * the registry under load, docs/performance.md). Lines still pending when the process exits (a stop, a crash)
 * are written synchronously by pino's exit hook; only a SIGKILL can lose the last ones.
 */
const stdout = pino.destination({ fd: 1, sync: false });
const destination = {
  write(line: string) {
    if (sink) sink(line);
    else stdout.write(line);
  },
};

export const logger = pino(
  { level: level.success ? level.data : "info", base: null, timestamp: pino.stdTimeFunctions.isoTime },
  destination,
);

/** The logger of one service (`service` on every line). */
export const serviceLogger = (service: string) => logger.child({ service });

/**
 * Sends this process's log lines to `write` (parsed JSON objects) instead of stdout until `stop()`: what tests use
 * to read the lines a request produced. `level` applies meanwhile.
 */
export function captureLogs(
  write: (entry: Record<string, unknown>) => void,
  level: pino.Level = "info",
): { stop(): void } {
  const previous = sink;
  const previousLevel = logger.level;
  logger.level = level;
  sink = (line) => {
    for (const text of line.split("\n")) if (text.trim()) write(JSON.parse(text) as Record<string, unknown>);
  };
  return {
    stop() {
      sink = previous;
      logger.level = previousLevel;
    },
  };
}
