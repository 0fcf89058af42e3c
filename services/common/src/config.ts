import { z } from "zod";

/**
 * The one configuration reader. Every environment variable a Hamafza process reads is declared with one of the
 * kinds below (the catalogue is settings.ts) and parsed by zod: a bad value stops the process at start with a message
 * naming the variable and the form it expects (never a NaN port or a silently ignored value).
 */

type Env = NodeJS.ProcessEnv;
const unset = (value: string | undefined): value is undefined => value === undefined || value.trim() === "";

/** A whole number in [min, max] given as digits (optionally with a leading minus), or `fallback` when unset/empty. */
export const intVar = (fallback: number, range: { min: number; max: number }) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return fallback;
      const number = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `expected a whole number from ${range.min} to ${range.max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return number;
    });

/** A decimal number in [min, max] (e.g. a scale factor), or `fallback` when unset/empty. */
export const numberVar = (fallback: number, range: { min: number; max: number }) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return fallback;
      const number = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isFinite(number) || number < range.min || number > range.max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `expected a number from ${range.min} to ${range.max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return number;
    });

/** A TCP port 0–65535 given as digits (0: any free port, as tests use), or the default when unset/empty. */
export const portVar = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return fallback;
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

/** A port 1–65535 that is off when unset/empty (undefined). */
export const optionalPortVar = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return undefined;
      const port = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `expected a port number from 1 to 65535, got "${value}"`,
        });
        return z.NEVER;
      }
      return port;
    });

/** An on/off switch: `1`/`true` or `0`/`false`; `fallback` when unset/empty. */
export const flagVar = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return fallback;
      const text = value.trim().toLowerCase();
      if (text === "1" || text === "true") return true;
      if (text === "0" || text === "false") return false;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected 1 or 0, got "${value}"` });
      return z.NEVER;
    });

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const POSTGRES_URL_HINT = "expected a PostgreSQL URL such as postgres://user:password@host:5432/db";

/** A required PostgreSQL connection URL (`postgres://` or `postgresql://`). */
export const postgresUrlVar = () =>
  z
    .string({ required_error: "is not set; start the whole system with `npm start`" })
    .regex(POSTGRES_URL, POSTGRES_URL_HINT);

/** An optional PostgreSQL connection URL: undefined when unset/empty. */
export const optionalPostgresUrlVar = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return undefined;
      if (!POSTGRES_URL.test(value.trim())) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: POSTGRES_URL_HINT });
        return z.NEVER;
      }
      return value.trim();
    });

/** An optional http(s) URL (a subgraph, an OTLP collector): undefined when unset/empty. */
export const httpUrlVar = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return undefined;
      let url: URL | null = null;
      try {
        url = new URL(value.trim());
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected an http(s) URL, got "${value}"` });
        return z.NEVER;
      }
      return value.trim();
    });

/** Free text (a path, a host, a password), `fallback` when unset/empty. */
export const textVar = <T extends string | undefined>(fallback: T) =>
  z
    .string()
    .optional()
    .transform((value) => (unset(value) ? fallback : value));

/** A secret of at least `minLength` characters; required unless `optional`. */
export const secretVar = (minLength: number, what: string) =>
  z
    .string({ required_error: `is not set (${what})` })
    .min(minLength, `is too short: ${what}, at least ${minLength} characters`);

export const optionalSecretVar = (minLength: number, what: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (unset(value)) return undefined;
      if (value.length < minLength) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is too short: ${what}, at least ${minLength} characters`,
        });
        return z.NEVER;
      }
      return value;
    });

/** One of a fixed set of words, `fallback` when unset/empty. */
export const enumVar = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z
    .string()
    .optional()
    .transform((value, ctx): T => {
      if (unset(value)) return fallback;
      if ((values as readonly string[]).includes(value.trim())) return value.trim() as T;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected one of ${values.join(", ")}, got "${value}"` });
      return z.NEVER;
    });

export class ConfigError extends Error {}

export type ConfigShape = z.ZodRawShape;
export type Config<T extends ConfigShape> = z.output<z.ZodObject<T>>;

/** Parses `env` with `shape`; on failure throws a ConfigError listing every bad variable by name. */
export function parseConfig<T extends ConfigShape>(processName: string, shape: T, env: Env = process.env): Config<T> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data as Config<T>;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`[${processName}] invalid configuration:\n${lines.join("\n")}`);
}

/** parseConfig for a process entry: prints the message and exits with status 2 on a bad value. */
export function loadConfigOrExit<T extends ConfigShape>(
  processName: string,
  shape: T,
  env: Env = process.env,
): Config<T> {
  try {
    return parseConfig(processName, shape, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/**
 * The last successful read of each declared kind: the raw text and what it parsed to. A kind's parse depends only
 * on the text, so while the variable holds the same text the value is reused; another text (tests change variables
 * at run time) is parsed again. Only plain values are kept (a parsed object could be changed by its reader). Hot
 * paths read settings per row (`HAMAFZA_LICENCE_EXPIRING_DAYS` per NGO of a page): zod's parse was ≈ 2 % of the
 * registry's CPU on the NGO list (issue 13).
 */
const lastReads = new WeakMap<z.ZodTypeAny, { raw: string | undefined; value: unknown }>();

/** One variable read with its declared kind (what library code calls; the process entry has validated it already). */
export function readVar<S extends z.ZodTypeAny>(name: string, kind: S, env: Env = process.env): z.output<S> {
  const raw = env[name];
  const last = lastReads.get(kind);
  if (last && last.raw === raw) return last.value as z.output<S>;
  const result = kind.safeParse(raw);
  if (result.success) {
    const value: unknown = result.data;
    if (value === null || typeof value !== "object") lastReads.set(kind, { raw, value });
    return result.data;
  }
  throw new ConfigError(`${name}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
}
