import { describe, expect, it } from "@jest/globals";
import { graphql, parse, validate } from "graphql";
import { buildDataProvider, SCHEMA_ERROR_PREFIX } from "../src/dataProvider/buildDataProvider";
import { onEditConflict, type EditConflict } from "../src/dataProvider/concurrency";
import { buildSchemaModel, type ResourceModel } from "../src/dataProvider/schemaModel";
import { buildFilter, listVariables, sanitizeInput } from "../src/dataProvider/variables";
import { withRoleTerritory } from "../src/users/userTerritory";
import { introspection, schema } from "./fixtures/schema";

const model = buildSchemaModel(introspection);
const resource = (name: string): ResourceModel => model.resources.get(name)!;

function documentsOf(item: ResourceModel): string[] {
  return [item.list, item.one, item.create, item.update, item.delete]
    .filter((operation) => operation !== undefined)
    .map((operation) => operation.document);
}

describe("schema model from introspection", () => {
  it("discovers one resource per paged root query field", () => {
    expect([...model.resources.keys()].sort()).toEqual(
      ["auditEntries", "counties", "managerScores", "managers", "meetings", "ngos", "provinces", "users"].sort(),
    );
    expect(resource("managerScores").typeName).toBe("ManagerScore");
    expect(resource("counties").typeName).toBe("County");
  });

  it("uses the lower-camel singular query and the convention mutations", () => {
    expect(resource("counties").one?.field).toBe("county");
    expect(resource("managerScores").one?.field).toBe("managerScore");
    expect(resource("ngos").create?.field).toBe("createNgo");
    expect(resource("ngos").update?.field).toBe("updateNgo");
    expect(resource("ngos").delete?.field).toBe("deleteNgo");
    expect(resource("meetings").create).toBeUndefined();
    expect(resource("users").one?.field).toBe("user");
    expect(resource("users").create?.field).toBe("createUser");
    expect(resource("users").update?.field).toBe("updateUser");
    expect(resource("users").delete).toBeUndefined();
    expect(resource("auditEntries").typeName).toBe("AuditEntry");
    expect(resource("auditEntries").one?.field).toBe("auditEntry");
    expect([resource("auditEntries").create, resource("auditEntries").update, resource("auditEntries").delete]).toEqual(
      [undefined, undefined, undefined],
    );
  });

  it("selects scalars, enums, scalar lists and { id name|title } of single objects", () => {
    expect(resource("ngos").selection).toBe(
      "id name nationalId registrationNumber countyId county { id name } status foundedOn phone createdAt updatedAt tags",
    );
    expect(resource("meetings").selection).toBe(
      "id title kind countyId county { id name } chairId chair { id name } scheduledAt status ngoIds",
    );
    expect(resource("managerScores").selection).toBe("id managerId manager { id name } year score");
    expect(resource("users").selection).toBe(
      "id username displayName role provinceId countyId province { id name } county { id name } disabled lastLoginAt createdAt updatedAt",
    );
    expect(resource("auditEntries").selection).toBe(
      "id at actorId actorUsername actorRole action outcome service entityType entityId provinceId countyId before after clientAddress requestId",
    );
  });

  it("adds the lists of non-resource objects (one level) to the detail selection only", () => {
    const ngos = resource("ngos");
    expect(ngos.detailSelection).toBe(
      `${ngos.selection.replace(" tags", "")} boardMembers { id ngoId name role county { id name } } tags`,
    );
    expect(ngos.selection).not.toContain("boardMembers");
    // Lists of resources are never selected by default; they can be included by name.
    expect(ngos.detailSelection).not.toContain("meetings");
    expect([...ngos.includable.entries()]).toEqual([["meetings", "meetings { id title }"]]);
    expect([...resource("meetings").includable.entries()]).toEqual([["ngos", "ngos { id name }"]]);
    expect(resource("users").detailSelection).toBe(resource("users").selection);
  });

  it("builds the list and mutation documents", () => {
    expect(resource("ngos").list.document).toBe(
      "query ngos($filter: NgoFilter, $sort: SortInput, $offset: Int, $limit: Int) " +
        "{ data: ngos(filter: $filter, sort: $sort, offset: $offset, limit: $limit) " +
        `{ items { ${resource("ngos").selection} } totalCount } }`,
    );
    expect(resource("ngos").one?.document).toBe(
      `query ngo($id: ID!) { data: ngo(id: $id) { ${resource("ngos").detailSelection} } }`,
    );
    expect(resource("ngos").update?.document).toBe(
      "mutation updateNgo($id: ID!, $input: NgoUpdateInput!) " +
        `{ data: updateNgo(id: $id, input: $input) { ${resource("ngos").detailSelection} } }`,
    );
    expect(resource("ngos").delete?.document).toBe(
      `mutation deleteNgo($id: ID!) { data: deleteNgo(id: $id) { ${resource("ngos").selection} } }`,
    );
  });

  it("produces documents that validate against the schema", () => {
    const documents = [...model.resources.values()].flatMap(documentsOf);
    expect(documents).toHaveLength(8 * 2 + 3 + 2);
    for (const document of documents) expect(validate(schema, parse(document))).toEqual([]);
  });

  it("reads filter fields from the filter input type", () => {
    expect([...resource("meetings").filterFields.keys()]).toEqual(["ids", "q", "countyId", "ngoId", "status", "kind"]);
  });
});

describe("variables", () => {
  it("passes through only filter keys of the input type and maps id to ids", () => {
    const filter = buildFilter(resource("ngos"), { q: "مهر", status: "ACTIVE", unknown: 1, phone: "", id: 7 });
    expect(filter).toEqual({ q: "مهر", status: "ACTIVE", ids: [7] });
    expect(buildFilter(resource("ngos"), { countyId: "" })).toBeUndefined();
  });

  it("drops an empty list filter (nothing chosen) and keeps a chosen one", () => {
    expect(buildFilter(resource("ngos"), { statuses: [] })).toBeUndefined();
    expect(buildFilter(resource("ngos"), { statuses: ["ACTIVE"], q: "x" })).toEqual({ statuses: ["ACTIVE"], q: "x" });
  });

  it("maps sort and pagination and caps the limit", () => {
    const variables = listVariables(
      resource("ngos"),
      { q: "x" },
      { field: "name", order: "desc" },
      { offset: 20, limit: 500 },
    );
    expect(variables).toEqual({ filter: { q: "x" }, sort: { field: "name", order: "DESC" }, offset: 20, limit: 200 });
  });

  it("keeps only input-type keys, dropping id, __typename and nested read objects", () => {
    const data = {
      id: "1",
      __typename: "Ngo",
      name: "سمن مهر",
      county: { id: "3", name: "کرج" },
      countyId: "3",
      createdAt: "2025-01-01T00:00:00Z",
      contact: { phone: "021", email: "a@b.ir", __typename: "Contact", extra: true },
      foundedOn: null,
    };
    expect(sanitizeInput(model.types, "NgoUpdateInput", data)).toEqual({
      name: "سمن مهر",
      countyId: "3",
      contact: { phone: "021", email: "a@b.ir" },
      foundedOn: null,
    });
  });

  it("keeps the ids of nested list items (to keep those records) but never the record's own id", () => {
    const data = {
      id: "1",
      name: "سمن مهر",
      boardMembers: [
        { id: "b1", ngoId: "1", name: "رئیس", role: "CHAIR", county: { id: "3", name: "کرج" }, history: [] },
        { name: "عضو تازه", role: "MEMBER" },
        { id: undefined, name: "عضو دیگر", role: "MEMBER" },
      ],
    };
    expect(sanitizeInput(model.types, "NgoUpdateInput", data)).toEqual({
      name: "سمن مهر",
      boardMembers: [
        { id: "b1", name: "رئیس", role: "CHAIR" },
        { name: "عضو تازه", role: "MEMBER" },
        { name: "عضو دیگر", role: "MEMBER" },
      ],
    });
  });
});

interface SentRequest {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

function inMemoryFetch(rootValue: Record<string, unknown>, sent: SentRequest[]) {
  return async (_url: string, init: RequestInit): Promise<Response> => {
    const { query, variables } = JSON.parse(String(init.body));
    sent.push({ query, variables, headers: init.headers as Record<string, string> });
    const result = await graphql({ schema, source: query, variableValues: variables, rootValue });
    return new Response(JSON.stringify(result), { status: 200, headers: { "Content-Type": "application/json" } });
  };
}

const ngoRecords = Array.from({ length: 450 }, (_, index) => ({
  id: String(index + 1),
  name: `سمن ${index + 1}`,
  nationalId: String(10000000000 + index),
  countyId: "3",
  status: "ACTIVE",
  createdAt: "2025-06-21T08:00:00.000Z",
  updatedAt: "2025-06-21T08:00:00.000Z",
}));

interface ListArgs {
  filter?: { ids?: string[]; ngoId?: string };
  offset?: number;
  limit?: number;
}

const boardOf = (ngoId: string) => [{ id: `b${ngoId}`, ngoId, name: "رئیس هیئت‌مدیره", role: "CHAIR", history: [] }];
const meetingsOf = (ngoId: string) => [{ id: `m${ngoId}`, title: "نشست فصلی" }];

const rootValue = {
  ngos: ({ filter, offset = 0, limit = 50 }: ListArgs) => {
    const matching = filter?.ids ? ngoRecords.filter((ngo) => filter.ids!.includes(ngo.id)) : ngoRecords;
    const items = matching.slice(offset, offset + limit).map((ngo) => ({ ...ngo, meetings: meetingsOf(ngo.id) }));
    return { items, totalCount: matching.length };
  },
  meetings: ({ filter }: ListArgs) => ({
    items: [
      {
        id: "m1",
        title: "نشست",
        kind: "COUNCIL",
        scheduledAt: "2025-06-21T08:00:00Z",
        status: "HELD",
        ngoIds: [filter?.ngoId],
      },
    ],
    totalCount: 1,
  }),
  ngo: ({ id }: { id: string }) => {
    const ngo = ngoRecords.find((record) => record.id === id);
    return ngo ? { ...ngo, boardMembers: boardOf(id), meetings: meetingsOf(id) } : null;
  },
  updateNgo: ({ id, input }: { id: string; input: Record<string, unknown> }) => ({
    ...ngoRecords.find((ngo) => ngo.id === id),
    boardMembers: boardOf(id),
    meetings: meetingsOf(id),
    ...input,
  }),
  deleteNgo: () => {
    throw Object.assign(new Error("حذف سمن دارای نشست مجاز نیست."), { extensions: { code: "FORBIDDEN" } });
  },
};

function providerWith(sent: SentRequest[], token: string | null = "secret") {
  return buildDataProvider({ url: "/graphql", fetch: inMemoryFetch(rootValue, sent), getToken: () => token });
}

describe("data provider with injected fetch", () => {
  it("introspects once and sends the bearer token", async () => {
    const sent: SentRequest[] = [];
    const provider = providerWith(sent);
    await provider.getList("ngos", {
      pagination: { page: 1, perPage: 10 },
      sort: { field: "name", order: "ASC" },
      filter: {},
    });
    await provider.getOne("ngos", { id: "2" });
    expect(sent.filter((request) => request.query.includes("__schema"))).toHaveLength(1);
    expect(sent.map((request) => request.headers.Authorization)).toEqual([
      "Bearer secret",
      "Bearer secret",
      "Bearer secret",
    ]);
  });

  it("omits the authorization header without a token", async () => {
    const sent: SentRequest[] = [];
    await providerWith(sent, null).getOne("ngos", { id: "1" });
    expect(sent[0].headers.Authorization).toBeUndefined();
  });

  it("pages through the 200-item limit when more rows are requested", async () => {
    const sent: SentRequest[] = [];
    const result = await providerWith(sent).getList("ngos", {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    expect(result.data).toHaveLength(450);
    expect(result.total).toBe(450);
    expect(sent.slice(1).map((request) => [request.variables.offset, request.variables.limit])).toEqual([
      [0, 200],
      [200, 200],
      [400, 200],
    ]);
  });

  it("uses filter ids for getMany and the target filter for getManyReference", async () => {
    const sent: SentRequest[] = [];
    const provider = providerWith(sent);
    const many = await provider.getMany("ngos", { ids: ["3", "5"] });
    expect(many.data.map((ngo) => ngo.id)).toEqual(["3", "5"]);
    const reference = await provider.getManyReference("meetings", {
      target: "ngoId",
      id: "3",
      pagination: { page: 1, perPage: 25 },
      sort: { field: "scheduledAt", order: "DESC" },
      filter: {},
    });
    expect(reference.data[0].ngoIds).toEqual(["3"]);
    expect(sent[2].variables).toEqual({
      filter: { ngoId: "3" },
      sort: { field: "scheduledAt", order: "DESC" },
      offset: 0,
      limit: 25,
    });
  });

  it("sends only input-type keys on update", async () => {
    const sent: SentRequest[] = [];
    const previousData = { ...ngoRecords[0], county: { id: "3", name: "کرج" } };
    const result = await providerWith(sent).update("ngos", {
      id: "1",
      data: { ...previousData, name: "نام تازه" },
      previousData,
    });
    expect(result.data.name).toBe("نام تازه");
    expect(sent[1].variables).toEqual({
      id: "1",
      input: { name: "نام تازه", nationalId: ngoRecords[0].nationalId, countyId: "3", status: "ACTIVE" },
    });
  });

  it("reads one record with its parts, and adds lists of other resources named in meta.include", async () => {
    const sent: SentRequest[] = [];
    const provider = providerWith(sent);
    const plain = await provider.getOne("ngos", { id: "2" });
    // The parts' own lists (history) are not selected.
    const member = { id: "b2", ngoId: "2", name: "رئیس هیئت‌مدیره", role: "CHAIR", county: null };
    expect(plain.data.boardMembers).toEqual([member]);
    expect(plain.data.meetings).toBeUndefined();
    const included = await provider.getOne("ngos", { id: "2", meta: { include: ["meetings"] } });
    expect(included.data.meetings).toEqual([{ id: "m2", title: "نشست فصلی" }]);
    expect(sent[2].query).toContain("meetings { id title }");
    const list = await provider.getList("ngos", {
      pagination: { page: 1, perPage: 2 },
      sort: { field: "name", order: "ASC" },
      filter: {},
      meta: { include: ["meetings"] },
    });
    expect(list.data.map((ngo) => ngo.meetings)).toEqual([meetingsOf("1"), meetingsOf("2")]);
    expect(list.data[0].boardMembers).toBeUndefined();
    const many = await provider.getMany("ngos", { ids: ["3"], meta: { include: ["meetings"] } });
    expect(many.data[0].meetings).toEqual(meetingsOf("3"));
    const updated = await provider.update("ngos", {
      id: "4",
      data: { name: "نام تازه" },
      previousData: { id: "4" },
      meta: { include: ["meetings"] },
    });
    expect(updated.data).toMatchObject({
      name: "نام تازه",
      meetings: meetingsOf("4"),
      boardMembers: [{ ...member, id: "b4", ngoId: "4" }],
    });
    await expect(provider.getOne("ngos", { id: "2", meta: { include: ["boardMembers"] } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(provider.getOne("ngos", { id: "2", meta: { include: ["nonsense"] } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("turns GraphQL errors into an HttpError with the server message and code", async () => {
    const provider = providerWith([]);
    await expect(provider.delete("ngos", { id: "1" })).rejects.toMatchObject({
      name: "HttpError",
      message: "حذف سمن دارای نشست مجاز نیست.",
      status: 403,
      body: { code: "FORBIDDEN" },
    });
  });

  it("rejects getManyReference on a target missing from the filter type", async () => {
    await expect(
      providerWith([]).getManyReference("ngos", {
        target: "chairId",
        id: "1",
        pagination: { page: 1, perPage: 10 },
        sort: { field: "id", order: "ASC" },
        filter: {},
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("reports a refused introspection and retries it on the next call", async () => {
    const sent: SentRequest[] = [];
    const working = inMemoryFetch(rootValue, sent);
    let refuse = true;
    const provider = buildDataProvider({
      url: "/graphql",
      fetch: async (url, init) => {
        if (!refuse) return working(url, init);
        refuse = false;
        const errors = [{ message: "introspection disabled", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }];
        return new Response(JSON.stringify({ errors }), { status: 400 });
      },
    });
    await expect(provider.getOne("ngos", { id: "1" })).rejects.toMatchObject({
      message: `${SCHEMA_ERROR_PREFIX} introspection disabled`,
      status: 400,
    });
    await expect(provider.getOne("ngos", { id: "1" })).resolves.toMatchObject({ data: { id: "1" } });
  });
});

describe("data provider and the signed-in user", () => {
  const users = [
    {
      id: "u1",
      username: "demo.county",
      displayName: "کارشناس فرمانداری زنجان",
      role: "COUNTY_OFFICER",
      provinceId: "19",
      countyId: "1901",
      disabled: false,
      createdAt: "2025-06-21T08:00:00Z",
      updatedAt: "2025-06-21T08:00:00Z",
    },
  ];
  const userRoot = {
    users: () => ({ items: users, totalCount: users.length }),
    user: ({ id }: { id: string }) => users.find((user) => user.id === id) ?? null,
    updateUser: ({ id, input }: { id: string; input: Record<string, unknown> }) => ({
      ...users.find((user) => user.id === id),
      ...input,
    }),
    createUser: ({ input }: { input: Record<string, unknown> }) => {
      if (String(input.password).length < 10) {
        const problem = { field: "password", message: "گذرواژه باید دست‌کم ۱۰ نویسه باشد." };
        throw Object.assign(new Error(problem.message), { extensions: { code: "BAD_USER_INPUT", fields: [problem] } });
      }
      return {
        ...input,
        id: "u2",
        disabled: false,
        createdAt: "2025-06-21T08:00:00Z",
        updatedAt: "2025-06-21T08:00:00Z",
      };
    },
    resetUserPassword: ({ id, password }: { id: string; password?: string }) => ({
      user: users.find((user) => user.id === id),
      temporaryPassword: password ? null : "generated-secret-1",
    }),
  };

  it("waits for the (possibly refreshed) token before each request", async () => {
    const sent: SentRequest[] = [];
    let token = "old";
    const provider = buildDataProvider({
      url: "/graphql",
      fetch: inMemoryFetch(userRoot, sent),
      getToken: async () => {
        await Promise.resolve();
        return token;
      },
    });
    await provider.getList("users", {
      pagination: { page: 1, perPage: 10 },
      sort: { field: "username", order: "ASC" },
      filter: {},
    });
    token = "refreshed";
    await provider.getOne("users", { id: "u1" });
    expect(sent.map((request) => request.headers.Authorization)).toEqual([
      "Bearer old",
      "Bearer old",
      "Bearer refreshed",
    ]);
  });

  it("introspects again after resetSchema (a new sign-in), with the new token", async () => {
    const sent: SentRequest[] = [];
    let token = "admin-token";
    const provider = buildDataProvider({
      url: "/graphql",
      fetch: inMemoryFetch(userRoot, sent),
      getToken: () => token,
    });
    await provider.getOne("users", { id: "u1" });
    await provider.getOne("users", { id: "u1" });
    token = "evaluator-token";
    provider.resetSchema();
    await provider.getOne("users", { id: "u1" });
    const introspections = sent.filter((request) => request.query.includes("__schema"));
    expect(introspections.map((request) => request.headers.Authorization)).toEqual([
      "Bearer admin-token",
      "Bearer evaluator-token",
    ]);
  });

  it("sends only UserUpdateInput keys, territory cleared for the new role", async () => {
    const sent: SentRequest[] = [];
    const provider = buildDataProvider({ url: "/graphql", fetch: inMemoryFetch(userRoot, sent) });
    const previousData = { ...users[0], province: { id: "19", name: "زنجان" }, county: { id: "1901", name: "زنجان" } };
    const data = withRoleTerritory({ ...previousData, role: "ADMIN", disabled: true });
    const result = await provider.update("users", { id: "u1", data, previousData });
    expect(sent[1].variables).toEqual({
      id: "u1",
      input: { displayName: users[0].displayName, role: "ADMIN", provinceId: null, countyId: null, disabled: true },
    });
    expect(result.data).toMatchObject({ role: "ADMIN", provinceId: null, countyId: null, disabled: true });
  });

  it("puts a refused input's field problems in body.errors for react-admin's form", async () => {
    const provider = buildDataProvider({ url: "/graphql", fetch: inMemoryFetch(userRoot, []) });
    const data = { username: "new.user", displayName: "کاربر تازه", role: "ANALYST", password: "short" };
    await expect(provider.create("users", { data })).rejects.toMatchObject({
      status: 400,
      message: "گذرواژه باید دست‌کم ۱۰ نویسه باشد.",
      body: { code: "BAD_USER_INPUT", errors: { password: "گذرواژه باید دست‌کم ۱۰ نویسه باشد." } },
    });
  });

  it("runs operations outside the list convention through graphql()", async () => {
    const sent: SentRequest[] = [];
    const provider = buildDataProvider({
      url: "/graphql",
      fetch: inMemoryFetch(userRoot, sent),
      getToken: () => "admin",
    });
    const query =
      "mutation reset($id: ID!, $password: String) { resetUserPassword(id: $id, password: $password) { temporaryPassword } }";
    await expect(provider.graphql(query, { id: "u1", password: null })).resolves.toEqual({
      resetUserPassword: { temporaryPassword: "generated-secret-1" },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.Authorization).toBe("Bearer admin");
  });
});

describe("data provider and concurrent edits", () => {
  it("sends the version the form read as expectedVersion", async () => {
    const sent: SentRequest[] = [];
    await providerWith(sent).update("ngos", {
      id: "1",
      data: { name: "سمن تازه" },
      previousData: { id: "1", version: 7 },
    });
    expect(sent.at(-1)!.variables).toMatchObject({ id: "1", expectedVersion: 7 });
    await providerWith(sent).update("ngos", { id: "1", data: { name: "سمن تازه" }, previousData: { id: "1" } });
    expect(sent.at(-1)!.variables).not.toHaveProperty("expectedVersion");
  });

  it("sends one idempotency key per submission, the same when the same submission is retried", async () => {
    const sent: SentRequest[] = [];
    const provider = providerWith(sent);
    const submission = { name: "سمن" };
    await provider.create("ngos", { data: submission }).catch(() => undefined);
    await provider.create("ngos", { data: submission }).catch(() => undefined);
    await provider.create("ngos", { data: { name: "سمن" } }).catch(() => undefined);
    const keys = sent
      .filter((request) => request.query.includes("createNgo"))
      .map((request) => request.variables.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("announces a stale-version CONFLICT with who and when, and still rejects the save", async () => {
    const sent: SentRequest[] = [];
    const working = inMemoryFetch(rootValue, sent);
    const conflict = {
      message:
        "این سمن را «demo.province» در ۱۴۰۵/۰۹/۱۵ ساعت ۱۸:۱۵ (به وقت تهران) تغییر داده است؛ تغییرات شما ذخیره نشد.",
      extensions: {
        code: "CONFLICT",
        currentVersion: 4,
        updatedBy: "demo.province",
        updatedAt: "2026-12-06T14:45:00.000Z",
      },
    };
    const provider = buildDataProvider({
      url: "/graphql",
      fetch: async (url, init) => {
        const body = JSON.parse(String(init?.body)) as { query: string };
        if (!body.query.includes("updateNgo")) return working(url, init);
        return new Response(JSON.stringify({ data: null, errors: [conflict] }), { status: 200 });
      },
    });
    const seen: EditConflict[] = [];
    const stop = onEditConflict((c) => seen.push(c));
    try {
      await expect(
        provider.update("ngos", { id: "1", data: { name: "x" }, previousData: { id: "1", version: 3 } }),
      ).rejects.toMatchObject({
        message: conflict.message,
        status: 409,
      });
    } finally {
      stop();
    }
    expect(seen).toEqual([
      {
        resource: "ngos",
        id: "1",
        message: conflict.message,
        currentVersion: 4,
        updatedBy: "demo.province",
        updatedAt: "2026-12-06T14:45:00.000Z",
      },
    ]);
  });
});
