/**
 * Sign-in, throttling and lockout, refresh and sign-out, and the gateway's refusal of anonymous requests, on the
 * real stack (every subgraph and the gateway in this process, demo data loaded), always through the gateway.
 */
import { randomUUID } from "node:crypto";
import { generateServiceSecurity, Role, signAccessToken } from "@hamafza/common";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { freshAddress, graphql, jwtPart, PERSIAN, postAuth, session, signIn, TEST_POLICY } from "./support";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const base = () => stack.baseUrl;
const demo = (username: string) => demoUsers.find((u) => u.username === username)!;

beforeAll(async () => {
  database = await prepareTestDatabase("identityauth", { demo: true });
  stack = await startInProcessStack(database, { loginPolicy: TEST_POLICY, trustProxy: "loopback", sessionCacheMs: 0 });
});

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const ME = `{ me { id username displayName role provinceId countyId boundId } }`;

/** Fails `username` with wrong passwords until the account is locked; returns each failed answer. */
async function failRepeatedly(username: string, times: number, address?: () => string) {
  const answers = [];
  for (let i = 0; i < times; i++) answers.push(await signIn(base(), username, `not-the-password-${i}`, address?.()));
  return answers;
}

describe("sign-in", () => {
  it("answers a demo user with an EdDSA token, its expiry and the user without the password hash", async () => {
    const expected = demo("demo.province");
    const before = Date.now();
    const answer = await signIn(base(), expected.username, DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(["expiresAt", "token", "user"]);
    const { token, expiresAt, user } = answer.body;

    expect(token.split(".")).toHaveLength(3);
    expect(jwtPart(token, 0).alg).toBe("EdDSA");
    expect(jwtPart(token, 1)).toMatchObject({ sub: user.id, usr: expected.username, role: expected.role });

    const expiry = Date.parse(expiresAt);
    expect(expiry).toBeGreaterThan(before);
    expect(expiry).toBeLessThanOrEqual(Date.now() + TEST_POLICY.tokenTtlSeconds * 1000 + 1000);
    expect(jwtPart(token, 1).exp).toBe(Math.floor(expiry / 1000));

    expect(user).toEqual({ id: expect.any(String), ...expected, boundId: null });
    expect(user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(answer.body)).not.toMatch(/argon2|passwordHash/i);

    const me = await graphql(stack.gatewayUrl, ME, {}, token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ data: { me: user } });
  });

  it("accepts the username in another case and with surrounding spaces", async () => {
    const answer = await signIn(base(), "  DEMO.Province ", DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.user.username).toBe("demo.province");
  });

  it("answers a wrong password and an unknown username with the same status and body", async () => {
    const wrongPassword = await signIn(base(), "demo.province", "Wrong-password-1404");
    const unknownUser = await signIn(base(), "no.such.person", "Wrong-password-1404");
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.stringMatching(PERSIAN) } });
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(wrongPassword.headers.get("retry-after")).toBeNull();
  });

  it.each([
    ["no password", { username: "demo.admin" }],
    ["no username", { password: DEMO_PASSWORD }],
    ["an empty body", {}],
    ["a blank username", { username: "   ", password: DEMO_PASSWORD }],
    ["a number as username", { username: 42, password: DEMO_PASSWORD }],
  ])("refuses %s with 400 BAD_USER_INPUT", async (_label, body) => {
    const answer = await postAuth(base(), "login", { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: "BAD_USER_INPUT", message: expect.stringMatching(PERSIAN) } });
  });
});

describe("throttling and lockout", () => {
  it("delays a failed answer once the failures pass slowdownAfter", async () => {
    const address = freshAddress();
    for (let i = 0; i < TEST_POLICY.slowdownAfter; i++) {
      expect((await signIn(base(), "slow.visitor", `guess-number-${i}`, address)).status).toBe(401);
    }
    const slowed = await signIn(base(), "slow.visitor", "guess-number-x", address);
    expect(slowed.status).toBe(401);
    expect(slowed.ms).toBeGreaterThanOrEqual(TEST_POLICY.slowdownStepMs);
  });

  it("does not lock an account before maxAccountFailures failures", async () => {
    const failures = await failRepeatedly("demo.analyst", TEST_POLICY.maxAccountFailures - 1);
    expect(failures.map((a) => a.status)).toEqual(failures.map(() => 401));
    expect((await signIn(base(), "demo.analyst", DEMO_PASSWORD)).status).toBe(200);
  });

  it("locks an account after maxAccountFailures failures, from any address and even with the right password", async () => {
    const failures = await failRepeatedly("demo.county", TEST_POLICY.maxAccountFailures, freshAddress);
    expect(failures.map((a) => a.status)).toEqual(failures.map(() => 401));

    const locked = await signIn(base(), "demo.county", DEMO_PASSWORD, freshAddress());
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({
      error: { code: "LOCKED", message: expect.stringMatching(PERSIAN), retryAfterSeconds: expect.any(Number) },
    });
    const seconds = locked.body.error.retryAfterSeconds;
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(TEST_POLICY.lockSeconds);
    expect(locked.headers.get("retry-after")).toBe(String(seconds));

    // Another spelling of the same account name is the same account.
    expect((await signIn(base(), " Demo.County", DEMO_PASSWORD, freshAddress())).status).toBe(429);
    // The lock is the account's: another account signs in from a fresh address.
    expect((await signIn(base(), "demo.province", DEMO_PASSWORD, freshAddress())).status).toBe(200);
  });

  it("locks an unknown username exactly like an existing one", async () => {
    // `admin` exists (created on first start); `ghost.visitor` does not.
    const existing = await failRepeatedly("admin", TEST_POLICY.maxAccountFailures, freshAddress);
    const unknown = await failRepeatedly("ghost.visitor", TEST_POLICY.maxAccountFailures, freshAddress);
    expect(unknown.map((a) => [a.status, a.body])).toEqual(existing.map((a) => [a.status, a.body]));

    const existingLocked = await signIn(base(), "admin", "any-password-at-all", freshAddress());
    const unknownLocked = await signIn(base(), "ghost.visitor", "any-password-at-all", freshAddress());
    expect(existingLocked.status).toBe(429);
    expect(unknownLocked.status).toBe(429);
    expect(unknownLocked.body.error.code).toBe("LOCKED");
    expect(unknownLocked.body.error.message).toBe(existingLocked.body.error.message);
    expect(Object.keys(unknownLocked.body.error).sort()).toEqual(Object.keys(existingLocked.body.error).sort());
    expect(
      Math.abs(unknownLocked.body.error.retryAfterSeconds - existingLocked.body.error.retryAfterSeconds),
    ).toBeLessThanOrEqual(5);
    expect(unknownLocked.headers.get("retry-after")).toBe(String(unknownLocked.body.error.retryAfterSeconds));
  });

  it("locks an address after maxAddressFailures failures across usernames, while other addresses still sign in", async () => {
    const address = freshAddress();
    for (let i = 0; i < TEST_POLICY.maxAddressFailures - 1; i++) {
      expect((await signIn(base(), `visitor${i}.x`, "guessed-password", address)).status).toBe(401);
    }
    // One failure short of the limit the address still signs in, and success does not forget its failures.
    expect((await signIn(base(), "demo.evaluator", DEMO_PASSWORD, address)).status).toBe(200);
    expect((await signIn(base(), "visitor-last.x", "guessed-password", address)).status).toBe(401);

    const locked = await signIn(base(), "demo.evaluator", DEMO_PASSWORD, address);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("LOCKED");
    expect(locked.headers.get("retry-after")).toBe(String(locked.body.error.retryAfterSeconds));
    expect((await signIn(base(), "demo.admin", DEMO_PASSWORD, address)).status).toBe(429);

    expect((await signIn(base(), "demo.evaluator", DEMO_PASSWORD, freshAddress())).status).toBe(200);
  });
});

describe("sessions", () => {
  it("refreshes a token; signing out ends that session at /graphql and /auth/refresh, not the user's other sessions", async () => {
    const first = await session(base(), "demo.province", DEMO_PASSWORD);
    const second = await session(base(), "demo.province", DEMO_PASSWORD);

    const refreshed = await postAuth(base(), "refresh", { token: first.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token.split(".")).toHaveLength(3);
    expect(refreshed.body.user).toEqual(first.user);
    expect(jwtPart(refreshed.body.token, 1).sid).toBe(jwtPart(first.token, 1).sid);
    const viaRefreshed = await graphql(stack.gatewayUrl, ME, {}, refreshed.body.token);
    expect(viaRefreshed.status).toBe(200);
    expect(viaRefreshed.body.data.me.username).toBe("demo.province");

    const logout = await postAuth(base(), "logout", { token: first.token });
    expect(logout.status).toBe(204);
    expect(logout.body).toBeNull();

    for (const token of [first.token, refreshed.body.token]) {
      const refused = await graphql(stack.gatewayUrl, ME, {}, token);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(refused.body.errors[0].message).toMatch(PERSIAN);
      expect(refused.body.data).toBeUndefined();
    }
    const refreshAfter = await postAuth(base(), "refresh", { token: first.token });
    expect(refreshAfter.status).toBe(401);
    expect(refreshAfter.body.error.code).toBe("UNAUTHENTICATED");

    const other = await graphql(stack.gatewayUrl, ME, {}, second.token);
    expect(other.status).toBe(200);
    expect(other.body.data.me.username).toBe("demo.province");
  });

  it("refuses tokens that are forged, unsigned, expired or of a session that does not exist", async () => {
    const { user } = await session(base(), "demo.admin", DEMO_PASSWORD);
    const claims = { id: user.id, username: user.username, role: Role.ADMIN, provinceId: null, countyId: null };
    const inAMinute = new Date(Date.now() + 60_000);
    const otherKeys = generateServiceSecurity().keys;
    const forged = await signAccessToken(otherKeys, { ...claims, sessionId: randomUUID() }, inAMinute);
    const realSession = jwtPart((await session(base(), "demo.admin", DEMO_PASSWORD)).token, 1).sid;
    const forgedForRealSession = await signAccessToken(otherKeys, { ...claims, sessionId: realSession }, inAMinute);
    const unknownSession = await signAccessToken(
      stack.security.keys,
      { ...claims, sessionId: randomUUID() },
      inAMinute,
    );
    const expired = await signAccessToken(
      stack.security.keys,
      { ...claims, sessionId: realSession },
      new Date(Date.now() - 60_000),
    );
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64(jwtPart(forgedForRealSession, 1))}.`;

    // The same claims signed with the stack's key for the real session are accepted: the refusals below are about the token.
    const genuine = await signAccessToken(stack.security.keys, { ...claims, sessionId: realSession }, inAMinute);
    expect((await graphql(stack.gatewayUrl, ME, {}, genuine)).status).toBe(200);

    for (const token of [forged, forgedForRealSession, unknownSession, expired, unsigned, "not-a-token"]) {
      const answer = await graphql(stack.gatewayUrl, ME, {}, token);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect((await postAuth(base(), "refresh", { token })).status).toBe(401);
    }
  });

  it("refuses anonymous GraphQL requests, introspection included; a signed-in user may introspect", async () => {
    const introspection = `{ __schema { queryType { name } types { name } } }`;
    for (const query of [introspection, ME, `{ __typename }`]) {
      const answer = await graphql(stack.gatewayUrl, query);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(answer.body.errors[0].message).toMatch(PERSIAN);
      expect(answer.body.data).toBeUndefined();
    }
    const { token } = await session(base(), "demo.analyst", DEMO_PASSWORD);
    const answer = await graphql(stack.gatewayUrl, introspection, {}, token);
    expect(answer.status).toBe(200);
    expect(answer.body.data.__schema.queryType.name).toBe("Query");
    expect(answer.body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(["User", "AuditEntry", "Ngo"]),
    );
  });
});

describe("audit of sign-in events", () => {
  it("records successful, failed and refused sign-ins and sign-outs, with the address and never the password tried", async () => {
    const successAddress = freshAddress();
    const success = await signIn(base(), "demo.province", DEMO_PASSWORD, successAddress);
    expect(success.status).toBe(200);
    const sessionId = jwtPart(success.body.token, 1).sid;
    const failedAddress = freshAddress();
    const triedPassword = "Tried-Secret-7731";
    expect((await signIn(base(), "audit.ghost", triedPassword, failedAddress)).status).toBe(401);
    await failRepeatedly("audit.locked", TEST_POLICY.maxAccountFailures, freshAddress);
    const deniedAddress = freshAddress();
    expect((await signIn(base(), "audit.locked", triedPassword, deniedAddress)).status).toBe(429);
    expect((await postAuth(base(), "logout", { token: success.body.token })).status).toBe(204);

    const { token } = await session(base(), "demo.admin", DEMO_PASSWORD);
    const FIELDS = `id action outcome service actorId actorUsername actorRole entityType entityId clientAddress before after`;
    const result = await graphql(
      stack.gatewayUrl,
      `{ login: auditEntries(filter: { action: "LOGIN" }, limit: 200) { totalCount items { ${FIELDS} } }
         logout: auditEntries(filter: { action: "LOGOUT", entityId: "${sessionId}" }) { items { ${FIELDS} } } }`,
      {},
      token,
    );
    expect(result.body.errors).toBeUndefined();
    const logins = result.body.data.login.items as any[];
    expect(result.body.data.login.totalCount).toBeLessThanOrEqual(200);

    expect(logins.filter((e) => e.outcome === "SUCCESS" && e.entityId === sessionId)).toEqual([
      expect.objectContaining({
        service: "identity",
        actorId: success.body.user.id,
        actorUsername: "demo.province",
        actorRole: "PROVINCE_OFFICER",
        entityType: "Session",
        clientAddress: successAddress,
      }),
    ]);
    expect(logins.filter((e) => e.outcome === "FAILED" && e.actorUsername === "audit.ghost")).toEqual([
      expect.objectContaining({ service: "identity", actorId: null, clientAddress: failedAddress }),
    ]);
    expect(logins.filter((e) => e.outcome === "DENIED" && e.actorUsername === "audit.locked")).toEqual([
      expect.objectContaining({ clientAddress: deniedAddress }),
    ]);
    expect(logins.filter((e) => e.outcome === "FAILED" && e.actorUsername === "audit.locked")).toHaveLength(
      TEST_POLICY.maxAccountFailures,
    );
    // The earlier failures of this file are there too, under the account name that was tried.
    expect(
      logins.some(
        (e) => e.outcome === "FAILED" && e.actorUsername === "demo.county" && e.actorRole === "COUNTY_OFFICER",
      ),
    ).toBe(true);

    expect(result.body.data.logout.items).toEqual([
      expect.objectContaining({
        outcome: "SUCCESS",
        service: "identity",
        actorId: success.body.user.id,
        actorUsername: "demo.province",
        entityType: "Session",
      }),
    ]);
    expect(JSON.stringify(result.body)).not.toContain(triedPassword);
    expect(JSON.stringify(result.body)).not.toContain(DEMO_PASSWORD);
  });
});
