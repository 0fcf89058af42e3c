import { ReferenceTableCache } from "@hamafza/common";
import { eventually, listeningReplica, withStatementCount } from "@hamafza/common/testing";
import { createEngagementDataSource } from "@hamafza/engagement";
import { demandTopicTable, socialHarmTable } from "@hamafza/engagement/dist/loaders";
import { DataSource } from "typeorm";
import { EngagementHarness, startHarness, uuid, ZANJAN_OFFICER } from "./helpers";

/**
 * The managed catalogues of the engagement service (social harms, demand categories) are held in memory
 * (`ReferenceTableCache` with change notices): answered without SQL once loaded, and forgotten by every replica
 * when an administrator's edit commits (triggers of migrations 1767220000001 and 1767320000001; issue 13).
 */
let h: EngagementHarness;
/** A second engagement data source on the same database: another replica of the service. */
let replica: DataSource;

beforeAll(async () => {
  h = await startHarness("catalogcache");
  replica = await listeningReplica(h.db, createEngagementDataSource((h.db.options as { url: string }).url));
});
afterAll(async () => {
  await replica?.destroy();
  await h?.stop();
});

interface CatalogueCase {
  table: string;
  cache: ReferenceTableCache<{ id: string; name: string }>;
  /** The list query, the by-id query and the update mutation of the catalogue. */
  list: string;
  one: string;
  update: string;
}

const CATALOGUES: CatalogueCase[] = [
  { table: "social_harm", cache: socialHarmTable, list: "socialHarms", one: "socialHarm", update: "updateSocialHarm" },
  {
    table: "demand_topic",
    cache: demandTopicTable,
    list: "demandTopics",
    one: "demandTopic",
    update: "updateDemandTopic",
  },
];

describe.each(CATALOGUES)("$table cache", ({ table, cache, list, one, update }) => {
  let entries: { id: string; name: string }[];
  beforeAll(async () => {
    entries = (await h.gql(`{ ${list}(limit: 2) { items { id name } } }`)).data![list].items;
    expect(entries).toHaveLength(2);
  });

  const tableSql = new RegExp(`FROM "(engagement"\\.")?${table}"`);
  const tableStatements = (statements: readonly string[]) => statements.filter((sql) => tableSql.test(sql));
  const byId = (ids: string[]) => `{ ${ids.map((id, i) => `e${i}: ${one}(id: "${id}") { id name }`).join(" ")} }`;
  const replicaName = async (id: string) => (await cache.rows(replica)).get(id)?.name;

  it("reads the catalogue once, then answers from memory", async () => {
    cache.invalidate(h.db);
    const ids = entries.map((entry) => entry.id);
    const first = await withStatementCount(() => h.gql(byId(ids)));
    expect(first.result.errors).toBeUndefined();
    expect(first.result.data!.e0.name).toBe(entries[0].name);
    expect(tableStatements(first.statements)).toHaveLength(1);
    const second = await withStatementCount(() => h.gql(byId(ids)));
    expect(second.result.data).toEqual(first.result.data);
    expect(tableStatements(second.statements)).toHaveLength(0);
  });

  it("an edit through the API is answered at once by the writer and, once notified, by another replica", async () => {
    const [entry] = entries;
    expect(await replicaName(entry.id)).toBe(entry.name);
    expect((await withStatementCount(() => replicaName(entry.id))).count).toBe(0);
    await h.gql(byId([entry.id]));
    const rename = (name: string) =>
      h.gql(`mutation($id: ID!, $name: String!) { ${update}(id: $id, input: { name: $name }) { name } }`, {
        id: entry.id,
        name,
      });
    const renamed = `${entry.name} (نام تازه)`;
    expect((await rename(renamed)).errors).toBeUndefined();
    expect((await h.gql(byId([entry.id]))).data!.e0.name).toBe(renamed);
    expect(await eventually(async () => (await replicaName(entry.id)) === renamed)).toBe(true);
    expect((await rename(entry.name)).errors).toBeUndefined();
    expect(await eventually(async () => (await replicaName(entry.id)) === entry.name)).toBe(true);
  });
});

describe("a demand's category", () => {
  it("is read from the copy: by the demand's topic id and by its enum's code", async () => {
    const created = await h.gql(
      `mutation { createDemand(input: { ngoId: "${uuid(1)}", provinceId: "19", countyId: "1901", title: "بیمه اعضا", raisedOn: "2025-05-10", category: MEMBERS_INSURANCE }) { id } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(created.errors).toBeUndefined();
    const read = () =>
      h.gql(`{ demand(id: "${created.data!.createDemand.id}") { topicId topic { code } } }`, {}, ZANJAN_OFFICER);
    demandTopicTable.invalidate(h.db);
    const first = await withStatementCount(read);
    expect(first.result.data!.demand.topic.code).toBe("MEMBERS_INSURANCE");
    const topicSql = /FROM "(engagement"\.")?demand_topic"/;
    expect(first.statements.filter((sql) => topicSql.test(sql))).toHaveLength(1);
    const second = await withStatementCount(read);
    expect(second.result.data).toEqual(first.result.data);
    expect(second.statements.filter((sql) => topicSql.test(sql))).toHaveLength(0);
    // A demand written before the catalogue (no topic id) reads the category of its enum's code, from the copy too.
    await h.db.query(`UPDATE demand SET topic_id = NULL WHERE id = $1`, [created.data!.createDemand.id]);
    const byCode = await withStatementCount(read);
    expect(byCode.result.data).toEqual(first.result.data);
    expect(byCode.statements.filter((sql) => topicSql.test(sql))).toHaveLength(0);
  });
});
