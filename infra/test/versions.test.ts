import { randomUUID } from "node:crypto";
import { bearer, login, postGraphQL, tehranToday } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Optimistic concurrency (`version`, `expectedVersion`, CONFLICT naming who and when) and idempotent creates
 * (`idempotencyKey`), through the gateway, in every service that has editable records.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let admin: string;
let province: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("versions", { demo: true });
  stack = await startInProcessStack(prepared);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
  province = await login(stack.baseUrl, "demo.province", DEMO_PASSWORD);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, bearer(token));
const PERSIAN_WHEN = /[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} ساعت [۰-۹]{2}:[۰-۹]{2}/;

interface Case {
  service: string;
  list: string;
  one: string;
  update: string;
  input: string;
  field: string;
}
const CASES: Case[] = [
  { service: "registry", list: "ngos", one: "ngo", update: "updateNgo", input: "NgoUpdateInput", field: "name" },
  {
    service: "registry",
    list: "agencies",
    one: "agency",
    update: "updateAgency",
    input: "AgencyUpdateInput",
    field: "name",
  },
  {
    service: "engagement",
    list: "meetings",
    one: "meeting",
    update: "updateMeeting",
    input: "MeetingUpdateInput",
    field: "title",
  },
  {
    service: "engagement",
    list: "projects",
    one: "project",
    update: "updateProject",
    input: "ProjectUpdateInput",
    field: "title",
  },
  {
    service: "engagement",
    list: "workingGroups",
    one: "workingGroup",
    update: "updateWorkingGroup",
    input: "WorkingGroupUpdateInput",
    field: "name",
  },
  {
    service: "identity",
    list: "users",
    one: "user",
    update: "updateUser",
    input: "UserUpdateInput",
    field: "displayName",
  },
];

async function firstOf(c: Case, token = admin, filter = "") {
  const listed = await gql(
    token,
    `{ ${c.list}(limit: 1${filter}) { items { id version updatedAt updatedBy ${c.field} } } }`,
  );
  expect(listed.errors).toBeUndefined();
  return listed.data![c.list].items[0] as {
    id: string;
    version: number;
    updatedAt: string;
    updatedBy: string | null;
  } & Record<string, string>;
}

const update = (c: Case, token: string, id: string, value: string, expectedVersion?: number) =>
  gql(
    token,
    `mutation($id: ID!, $input: ${c.input}!, $v: Int) { ${c.update}(id: $id, input: $input, expectedVersion: $v) { id version updatedBy updatedAt ${c.field} } }`,
    { id, input: { [c.field]: value }, v: expectedVersion ?? null },
  );

describe.each(CASES)("$service $update", (c) => {
  it("raises the version by one per update, refuses a stale expectedVersion with CONFLICT naming who and when, and writes nothing", async () => {
    const before = await firstOf(c);
    expect(before.version).toBeGreaterThanOrEqual(1);
    const first = await update(c, admin, before.id, "نام تازه آزمایشی یکم", before.version);
    expect(first.errors).toBeUndefined();
    const saved = first.data![c.update];
    expect(saved).toMatchObject({
      version: before.version + 1,
      updatedBy: "demo.admin",
      [c.field]: "نام تازه آزمایشی یکم",
    });

    const stale = await update(c, admin, before.id, "نام تازه آزمایشی دوم", before.version);
    expect(stale.data).toBeNull();
    const error = stale.errors![0];
    expect(error.extensions).toMatchObject({
      code: "CONFLICT",
      currentVersion: before.version + 1,
      updatedBy: "demo.admin",
    });
    expect(new Date(error.extensions!.updatedAt).getTime()).toBe(new Date(saved.updatedAt).getTime());
    expect(error.message).toContain("«demo.admin»");
    expect(error.message).toMatch(PERSIAN_WHEN);

    const after = await gql(admin, `query($id: ID!) { ${c.one}(id: $id) { version ${c.field} } }`, { id: before.id });
    expect(after.data![c.one]).toEqual({ version: before.version + 1, [c.field]: "نام تازه آزمایشی یکم" });

    // Omitting expectedVersion (scripts) overwrites, and still counts.
    const blind = await update(c, admin, before.id, "نام تازه آزمایشی سوم");
    expect(blind.errors).toBeUndefined();
    expect(blind.data![c.update].version).toBe(before.version + 2);

    // The current version is accepted; a malformed one is bad input.
    expect(
      (await update(c, admin, before.id, "نام تازه آزمایشی چهارم", before.version + 2)).data![c.update].version,
    ).toBe(before.version + 3);
    expect((await update(c, admin, before.id, "x", 0)).errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

it("names the other user who changed the record", async () => {
  const c = CASES[0];
  const before = await firstOf(c, province);
  expect((await update(c, province, before.id, "سمن ویرایش‌شده به دست استان", before.version)).errors).toBeUndefined();
  const stale = await update(c, admin, before.id, "ویرایش دیرهنگام", before.version);
  expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", updatedBy: "demo.province" });
  expect(stale.errors![0].message).toContain("«demo.province»");
});

it("raises the version on a state transition (ending a manager's tenure)", async () => {
  const listed = await gql(admin, `{ managers(limit: 200) { items { id version tenureStart tenureEnd } } }`);
  const manager = (
    listed.data!.managers.items as { id: string; version: number; tenureStart: string; tenureEnd: string | null }[]
  ).find((m) => m.tenureEnd === null && m.tenureStart <= tehranToday());
  expect(manager).toBeDefined();
  const ended = await gql(
    admin,
    `mutation($id: ID!, $on: Date!) { endManagerTenure(id: $id, endedOn: $on) { version updatedBy } }`,
    { id: manager!.id, on: tehranToday() },
  );
  expect(ended.errors).toBeUndefined();
  expect(ended.data!.endManagerTenure).toEqual({ version: manager!.version + 1, updatedBy: "demo.admin" });
});

it("evaluation: versions the cycle through rubric updates and transitions, and creates a cycle idempotently", async () => {
  const evaluator = await login(stack.baseUrl, "demo.evaluator", DEMO_PASSWORD);
  const key = randomUUID();
  const create = `mutation($key: String) { createEvaluationCycle(year: 1406, idempotencyKey: $key) { id version state } }`;
  const first = await gql(evaluator, create, { key });
  expect(first.errors).toBeUndefined();
  expect((await gql(evaluator, create, { key })).data!.createEvaluationCycle).toEqual(
    first.data!.createEvaluationCycle,
  );
  const v = first.data!.createEvaluationCycle.version as number;
  const rubric = `mutation($v: Int, $t: Float!) { updateEvaluationRubric(year: 1406, indicators: [{ code: "REGULARITY", target: $t }], expectedVersion: $v) { version updatedBy } }`;
  expect((await gql(evaluator, rubric, { v, t: 3 })).data!.updateEvaluationRubric).toEqual({
    version: v + 1,
    updatedBy: "demo.evaluator",
  });
  const stale = await gql(evaluator, rubric, { v, t: 5 });
  expect(stale.errors![0].extensions).toMatchObject({
    code: "CONFLICT",
    currentVersion: v + 1,
    updatedBy: "demo.evaluator",
  });
  const opened = await gql(evaluator, `mutation { changeEvaluationCycleState(year: 1406, state: OPEN) { version } }`);
  expect(opened.errors).toBeUndefined();
  expect(opened.data!.changeEvaluationCycleState.version).toBe(v + 2);
});

describe("idempotent creates", () => {
  const CREATE = `mutation($input: AgencyCreateInput!, $key: String) { createAgency(input: $input, idempotencyKey: $key) { id name version } }`;
  const count = async (name: string) =>
    (await gql(admin, `query($q: String) { agencies(filter: { q: $q }) { totalCount } }`, { q: name })).data!.agencies
      .totalCount as number;

  it("returns the first result for a retry with the same key, refuses the same key with other input, and scopes keys per user", async () => {
    const key = randomUUID();
    const input = { name: "اداره کل آزمایشی تکرارناپذیری", kind: "DIRECTORATE_GENERAL", provinceId: "19" };
    const first = await gql(province, CREATE, { input, key });
    expect(first.errors).toBeUndefined();
    const retry = await gql(province, CREATE, { input: { kind: input.kind, provinceId: "19", name: input.name }, key });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createAgency).toEqual(first.data!.createAgency);
    expect(first.data!.createAgency.version).toBe(1);
    expect(await count(input.name)).toBe(1);

    const other = await gql(province, CREATE, { input: { ...input, name: "اداره کل آزمایشی دیگر" }, key });
    expect(other.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await count("اداره کل آزمایشی دیگر")).toBe(0);

    // Keys are per user: the same key from another user with other input is a new create, not a CONFLICT.
    const byAdmin = await gql(admin, CREATE, { input: { ...input, name: "اداره کل آزمایشی مدیر" }, key });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.createAgency.id).not.toBe(first.data!.createAgency.id);
  });

  it("creates again without a key, and checks the key's shape", async () => {
    const input = { name: "اداره کل بدون کلید", kind: "DIRECTORATE_GENERAL", provinceId: "19" };
    expect((await gql(admin, CREATE, { input })).errors).toBeUndefined();
    const long = await gql(admin, CREATE, { input: { ...input, name: "اداره کل کلید بلند" }, key: "k".repeat(101) });
    expect(long.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await count("اداره کل کلید بلند")).toBe(0);
  });

  it("works in engagement and identity too (createWorkingGroup, createUser)", async () => {
    const key = randomUUID();
    const group = `mutation($key: String) { createWorkingGroup(idempotencyKey: $key, input: { name: "کارگروه آزمایشی کلید", dimension: SOCIAL, provinceId: "19" }) { id } }`;
    const a = await gql(admin, group, { key });
    const b = await gql(admin, group, { key });
    expect(a.errors).toBeUndefined();
    expect(b.data!.createWorkingGroup.id).toBe(a.data!.createWorkingGroup.id);
    const user = `mutation($key: String) { createUser(idempotencyKey: $key, input: { username: "idem.user", displayName: "کاربر آزمایشی", role: ANALYST, password: "Str0ng-Passw0rd-1405" }) { id version } }`;
    const u1 = await gql(admin, user, { key });
    expect(u1.errors).toBeUndefined();
    const u2 = await gql(admin, user, { key });
    expect(u2.data!.createUser).toEqual(u1.data!.createUser);
  });
});
