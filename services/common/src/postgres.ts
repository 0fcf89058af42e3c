import { randomBytes } from "node:crypto";
import { Client } from "pg";

export const SERVICE_SCHEMAS = ["registry", "engagement", "evaluation", "identity"] as const;
export type ServiceSchema = (typeof SERVICE_SCHEMAS)[number];

export interface ProvisionedDatabase {
  database: string;
  /** Superuser/owner connection to the provisioned database. */
  adminUrl: string;
  /** One connection string per service, each for a role that owns only its schema. */
  serviceUrls: Record<ServiceSchema, string>;
}

/**
 * Creates (idempotently) a database with one schema and one login role per service. Role passwords are
 * regenerated on every call, so nothing secret is stored; a running service keeps its open connections.
 * If the admin connection may not create roles (a managed server), every service uses the admin URL.
 */
export async function provisionDatabase(adminUrl: string, database: string): Promise<ProvisionedDatabase> {
  assertIdentifier(database);
  await withClient(adminUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
  const databaseUrl = withDatabase(adminUrl, database);
  const serviceUrls = {} as Record<ServiceSchema, string>;
  await withClient(databaseUrl, async (client) => {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const canCreateRoles = await mayCreateRoles(client);
    for (const schema of SERVICE_SCHEMAS) {
      if (!canCreateRoles) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        serviceUrls[schema] = databaseUrl;
        continue;
      }
      const role = `${database}_${schema}`;
      const password = randomBytes(18).toString("base64url");
      await ensureServiceRole(client, database, schema, role, password);
      serviceUrls[schema] = withCredentials(databaseUrl, role, password);
    }
  });
  return { database, adminUrl: databaseUrl, serviceUrls };
}

/** Creates or updates one service's login role (with this password) and the schema it owns. */
async function ensureServiceRole(
  client: Client,
  database: string,
  schema: ServiceSchema,
  role: string,
  password: string,
): Promise<void> {
  assertIdentifier(role);
  const roleExists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const verb = roleExists.rowCount === 0 ? "CREATE" : "ALTER";
  await client.query(
    `${verb} ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password.replace(/'/g, "''")}'`,
  );
  await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION "${role}"`);
  await client.query(`ALTER SCHEMA ${schema} OWNER TO "${role}"`);
  // The service's job queue (jobs.ts) keeps its tables in a schema of its own, owned by the same role.
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}_jobs AUTHORIZATION "${role}"`);
  await client.query(`ALTER SCHEMA ${schema}_jobs OWNER TO "${role}"`);
}

/**
 * The one-shot migration command's provisioning (images, compose, Kubernetes): with an admin connection, makes sure
 * the database of `serviceUrl` exists with pg_trgm, and that the role and password named in `serviceUrl` own the
 * service's schema. When `serviceUrl` uses the admin role itself, only the schema is created.
 */
export async function provisionServiceSchema(
  adminUrl: string,
  schema: ServiceSchema,
  serviceUrl: string,
): Promise<void> {
  const target = new URL(serviceUrl);
  const database = decodeURIComponent(target.pathname.slice(1));
  assertIdentifier(database);
  await withClient(adminUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
  await withClient(withDatabase(adminUrl, database), async (client) => {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const role = decodeURIComponent(target.username);
    const current = await client.query("SELECT current_user AS name");
    if (!role || role === current.rows[0].name) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      return;
    }
    await ensureServiceRole(client, database, schema, role, decodeURIComponent(target.password));
  });
}

/**
 * Lets one service's role (named in its URL) append to the identity audit log; needs the identity migrations to have
 * run (the migration job of identity goes first). Nothing to do when the service uses the admin role.
 */
export async function grantAuditAppendToService(adminUrl: string, serviceUrl: string): Promise<void> {
  const target = new URL(serviceUrl);
  const role = decodeURIComponent(target.username);
  await withClient(withDatabase(adminUrl, decodeURIComponent(target.pathname.slice(1))), async (client) => {
    const current = await client.query("SELECT current_user AS name");
    if (!role || role === current.rows[0].name) return;
    const table = await client.query("SELECT to_regclass('identity.audit_entry') AS t");
    if (!table.rows[0].t)
      throw new Error("identity.audit_entry does not exist yet: run the identity migration job first.");
    await client.query(`GRANT USAGE ON SCHEMA identity TO "${role}"`);
    await client.query(`GRANT INSERT ON identity.audit_entry TO "${role}"`);
    await grantNotificationRequests(client, role);
  });
}

/** Lets a service's role append notification requests (notify.ts), once the identity migration made the table. */
async function grantNotificationRequests(client: Client, role: string): Promise<void> {
  const table = await client.query("SELECT to_regclass('identity.notification_request') AS t");
  if (table.rows[0].t) await client.query(`GRANT INSERT ON identity.notification_request TO "${role}"`);
}

/**
 * Lets every other service's role append to the identity service's audit log (INSERT only: no SELECT, UPDATE
 * or DELETE). Run after the identity migrations; without per-service roles it has nothing to do.
 */
export async function grantAuditAppend(provisioned: ProvisionedDatabase): Promise<void> {
  await withClient(provisioned.adminUrl, async (client) => {
    for (const schema of SERVICE_SCHEMAS) {
      if (schema === "identity") continue;
      const role = `${provisioned.database}_${schema}`;
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      if (exists.rowCount === 0) continue;
      await client.query(`GRANT USAGE ON SCHEMA identity TO "${role}"`);
      await client.query(`GRANT INSERT ON identity.audit_entry TO "${role}"`);
      await grantNotificationRequests(client, role);
    }
  });
}

/** Drops a database and the service roles `provisionDatabase` made for it (test clean-up). */
export async function dropProvisionedDatabase(adminUrl: string, database: string): Promise<void> {
  assertIdentifier(database);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    for (const schema of SERVICE_SCHEMAS) await client.query(`DROP ROLE IF EXISTS "${database}_${schema}"`);
  });
}

async function mayCreateRoles(client: Client): Promise<boolean> {
  const result = await client.query(
    "SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user",
  );
  return Boolean(result.rows[0]?.ok);
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}
