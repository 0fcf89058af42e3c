import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * What reaches the gateway before any resolver runs — malformed dates, control characters, broken Unicode,
 * unparseable or ambiguous documents, oversized and malformed bodies — is refused with HTTP 400 (or a typed
 * GraphQL error), a stable code and a Persian message; never INTERNAL_SERVER_ERROR, never an HTML page.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  prepared = await prepareTestDatabase("edge", { demo: true });
  stack = await startInProcessStack(prepared);
  for (const user of ["demo.admin", "demo.province", "demo.analyst"])
    tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: any;
    errors?: {
      message: string;
      path?: string[];
      extensions?: { code?: string; fields?: { field: string; message: string }[]; [k: string]: unknown };
    }[];
  };
}

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer["body"] = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

const gql = (user: string, query: string, variables?: unknown, operationName?: string) =>
  post("/graphql", JSON.stringify({ query, variables, operationName }), { authorization: `Bearer ${tokens[user]}` });

/** GraphQL answers `{ errors: [...] }`; the /auth endpoints `{ error: { code, message } }`. */
function firstError(answer: Answer): NonNullable<Answer["body"]["errors"]>[number] | undefined {
  if (answer.body.errors) return answer.body.errors[0];
  const error = (answer.body as { error?: { code: string; message: string } }).error;
  return error ? { message: error.message, extensions: { code: error.code } } : undefined;
}
const PERSIAN = /[\u0600-\u06FF]/;

async function zanjanManagerId(): Promise<string> {
  const answer = await gql("demo.province", "{ managers(limit: 1) { items { id } } }");
  return answer.body.data.managers.items[0].id;
}

describe("dates that cannot be read", () => {
  const BAD_DAYS = [
    "2025-02-30",
    "2025-13-01",
    "2025/01/01",
    "2025-1-1",
    "today",
    "۱۴۰۴-۰۱-۰۱",
    "+275760-09-13",
    "2025-01-01\u0001",
    "",
  ];

  it.each(BAD_DAYS)("endManagerTenure(endedOn: %j) is BAD_USER_INPUT naming the field, for an officer", async (day) => {
    const id = await zanjanManagerId();
    const answer = await gql(
      "demo.province",
      "mutation($id: ID!, $day: Date!) { endManagerTenure(id: $id, endedOn: $day) { id } }",
      { id, day },
    );
    const error = firstError(answer);
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    if (day.includes("\u0001")) {
      expect(answer.status).toBe(400); // control characters are refused at the edge for everyone
      expect(error?.extensions?.fields?.[0].field).toBe("day");
    } else {
      expect(error?.extensions?.fields).toEqual([{ field: "endedOn", message: expect.stringMatching(PERSIAN) }]);
      expect(error?.message).toMatch(/YYYY-MM-DD|میلادی/);
    }
  });

  it("gives FORBIDDEN, not the input's problem, to a caller without the right", async () => {
    const answer = await gql(
      "demo.analyst",
      'mutation { issueLicence(input: { ngoId: "x", number: "1", authority: OTHER, issuedOn: "2025-01-01", expiresOn: "2025-02-30" }) { id } }',
    );
    expect(firstError(answer)?.extensions?.code).toBe("FORBIDDEN");
  });

  it("names every bad field of an input at once", async () => {
    const answer = await gql(
      "demo.admin",
      'mutation { issueLicence(input: { ngoId: "x", number: "1", authority: OTHER, issuedOn: "2025-13-01", expiresOn: "1404-01-01" }) { id } }',
    );
    const error = firstError(answer);
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.extensions?.fields?.map((f) => f.field)).toEqual(["issuedOn", "expiresOn"]);
    expect(error?.extensions?.fields?.[1].message).toMatch(/شمسی/);
  });

  it("refuses a bad day in a list filter and in a nested field's argument", async () => {
    const list = await gql("demo.admin", '{ licences(filter: { expiresFrom: "2025-02-30" }) { totalCount } }');
    expect(firstError(list)?.extensions?.fields?.[0].field).toBe("filter.expiresFrom");
    const nested = await gql("demo.admin", '{ ngos(limit: 1) { items { id licenceStateOn(date: "2025/01/01") } } }');
    expect(firstError(nested)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(firstError(nested)?.extensions?.fields?.[0].field).toBe("date");
  });

  it("accepts Persian digits in a Gregorian day, and refuses a bad instant", async () => {
    const persian = await gql("demo.admin", '{ licences(filter: { expiresFrom: "۲۰۲۵-۰۱-۰۱" }) { totalCount } }');
    const latin = await gql("demo.admin", '{ licences(filter: { expiresFrom: "2025-01-01" }) { totalCount } }');
    expect(persian.body.errors).toBeUndefined();
    expect(persian.body.data).toEqual(latin.body.data);
    const instant = await gql(
      "demo.admin",
      '{ auditEntries(filter: { from: "2025-02-30T10:00:00Z" }) { totalCount } }',
    );
    expect(firstError(instant)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(firstError(instant)?.extensions?.fields?.[0].field).toBe("filter.from");
  });
});

describe("text that cannot be meant", () => {
  it.each([
    ["a NUL in a variable", { q: "کودک\u0000" }, "q"],
    ["a lone surrogate in a variable", { q: "a\ud800b" }, "q"],
    ["a control character in a nested variable", { q: "ok", extra: { name: "x\u0007" } }, "extra.name"],
  ])("refuses %s with 400 BAD_USER_INPUT naming it", async (_label, variables, field) => {
    const answer = await gql("demo.admin", "query($q: String) { ngos(filter: { q: $q }) { totalCount } }", variables);
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(firstError(answer)?.extensions?.fields?.[0].field).toBe(field);
  });

  it("refuses a NUL and a lone surrogate inside a literal", async () => {
    // raw characters in the query text, and GraphQL escapes that only produce them when parsed
    for (const query of [
      '{ ngos(filter: { q: "a\u0000b" }) { totalCount } }',
      '{ ngos(filter: { q: "a\ud800b" }) { totalCount } }',
      '{ ngos(filter: { q: "a\\u0000b" }) { totalCount } }',
    ]) {
      const answer = await gql("demo.admin", query);
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(firstError(answer)?.extensions?.fields?.[0].field).toBe("query");
    }
    const escapedSurrogate = await gql("demo.admin", '{ ngos(filter: { q: "a\\ud800b" }) { totalCount } }');
    expect(escapedSurrogate.status).toBe(400);
    expect(firstError(escapedSurrogate)?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED"); // GraphQL itself refuses the escape
  });

  it("removes bidirectional overrides, so a search with them finds what it finds without them", async () => {
    const plain = await gql("demo.admin", "query($q: String) { ngos(filter: { q: $q }) { totalCount } }", {
      q: "کودکان",
    });
    const spoofed = await gql("demo.admin", "query($q: String) { ngos(filter: { q: $q }) { totalCount } }", {
      q: "\u202Eکودکان\u202C",
    });
    expect(plain.body.data.ngos.totalCount).toBeGreaterThan(0);
    expect(spoofed.body).toEqual(plain.body);
  });
});

describe("documents refused before they run", () => {
  it.each([
    ["a syntax error", { query: "{ ngos { totalCount " }, "GRAPHQL_PARSE_FAILED"],
    [
      "two operations without operationName",
      { query: "query A { ngos { totalCount } } query B { ngos { totalCount } }" },
      "OPERATION_RESOLUTION_FAILURE",
    ],
    [
      "an unknown operationName",
      { query: "query A { ngos { totalCount } }", operationName: "B" },
      "OPERATION_RESOLUTION_FAILURE",
    ],
    ["a subscription", { query: "subscription { ngos { totalCount } }" }, "BAD_REQUEST"],
    ["too many tokens", { query: `{ ${"ngos { totalCount } ".repeat(1000)}}` }, "GRAPHQL_VALIDATION_FAILED"],
    ["an unknown field", { query: "{ ngos { count } }" }, "GRAPHQL_VALIDATION_FAILED"],
  ])("answers %s with 400, a stable code and a Persian message", async (_label, body, code) => {
    const answer = await gql("demo.admin", body.query, undefined, (body as { operationName?: string }).operationName);
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.extensions?.code).toBe(code);
    expect(firstError(answer)?.message).toMatch(PERSIAN);
    expect(answer.text).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("names the limit and by how much, in Persian, for each query limit", async () => {
    const deep = await gql(
      "demo.admin",
      "{ ngos { items { meetings { attendance { ngo { meetings { attendance { ngo { meetings { attendance { id } } } } } } } } } } }",
    );
    const aliases = await gql(
      "demo.admin",
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: ngos { totalCount }`).join(" ")} }`,
    );
    const tokens = await gql("demo.admin", `{ ${"ngos { totalCount } ".repeat(1000)}}`);
    for (const answer of [deep, aliases, tokens]) {
      const error = firstError(answer);
      expect(answer.status).toBe(400);
      expect(error?.message).toMatch(PERSIAN);
      expect(error?.message).not.toMatch(/Syntax Error/);
      expect(error?.message).toMatch(/[۰-۹]+.*حداکثر [۰-۹]+/);
    }
  });
});

describe("headers and bodies", () => {
  it("sends security headers on / and /graphql", async () => {
    for (const answer of [
      await fetch(`${stack.baseUrl}/`),
      await fetch(`${stack.baseUrl}/graphql`, { method: "POST" }),
    ]) {
      expect(answer.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      expect(answer.headers.get("strict-transport-security")).toBeNull(); // no TLS proxy configured here
    }
  });

  it.each(["/auth/login", "/graphql"])(
    "answers malformed and oversized JSON on %s with JSON, a code and a Persian message",
    async (path) => {
      const malformed = await post(path, "{bad json", { authorization: `Bearer ${tokens["demo.admin"]}` });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get("content-type")).toMatch(/json/);
      expect(firstError(malformed)?.extensions?.code).toBe("BAD_REQUEST");
      expect(firstError(malformed)?.message).toMatch(PERSIAN);
      const oversized = await post(
        path,
        JSON.stringify({ query: "{ ngos { totalCount } }", padding: "x".repeat(3 * 1024 * 1024) }),
        {
          authorization: `Bearer ${tokens["demo.admin"]}`,
        },
      );
      expect(oversized.status).toBe(413);
      expect(firstError(oversized)?.extensions?.code).toBe("BAD_REQUEST");
      expect(oversized.text).not.toMatch(/<html|<pre>/i);
    },
  );
});
