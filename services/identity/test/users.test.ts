/**
 * User management and the audit log through the gateway (demo data loaded, demo.admin acting), and the audit
 * table's protection at the database, with the service roles and the superuser.
 */
import { withClient } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { allKeys, graphql, PERSIAN, session, signIn, TEST_POLICY } from "./support";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let adminToken: string;
const base = () => stack.baseUrl;
const asAdmin = (query: string, variables: Record<string, unknown> = {}) =>
  graphql(stack.gatewayUrl, query, variables, adminToken);
const as = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  graphql(stack.gatewayUrl, query, variables, token);

beforeAll(async () => {
  database = await prepareTestDatabase("identityusers", { demo: true });
  stack = await startInProcessStack(database, { loginPolicy: TEST_POLICY, trustProxy: "loopback", sessionCacheMs: 0 });
  adminToken = (await session(base(), "demo.admin", DEMO_PASSWORD)).token;
});

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const superuser = <T>(work: Parameters<typeof withClient<T>>[1]) => withClient(database.adminUrl, work);
const userCount = () =>
  superuser(async (c) => (await c.query("SELECT count(*)::int AS n FROM identity.user_account")).rows[0].n as number);
const auditCount = () =>
  superuser(async (c) => (await c.query("SELECT count(*)::int AS n FROM identity.audit_entry")).rows[0].n as number);

const USER_FIELDS = `id username displayName role provinceId countyId disabled`;
const CREATE = `mutation($input: UserCreateInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UserUpdateInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const RESET = `mutation($id: ID!, $password: String) { resetUserPassword(id: $id, password: $password) { temporaryPassword user { id username } } }`;
const CHANGE_MINE = `mutation($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) }`;
const ME = `{ me { id username role } }`;

/** Whether the token still opens a session at the gateway. */
const tokenWorks = async (token: string) => {
  const answer = await as(token, ME);
  if (answer.status === 401) {
    expect(answer.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    return false;
  }
  expect(answer.body.data.me).toBeTruthy();
  return true;
};

const officer = {
  username: "  Zanjan.Officer ",
  displayName: "کارشناس آزمایشی زنجان",
  role: "PROVINCE_OFFICER",
  provinceId: "19",
};
let created: { id: string; username: string };
/** The created user's current password (changed by the tests below, in order). */
let password = "Strong-Pass-Zanjan-2025";

describe("user management", () => {
  it("creates a user, who can then sign in", async () => {
    const before = await userCount();
    const result = await asAdmin(CREATE, { input: { ...officer, password } });
    expect(result.body.errors).toBeUndefined();
    created = result.body.data.createUser;
    expect(created).toEqual({
      id: expect.any(String),
      username: "zanjan.officer",
      displayName: officer.displayName,
      role: "PROVINCE_OFFICER",
      provinceId: "19",
      countyId: null,
      disabled: false,
    });
    expect(await userCount()).toBe(before + 1);

    const signedIn = await signIn(base(), "zanjan.officer", password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: created.id, role: "PROVINCE_OFFICER", provinceId: "19" });
  });

  it("exposes no password hash in the User type", async () => {
    const result = await asAdmin(`{ __type(name: "User") { fields { name } } }`);
    const names = result.body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(names).toContain("username");
    expect(names.filter((n: string) => /hash/i.test(n))).toEqual([]);
  });

  it.each([
    ["a malformed username", { username: "Bad User!" }, ["username"]],
    ["a too short username", { username: "ab" }, ["username"]],
    ["a short password", { password: "short" }, ["password"]],
    ["a password containing the username", { password: "xx-zanjan.second-xx" }, ["password"]],
    ["a county officer without a county", { role: "COUNTY_OFFICER", provinceId: null }, ["countyId"]],
    ["a province officer without a province", { provinceId: null }, ["provinceId"]],
    [
      "all of these at once",
      { username: "x", password: "short", role: "COUNTY_OFFICER", provinceId: null },
      ["countyId", "password", "username"],
    ],
  ])(
    "refuses %s with a Persian BAD_USER_INPUT listing the fields, and creates nothing",
    async (_label, change, fields) => {
      const before = await userCount();
      const result = await asAdmin(CREATE, {
        input: { ...officer, username: "zanjan.second", password: "Another-Good-Pass-1", ...change },
      });
      expect(result.body.data).toBeNull();
      const error = result.body.errors[0];
      expect(error.extensions.code).toBe("BAD_USER_INPUT");
      expect(error.message).toMatch(PERSIAN);
      expect(error.extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual(fields);
      for (const field of error.extensions.fields) expect(field.message).toMatch(PERSIAN);
      expect(await userCount()).toBe(before);
    },
  );

  it("refuses a duplicate username, in any case, with CONFLICT and creates nothing", async () => {
    const before = await userCount();
    for (const username of ["zanjan.officer", "ZANJAN.OFFICER"]) {
      const result = await asAdmin(CREATE, { input: { ...officer, username, password: "Another-Good-Pass-1" } });
      expect(result.body.errors[0].extensions.code).toBe("CONFLICT");
      expect(result.body.errors[0].message).toMatch(PERSIAN);
    }
    expect(await userCount()).toBe(before);
  });

  it("keeps the user's sessions when only the name changes and ends them when the role changes", async () => {
    const { token } = await session(base(), created.username, password);
    const renamed = await asAdmin(UPDATE, { id: created.id, input: { displayName: "کارشناس آزمایشی استان زنجان" } });
    expect(renamed.body.errors).toBeUndefined();
    expect(await tokenWorks(token)).toBe(true);

    const changed = await asAdmin(UPDATE, { id: created.id, input: { role: "EVALUATOR" } });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data.updateUser).toMatchObject({ role: "EVALUATOR", provinceId: "19", countyId: null });
    expect(await tokenWorks(token)).toBe(false);
    expect((await signIn(base(), created.username, password)).body.user.role).toBe("EVALUATOR");
  });

  it("refuses sign-in of a disabled user with the answer of a wrong password, and ends the user's sessions", async () => {
    const { token } = await session(base(), created.username, password);
    const disabled = await asAdmin(UPDATE, { id: created.id, input: { disabled: true } });
    expect(disabled.body.data.updateUser.disabled).toBe(true);
    expect(await tokenWorks(token)).toBe(false);

    const refused = await signIn(base(), created.username, password);
    const wrongPassword = await signIn(base(), created.username, "Not-His-Password-1");
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrongPassword.body);
    expect(refused.body.error.code).toBe("UNAUTHENTICATED");

    const enabled = await asAdmin(UPDATE, { id: created.id, input: { disabled: false } });
    expect(enabled.body.data.updateUser.disabled).toBe(false);
    expect((await signIn(base(), created.username, password)).status).toBe(200);
  });

  it("resets a password to a generated one that works, instead of the old one, and ends the user's sessions", async () => {
    const { token } = await session(base(), created.username, password);
    const result = await asAdmin(RESET, { id: created.id });
    expect(result.body.errors).toBeUndefined();
    const { temporaryPassword, user } = result.body.data.resetUserPassword;
    expect(user).toEqual({ id: created.id, username: created.username });
    expect(typeof temporaryPassword).toBe("string");
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(temporaryPassword).not.toBe(password);

    expect(await tokenWorks(token)).toBe(false);
    expect((await signIn(base(), created.username, password)).status).toBe(401);
    expect((await signIn(base(), created.username, temporaryPassword)).status).toBe(200);
    password = temporaryPassword;

    const chosen = await asAdmin(RESET, { id: created.id, password: "Chosen-By-Admin-42" });
    expect(chosen.body.data.resetUserPassword.temporaryPassword).toBeNull();
    expect((await signIn(base(), created.username, "Chosen-By-Admin-42")).status).toBe(200);
    password = "Chosen-By-Admin-42";
  });

  it("changes the user's own password only with the right current one, ending the user's other sessions", async () => {
    const mine = await session(base(), created.username, password);
    const other = await session(base(), created.username, password);

    const wrong = await as(mine.token, CHANGE_MINE, { current: "Not-The-Current-1", next: "My-New-Password-77" });
    expect(wrong.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(wrong.body.errors[0].extensions.fields.map((f: { field: string }) => f.field)).toEqual(["currentPassword"]);
    expect(wrong.body.errors[0].message).toMatch(PERSIAN);
    const tooShort = await as(mine.token, CHANGE_MINE, { current: password, next: "short" });
    expect(tooShort.body.errors[0].extensions.fields.map((f: { field: string }) => f.field)).toEqual(["newPassword"]);
    expect(await tokenWorks(other.token)).toBe(true);

    const changed = await as(mine.token, CHANGE_MINE, { current: password, next: "My-New-Password-77" });
    expect(changed.body).toEqual({ data: { changeMyPassword: true } });
    expect(await tokenWorks(mine.token)).toBe(true);
    expect(await tokenWorks(other.token)).toBe(false);
    expect((await signIn(base(), created.username, password)).status).toBe(401);
    expect((await signIn(base(), created.username, "My-New-Password-77")).status).toBe(200);
    password = "My-New-Password-77";
  });

  it("counts wrong current passwords against the account and then locks password changes (a stolen token cannot guess)", async () => {
    const guessed = {
      username: "guess.target",
      displayName: "کاربر آزمون حدس",
      role: "ANALYST",
      password: "Guess-Target-Pass-1",
    };
    expect((await asAdmin(CREATE, { input: guessed })).body.errors).toBeUndefined();
    const { token } = await session(base(), guessed.username, guessed.password);
    const codes: string[] = [];
    for (let i = 0; i < TEST_POLICY.maxAccountFailures + 1; i++) {
      codes.push(
        (await as(token, CHANGE_MINE, { current: `Wrong-Guess-${i}-xyz`, next: "Another-Pass-99" })).body.errors[0]
          .extensions.code,
      );
    }
    expect(codes).toEqual([...Array(TEST_POLICY.maxAccountFailures).fill("BAD_USER_INPUT"), "LOCKED"]);
    const right = await as(token, CHANGE_MINE, { current: guessed.password, next: "Another-Pass-99" });
    expect(right.body.errors[0].extensions.code).toBe("LOCKED");
    expect((await signIn(base(), guessed.username, guessed.password)).status).toBe(429);
  });

  it("refuses users and createUser to a province officer with FORBIDDEN, and creates nothing", async () => {
    const { token } = await session(base(), "demo.province", DEMO_PASSWORD);
    const before = await userCount();
    const list = await as(token, `{ users { totalCount } }`);
    expect(list.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(list.body.errors[0].message).toMatch(PERSIAN);
    expect(list.body.data).toBeNull();
    const create = await as(token, CREATE, {
      input: { ...officer, username: "sneaky.user", password: "Sneaky-Pass-2025" },
    });
    expect(create.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await userCount()).toBe(before);

    const adminList = await asAdmin(`{ users(limit: 200) { totalCount items { username } } }`);
    expect(adminList.body.data.users.totalCount).toBe(before);
    expect(adminList.body.data.users.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(["admin", "demo.admin", created.username]),
    );
  });
});

describe("audit log", () => {
  const ENTRY = `id action outcome service actorId actorUsername actorRole entityType entityId provinceId before after`;

  it("records createUser without the password hash and updateUser with the role before and after", async () => {
    const result = await asAdmin(
      `query($id: String!) { auditEntries(filter: { entityType: "User", entityId: $id }, limit: 100) { items { ${ENTRY} } } }`,
      { id: created.id },
    );
    expect(result.body.errors).toBeUndefined();
    const entries = result.body.data.auditEntries.items as any[];
    const [creation, ...otherCreations] = entries.filter((e) => e.action === "createUser");
    expect(otherCreations).toEqual([]);
    expect(creation).toMatchObject({
      outcome: "SUCCESS",
      service: "identity",
      actorUsername: "demo.admin",
      actorRole: "ADMIN",
      before: null,
    });
    expect(creation.after).toMatchObject({
      id: created.id,
      username: created.username,
      role: "PROVINCE_OFFICER",
      provinceId: "19",
    });
    expect(allKeys(creation.after).filter((k) => /password_?hash|Normalized$/i.test(k))).toEqual([]);

    const roleChanges = entries.filter((e) => e.action === "updateUser" && e.before?.role !== e.after?.role);
    expect(roleChanges.map((e) => [e.before.role, e.after.role])).toEqual([["PROVINCE_OFFICER", "EVALUATOR"]]);
    expect(entries.filter((e) => e.action === "resetUserPassword")).toHaveLength(2);
    expect(entries.filter((e) => e.action === "changeMyPassword")).toEqual([
      expect.objectContaining({ actorId: created.id, actorUsername: created.username }),
    ]);

    // No password hash anywhere in the log, in any form.
    const all = JSON.stringify(entries);
    expect(all).not.toMatch(/\$argon2/);
    expect(allKeys(entries).filter((k) => /hash/i.test(k))).toEqual([]);
  });

  it("records a refused mutation as DENIED", async () => {
    const result = await asAdmin(
      `{ auditEntries(filter: { action: "createUser", outcome: DENIED }) { items { actorUsername actorRole } } }`,
    );
    expect(result.body.data.auditEntries.items).toEqual([
      { actorUsername: "demo.province", actorRole: "PROVINCE_OFFICER" },
    ]);
  });

  it("lets evaluators read the log and refuses analysts", async () => {
    const evaluator = await session(base(), "demo.evaluator", DEMO_PASSWORD);
    const read = await as(
      evaluator.token,
      `query($id: String!) { auditEntries(filter: { entityId: $id, action: "createUser" }) { totalCount items { entityId } } }`,
      { id: created.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.auditEntries.items).toEqual([{ entityId: created.id }]);

    const analyst = await session(base(), "demo.analyst", DEMO_PASSWORD);
    const refused = await as(analyst.token, `{ auditEntries { totalCount } }`);
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(refused.body.data).toBeNull();
  });

  it("offers no mutation that writes the audit log", async () => {
    const result = await asAdmin(`{ __schema { mutationType { fields { name } } queryType { fields { name } } } }`);
    const mutations = result.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    const queries = result.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(mutations).toEqual(expect.arrayContaining(["createUser", "updateUser"]));
    expect(queries).toEqual(expect.arrayContaining(["auditEntries", "auditEntry"]));
    expect(mutations.filter((name: string) => /audit/i.test(name))).toEqual([]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit entries to the table's owner and to the superuser", async () => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    for (const url of [database.serviceUrls.identity, database.adminUrl]) {
      await withClient(url, async (client) => {
        await expect(client.query("UPDATE identity.audit_entry SET action = 'tampered'")).rejects.toThrow(
          /append-only/,
        );
        await expect(client.query("DELETE FROM identity.audit_entry")).rejects.toThrow(/append-only/);
        await expect(client.query("TRUNCATE identity.audit_entry")).rejects.toThrow(/append-only/);
      });
    }
    expect(await auditCount()).toBe(before);
    const tampered = await superuser((c) =>
      c.query("SELECT count(*)::int AS n FROM identity.audit_entry WHERE action = 'tampered'"),
    );
    expect(tampered.rows[0].n).toBe(0);
  });

  it("lets another service's role append to the log but not read, change or delete it", async () => {
    const before = await auditCount();
    await withClient(database.serviceUrls.registry, async (client) => {
      const inserted = await client.query(
        "INSERT INTO identity.audit_entry (action, outcome, service) VALUES ('registryProbe', 'SUCCESS', 'registry')",
      );
      expect(inserted.rowCount).toBe(1);
      await expect(client.query("SELECT count(*) FROM identity.audit_entry")).rejects.toThrow(/permission denied/);
      await expect(client.query("UPDATE identity.audit_entry SET service = 'registry'")).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query("DELETE FROM identity.audit_entry")).rejects.toThrow(/permission denied/);
    });
    expect(await auditCount()).toBe(before + 1);
  });
});
