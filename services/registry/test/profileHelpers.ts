import {
  AuthUser,
  generateServiceSecurity,
  grantAuditAppend,
  openAndMigrate,
  postGraphQL,
  Role,
  RunningServer,
  withClient,
} from "@hamafza/common";
import { createTestDatabase, subgraphHeaders } from "@hamafza/common/testing";
import { createIdentityDataSource } from "@hamafza/identity";
import { createRegistryDataSource, legalNationalId, loadReferenceData, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";

/**
 * A database with only what the registry needs: the identity schema (the audit log the registry appends to)
 * and the registry's own migrations and reference data, so these tests do not depend on the other services.
 * `loadRegistryDemoData` adds the registry's demo data when a test wants it.
 */
async function prepareRegistryDatabase(label: string) {
  const database = await createTestDatabase(label);
  const identity = createIdentityDataSource(database.serviceUrls.identity);
  try {
    await openAndMigrate(identity);
  } finally {
    await identity.destroy();
  }
  await grantAuditAppend(database);
  return database;
}

/** The body of a GraphQL answer. */
export type GqlResult = {
  data?: Record<string, any>;
  errors?: { message: string; extensions?: Record<string, any> }[];
};
export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult>;

/** A registry subgraph on a fresh database, with callers of every role (shared by the issue-4 profile tests). */
export interface RegistryHarness {
  db: DataSource;
  server: RunningServer;
  database: Awaited<ReturnType<typeof prepareRegistryDatabase>>;
  /** GraphQL as a user of the given role and territory. */
  as(user: Partial<AuthUser> & Pick<AuthUser, "role">): Promise<Gql>;
  admin: Gql;
  /** `SELECT count(*)` of a registry table (or any SQL returning `count`). */
  count(tableOrSql: string): Promise<number>;
  /** Rows read as the database owner (the audit log is not readable by the registry's role). */
  superQuery(sql: string, params?: unknown[]): Promise<Record<string, any>[]>;
  stop(): Promise<void>;
}

export async function startHarness(label: string): Promise<RegistryHarness> {
  const database = await prepareRegistryDatabase(label);
  const db = createRegistryDataSource(database.serviceUrls.registry);
  await openAndMigrate(db);
  await loadReferenceData(db);
  const security = generateServiceSecurity();
  const server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked" });
  const as = async (user: Partial<AuthUser> & Pick<AuthUser, "role">): Promise<Gql> => {
    const headers = await subgraphHeaders(security, user);
    return (query, variables = {}) => postGraphQL(server.url, query, variables, headers);
  };
  return {
    db,
    server,
    database,
    as,
    admin: await as({ role: Role.ADMIN, username: "test.admin" }),
    count: async (tableOrSql) =>
      Number((await db.query(/\s/.test(tableOrSql) ? tableOrSql : `SELECT count(*) FROM ${tableOrSql}`))[0].count),
    superQuery: (sql, params = []) =>
      withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows),
    stop: async () => {
      await server.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

let serial = 0;
/** A fresh valid legal national id (شناسه ملی) for tests. */
export function nextNationalId(prefix = "16"): string {
  serial += 1;
  // Digits 4 to 9 of a legal id must not all be zero: the serial part starts with 1.
  return legalNationalId(`${prefix}5${1_000_000 + serial}`);
}

/** Today on Tehran's clock, and days around it, as ISO days. */
export const today = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The `extensions.code` and message of the first error, or undefined. */
export const errorOf = (result: { errors?: { message: string; extensions?: Record<string, any> }[] }) =>
  result.errors?.[0];
/** Field paths of a BAD_USER_INPUT error, sorted. */
export const badFields = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  ((result.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field).sort();

/** Creates an NGO as admin and returns its id. */
export async function createNgo(h: RegistryHarness, input: Record<string, unknown>): Promise<string> {
  const result = await h.admin(`mutation($input: NgoCreateInput!) { createNgo(input: $input) { id } }`, {
    input: { nationalId: nextNationalId(), foundedOn: "2010-01-01", ...input },
  });
  if (result.errors) throw new Error(`createNgo failed: ${JSON.stringify(result.errors)}`);
  return result.data!.createNgo.id;
}
