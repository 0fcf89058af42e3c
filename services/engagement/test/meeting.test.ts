import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
let asAdmin: Record<string, string>;
const security = generateServiceSecurity();
const gql = (query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, asAdmin);

const NGO_A = "0f8fad5b-d9cb-469f-a165-70867728950e";
const NGO_B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const CHAIR = "16fd2706-8baf-433b-82eb-8c7fada847da";

beforeAll(async () => {
  database = await prepareTestDatabase("engagement", { demo: false });
  db = createEngagementDataSource(database.serviceUrls.engagement);
  await db.initialize();
  server = await startEngagement({ db, port: 0, security, registryUrl: "unchecked" }); // engagement alone: see helpers.ts
  asAdmin = await subgraphHeaders(security, { role: Role.ADMIN });
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

const FIELDS = `id title status kind countyId chairId heldAt jalaliYear jalaliQuarter ngoIds ngoCount chair { id } county { id }`;
const meetingCount = async () => Number((await db.query("SELECT count(*) FROM meeting"))[0].count);

describe("meetings", () => {
  let meetingId: string;

  it("schedules a meeting with attendees; 23:30 Tehran on 31 Khordad 1404 is quarter 1", async () => {
    const result = await gql(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { ${FIELDS} } }`, {
      input: {
        title: "نشست فصلی مسئله‌محور با سمن‌های زنجان",
        kind: "QUARTERLY_PROBLEM_CENTRED",
        provinceId: "19",
        countyId: "1901",
        chairId: CHAIR,
        scheduledAt: "2025-06-21T20:00:00.000Z",
        attendees: [{ ngoId: NGO_A, representativeName: "مریم احمدی" }, { ngoId: NGO_B }],
      },
    });
    expect(result.errors).toBeUndefined();
    const meeting = result.data!.createMeeting;
    meetingId = meeting.id;
    expect(meeting).toMatchObject({
      status: "PLANNED",
      jalaliYear: 1404,
      jalaliQuarter: 1,
      ngoCount: 2,
      chair: { id: CHAIR },
      county: { id: "1901" },
    });
    expect([...meeting.ngoIds].sort()).toEqual([NGO_A, NGO_B].sort());
  });

  it("refuses to mark it held without the time, and changes nothing", async () => {
    const result = await gql(
      `mutation($id: ID!) { updateMeeting(id: $id, input: { status: HELD, attendees: [] }) { id } }`,
      { id: meetingId },
    );
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const rows = await db.query("SELECT count(*) FROM meeting_attendance WHERE meeting_id = $1", [meetingId]);
    expect(Number(rows[0].count)).toBe(2);
  });

  it("records it as held, then refuses to cancel a held meeting", async () => {
    const held = await gql(
      `mutation($id: ID!) { updateMeeting(id: $id, input: { status: HELD, heldAt: "2025-06-21T20:00:00.000Z", minutes: "مصوبات ثبت شد." }) { status heldAt } }`,
      { id: meetingId },
    );
    expect(held.data!.updateMeeting).toEqual({ status: "HELD", heldAt: "2025-06-21T20:00:00.000Z" });
    const cancel = await gql(
      `mutation($id: ID!) { updateMeeting(id: $id, input: { status: CANCELLED, cancellationReason: "x" }) { status } }`,
      { id: meetingId },
    );
    expect(cancel.errors?.[0].extensions?.code).toBe("INVALID_TRANSITION");
  });

  it("refuses a county outside the meeting's province and duplicate attendees", async () => {
    const before = await meetingCount();
    const result = await gql(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`, {
      input: {
        title: "نشست آزمایشی",
        kind: "OTHER",
        provinceId: "19",
        countyId: "2301",
        scheduledAt: "2025-07-01T08:00:00Z",
        attendees: [{ ngoId: NGO_A }, { ngoId: NGO_A }],
      },
    });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.fields).toHaveLength(2);
    expect(await meetingCount()).toBe(before);
  });

  it("lists meetings by NGO and adds Ngo.meetings through _entities", async () => {
    const list = await gql(`query($ngo: ID!) { meetings(filter: { ngoId: $ngo }) { totalCount items { id } } }`, {
      ngo: NGO_B,
    });
    expect(list.data!.meetings.items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    const entities = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id meetings { id } } } }`,
      {
        r: [
          { __typename: "Ngo", id: NGO_A },
          { __typename: "Ngo", id: "2b8e6e1a-0000-4000-8000-000000000000" },
        ],
      },
    );
    expect(entities.data!._entities).toEqual([
      { id: NGO_A, meetings: [{ id: meetingId }] },
      { id: "2b8e6e1a-0000-4000-8000-000000000000", meetings: [] },
    ]);
  });

  it("gives each NGO of a page its meetings, latest first, a meeting shared by both in each list, within the territory", async () => {
    const create = async (title: string, scheduledAt: string, ngoIds: string[]) => {
      const created = await gql(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`, {
        input: {
          title,
          kind: "QUARTERLY_PROBLEM_CENTRED",
          provinceId: "19",
          countyId: "1901",
          chairId: CHAIR,
          scheduledAt,
          attendees: ngoIds.map((ngoId) => ({ ngoId })),
        },
      });
      expect(created.errors).toBeUndefined();
      return created.data!.createMeeting.id as string;
    };
    const later = await create("نشست مرداد", "2025-08-01T06:00:00.000Z", [NGO_A, NGO_B]);
    const earlier = await create("نشست اردیبهشت", "2025-05-01T06:00:00.000Z", [NGO_B]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id meetings { id title scheduledAt } } } }`;
    const r = [
      { __typename: "Ngo", id: NGO_B },
      { __typename: "Ngo", id: NGO_A },
    ];
    const answer = await gql(query, { r });
    expect(answer.errors).toBeUndefined();
    const ids = answer.data!._entities.map((ngo: { meetings: { id: string }[] }) => ngo.meetings.map((m) => m.id));
    expect(ids).toEqual([
      [later, meetingId, earlier],
      [later, meetingId],
    ]);
    expect(answer.data!._entities[0].meetings[0]).toEqual({
      id: later,
      title: "نشست مرداد",
      scheduledAt: "2025-08-01T06:00:00.000Z",
    });
    // Only the ids asked (read without hydrating a meeting): the same ids in the same order, through fragments too.
    const idsOnly = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id meetings { id ...M } } } } fragment M on Meeting { __typename id }`,
      { r },
    );
    expect(idsOnly.errors).toBeUndefined();
    expect(idsOnly.data!._entities.map((ngo: { meetings: { id: string }[] }) => ngo.meetings.map((m) => m.id))).toEqual(
      ids,
    );
    // A county officer of another province sees none of these meetings.
    const elsewhere = await postGraphQL(
      server.url,
      query,
      { r },
      await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "23", countyId: "2301" }),
    );
    expect(elsewhere.data!._entities).toEqual([
      { id: NGO_B, meetings: [] },
      { id: NGO_A, meetings: [] },
    ]);
    const elsewhereIds = await postGraphQL(
      server.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id meetings { id } } } }`,
      { r },
      await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "23", countyId: "2301" }),
    );
    expect(elsewhereIds.data!._entities).toEqual(elsewhere.data!._entities);
  });
});
