import { captureLogs, login, REQUEST_ID_HEADER } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * One structured log line per request in the gateway and in each subgraph it asks, all with the same request id,
 * the user's id, the operation name, the duration and the outcome — and nothing personal (no variables, no token).
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let token: string;
let lines: Record<string, unknown>[] = [];
let capture: { stop(): void };

beforeAll(async () => {
  prepared = await prepareTestDatabase("requestlog", { demo: true });
  stack = await startInProcessStack(prepared);
  token = await login(stack.baseUrl, "demo.province", DEMO_PASSWORD);
  capture = captureLogs((entry) => lines.push(entry));
}, 120_000);

afterAll(async () => {
  capture?.stop();
  await stack?.stop();
  await prepared?.drop();
});

beforeEach(() => {
  lines = [];
});

async function graphql(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** The request lines with this id, once all of them have been written (the log follows the answer). */
async function requestLines(requestId: string, services: string[]) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mine = lines.filter((line) => line.msg === "request" && line.requestId === requestId);
    if (services.every((service) => mine.some((line) => line.service === service)) || Date.now() > deadline)
      return mine;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const SECRET_TEXT = "جستجوی-محرمانه-۱۲۳";

describe("request log", () => {
  it("follows one request id from the gateway through every subgraph it asks, and returns it", async () => {
    const requestId = "proxy-4f2a9c1e-0001";
    const { response, body } = await graphql(
      {
        query: `query NgosWithMeetings($q: String) { ngos(filter: { q: $q }, limit: 3) { items { id name meetings { id } } } }`,
        variables: { q: null },
        operationName: "NgosWithMeetings",
      },
      { [REQUEST_ID_HEADER]: requestId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ngos.items.length).toBeGreaterThan(0);
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe(requestId);
    const mine = await requestLines(requestId, ["gateway", "registry", "engagement"]);
    const byService = Object.fromEntries(mine.map((line) => [line.service, line]));
    expect(Object.keys(byService).sort()).toEqual(["engagement", "gateway", "registry"]);
    const userId = byService.gateway.userId;
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    for (const line of mine) {
      expect(line).toMatchObject({ requestId, userId, status: 200, outcome: "ok", level: 30 });
      expect(typeof line.durationMs).toBe("number");
      expect(line.time).toEqual(expect.any(String));
    }
    expect(byService.gateway.operation).toBe("NgosWithMeetings");
    // The subgraphs see the gateway's generated sub-operations, named after the client's operation.
    expect(String(byService.registry.operation)).toContain("NgosWithMeetings");
    expect(byService.gateway.durationMs as number).toBeGreaterThanOrEqual(byService.registry.durationMs as number);
  });

  it("makes a new id when none or a malformed one is given; logs errors by code without the variables", async () => {
    const injected = 'bad id {"msg":"forged"}';
    const { response, body } = await graphql(
      {
        query: `query Search($q: String, $limit: Int) { ngos(filter: { q: $q }, limit: $limit) { totalCount } }`,
        variables: { q: SECRET_TEXT, limit: 100000 },
      },
      { [REQUEST_ID_HEADER]: injected },
    );
    expect(body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    const requestId = response.headers.get(REQUEST_ID_HEADER)!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await requestLines(requestId, ["gateway", "registry"]);
    const gateway = mine.find((line) => line.service === "gateway")!;
    expect(gateway).toMatchObject({ operation: "Search", outcome: "error", errorCodes: ["BAD_USER_INPUT"] });
    expect(mine.find((line) => line.service === "registry")).toMatchObject({ errorCodes: ["BAD_USER_INPUT"] });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(SECRET_TEXT);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("forged");
    expect(everything).not.toContain("demo.province"); // usernames are personal data: ids only
  });

  it("logs a request refused before GraphQL runs, with its code", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(401);
    const requestId = response.headers.get(REQUEST_ID_HEADER)!;
    const [line] = await requestLines(requestId, ["gateway"]);
    expect(line).toMatchObject({
      service: "gateway",
      status: 401,
      outcome: "error",
      errorCodes: ["UNAUTHENTICATED"],
      userId: null,
    });
  });
});
