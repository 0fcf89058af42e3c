import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withClient } from "@hamafza/common";
import { prepareTestDatabase } from "@hamafza/infra";
import { backupDatabase, BackupManifest, databaseDigests, restoreDatabase } from "../src/backup";

/** `npm run backup` / `npm run restore`: back up the demo database, change data in every service, restore, compare. */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
const dir = mkdtempSync(join(tmpdir(), "hamafza-backup-"));

beforeAll(async () => {
  database = await prepareTestDatabase("backup", { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const sql = (query: string) => withClient(database.adminUrl, (c) => c.query(query));

describe("backup and restore", () => {
  let manifest: BackupManifest;
  let before: Record<string, string>;

  it("dumps every table of the four service schemas with its row count, digest, sequences and migrations", async () => {
    before = await databaseDigests(database.adminUrl);
    manifest = await backupDatabase(database.adminUrl, dir);
    expect(new Set(manifest.tables.map((t) => t.schema))).toEqual(
      new Set(["registry", "engagement", "evaluation", "identity"]),
    );
    expect(Object.fromEntries(manifest.tables.map((t) => [`${t.schema}.${t.table}`, t.digest]))).toEqual(before);
    expect(manifest.tables.find((t) => t.table === "province")!.rows).toBe(31);
    expect(manifest.migrations.identity.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).format).toBe("hamafza-backup/1");
  });

  it("restores the data as it was after changes in every service (every table's digest equal)", async () => {
    await sql(`UPDATE registry.ngo SET name = name || ' (تغییر)' WHERE id IN (SELECT id FROM registry.ngo LIMIT 5)`);
    await sql(`DELETE FROM engagement.meeting_attendance WHERE true`);
    await sql(`UPDATE identity.user_account SET display_name = 'تغییر' WHERE true`);
    await sql(`INSERT INTO identity.audit_entry (action, outcome, service) VALUES ('test.change', 'SUCCESS', 'test')`);
    const changed = await databaseDigests(database.adminUrl);
    expect(changed).not.toEqual(before);

    await restoreDatabase(database.adminUrl, dir);
    expect(await databaseDigests(database.adminUrl)).toEqual(before);
  });

  it("refuses to restore while other sessions use the database, and changes nothing", async () => {
    await sql(`UPDATE identity.user_account SET display_name = 'باز هم تغییر' WHERE true`);
    const changed = await databaseDigests(database.adminUrl);
    await withClient(database.serviceUrls.identity, async () => {
      await expect(restoreDatabase(database.adminUrl, dir)).rejects.toThrow(/stop Hamafza/);
    });
    expect(await databaseDigests(database.adminUrl)).toEqual(changed);
  });
});
