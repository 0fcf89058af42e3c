/**
 * Test-only helpers, published as `@hamafza/common/testing` (never from the production entry): a database per
 * test file, signed subgraph headers, and the SQL statement counter.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { AuthUser, GATEWAY_SECRET_HEADER, ServiceSecurity, signAccessToken } from "./auth";
import { bearer } from "./http";
import { dropProvisionedDatabase, provisionDatabase, ProvisionedDatabase } from "./postgres";

/**
 * A fresh database (with the service schemas and roles) for one test file, on the PostgreSQL the Jest global
 * setup provides (embedded, or DATABASE_URL). Files run in parallel, each in its own database.
 */
export async function createTestDatabase(label: string): Promise<ProvisionedDatabase & { drop(): Promise<void> }> {
  const adminUrl = testAdminUrl();
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const provisioned = await provisionDatabase(adminUrl, name);
  return { ...provisioned, drop: () => dropProvisionedDatabase(adminUrl, name) };
}

export function testAdminUrl(): string {
  const url = process.env.HAMAFZA_TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      "HAMAFZA_TEST_ADMIN_URL is not set: run tests with `npm test` (Jest global setup starts PostgreSQL).",
    );
  return url;
}

/**
 * Headers for calling a subgraph directly in a test, as the gateway would: the gateway secret and a token signed
 * with the test's keys for a user of the given role and territory (no session check happens at subgraphs).
 */
export async function subgraphHeaders(
  security: ServiceSecurity,
  user: Partial<AuthUser> & Pick<AuthUser, "role">,
): Promise<Record<string, string>> {
  const token = await signAccessToken(
    security.keys,
    {
      id: randomUUID(),
      username: `test.${user.role.toLowerCase()}`,
      provinceId: null,
      countyId: null,
      sessionId: randomUUID(),
      ...user,
    },
    new Date(Date.now() + 10 * 60_000),
  );
  return { ...bearer(token), [GATEWAY_SECRET_HEADER]: security.gatewaySecret };
}

/**
 * Polls `probe` every `everyMs` until `ok` holds for its value and answers that value; fails after `ms`, naming
 * `what` and the last value (for tests that wait on a job queue, a restarted process, a delivery).
 */
export async function untilValue<T>(
  probe: () => T | Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  { ms = 20_000, everyMs = 100 }: { ms?: number; everyMs?: number } = {},
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `untilValue` for a condition. */
export async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  await untilValue(ok, Boolean, what, { ms });
}

export * from "./statementCounter";
export * from "./replicaTesting";
