import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import type { RaRecord } from "ra-core";
import {
  buildDataProvider,
  SCHEMA_ERROR_PREFIX,
  type HamafzaDataProvider,
} from "../src/dataProvider/buildDataProvider";
import { onEditConflict, type EditConflict } from "../src/dataProvider/concurrency";
import { RESET_USER_PASSWORD } from "../src/users/userOperations";

/**
 * The dashboard's data provider against the real system (every subgraph and the gateway in process, demo data):
 * the schema it introspects, the requests it sends and how it reports the server's refusals — no browser needed.
 */
interface SentRequest {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await prepareTestDatabase("dataprovider", { demo: true });
  stack = await startInProcessStack(database);
  for (const user of ["demo.admin", "demo.analyst", "demo.evaluator"]) {
    tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

/** The real fetch to the gateway, recording what the provider sends. */
function recordingFetch(sent: SentRequest[]) {
  return async (_url: string, init: RequestInit): Promise<Response> => {
    const { query, variables } = JSON.parse(String(init.body));
    sent.push({ query, variables, headers: init.headers as Record<string, string> });
    return fetch(stack.gatewayUrl, init);
  };
}

function providerFor(user: string | null, sent: SentRequest[] = []): HamafzaDataProvider {
  return buildDataProvider({
    url: stack.gatewayUrl,
    fetch: recordingFetch(sent),
    getToken: () => (user ? tokens[user] : null),
  });
}

const LIST = { sort: { field: "name", order: "ASC" }, filter: {} } as const;
const isIntrospection = (request: SentRequest) => request.query.includes("__schema");

describe("data provider against the running system", () => {
  it("introspects once and sends the bearer token with every request", async () => {
    const sent: SentRequest[] = [];
    const provider = providerFor("demo.admin", sent);
    const list = await provider.getList("ngos", { ...LIST, pagination: { page: 1, perPage: 10 } });
    expect(list.total).toBe(database.demo!.ngos);
    expect(list.data).toHaveLength(10);
    const one = await provider.getOne("ngos", { id: list.data[1].id });
    expect(one.data).toMatchObject({ id: list.data[1].id, name: list.data[1].name });
    expect(sent.filter(isIntrospection)).toHaveLength(1);
    expect(sent.map((request) => request.headers.Authorization)).toEqual(
      Array(3).fill(`Bearer ${tokens["demo.admin"]}`),
    );
  });

  it("sends no authorization header without a token, reports the refused introspection and retries it", async () => {
    const sent: SentRequest[] = [];
    let user: string | null = null;
    const provider = buildDataProvider({
      url: stack.gatewayUrl,
      fetch: recordingFetch(sent),
      getToken: () => (user ? tokens[user] : null),
    });
    await expect(provider.getOne("provinces", { id: "19" })).rejects.toMatchObject({
      message: expect.stringContaining(SCHEMA_ERROR_PREFIX),
      status: 401,
    });
    expect(sent[0].headers.Authorization).toBeUndefined();
    user = "demo.analyst";
    await expect(provider.getOne("provinces", { id: "19" })).resolves.toMatchObject({ data: { id: "19" } });
    expect(sent.filter(isIntrospection)).toHaveLength(2);
  });

  it("pages through the server's 200-row limit when more rows are asked for", async () => {
    const provider = providerFor("demo.admin");
    const before = await provider.getList("socialHarms", { ...LIST, pagination: { page: 1, perPage: 1 } });
    const missing = Math.max(0, 230 - (before.total ?? 0));
    for (let start = 0; start < missing; start += 15) {
      await Promise.all(
        Array.from({ length: Math.min(15, missing - start) }, (_, index) =>
          provider.create("socialHarms", {
            data: { code: `DP_${start + index}`, name: `آسیب آزمایشی ${start + index}` },
          }),
        ),
      );
    }
    const sent: SentRequest[] = [];
    const all = await providerFor("demo.admin", sent).getList("socialHarms", {
      sort: { field: "code", order: "ASC" },
      filter: {},
      pagination: { page: 1, perPage: 1000 },
    });
    expect(all.total).toBeGreaterThanOrEqual(230);
    expect(all.data).toHaveLength(all.total!);
    expect(new Set(all.data.map((harm) => harm.id)).size).toBe(all.total);
    expect(
      sent.filter((request) => !isIntrospection(request)).map((r) => [r.variables.offset, r.variables.limit]),
    ).toEqual([
      [0, 200],
      [200, 200],
    ]);
  });

  it("asks by ids for getMany and by the target filter for getManyReference", async () => {
    const sent: SentRequest[] = [];
    const provider = providerFor("demo.admin", sent);
    const { data: ngos } = await provider.getList("ngos", { ...LIST, pagination: { page: 1, perPage: 5 } });
    const many = await provider.getMany("ngos", { ids: [ngos[3].id, ngos[1].id] });
    expect(many.data.map((ngo) => ngo.id).sort()).toEqual([ngos[1].id, ngos[3].id].sort());
    const { data: meetings } = await provider.getList("meetings", {
      sort: { field: "scheduledAt", order: "DESC" },
      filter: { withNgos: true },
      pagination: { page: 1, perPage: 1 },
    });
    const ngoId = (meetings[0].ngoIds as string[])[0];
    const reference = await provider.getManyReference("meetings", {
      target: "ngoId",
      id: ngoId,
      pagination: { page: 1, perPage: 25 },
      sort: { field: "scheduledAt", order: "DESC" },
      filter: {},
    });
    expect(reference.total).toBeGreaterThan(0);
    for (const meeting of reference.data) expect(meeting.ngoIds).toContain(ngoId);
    expect(sent.at(-1)!.variables).toEqual({
      filter: { ngoId },
      sort: { field: "scheduledAt", order: "DESC" },
      offset: 0,
      limit: 25,
    });
    await expect(
      provider.getManyReference("ngos", { ...LIST, target: "chairId", id: "1", pagination: { page: 1, perPage: 10 } }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("reads one record with its parts, and adds lists of other resources named in meta.include", async () => {
    const sent: SentRequest[] = [];
    const provider = providerFor("demo.admin", sent);
    const { data: meetings } = await provider.getList("meetings", {
      sort: { field: "scheduledAt", order: "DESC" },
      filter: { withNgos: true },
      pagination: { page: 1, perPage: 1 },
    });
    const ngoId = (meetings[0].ngoIds as string[])[0];
    const plain = await provider.getOne("ngos", { id: ngoId });
    expect(Array.isArray(plain.data.boardMembers)).toBe(true);
    expect(plain.data.meetings).toBeUndefined();
    const included = await provider.getOne("ngos", { id: ngoId, meta: { include: ["meetings"] } });
    expect(included.data.meetings).toEqual(expect.arrayContaining([{ id: meetings[0].id, title: meetings[0].title }]));
    expect(sent.at(-1)!.query).toContain("meetings { id title }");
    const many = await provider.getMany("ngos", { ids: [ngoId], meta: { include: ["meetings"] } });
    expect(many.data[0].meetings).toEqual(included.data.meetings);
    expect(many.data[0].boardMembers).toBeUndefined();
    for (const include of ["boardMembers", "nonsense"]) {
      await expect(provider.getOne("ngos", { id: ngoId, meta: { include: [include] } })).rejects.toMatchObject({
        status: 400,
      });
    }
  });

  it("turns a refusal into an HttpError with the server's Persian message and code; nothing is deleted", async () => {
    const provider = providerFor("demo.analyst");
    const { data } = await provider.getList("ngos", { ...LIST, pagination: { page: 1, perPage: 1 } });
    await expect(provider.delete("ngos", { id: data[0].id, previousData: data[0] })).rejects.toMatchObject({
      name: "HttpError",
      message: expect.stringMatching(/[\u0600-\u06FF]/),
      status: 403,
      body: { code: "FORBIDDEN" },
    });
    await expect(provider.getOne("ngos", { id: data[0].id })).resolves.toMatchObject({ data: { id: data[0].id } });
  });

  it("puts a refused input's field problems in body.errors for react-admin's form", async () => {
    const data = { username: "dp.short", displayName: "کاربر تازه", role: "ANALYST", password: "short" };
    const refusal = await providerFor("demo.admin")
      .create("users", { data })
      .then(
        () => undefined,
        (error: unknown) => error as { status: number; message: string; body: Record<string, unknown> },
      );
    expect(refusal).toMatchObject({ status: 400, body: { code: "BAD_USER_INPUT" } });
    expect(refusal!.body.errors).toEqual({ password: expect.stringContaining("گذرواژه") });
  });

  it("sends only input-type keys and the version read; a stale version is a CONFLICT announced with who and when", async () => {
    const sent: SentRequest[] = [];
    const provider = providerFor("demo.admin", sent);
    const { data } = await provider.getList("ngos", { ...LIST, pagination: { page: 1, perPage: 1 } });
    const { data: read } = await provider.getOne("ngos", { id: data[0].id });
    const updated = await provider.update("ngos", {
      id: read.id,
      data: { ...read, name: `${read.name} (ویرایش)` },
      previousData: read,
    });
    expect(updated.data).toMatchObject({ name: `${read.name} (ویرایش)`, version: read.version + 1 });
    const variables = sent.at(-1)!.variables as { id: string; expectedVersion: number; input: Record<string, unknown> };
    expect(variables).toMatchObject({ id: read.id, expectedVersion: read.version });
    for (const key of ["id", "version", "county", "createdAt", "licenceState", "__typename"]) {
      expect(variables.input).not.toHaveProperty(key);
    }

    const seen: EditConflict[] = [];
    const stop = onEditConflict((conflict) => seen.push(conflict));
    try {
      await expect(
        provider.update("ngos", { id: read.id, data: { ...read, name: "نام دیگر" }, previousData: read }),
      ).rejects.toMatchObject({ status: 409 });
    } finally {
      stop();
    }
    expect(seen).toEqual([
      expect.objectContaining({
        resource: "ngos",
        id: read.id,
        currentVersion: read.version + 1,
        updatedBy: "demo.admin",
      }),
    ]);
    await expect(provider.getOne("ngos", { id: read.id })).resolves.toMatchObject({ data: updated.data });
  });

  it("sends one idempotency key per submission: the retried submission gets the first record back", async () => {
    const sent: SentRequest[] = [];
    const provider = providerFor("demo.admin", sent);
    const submission = { code: "DP_RETRY", name: "آسیب تکرارشده" };
    const first = await provider.create("socialHarms", { data: submission });
    const retried = await provider.create("socialHarms", { data: submission });
    expect(retried.data.id).toBe(first.data.id);
    await expect(provider.create("socialHarms", { data: { ...submission } })).rejects.toMatchObject({ status: 409 });
    const keys = sent
      .filter((request) => request.query.includes("createSocialHarm"))
      .map((r) => r.variables.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("introspects again after resetSchema (a new sign-in), with the new user's token", async () => {
    const sent: SentRequest[] = [];
    let user = "demo.admin";
    const provider = buildDataProvider({
      url: stack.gatewayUrl,
      fetch: recordingFetch(sent),
      getToken: async () => {
        await Promise.resolve();
        return tokens[user];
      },
    });
    await provider.getOne("provinces", { id: "19" });
    await provider.getOne("provinces", { id: "19" });
    user = "demo.evaluator";
    provider.resetSchema();
    await provider.getOne("provinces", { id: "19" });
    expect(sent.filter(isIntrospection).map((request) => request.headers.Authorization)).toEqual([
      `Bearer ${tokens["demo.admin"]}`,
      `Bearer ${tokens["demo.evaluator"]}`,
    ]);
  });

  it("runs the dashboard's own operations outside the list convention through graphql()", async () => {
    const provider = providerFor("demo.admin");
    const created = await provider.create("users", {
      data: { username: "dp.reset", displayName: "کاربر آزمایشی", role: "ANALYST", password: "Hamafza@1404-dp" },
    });
    const answer = await provider.graphql<{ resetUserPassword: { temporaryPassword: string; user: RaRecord } }>(
      RESET_USER_PASSWORD,
      { id: created.data.id, password: null },
    );
    expect(answer.resetUserPassword.user.id).toBe(created.data.id);
    expect(answer.resetUserPassword.temporaryPassword).toEqual(expect.any(String));
    await expect(login(stack.baseUrl, "dp.reset", answer.resetUserPassword.temporaryPassword)).resolves.toEqual(
      expect.any(String),
    );
  });
});
