/**
 * The first-start `admin` account and the rule that an enabled administrator always remains, on a database
 * without demo data: `admin` is the only account until the tests create more.
 */
import { withClient } from "@hamafza/common";
import { createIdentityDataSource, ensureAdminAccount } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { graphql, PERSIAN, session, signIn, TEST_POLICY } from "./support";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const base = () => stack.baseUrl;
const as = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  graphql(stack.gatewayUrl, query, variables, token);

beforeAll(async () => {
  database = await prepareTestDatabase("identityadmin", { demo: false });
  stack = await startInProcessStack(database, { loginPolicy: TEST_POLICY, trustProxy: "loopback", sessionCacheMs: 0 });
});

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const superuser = <T>(sql: string, params: unknown[] = []) =>
  withClient(database.adminUrl, async (c) => (await c.query(sql, params)).rows as T[]);
const enabledAdmins = async () =>
  (
    await superuser<{ username: string }>(
      "SELECT username FROM identity.user_account WHERE role = 'ADMIN' AND NOT disabled ORDER BY username",
    )
  ).map((r) => r.username);

const UPDATE = `mutation($id: ID!, $input: UserUpdateInput!) { updateUser(id: $id, input: $input) { id username role disabled } }`;
const CREATE = `mutation($input: UserCreateInput!) { createUser(input: $input) { id username role } }`;

describe("first-start admin", () => {
  it("creates `admin` with a generated 16-character password that signs in", async () => {
    expect(database.admin.created).toBe(true);
    const password = database.admin.generatedPassword!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await superuser("SELECT username, role FROM identity.user_account")).toEqual([
      { username: "admin", role: "ADMIN" },
    ]);

    const answer = await signIn(base(), "admin", password);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ username: "admin", role: "ADMIN", provinceId: null, countyId: null });
    expect((await signIn(base(), "admin", `${password}x`)).status).toBe(401);
  });

  it("stores only an argon2id hash of the generated password", async () => {
    const [row] = await superuser<{ password_hash: string }>(
      "SELECT password_hash FROM identity.user_account WHERE username = 'admin'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(database.admin.generatedPassword!);
  });

  it("changes nothing when ensureAdminAccount runs again, with or without a password", async () => {
    const db = createIdentityDataSource(database.serviceUrls.identity);
    await db.initialize();
    try {
      expect(await ensureAdminAccount(db, undefined)).toEqual({ created: false, generatedPassword: null });
      expect(await ensureAdminAccount(db, "Replacement-Pass-2025")).toEqual({
        created: false,
        generatedPassword: null,
      });
    } finally {
      await db.destroy();
    }
    expect(await superuser("SELECT username FROM identity.user_account")).toEqual([{ username: "admin" }]);
    expect((await signIn(base(), "admin", "Replacement-Pass-2025")).status).toBe(401);
    expect((await signIn(base(), "admin", database.admin.generatedPassword!)).status).toBe(200);
  });
});

describe("the last enabled administrator", () => {
  let adminToken: string;
  let adminId: string;
  let second: { id: string; username: string };
  const secondPassword = "Second-Admin-Pass-77";

  beforeAll(async () => {
    ({
      token: adminToken,
      user: { id: adminId },
    } = await session(base(), "admin", database.admin.generatedPassword!));
  });

  it("cannot be demoted or disabled, and keeps its session", async () => {
    for (const input of [{ role: "ANALYST" }, { disabled: true }, { role: "EVALUATOR", disabled: true }]) {
      const result = await as(adminToken, UPDATE, { id: adminId, input });
      expect(result.body.data).toBeNull();
      expect(result.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(result.body.errors[0].message).toMatch(PERSIAN);
    }
    expect(await enabledAdmins()).toEqual(["admin"]);
    expect((await as(adminToken, `{ me { role } }`)).body.data.me.role).toBe("ADMIN");
  });

  it("can be demoted while another enabled admin remains, and then the other one is protected", async () => {
    const createdSecond = await as(adminToken, CREATE, {
      input: { username: "second.admin", displayName: "مدیر دوم", role: "ADMIN", password: secondPassword },
    });
    expect(createdSecond.body.errors).toBeUndefined();
    second = createdSecond.body.data.createUser;

    // A disabled admin does not count as one that remains.
    expect(
      (await as(adminToken, UPDATE, { id: second.id, input: { disabled: true } })).body.data.updateUser.disabled,
    ).toBe(true);
    expect(
      (await as(adminToken, UPDATE, { id: adminId, input: { role: "ANALYST" } })).body.errors[0].extensions.code,
    ).toBe("BAD_USER_INPUT");
    expect(
      (await as(adminToken, UPDATE, { id: second.id, input: { disabled: false } })).body.data.updateUser.disabled,
    ).toBe(false);

    const secondToken = (await session(base(), second.username, secondPassword)).token;
    const demoted = await as(secondToken, UPDATE, { id: adminId, input: { role: "EVALUATOR" } });
    expect(demoted.body.errors).toBeUndefined();
    expect(demoted.body.data.updateUser.role).toBe("EVALUATOR");
    expect(await enabledAdmins()).toEqual(["second.admin"]);

    for (const input of [{ role: "ANALYST" }, { disabled: true }]) {
      expect((await as(secondToken, UPDATE, { id: second.id, input })).body.errors[0].extensions.code).toBe(
        "BAD_USER_INPUT",
      );
    }
    expect(await enabledAdmins()).toEqual(["second.admin"]);

    // Back to two admins for the next test.
    expect((await as(secondToken, UPDATE, { id: adminId, input: { role: "ADMIN" } })).body.data.updateUser.role).toBe(
      "ADMIN",
    );
  });

  it("remains when the last two admins demote themselves at the same moment", async () => {
    const admins = [
      { id: adminId, username: "admin", password: database.admin.generatedPassword! },
      { id: second.id, username: second.username, password: secondPassword },
    ];
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      expect(await enabledAdmins()).toEqual(["admin", "second.admin"]);
      const tokens = await Promise.all(admins.map(async (a) => (await session(base(), a.username, a.password)).token));
      const input = round % 2 === 0 ? { role: "ANALYST" } : { disabled: true };
      const results = await Promise.all(admins.map((a, i) => as(tokens[i], UPDATE, { id: a.id, input })));
      outcomes.push(results.map((r) => r.body.errors?.[0]?.extensions?.code ?? "OK").join("+"));
      const remaining = await enabledAdmins();
      expect({ round, outcomes, anAdminRemains: remaining.length > 0 }).toEqual({
        round,
        outcomes,
        anAdminRemains: true,
      });
      if (remaining.length === admins.length) continue;
      // The one that remains restores the other.
      const survivor = admins.findIndex((a) => a.username === remaining[0]);
      const other = admins[1 - survivor];
      const restored = await as(tokens[survivor], UPDATE, { id: other.id, input: { role: "ADMIN", disabled: false } });
      expect(restored.body.errors).toBeUndefined();
    }
  });
});
