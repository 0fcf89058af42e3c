import { DataSource, DataSourceOptions, DefaultNamingStrategy, MixedList, NamingStrategyInterface } from "typeorm";

type PostgresConnectionOptions = Extract<DataSourceOptions, { type: "postgres" }>;
import { snakeCase } from "typeorm/util/StringUtils";
import { serviceTypeParsers } from "./pgTimestamps";
import { setting, timeoutSettings } from "./settings";

/** snake_case tables and columns, so analysts reading the database see one convention. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className);
  }
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snakeCase(prefixes.concat(customName ?? propertyName).join("_"));
  }
  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }
  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snakeCase(`${firstTableName}_${firstPropertyName.replace(/\./g, "_")}_${secondTableName}`);
  }
  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface ServiceDatabaseOptions {
  /** Connection string for this service's role. */
  url: string;
  /** The PostgreSQL schema the service owns (registry, engagement, evaluation). */
  schema: string;
  entities: ClassList;
  migrations: ClassList;
  /** Pool size; HAMAFZA_DB_POOL_SIZE or 10 by default, each service (and each replica) has its own pool. */
  poolSize?: number;
  /** PostgreSQL `statement_timeout` in ms; HAMAFZA_STATEMENT_TIMEOUT_MS (30 s) by default. */
  statementTimeoutMs?: number;
  logging?: boolean;
}

/**
 * A service's data source. Every session gets a `statement_timeout` (a runaway query is cancelled and answered
 * SERVICE_UNAVAILABLE, see errors.ts), a `lock_timeout` of the same length and an
 * `idle_in_transaction_session_timeout` twice as long, so no session can hold locks forever.
 */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  const statementMs = options.statementTimeoutMs ?? timeoutSettings().statementMs;
  const sessionSettings = [
    `-c search_path=${options.schema},public`,
    "-c timezone=UTC",
    `-c statement_timeout=${statementMs}`,
    `-c lock_timeout=${statementMs}`,
    `-c idle_in_transaction_session_timeout=${statementMs * 2}`,
  ].join(" ");
  return new DataSource({
    type: "postgres",
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: options.logging ? ["query", "error"] : false,
    extra: { max: options.poolSize ?? poolSizeFromEnv(), options: sessionSettings, types: serviceTypeParsers },
  });
}

/**
 * Connections per service process (HAMAFZA_DB_POOL_SIZE, 1-200, default 10). Replicas × pool size per service must
 * fit the server's max_connections (or PgBouncer's pool): see docs/deployment.md.
 */
export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return setting("HAMAFZA_DB_POOL_SIZE", env);
}

/** The read-only data source attached to each primary (attachReadReplica), for analytics and exports. */
const replicas = new WeakMap<DataSource, DataSource>();

/**
 * A data source like `primary` (same entities, schema, session settings) on a read replica's URL
 * (`<SERVICE>_READ_DATABASE_URL`, e.g. CloudNativePG's `-ro` service), with its own pool (HAMAFZA_READ_POOL_SIZE, 5)
 * and every session read-only (`default_transaction_read_only`): a write sent there by mistake fails instead of
 * landing on a server it does not belong to. No migrations run through it.
 */
export function createReadReplicaDataSource(primary: DataSource, url: string, poolSize?: number): DataSource {
  const options = primary.options as PostgresConnectionOptions;
  const extra = (options.extra ?? {}) as { options?: string };
  return new DataSource({
    ...options,
    url,
    migrations: [],
    migrationsRun: false,
    extra: {
      ...extra,
      max: poolSize ?? setting("HAMAFZA_READ_POOL_SIZE"),
      options: [extra.options, "-c default_transaction_read_only=on"].filter(Boolean).join(" "),
    },
  });
}

/** Sends `primary`'s analytics and exports (`ctx.readDb`) to `replica` from now on. */
export function attachReadReplica(primary: DataSource, replica: DataSource): void {
  replicas.set(primary, replica);
}

/** The data source for analytics and exports: the attached replica, or the primary itself. */
export function readDataSourceOf(primary: DataSource): DataSource {
  return replicas.get(primary) ?? primary;
}

/** Opens the data source and applies pending migrations; returns the names of the migrations it ran. */
export async function openAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const ran = await dataSource.runMigrations({ transaction: "each" });
  return ran.map((m) => m.name);
}
