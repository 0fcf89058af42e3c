import { referenceChanges } from "@hamafza/common";
import { withStatementCount } from "@hamafza/common/testing";
import { createEngagementDataSource } from "@hamafza/engagement";
import { socialHarmTable } from "@hamafza/engagement/dist/loaders";
import { DataSource } from "typeorm";
import { EngagementHarness, startHarness } from "./helpers";

/**
 * The social harms catalogue is held in memory (`ReferenceTableCache` with change notices): answered without SQL
 * once loaded, and forgotten by every replica when an administrator's edit commits (trigger of migration
 * 1767220000001; issue 13).
 */
let h: EngagementHarness;
/** A second engagement data source on the same database: another replica of the service. */
let replica: DataSource;
let harms: { id: string; name: string }[];

beforeAll(async () => {
  h = await startHarness("harmcache");
  harms = (await h.gql(`{ socialHarms(limit: 2) { items { id name } } }`)).data!.socialHarms.items;
  expect(harms).toHaveLength(2);
  replica = createEngagementDataSource((h.db.options as { url: string }).url);
  await replica.initialize();
  expect(await referenceChanges(h.db).ready()).toBe(true);
  expect(await referenceChanges(replica).ready()).toBe(true);
});
afterAll(async () => {
  await replica?.destroy();
  await h?.stop();
});

const HARM_SQL = /FROM "(engagement"\.")?social_harm"/;
const harmStatements = (statements: readonly string[]) => statements.filter((sql) => HARM_SQL.test(sql));
const BY_ID = (ids: string[]) => `{ ${ids.map((id, i) => `h${i}: socialHarm(id: "${id}") { id name }`).join(" ")} }`;

async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

const replicaName = async (id: string) => (await socialHarmTable.rows(replica)).get(id)?.name;

describe("social harms cache", () => {
  it("reads the catalogue once, then answers from memory", async () => {
    socialHarmTable.invalidate(h.db);
    const ids = harms.map((harm) => harm.id);
    const first = await withStatementCount(() => h.gql(BY_ID(ids)));
    expect(first.result.errors).toBeUndefined();
    expect(first.result.data!.h0.name).toBe(harms[0].name);
    expect(harmStatements(first.statements)).toHaveLength(1);
    const second = await withStatementCount(() => h.gql(BY_ID(ids)));
    expect(second.result.data).toEqual(first.result.data);
    expect(harmStatements(second.statements)).toHaveLength(0);
  });

  it("an edit through the API is answered at once by the writer and, once notified, by another replica", async () => {
    const [harm] = harms;
    expect(await replicaName(harm.id)).toBe(harm.name);
    expect((await withStatementCount(() => replicaName(harm.id))).count).toBe(0);
    await h.gql(BY_ID([harm.id]));
    const rename = (name: string) =>
      h.gql(`mutation($id: ID!, $name: String!) { updateSocialHarm(id: $id, input: { name: $name }) { name } }`, {
        id: harm.id,
        name,
      });
    const renamed = `${harm.name} (نام تازه)`;
    expect((await rename(renamed)).errors).toBeUndefined();
    expect((await h.gql(BY_ID([harm.id]))).data!.h0.name).toBe(renamed);
    expect(await eventually(async () => (await replicaName(harm.id)) === renamed)).toBe(true);
    expect((await rename(harm.name)).errors).toBeUndefined();
    expect(await eventually(async () => (await replicaName(harm.id)) === harm.name)).toBe(true);
  });
});
