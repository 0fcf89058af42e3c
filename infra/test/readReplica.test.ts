import { randomBytes } from "node:crypto";
import { createReadReplicaDataSource, login, withClient } from "@hamafza/common";
import { createEngagementDataSource } from "@hamafza/engagement";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * The read replica: analytics go to `<SERVICE>_READ_DATABASE_URL` when it is set, every session there is read-only,
 * and writes stay on the primary. The "replica" is the same embedded PostgreSQL reached as a read-only role (what a
 * CloudNativePG `-ro` service looks like to Hamafza: same schema, no writes).
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let analyst: string;
let admin: string;
const replicaRole = `replica_${randomBytes(4).toString("hex")}`;
const replicaPassword = randomBytes(12).toString("hex");

beforeAll(async () => {
  prepared = await prepareTestDatabase("replica", { demo: true });
  await withClient(prepared.adminUrl, async (client) => {
    await client.query(`CREATE ROLE ${replicaRole} LOGIN PASSWORD '${replicaPassword}'`);
    for (const schema of ["registry", "engagement"]) {
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${replicaRole}`);
      await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${replicaRole}`);
    }
  });
  const url = new URL(prepared.adminUrl);
  url.username = replicaRole;
  url.password = replicaPassword;
  stack = await startInProcessStack(prepared, {
    readReplicaUrls: { registry: url.toString(), engagement: url.toString() },
  });
  analyst = await login(stack.baseUrl, "demo.analyst", DEMO_PASSWORD);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await withClient(prepared.adminUrl, (client) => client.query(`DROP OWNED BY ${replicaRole}`)).catch(() => undefined);
  await prepared?.drop();
  await withClient(prepared.adminUrl.replace(/\/[^/]*$/, "/postgres"), (client) =>
    client.query(`DROP ROLE IF EXISTS ${replicaRole}`),
  ).catch(() => undefined);
});

async function graphql(token: string, query: string, variables: object = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

/** The last statement of each open session of the replica role (its pool keeps them open). */
const replicaStatements = () =>
  withClient(prepared.adminUrl, async (client) => {
    const result = await client.query<{ query: string }>(
      "SELECT query FROM pg_stat_activity WHERE usename = $1 AND datname = current_database()",
      [replicaRole],
    );
    return result.rows.map((row) => row.query);
  });

describe("read replica", () => {
  it("answers analysts' aggregate queries from the replica, in every service that has one", async () => {
    const answer = await graphql(
      analyst,
      `
        {
          meetingStatistics(fromYear: 1404, groupBy: PROVINCE) {
            provinceId
            total
            held
          }
          ngoCounts(groupBy: PROVINCE) {
            key
            count
          }
        }
      `,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.meetingStatistics.length).toBeGreaterThan(0);
    expect(answer.data.ngoCounts.length).toBeGreaterThan(0);
    const statements = await replicaStatements();
    expect(statements.some((sql) => /FROM meeting_quarter_count m/.test(sql))).toBe(true); // engagement's statistics
    expect(statements.some((sql) => /"ngo"/.test(sql) && /GROUP BY/i.test(sql))).toBe(true); // registry's counts
  });

  it("keeps writes, and the reads of records, on the primary", async () => {
    const before = await replicaStatements();
    const created = await graphql(
      admin,
      `
        mutation {
          createSocialHarm(input: { code: "REPLICA_PROBE", name: "آسیب آزمایشی نسخهٔ خواندنی" }) {
            id
            code
          }
        }
      `,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createSocialHarm.code).toBe("REPLICA_PROBE");
    const read = await graphql(
      analyst,
      `
        {
          ngos(limit: 1) {
            totalCount
          }
        }
      `,
    );
    expect(read.errors).toBeUndefined();
    const after = await replicaStatements();
    expect(after.filter((sql) => /INSERT|UPDATE|DELETE/i.test(sql))).toEqual([]);
    expect(after.filter((sql) => !before.includes(sql))).toEqual([]); // nothing new ran there
  });

  it("makes every replica session read-only, even with a role that could write", async () => {
    const primary = createEngagementDataSource(prepared.serviceUrls.engagement);
    // The service's own role (it owns the schema) as the "replica": the session setting alone must refuse writes.
    const replica = createReadReplicaDataSource(primary, prepared.serviceUrls.engagement, 2);
    await replica.initialize();
    try {
      expect((await replica.query("SHOW default_transaction_read_only"))[0].default_transaction_read_only).toBe("on");
      expect((await replica.query("SELECT count(*)::int AS n FROM meeting"))[0].n).toBeGreaterThan(0);
      const failure = await replica
        .query("DELETE FROM meeting WHERE false")
        .then(() => null)
        .catch((error: { driverError?: { code?: string } }) => error.driverError?.code);
      expect(failure).toBe("25006"); // read_only_sql_transaction
      expect(replica.options.migrations).toEqual([]);
      expect((replica.options as { extra?: { max?: number } }).extra?.max).toBe(2);
    } finally {
      await replica.destroy();
    }
  });
});
