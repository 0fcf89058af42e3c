import { z } from "zod";

/**
 * Configuration is read from the environment once, at start, and validated: a bad value stops the process with a
 * message naming the variable and the form it expects (never a NaN port or a silently ignored value).
 */

/** A TCP port 0–65535 given as digits (0: any free port, as tests use), or the default when unset/empty. */
export const portVar = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const port = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `expected a port number from 0 to 65535, got "${value}"`,
        });
        return z.NEVER;
      }
      return port;
    });

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`). */
export const postgresUrlVar = () =>
  z
    .string({ required_error: "is not set; start the whole system with `npm start`" })
    .regex(/^postgres(ql)?:\/\//, "expected a PostgreSQL URL such as postgres://user:password@host:5432/db");

export class ConfigError extends Error {}

/** Parses `env` with `schema`; on failure throws a ConfigError listing every bad variable by name. */
export function parseConfig<T extends z.ZodRawShape>(
  processName: string,
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
) {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`[${processName}] invalid configuration:\n${lines.join("\n")}`);
}

/** parseConfig for a process entry: prints the message and exits with status 2 on a bad value. */
export function loadConfigOrExit<T extends z.ZodRawShape>(
  processName: string,
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
) {
  try {
    return parseConfig(processName, shape, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/** The variables every subgraph process reads itself (its own DATABASE_URL role and PORT; keys via securityFromEnv). */
export const subgraphConfigShape = (defaultPort: number) => ({
  DATABASE_URL: postgresUrlVar(),
  PORT: portVar(defaultPort),
});
