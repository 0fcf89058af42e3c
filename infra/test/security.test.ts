import { createHmac, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import {
  bearer,
  GATEWAY_SECRET_HEADER,
  generateServiceSecurity,
  login,
  postGraphQL,
  Role,
  signAccessToken,
} from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * What an attacker can try without the dashboard: subgraph ports without the gateway, forged, expired and
 * `alg: none` tokens, algorithm confusion, and expensive or probing queries at the gateway.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let adminToken: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("security", { demo: true });
  stack = await startInProcessStack(prepared);
  adminToken = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const NGOS = `{ ngos { totalCount items { name nationalId phone } } }`;
const claims = {
  id: randomUUID(),
  username: "intruder",
  role: Role.ADMIN,
  provinceId: null,
  countyId: null,
  sessionId: randomUUID(),
};

async function raw(url: string, headers: Record<string, string>, query = NGOS) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const standardClaims = () => ({
  sub: claims.id,
  usr: claims.username,
  role: "ADMIN",
  sid: claims.sessionId,
  iss: "hamafza-identity",
  aud: "hamafza",
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 600,
});

describe("subgraphs reached directly", () => {
  it.each(["registry", "engagement", "evaluation", "identity"])(
    "%s refuses a request without the gateway secret, even with a valid token",
    async (name) => {
      const headers = await subgraphHeaders(stack.security, { role: Role.ADMIN });
      delete headers[GATEWAY_SECRET_HEADER];
      const withoutSecret = await raw(stack.subgraphUrls[name], headers);
      expect(withoutSecret.status).toBe(403);
      expect(withoutSecret.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(withoutSecret.text).not.toMatch(/ngos|nationalId|\d{11}/);
      const wrongSecret = await raw(stack.subgraphUrls[name], { ...headers, [GATEWAY_SECRET_HEADER]: "x".repeat(43) });
      expect(wrongSecret.status).toBe(403);
    },
  );

  it.each(["registry", "engagement", "evaluation", "identity"])(
    "%s answers a malformed or oversized body with BAD_REQUEST as JSON, never an HTML page or a stack trace",
    async (name) => {
      const headers = await subgraphHeaders(stack.security, { role: Role.ADMIN });
      for (const [body, status] of [
        ['{"query": "{ ngos', 400],
        [JSON.stringify({ query: NGOS, padding: "x".repeat(3 * 1024 * 1024) }), 413],
      ] as const) {
        const response = await fetch(stack.subgraphUrls[name], {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
        });
        const text = await response.text();
        expect(response.status).toBe(status);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(text).not.toMatch(/<html|<pre|at \w+ \(|node_modules/i);
        const error = (JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];
        expect(error.extensions.code).toBe("BAD_REQUEST");
        expect(error.message).toMatch(/[\u0600-\u06FF]/);
      }
    },
  );

  it("refuses the identity service's sign-in endpoint without the gateway secret", async () => {
    const response = await fetch(stack.subgraphUrls.identity.replace(/\/graphql$/, "/auth/login"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo.admin", password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(403);
  });

  it("refuses the gateway secret without a token, and forged, expired, alg:none and HS256 tokens", async () => {
    const url = stack.subgraphUrls.registry;
    const secret = { [GATEWAY_SECRET_HEADER]: stack.security.gatewaySecret };
    const otherKeys = generateServiceSecurity().keys;
    const forged = await signAccessToken(otherKeys, claims, new Date(Date.now() + 600_000));
    const expired = await signAccessToken(stack.security.keys, claims, new Date(Date.now() - 1000));
    const none = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(standardClaims())}.`;
    // Algorithm confusion: an HMAC token keyed with the (public) verification key.
    const publicPem = stack.security.keys.publicKey.export({ type: "spki", format: "pem" }).toString();
    const hsInput = `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(standardClaims())}`;
    const hs256 = `${hsInput}.${createHmac("sha256", publicPem).update(hsInput).digest("base64url")}`;
    // The right key and algorithm, but another issuer.
    const otherIssuerInput = `${base64url({ alg: "EdDSA", typ: "JWT" })}.${base64url({ ...standardClaims(), iss: "someone-else" })}`;
    const otherIssuer = `${otherIssuerInput}.${sign(null, Buffer.from(otherIssuerInput), stack.security.keys.privateKey!).toString("base64url")}`;
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rsInput = `${base64url({ alg: "RS256", typ: "JWT" })}.${base64url(standardClaims())}`;
    const rs256 = `${rsInput}.${sign("sha256", Buffer.from(rsInput), rsa.privateKey).toString("base64url")}`;
    for (const [label, headers] of [
      ["no token", secret],
      ["forged", { ...secret, ...bearer(forged) }],
      ["expired", { ...secret, ...bearer(expired) }],
      ["alg none", { ...secret, ...bearer(none) }],
      ["HS256 confusion", { ...secret, ...bearer(hs256) }],
      ["other issuer", { ...secret, ...bearer(otherIssuer) }],
      ["RS256", { ...secret, ...bearer(rs256) }],
    ] as const) {
      const result = await raw(url, headers);
      expect([label, result.status, result.body.errors?.[0].extensions?.code]).toEqual([label, 401, "UNAUTHENTICATED"]);
      expect(result.body.data).toBeUndefined();
    }
  });

  it("refuses the same bad tokens at the gateway", async () => {
    const forged = await signAccessToken(generateServiceSecurity().keys, claims, new Date(Date.now() + 600_000));
    const none = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(standardClaims())}.`;
    for (const token of [forged, none, "not-a-token"]) {
      const result = await raw(stack.gatewayUrl, bearer(token));
      expect([result.status, result.body.errors?.[0].extensions?.code]).toEqual([401, "UNAUTHENTICATED"]);
    }
  });

  it("refuses at the gateway a correctly signed token whose session does not exist", async () => {
    const token = await signAccessToken(stack.security.keys, claims, new Date(Date.now() + 600_000));
    const result = await raw(stack.gatewayUrl, bearer(token));
    expect([result.status, result.body.errors?.[0].extensions?.code]).toEqual([401, "UNAUTHENTICATED"]);
  });
});

describe("the gateway's query protection", () => {
  const asAdmin = () => bearer(adminToken);

  it("allows introspection to signed-in users only", async () => {
    const query = `{ __schema { queryType { name } } }`;
    expect((await raw(stack.gatewayUrl, {}, query)).status).toBe(401);
    const signedIn = await postGraphQL(stack.gatewayUrl, query, {}, asAdmin());
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("refuses too deep, too aliased and too long queries with a clear code", async () => {
    const deep = `{ ngos { items { county { province { counties { items { province { counties { items { province { counties { items { id } } } } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    const long = `{ ngos(filter: { ids: [${Array.from({ length: 3100 }, () => `"x"`).join(",")}] }) { totalCount } }`;
    for (const [query, message] of [
      [deep, /تودرتو/],
      [aliases, /نام مستعار/],
      [long, /بیش از حد بلند/],
    ] as const) {
      const result = await postGraphQL(stack.gatewayUrl, query, {}, asAdmin());
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(result.errors?.[0].message).toMatch(message);
    }
  });

  it("does not suggest field names for a misspelt field", async () => {
    const result = await postGraphQL(stack.gatewayUrl, `{ ngos { items { nationalI } } }`, {}, asAdmin());
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|nationalId/);
  });

  it("answers the dashboard's and analysts' real queries within the limits", async () => {
    const analyst = `{ ngos(filter: { provinceId: "19" }, limit: 50) { totalCount items { name county { name province { name } } meetings { title status chair { name position scores { year total grade } } } } } }`;
    const result = await postGraphQL(stack.gatewayUrl, analyst, {}, asAdmin());
    expect(result.errors).toBeUndefined();
    expect(result.data!.ngos.totalCount).toBeGreaterThan(0);
  });

  it("never sends stack traces or subgraph names in errors", async () => {
    const result = await postGraphQL(
      stack.gatewayUrl,
      `mutation { updateNgo(id: "${randomUUID()}", input: { name: "x" }) { id } }`,
      {},
      asAdmin(),
    );
    expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|serviceName|registry|\.js:\d+/);
  });
});
