import { DataSource } from "typeorm";
import { securityFromEnv, ServiceSecurity } from "./auth";
import { loadConfigOrExit, subgraphConfigShape } from "./config";
import { openAndMigrate } from "./database";
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
 * Entry point of a subgraph process: DATABASE_URL (its own role), PORT, HAMAFZA_GATEWAY_SECRET and the token keys;
 * migrates, serves, and stops cleanly on SIGINT/SIGTERM.
 */
export async function runServiceMain(options: ServiceMainOptions): Promise<void> {
  const config = loadConfigOrExit(options.name, subgraphConfigShape(options.defaultPort));
  const url = config.DATABASE_URL;
  const security = securityFromEnv(process.env, { signing: options.signing });
  const db = options.createDataSource(url);
  await openAndMigrate(db);
  const server = await options.start({ db, port: config.PORT, security });
  console.log(`[${options.name}] ready at ${server.url}`);
  onShutdown(async () => {
    await server.stop();
    await db.destroy();
  });
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
        console.error(`shutdown after ${signal} failed`, error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => handler("SIGINT"));
  process.on("SIGTERM", () => handler("SIGTERM"));
}
