import { referenceChanges } from "@hamafza/common";
import { eventually, listeningReplica, withStatementCount } from "@hamafza/common/testing";
import { createRegistryDataSource } from "@hamafza/registry";
import { fieldOfActivityTable } from "@hamafza/registry/dist/loaders";
import { DataSource } from "typeorm";
import { createNgo, RegistryHarness, startHarness } from "./profileHelpers";

/**
 * Fields of activity are held in memory like provinces (`ReferenceTableCache`), but administrators edit them: every
 * write notifies `hamafza_reference_changed` (trigger of migration 1767220000000) and every replica listening on
 * the database forgets its copy when the write commits (issue 13).
 */
let h: RegistryHarness;
/** A second registry data source on the same database: another replica of the service. */
let replica: DataSource;
let fields: { id: string; name: string }[];

beforeAll(async () => {
  h = await startHarness("fieldcache");
  fields = (await h.admin(`{ fieldsOfActivity(limit: 3) { items { id name } } }`)).data!.fieldsOfActivity.items;
  expect(fields).toHaveLength(3);
  for (const [i, field] of fields.entries())
    await createNgo(h, { name: `سمن حوزه ${i}`, countyId: "1901", fieldIds: [field.id] });
  replica = await listeningReplica(h.db, createRegistryDataSource(h.database.serviceUrls.registry));
});
afterAll(async () => {
  await replica?.destroy();
  await h?.stop();
});

const LIST = `{ ngos(limit: 50) { items { id fields { id name } } } }`;
const FIELD_SQL = /FROM "(registry"\.")?field_of_activity"/;
const fieldStatements = (statements: readonly string[]) => statements.filter((sql) => FIELD_SQL.test(sql));

const replicaName = async (id: string) => (await fieldOfActivityTable.rows(replica)).get(id)?.name;

describe("fields of activity cache", () => {
  beforeEach(() => fieldOfActivityTable.invalidate(h.db));

  it("reads the table once, then answers from memory: one statement fewer per request", async () => {
    const first = await withStatementCount(() => h.admin(LIST));
    expect(first.result.errors).toBeUndefined();
    const items = first.result.data!.ngos.items as { fields: { id: string; name: string }[] }[];
    expect(items.filter((ngo) => ngo.fields.length === 1)).toHaveLength(3);
    expect(fieldStatements(first.statements)).toHaveLength(1);
    const second = await withStatementCount(() => h.admin(LIST));
    expect(second.result.data).toEqual(first.result.data);
    expect(fieldStatements(second.statements)).toHaveLength(0);
    expect(second.count).toBe(first.count - 1);
  });

  it("an edit through the API: the writing replica answers the new name at once, another one once notified", async () => {
    const [field] = fields;
    expect(await replicaName(field.id)).toBe(field.name);
    expect((await withStatementCount(() => replicaName(field.id))).count).toBe(0); // the replica's copy
    await h.admin(`{ fieldOfActivity(id: "${field.id}") { name } }`); // the writer's copy
    const renamed = `${field.name} (نام تازه)`;
    const update = await h.admin(
      `mutation($id: ID!, $name: String!) { updateFieldOfActivity(id: $id, input: { name: $name }) { name } }`,
      { id: field.id, name: renamed },
    );
    expect(update.errors).toBeUndefined();
    expect((await h.admin(`{ fieldOfActivity(id: "${field.id}") { name } }`)).data!.fieldOfActivity.name).toBe(renamed);
    expect(await eventually(async () => (await replicaName(field.id)) === renamed)).toBe(true);
    await h.admin(
      `mutation($id: ID!, $name: String!) { updateFieldOfActivity(id: $id, input: { name: $name }) { name } }`,
      { id: field.id, name: field.name },
    );
    expect(await eventually(async () => (await replicaName(field.id)) === field.name)).toBe(true);
  });

  it("a write outside the API (SQL as the database owner) is noticed too", async () => {
    const [, field] = fields;
    expect(await replicaName(field.id)).toBe(field.name);
    await h.superQuery(`UPDATE registry.field_of_activity SET name = name || ' (آزمون)' WHERE id = $1`, [field.id]);
    expect(await eventually(async () => (await replicaName(field.id)) === `${field.name} (آزمون)`)).toBe(true);
    await h.superQuery(`UPDATE registry.field_of_activity SET name = $2 WHERE id = $1`, [field.id, field.name]);
    expect(await eventually(async () => (await replicaName(field.id)) === field.name)).toBe(true);
  });

  it("keeps no copy while the listening connection is lost, and caches again once it listens", async () => {
    const [, , field] = fields;
    await replicaName(field.id);
    const feed = referenceChanges(replica);
    await h.superQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'hamafza-reference-changes' AND datname = current_database()`,
    );
    expect(await eventually(async () => !feed.live)).toBe(true);
    // Notices may have been missed meanwhile: every read goes to the table.
    for (let i = 0; i < 2; i++) expect((await withStatementCount(() => replicaName(field.id))).count).toBe(1);
    expect(await eventually(() => feed.ready())).toBe(true);
    await replicaName(field.id);
    expect((await withStatementCount(() => replicaName(field.id))).count).toBe(0);
  });
});
