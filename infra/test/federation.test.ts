import { randomBytes } from "node:crypto";
import { bearer, dropProvisionedDatabase, login, postGraphQL, withClient } from "@hamafza/common";
import { testAdminUrl } from "@hamafza/common/testing";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { InProcessStack, prepareDatabase, PreparedDatabase, startInProcessStack } from "@hamafza/infra";

const database = `t_federation_${randomBytes(4).toString("hex")}`;
let prepared: PreparedDatabase;
let stack: InProcessStack;
let asAdmin: Record<string, string>;

beforeAll(async () => {
  prepared = await prepareDatabase(testAdminUrl(), database, { demo: true });
  stack = await startInProcessStack(prepared);
  asAdmin = bearer(await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await dropProvisionedDatabase(testAdminUrl(), database);
});

describe("the composed system", () => {
  it("prepares migrations, reference data and demo data", () => {
    expect(prepared.reference.provinces).toBe(31);
    expect(prepared.demo).toMatchObject({ ngos: 40, users: 8 });
    expect(prepared.admin.created).toBe(true);
    expect(prepared.admin.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(prepared.demo!.meetings).toBeGreaterThan(0);
  });

  it("computes the demo 1404 run through the subgraphs: every manager with tenure in the year scored", async () => {
    const result = await postGraphQL(
      stack.gatewayUrl,
      `{ managers(filter: { tenureInJalaliYear: 1404 }, limit: 1) { totalCount } evaluationRuns(year: 1404) { status managersScored computedBy } }`,
      {},
      asAdmin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.evaluationRuns).toEqual([
      { status: "SUCCEEDED", managersScored: result.data!.managers.totalCount, computedBy: "demo.evaluator" },
    ]);
    expect(prepared.demo!.scores).toBe(result.data!.managers.totalCount);
  });

  it("names who ran a run and who adjusted a score (identity resolves the person by username, old rows too)", async () => {
    const evaluator = demoUsers.find((user) => user.username === "demo.evaluator")!;
    const results = await postGraphQL(
      stack.gatewayUrl,
      `{ evaluationResults(filter: { year: 1404 }, limit: 2) { items { id managerId provinceId countyId } } }`,
      {},
      asAdmin,
    );
    expect(results.errors).toBeUndefined();
    const [first, second] = results.data!.evaluationResults.items;
    // Adjustments as the evaluator made them, and one by a user since removed from identity.
    await withClient(prepared.serviceUrls.evaluation, async (client) => {
      for (const [result, by] of [
        [first, evaluator.username],
        [second, "removed.user"],
      ] as const)
        await client.query(
          `INSERT INTO evaluation.evaluation_adjustment (result_id, manager_id, points, justification, adjusted_by, province_id, county_id)
           VALUES ($1, $2, 1, 'اصلاح آزمایشی برای نام اصلاح‌کننده', $3, $4, $5)`,
          [result.id, result.managerId, by, result.provinceId, result.countyId],
        );
    });
    try {
      const person = `{ username displayName role province { name } county { name } }`;
      const answer = await postGraphQL(
        stack.gatewayUrl,
        `{
          evaluationRuns(year: 1404) { computedBy computedByPerson ${person} }
          evaluationResults(filter: { year: 1404 }, limit: 2) { items { id adjustments { adjustedBy adjustedByPerson { displayName } } } }
        }`,
        {},
        asAdmin,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.evaluationRuns).toEqual([
        {
          computedBy: evaluator.username,
          computedByPerson: {
            username: evaluator.username,
            displayName: evaluator.displayName,
            role: evaluator.role,
            province: null,
            county: null,
          },
        },
      ]);
      const adjustments = Object.fromEntries(
        answer.data!.evaluationResults.items.map((item: { id: string; adjustments: unknown[] }) => [
          item.id,
          item.adjustments,
        ]),
      );
      expect(adjustments[first.id]).toEqual([
        { adjustedBy: evaluator.username, adjustedByPerson: { displayName: evaluator.displayName } },
      ]);
      expect(adjustments[second.id]).toEqual([{ adjustedBy: "removed.user", adjustedByPerson: null }]);
    } finally {
      await withClient(prepared.serviceUrls.evaluation, (client) =>
        client.query(
          `DELETE FROM evaluation.evaluation_adjustment WHERE justification = 'اصلاح آزمایشی برای نام اصلاح‌کننده'`,
        ),
      );
    }
  });

  it("names who recorded a resolution's progress report (and keeps the seeded reports' username)", async () => {
    const officer = demoUsers.find((user) => user.username === "demo.county")!;
    const asOfficer = bearer(await login(stack.baseUrl, officer.username, DEMO_PASSWORD));
    const open = await postGraphQL(
      stack.gatewayUrl,
      `{ resolutions(filter: { countyId: "1901" }, limit: 100) { items { id status } } }`,
      {},
      asOfficer,
    );
    expect(open.errors).toBeUndefined();
    const resolution = open.data!.resolutions.items.find((item: { status: string }) =>
      ["OPEN", "IN_PROGRESS"].includes(item.status),
    );
    expect(resolution).toBeDefined();
    const today = new Date(Date.now() + 210 * 60_000).toISOString().slice(0, 10);
    const added = await postGraphQL(
      stack.gatewayUrl,
      `mutation ($id: ID!, $day: Date!) {
        addResolutionUpdate(resolutionId: $id, input: { reportedOn: $day, note: "پیگیری با دستگاه انجام شد" }) {
          updates { note recordedBy recordedByPerson { displayName role county { name } } }
        }
      }`,
      { id: resolution.id, day: today },
      asOfficer,
    );
    expect(added.errors).toBeUndefined();
    const updates = added.data!.addResolutionUpdate.updates;
    expect(updates.find((update: { note: string }) => update.note === "پیگیری با دستگاه انجام شد")).toEqual({
      note: "پیگیری با دستگاه انجام شد",
      recordedBy: officer.username,
      recordedByPerson: { displayName: officer.displayName, role: "COUNTY_OFFICER", county: { name: "زنجان" } },
    });
    // Seeded reports were recorded as "demo", a name no user has: the username stays, the person is empty.
    for (const update of updates.filter((u: { recordedBy: string | null }) => u.recordedBy !== officer.username))
      expect(update.recordedByPerson).toBeNull();
  });

  it("names who recorded a supervision record (and keeps the username of a user identity no longer has)", async () => {
    const officer = demoUsers.find((user) => user.username === "demo.county")!;
    const asOfficer = bearer(await login(stack.baseUrl, officer.username, DEMO_PASSWORD));
    const ngos = await postGraphQL(
      stack.gatewayUrl,
      `{ ngos(filter: { countyId: "1901" }, limit: 1) { items { id } } }`,
      {},
      asOfficer,
    );
    expect(ngos.errors).toBeUndefined();
    const ngoId = ngos.data!.ngos.items[0].id;
    const created = await postGraphQL(
      stack.gatewayUrl,
      `mutation ($ngo: ID!) {
        createSupervisionRecord(input: { ngoId: $ngo, kind: REVIEW, recordedOn: "2025-06-01", text: "بازدید دوره‌ای انجام شد" }) {
          id createdBy createdByPerson { displayName role county { name } }
        }
      }`,
      { ngo: ngoId },
      asOfficer,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSupervisionRecord).toMatchObject({
      createdBy: officer.username,
      createdByPerson: { displayName: officer.displayName, role: "COUNTY_OFFICER", county: { name: "زنجان" } },
    });
    await withClient(prepared.serviceUrls.registry, (client) =>
      client.query(`UPDATE registry.supervision_record SET created_by = 'removed.user' WHERE id = $1`, [
        created.data!.createSupervisionRecord.id,
      ]),
    );
    const read = await postGraphQL(
      stack.gatewayUrl,
      `query ($id: ID!) { supervisionRecord(id: $id) { createdBy createdByPerson { displayName } } }`,
      { id: created.data!.createSupervisionRecord.id },
      asOfficer,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.supervisionRecord).toEqual({ createdBy: "removed.user", createdByPerson: null });
  });

  it("reports every subgraph up on /health: the overall state to anyone, details to administrators", async () => {
    const anonymous = await fetch(`${stack.baseUrl}/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: "up" });
    const analyst = await fetch(`${stack.baseUrl}/health`, {
      headers: bearer(await login(stack.baseUrl, "demo.analyst", DEMO_PASSWORD)),
    });
    expect(await analyst.json()).toEqual({ status: "up" });
    const response = await fetch(`${stack.baseUrl}/health`, { headers: asAdmin });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      gateway: "up",
      subgraphs: {
        registry: { status: "up" },
        engagement: { status: "up" },
        evaluation: { status: "up" },
        identity: { status: "up" },
      },
    });
  });

  it("answers one query across registry, engagement and evaluation", async () => {
    const result = await postGraphQL(
      stack.gatewayUrl,
      `{ ngos(filter: { provinceId: "19", status: ACTIVE }, limit: 50) {
          totalCount
          items { name county { name province { name } } meetings { title status chair { name position scores { year total grade } } } }
        } }`,
      {},
      asAdmin,
    );
    expect(result.errors).toBeUndefined();
    const ngos = result.data!.ngos.items as any[];
    expect(ngos.length).toBeGreaterThan(0);
    const engaged = ngos.find((ngo) => ngo.meetings.some((m: any) => m.status === "HELD"));
    expect(engaged.county.province.name).toBe("زنجان");
    const meeting = engaged.meetings.find((m: any) => m.status === "HELD");
    expect(meeting.chair.position).toContain("فرماندار");
    expect(meeting.chair.scores[0]).toMatchObject({ year: 1404 });
    expect(meeting.chair.scores[0].total).toBeGreaterThan(0);
  });

  it("keeps subgraph error codes and Persian messages through the gateway", async () => {
    const result = await postGraphQL(
      stack.gatewayUrl,
      `mutation { createNgo(input: { name: "ab", nationalId: "1", countyId: "1901" }) { id } }`,
      {},
      asAdmin,
    );
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(/شناسه ملی/);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it("is idempotent: preparing again adds no data", async () => {
    const again = await prepareDatabase(testAdminUrl(), database, { demo: true });
    prepared = again; // role passwords are rotated on every preparation
    expect(again.demo).toEqual({ ngos: 0, managers: 0, meetings: 0, scores: 0, users: 0 });
    expect(again.admin).toEqual({ created: false, generatedPassword: null });
    expect(Object.values(again.migrations).flat()).toEqual([]);
  });

  it("gives each service a role that cannot read another service's schema", async () => {
    await withClient(prepared.serviceUrls.registry, async (client) => {
      await expect(client.query("SELECT count(*) FROM engagement.meeting")).rejects.toThrow(/permission denied/);
      const own = await client.query("SELECT count(*) FROM registry.ngo");
      expect(Number(own.rows[0].count)).toBe(40);
    });
  });
});
