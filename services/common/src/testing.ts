import { randomBytes } from "node:crypto";
import { dropProvisionedDatabase, provisionDatabase, ProvisionedDatabase } from "./postgres";

/**
 * A fresh database (with the service schemas and roles) for one test file, on the PostgreSQL the Jest global
 * setup provides (embedded, or DATABASE_URL). Files run in parallel, each in its own database.
 */
export async function createTestDatabase(label: string): Promise<ProvisionedDatabase & { drop(): Promise<void> }> {
  const adminUrl = testAdminUrl();
  const name = `t_${label.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const provisioned = await provisionDatabase(adminUrl, name);
  return { ...provisioned, drop: () => dropProvisionedDatabase(adminUrl, name) };
}

export function testAdminUrl(): string {
  const url = process.env.HAMAFZA_TEST_ADMIN_URL;
  if (!url) throw new Error("HAMAFZA_TEST_ADMIN_URL is not set: run tests with `npm test` (Jest global setup starts PostgreSQL).");
  return url;
}

/** POSTs a GraphQL operation and returns the parsed body (`data` and `errors`). */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
}
