import { logger } from "./logger";
import { DataSource } from "typeorm";
import { securityFromEnv, ServiceSecurity } from "./auth";
import { loadConfigOrExit } from "./config";
import { migrationShape, readDatabaseUrlName, subgraphShape } from "./settings";
import { attachReadReplica, createReadReplicaDataSource, openAndMigrate } from "./database";
import { grantAuditAppendToService, provisionServiceSchema, ServiceSchema } from "./postgres";
import { RunningServer } from "./server";

export interface ServiceMainOptions {
  name: string;
  defaultPort: number;
  /** The identity service also needs the token-signing key. */
  signing?: boolean;
  createDataSource: (url: string) => DataSource;
  start: (options: { db: DataSource; port: number; security: ServiceSecurity }) => Promise<RunningServer>;
}

/**
 * Entry point of a subgraph process: DATABASE_URL (its own role), PORT, HOST, HAMAFZA_GATEWAY_SECRET and the token
 * keys; serves, and stops cleanly on SIGINT/SIGTERM. Migrations are the one-shot `migrate.js` command's job (run by
 * `npm start` before the services, by a compose/Kubernetes job in a deployment): a service with pending migrations
 * refuses to start, unless HAMAFZA_MIGRATE_ON_START=1.
 */
export async function runServiceMain(options: ServiceMainOptions): Promise<void> {
  const config = loadConfigOrExit(options.name, subgraphShape(options.name, options.defaultPort));
  const tracing = await startTracingIfConfigured(options.name, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const url = config.DATABASE_URL;
  const security = securityFromEnv(process.env, { signing: options.signing });
  const db = options.createDataSource(url);
  await db.initialize();
  if (await db.showMigrations()) {
    if (!config.HAMAFZA_MIGRATE_ON_START) {
      logger.error(
        `[${options.name}] the database has pending migrations; run \`node services/${options.name}/dist/migrate.js\` first.`,
      );
      await db.destroy();
      process.exit(2);
    }
    await openAndMigrate(db);
  }
  const readUrl = (config as Record<string, unknown>)[readDatabaseUrlName(options.name)] as string | undefined;
  const readDb = readUrl ? createReadReplicaDataSource(db, readUrl) : null;
  if (readDb) {
    await readDb.initialize();
    attachReadReplica(db, readDb);
    logger.info(`[${options.name}] analytics and exports read from the replica (${readDatabaseUrlName(options.name)})`);
  }
  const server = await options.start({ db, port: config.PORT, security });
  logger.info(`[${options.name}] ready at ${server.url}`);
  onShutdown(async () => {
    await server.stop();
    await readDb?.destroy();
    await db.destroy();
    await tracing?.shutdown();
  });
}

/**
 * Tracing (tracing.ts) when OTEL_EXPORTER_OTLP_ENDPOINT is set; the OpenTelemetry packages are loaded only then,
 * so a process without tracing does not carry them.
 */
export async function startTracingIfConfigured(
  service: string,
  endpoint: string | undefined,
): Promise<{ shutdown(): Promise<void> } | null> {
  if (!endpoint) return null;
  const { startTracing } = require("./tracing") as typeof import("./tracing");
  const tracing = startTracing(service, endpoint);
  logger.info(`[${service}] tracing to ${endpoint}`);
  return tracing;
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, `shutdown after ${signal} failed`);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => handler("SIGINT"));
  process.on("SIGTERM", () => handler("SIGTERM"));
}

export interface MigrationMainOptions {
  name: ServiceSchema;
  createDataSource: (url: string) => DataSource;
  /** Idempotent data the service needs after its migrations (reference data, the first admin account). */
  afterMigrate?: (db: DataSource) => Promise<string | void>;
}

/**
 * The one-shot migration command of a service (`node services/<x>/dist/migrate.js`; a compose service or a Kubernetes
 * Job in a deployment). DATABASE_URL is the service's own role; with HAMAFZA_DATABASE_ADMIN_URL it first creates the
 * database, that role (password from DATABASE_URL) and its schema, and (but for identity, which goes first) lets the
 * role append to the audit log. Then it runs the pending migrations and `afterMigrate`, and exits.
 */
export async function runMigrationMain(options: MigrationMainOptions): Promise<void> {
  const config = loadConfigOrExit(`${options.name}-migrate`, migrationShape());
  const url = config.DATABASE_URL;
  const adminUrl = config.HAMAFZA_DATABASE_ADMIN_URL;
  if (adminUrl) await provisionServiceSchema(adminUrl, options.name, url);
  const db = options.createDataSource(url);
  try {
    const ran = await openAndMigrate(db);
    logger.info(`[${options.name}-migrate] ${ran.length ? `applied ${ran.join(", ")}` : "no pending migrations"}`);
    const note = await options.afterMigrate?.(db);
    if (note) logger.info(`[${options.name}-migrate] ${note}`);
  } finally {
    await db.destroy();
  }
  if (adminUrl && options.name !== "identity") await grantAuditAppendToService(adminUrl, url);
}
