import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/** An engagement subgraph on a fresh database (no demo data), called directly as the gateway would. */
export interface EngagementHarness {
  db: DataSource;
  server: RunningServer;
  /** Runs an operation as a user of the role and territory given (ADMIN by default). */
  gql: (
    query: string,
    variables?: Record<string, unknown>,
    as?: Caller,
  ) => Promise<{ data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }>;
  /** Reads the database as superuser (including `identity.audit_entry`). */
  rows: (sql: string, params?: unknown[]) => Promise<Record<string, any>[]>;
  count: (table: string) => Promise<number>;
  stop: () => Promise<void>;
}

export interface Caller {
  role: Role;
  provinceId?: string | null;
  countyId?: string | null;
  username?: string;
  /** The record an invited user speaks for (an NGO representative's NGO). */
  boundId?: string | null;
}

export const ADMIN: Caller = { role: Role.ADMIN };
export const ZANJAN_OFFICER: Caller = { role: Role.PROVINCE_OFFICER, provinceId: "19" };
export const ZANJAN_COUNTY: Caller = { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" };
export const QAZVIN_OFFICER: Caller = { role: Role.PROVINCE_OFFICER, provinceId: "26" };
export const EVALUATOR: Caller = { role: Role.EVALUATOR };
export const ANALYST: Caller = { role: Role.ANALYST };

export async function startHarness(label: string): Promise<EngagementHarness> {
  const database = await prepareTestDatabase(label, { demo: false });
  const db = createEngagementDataSource(database.serviceUrls.engagement);
  await db.initialize();
  const security = generateServiceSecurity();
  // Engagement alone: registry references are not checked here (infra/test/references.test.ts checks them).
  const server = await startEngagement({ db, port: 0, security, registryUrl: "unchecked" });
  const headers = new Map<string, Record<string, string>>();
  const headersOf = async (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!headers.has(key))
      headers.set(key, await subgraphHeaders(security, { provinceId: null, countyId: null, ...caller }));
    return headers.get(key)!;
  };
  const rows = (sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows);
  return {
    db,
    server,
    gql: async (query, variables = {}, as = ADMIN) => postGraphQL(server.url, query, variables, await headersOf(as)),
    rows,
    count: async (table) => Number((await rows(`SELECT count(*) FROM engagement.${table}`))[0].count),
    stop: async () => {
      await server.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

/** The UTC instant of a Tehran wall-clock time (Iran has had no daylight saving since 2022: UTC+03:30). */
export const tehran = (isoLocal: string) => new Date(`${isoLocal}+03:30`).toISOString();

/** Random v4-looking UUIDs for registry references (engagement never checks them against the registry). */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Today and other days on Tehran's clock, as the service computes them. */
export const today = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
export const addDays = (isoDay: string, days: number) => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
