import pino from "pino";

/**
 * The one logger of every Hamafza process: JSON lines on stdout (`LOG_LEVEL`, default `info`), with the service's
 * name where it is known (`serviceLogger`). Never log variables, tokens, passwords or names: only ids, codes and
 * error details.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: null,
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** The logger of one service (`service` on every line). */
export const serviceLogger = (service: string) => logger.child({ service });
