import { randomBytes } from "node:crypto";
import { bearer, dropProvisionedDatabase, login, postGraphQL } from "@hamafza/common";
import { testAdminUrl } from "@hamafza/common/testing";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { prepareDatabase, PreparedDatabase } from "./prepare";
import type { InProcessStack } from "./stack";

/**
 * A fully prepared database for one test file (every service's migrations, the audit-log grants, reference
 * data, optionally demo data), on the PostgreSQL the Jest global setup provides.
 */
export async function prepareTestDatabase(
  label: string,
  options: { demo: boolean },
): Promise<PreparedDatabase & { drop(): Promise<void> }> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const prepared = await prepareDatabase(testAdminUrl(), name, { demo: options.demo });
  return { ...prepared, drop: () => dropProvisionedDatabase(testAdminUrl(), name) };
}

/** A GraphQL answer as the gateway sends it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphQLAnswer = Awaited<ReturnType<typeof postGraphQL<Record<string, any>>>>;

/** GraphQL through a test stack's gateway as named users (one set per test file). */
export interface GatewayUsers {
  /** Signs the users in (with the demo password unless another is given) and keeps their bearer headers. */
  signIn(users: string | readonly string[], password?: string): Promise<void>;
  /** Keeps a token obtained otherwise (an accepted invitation, a signed test token) as the user's. */
  useToken(user: string, token: string): void;
  /** The whole answer, errors included; a user not signed in yet is signed in with the demo password first. */
  call(user: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** The data of the answer; any error fails the call, naming the errors and the operation. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = any>(user: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** The one home of the infra tests' gateway call helpers; `stack` is read at each call (tests start it in beforeAll). */
export function gatewayUsers(stack: () => InProcessStack): GatewayUsers {
  const headers = new Map<string, Record<string, string>>();
  const signIn = async (users: string | readonly string[], password = DEMO_PASSWORD) => {
    for (const user of typeof users === "string" ? [users] : users)
      headers.set(user, bearer(await login(stack().baseUrl, user, password)));
  };
  const call = async (user: string, query: string, variables: Record<string, unknown> = {}) => {
    if (!headers.has(user)) await signIn(user);
    return postGraphQL(stack().gatewayUrl, query, variables, headers.get(user));
  };
  return {
    signIn,
    useToken: (user, token) => void headers.set(user, bearer(token)),
    call,
    async gql<T>(user: string, query: string, variables?: Record<string, unknown>) {
      const result = await call(user, query, variables);
      if (result.errors) throw new Error(`${JSON.stringify(result.errors, null, 1)}\n${query}`);
      return result.data as T;
    },
  };
}
