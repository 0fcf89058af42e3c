import {
  enumVar,
  flagVar,
  httpUrlVar,
  intVar,
  optionalPortVar,
  optionalPostgresUrlVar,
  optionalSecretVar,
  portVar,
  postgresUrlVar,
  readVar,
  secretVar,
  textVar,
} from "./config";

/**
 * Every environment variable of every Hamafza process, by process (the README's configuration table lists them).
 * A process entry validates its whole shape once at start (`loadConfigOrExit`); library code reads one variable
 * with `setting(name)`, through the same declaration.
 */

type Env = NodeJS.ProcessEnv;

export const SUBGRAPH_SERVICES = ["registry", "engagement", "evaluation", "identity"] as const;
export type SubgraphService = (typeof SUBGRAPH_SERVICES)[number];

const ms = (fallback: number, max = 3_600_000) => intVar(fallback, { min: 100, max });

/** Variables with one fixed name and meaning, wherever they are read. */
export const SETTINGS = {
  HOST: textVar("127.0.0.1"),
  LOG_LEVEL: enumVar(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
  HAMAFZA_STATEMENT_TIMEOUT_MS: ms(30_000),
  HAMAFZA_SHUTDOWN_GRACE_MS: intVar(10_000, { min: 0, max: 600_000 }),
  HAMAFZA_KEEP_ALIVE_MS: intVar(65_000, { min: 1_000, max: 600_000 }),
  HAMAFZA_DB_POOL_SIZE: intVar(10, { min: 1, max: 200 }),
  HAMAFZA_READ_POOL_SIZE: intVar(5, { min: 1, max: 200 }),
  HAMAFZA_REFERENCE_TIMEOUT_MS: ms(10_000, 600_000),
  HAMAFZA_REFERENCE_CACHE_MS: intVar(60_000, { min: 0, max: 3_600_000 }),
  HAMAFZA_METRICS_TOKEN: optionalSecretVar(16, "the bearer token Prometheus sends to /metrics"),
  HAMAFZA_METRICS_PORT: optionalPortVar(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrlVar(),
  HAMAFZA_MIGRATE_ON_START: flagVar(false),
  HAMAFZA_GATEWAY_SECRET: secretVar(16, "the secret the gateway sends to subgraphs"),
  HAMAFZA_JWT_PUBLIC_KEY: secretVar(40, "an Ed25519 public key, PEM"),
  HAMAFZA_JWT_PRIVATE_KEY: secretVar(40, "an Ed25519 private key, PEM"),
  REGISTRY_URL: httpUrlVar(),
  ENGAGEMENT_URL: httpUrlVar(),
  EVALUATION_URL: httpUrlVar(),
  IDENTITY_URL: httpUrlVar(),
  HAMAFZA_LICENCE_EXPIRING_DAYS: intVar(60, { min: 0, max: 3650 }),
  HAMAFZA_ANSWER_DAYS: intVar(30, { min: 1, max: 365 }),
  HAMAFZA_TOKEN_TTL_SECONDS: intVar(1800, { min: 10, max: 86_400 }),
  HAMAFZA_SESSION_MAX_SECONDS: intVar(43_200, { min: 60, max: 30 * 86_400 }),
  HAMAFZA_INVITATION_TTL_HOURS: intVar(168, { min: 1, max: 30 * 24 }),
  HAMAFZA_UPSTREAM_TIMEOUT_MS: ms(120_000),
  HAMAFZA_SUBGRAPH_TIMEOUT_MS: ms(15_000),
  HAMAFZA_GATEWAY_DEDUP: flagVar(true),
  HAMAFZA_COMPRESSION: flagVar(true),
  HAMAFZA_CHROMIUM_PATH: textVar("/usr/bin/chromium"),
  HAMAFZA_PDF_CONCURRENCY: intVar(2, { min: 1, max: 16 }),
  HAMAFZA_PUBLIC_RATE_PER_MINUTE: intVar(60, { min: 1, max: 100_000 }),
  SUPERGRAPH_PATH: textVar(undefined),
  DASHBOARD_DIR: textVar(undefined),
  TRUST_PROXY: textVar(undefined),
  DATABASE_URL: postgresUrlVar(),
  HAMAFZA_DATABASE_ADMIN_URL: optionalPostgresUrlVar(),
  ADMIN_PASSWORD: optionalSecretVar(10, "the first admin account's password"),
  HAMAFZA_PG_PORT: portVar(54329),
  HAMAFZA_DEMO: flagVar(true),
  HAMAFZA_JOBS_POLL_MS: intVar(2000, { min: 500, max: 600_000 }),
  HAMAFZA_JOBS_MAINTENANCE_SECONDS: intVar(60, { min: 1, max: 3600 }),
  HAMAFZA_EVALUATION_RUN_TIMEOUT_SECONDS: intVar(1800, { min: 5, max: 86_400 }),
  HAMAFZA_EVALUATION_RUN_RETRY_SECONDS: intVar(10, { min: 1, max: 3600 }),
  HAMAFZA_NGO_MERGE_SYNC_RETRY_SECONDS: intVar(15, { min: 1, max: 3600 }),
  HAMAFZA_SMTP_HOST: textVar(undefined),
  HAMAFZA_SMTP_PORT: intVar(587, { min: 1, max: 65535 }),
  HAMAFZA_SMTP_SECURE: flagVar(false),
  HAMAFZA_SMTP_USER: textVar(undefined),
  HAMAFZA_SMTP_PASSWORD: optionalSecretVar(1, "the SMTP password"),
  HAMAFZA_SMTP_FROM: textVar(undefined),
  HAMAFZA_PUBLIC_URL: httpUrlVar(),
  HAMAFZA_ATTACHMENT_DIR: textVar(".data/attachments"),
  HAMAFZA_ATTACHMENT_MAX_BYTES: intVar(20 * 1024 * 1024, { min: 1024, max: 1024 * 1024 * 1024 }),
  HAMAFZA_ATTACHMENT_TYPES: textVar(undefined),
  HAMAFZA_S3_BUCKET: textVar(undefined),
  HAMAFZA_S3_ENDPOINT: httpUrlVar(),
  HAMAFZA_S3_REGION: textVar("us-east-1"),
  HAMAFZA_S3_ACCESS_KEY_ID: textVar(undefined),
  HAMAFZA_S3_SECRET_ACCESS_KEY: optionalSecretVar(1, "the S3 secret access key"),
};
export type SettingName = keyof typeof SETTINGS;

/** One variable, parsed by its declaration; a bad value throws a ConfigError naming it. */
export function setting<K extends SettingName>(name: K, env: Env = process.env) {
  return readVar(name, SETTINGS[name], env) as ReturnType<(typeof SETTINGS)[K]["parse"]>;
}

/** A whole-number variable not in the catalogue (tools' knobs such as FUZZ_RUNS), read the same way. */
export function integerSetting(
  name: string,
  fallback: number,
  range: { min: number; max: number },
  env: Env = process.env,
): number {
  return readVar(name, intVar(fallback, range), env);
}

/** The read-only replica of one service (`<SERVICE>_READ_DATABASE_URL`), undefined when unset. */
export const readDatabaseUrlName = (service: string) => `${service.toUpperCase()}_READ_DATABASE_URL`;
/** The gateway's timeout for one subgraph (`<NAME>_TIMEOUT_MS`). */
export const subgraphTimeoutName = (service: string) => `${service.toUpperCase()}_TIMEOUT_MS`;
/** The port `npm start` gives one subgraph (`<NAME>_PORT`). */
export const subgraphPortName = (service: string) => `${service.toUpperCase()}_PORT`;
export const SUBGRAPH_DEFAULT_PORTS: Record<SubgraphService, number> = {
  registry: 4001,
  engagement: 4002,
  evaluation: 4003,
  identity: 4004,
};

const pick = <K extends SettingName>(...names: K[]) =>
  Object.fromEntries(names.map((name) => [name, SETTINGS[name]])) as Pick<typeof SETTINGS, K>;

/** Read by every server process (subgraphs and gateway). */
const serverShape = () =>
  pick(
    "HOST",
    "LOG_LEVEL",
    "HAMAFZA_SHUTDOWN_GRACE_MS",
    "HAMAFZA_KEEP_ALIVE_MS",
    "HAMAFZA_METRICS_TOKEN",
    "HAMAFZA_METRICS_PORT",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "HAMAFZA_GATEWAY_SECRET",
    "HAMAFZA_JWT_PUBLIC_KEY",
  );

/** What each subgraph process reads besides the server variables. */
const SERVICE_SPECIFIC = {
  registry: () => pick("ENGAGEMENT_URL", "HAMAFZA_LICENCE_EXPIRING_DAYS", "HAMAFZA_NGO_MERGE_SYNC_RETRY_SECONDS"),
  engagement: () => pick("REGISTRY_URL", "HAMAFZA_ANSWER_DAYS"),
  evaluation: () =>
    pick(
      "REGISTRY_URL",
      "ENGAGEMENT_URL",
      "HAMAFZA_UPSTREAM_TIMEOUT_MS",
      "HAMAFZA_EVALUATION_RUN_TIMEOUT_SECONDS",
      "HAMAFZA_EVALUATION_RUN_RETRY_SECONDS",
    ),
  identity: () =>
    pick(
      "REGISTRY_URL",
      "HAMAFZA_JWT_PRIVATE_KEY",
      "HAMAFZA_TOKEN_TTL_SECONDS",
      "HAMAFZA_SESSION_MAX_SECONDS",
      "HAMAFZA_INVITATION_TTL_HOURS",
      "HAMAFZA_SMTP_HOST",
      "HAMAFZA_SMTP_PORT",
      "HAMAFZA_SMTP_SECURE",
      "HAMAFZA_SMTP_USER",
      "HAMAFZA_SMTP_PASSWORD",
      "HAMAFZA_SMTP_FROM",
      "HAMAFZA_PUBLIC_URL",
    ),
} satisfies Record<SubgraphService, () => object>;

/** Every variable of one subgraph process (`node services/<name>/dist/main.js`). */
export function subgraphShape(service: SubgraphService | string, defaultPort: number) {
  const specific = SERVICE_SPECIFIC[service as SubgraphService]?.() ?? {};
  return {
    ...serverShape(),
    ...pick(
      "DATABASE_URL",
      "HAMAFZA_DB_POOL_SIZE",
      "HAMAFZA_READ_POOL_SIZE",
      "HAMAFZA_STATEMENT_TIMEOUT_MS",
      "HAMAFZA_REFERENCE_TIMEOUT_MS",
      "HAMAFZA_REFERENCE_CACHE_MS",
      "HAMAFZA_MIGRATE_ON_START",
      "HAMAFZA_JOBS_POLL_MS",
      "HAMAFZA_JOBS_MAINTENANCE_SECONDS",
    ),
    ...specific,
    PORT: portVar(defaultPort),
    [readDatabaseUrlName(service)]: optionalPostgresUrlVar(),
  };
}

/** Every variable of the gateway process. */
export function gatewayShape() {
  return {
    ...serverShape(),
    ...pick(
      "REGISTRY_URL",
      "ENGAGEMENT_URL",
      "EVALUATION_URL",
      "IDENTITY_URL",
      "HAMAFZA_SUBGRAPH_TIMEOUT_MS",
      "HAMAFZA_GATEWAY_DEDUP",
      "HAMAFZA_COMPRESSION",
      "HAMAFZA_CHROMIUM_PATH",
      "HAMAFZA_PDF_CONCURRENCY",
      "HAMAFZA_PUBLIC_RATE_PER_MINUTE",
      "SUPERGRAPH_PATH",
      "DASHBOARD_DIR",
      "TRUST_PROXY",
      "HAMAFZA_ATTACHMENT_DIR",
      "HAMAFZA_ATTACHMENT_MAX_BYTES",
      "HAMAFZA_ATTACHMENT_TYPES",
      "HAMAFZA_S3_BUCKET",
      "HAMAFZA_S3_ENDPOINT",
      "HAMAFZA_S3_REGION",
      "HAMAFZA_S3_ACCESS_KEY_ID",
      "HAMAFZA_S3_SECRET_ACCESS_KEY",
    ),
    PORT: portVar(4000),
    ...Object.fromEntries(SUBGRAPH_SERVICES.map((name) => [subgraphTimeoutName(name), ms(15_000)])),
  };
}

/** Every variable of a one-shot migration command (`node services/<name>/dist/migrate.js`). */
export function migrationShape() {
  return pick(
    "LOG_LEVEL",
    "DATABASE_URL",
    "HAMAFZA_DATABASE_ADMIN_URL",
    "ADMIN_PASSWORD",
    "HAMAFZA_STATEMENT_TIMEOUT_MS",
  );
}

/**
 * What `npm start` reads: its own variables and every setting it passes on to the processes it starts (so a bad value
 * stops it before anything starts). The secrets it generates when unset, and the database URL, are optional here.
 */
export function runnerShape() {
  const { DATABASE_URL: _url, ...settings } = SETTINGS;
  return {
    ...settings,
    DATABASE_URL: optionalPostgresUrlVar(),
    HAMAFZA_GATEWAY_SECRET: SETTINGS.HAMAFZA_GATEWAY_SECRET.optional(),
    HAMAFZA_JWT_PUBLIC_KEY: SETTINGS.HAMAFZA_JWT_PUBLIC_KEY.optional(),
    HAMAFZA_JWT_PRIVATE_KEY: SETTINGS.HAMAFZA_JWT_PRIVATE_KEY.optional(),
    PORT: intVar(4000, { min: 1, max: 65535 }),
    ...Object.fromEntries(
      SUBGRAPH_SERVICES.flatMap((name) => [
        [subgraphPortName(name), intVar(SUBGRAPH_DEFAULT_PORTS[name], { min: 1, max: 65535 })],
        [subgraphTimeoutName(name), ms(15_000)],
        [readDatabaseUrlName(name), optionalPostgresUrlVar()],
      ]),
    ),
  };
}

/** Timeouts and grace periods in milliseconds, documented in the README's configuration table. */
export const timeoutSettings = (env: Env = process.env) => ({
  /** Longest a single SQL statement may run (PostgreSQL `statement_timeout`). */
  statementMs: setting("HAMAFZA_STATEMENT_TIMEOUT_MS", env),
  /** How long a stopping server waits for requests in flight before closing its database pool. */
  shutdownGraceMs: setting("HAMAFZA_SHUTDOWN_GRACE_MS", env),
  /** How long an idle keep-alive connection is kept open by a server (longer than any client's idle timeout). */
  serverKeepAliveMs: setting("HAMAFZA_KEEP_ALIVE_MS", env),
});
