import { login, postGraphQL, Role, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Ids that point at records of another service are checked when written (docs/references.md): a record that does
 * not exist, is of another kind, or lies outside the caller's territory is BAD_USER_INPUT naming the field, and
 * nothing is written; an unreachable owner is SERVICE_UNAVAILABLE.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const ZERO = "00000000-0000-0000-0000-000000000000";

const gql = async (user: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, { authorization: `Bearer ${tokens[user]}` });

const engagementCounts = () =>
  withClient(prepared.adminUrl, async (client) => {
    const tables = [
      "meeting",
      "meeting_attendance",
      "resolution",
      "project",
      "proposal",
      "demand",
      "working_group",
      "working_group_member",
    ];
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = Number((await client.query(`SELECT count(*) FROM engagement.${table}`)).rows[0].count);
    return counts;
  });

beforeAll(async () => {
  prepared = await prepareTestDatabase("references", { demo: true });
  stack = await startInProcessStack(prepared);
  for (const user of ["demo.admin", "demo.province"]) tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
  const zanjan = await gql(
    "demo.province",
    `{ meetings(limit: 1) { items { id } } managers(limit: 1) { items { id } } agencies(limit: 1) { items { id } } ngos(limit: 1) { items { id } }
       informalSettlementAreas(limit: 1) { items { id } } resolutions(limit: 1) { items { id } } }`,
  );
  expect(zanjan.errors).toBeUndefined();
  for (const key of ["meetings", "managers", "agencies", "ngos", "resolutions"])
    ids[key] = zanjan.data![key].items[0].id;
  const elsewhere = await gql(
    "demo.admin",
    `{ managers(filter: { provinceId: "10" }, limit: 1) { items { id } } ngos(filter: { provinceId: "10" }, limit: 1) { items { id } }
       agencies(filter: { provinceId: "10" }, limit: 1) { items { id } } informalSettlementAreas(limit: 1) { items { id } } }`,
  );
  ids.isfahanManager = elsewhere.data!.managers.items[0].id;
  const otherPlaces = await gql(
    "demo.admin",
    `{ ngoHouses(filter: { provinceId: "10" }, limit: 1) { items { id } } informalSettlementAreas(limit: 100) { items { id provinceId } } }`,
  );
  ids.isfahanNgoHouse = otherPlaces.data!.ngoHouses.items[0].id;
  // an area outside Zanjan (the demo's areas are in several provinces)
  ids.isfahanInformalSettlementArea = (
    otherPlaces.data!.informalSettlementAreas.items as { id: string; provinceId: string }[]
  ).find((a) => a.provinceId !== "19")!.id;
  ids.isfahanNgo = elsewhere.data!.ngos.items[0].id;
  ids.isfahanAgency = elsewhere.data!.agencies.items[0].id;
  ids.area = zanjan.data!.informalSettlementAreas.items[0]?.id ?? elsewhere.data!.informalSettlementAreas.items[0].id;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const RESOLUTION = `mutation($input: ResolutionCreateInput!) { createResolution(input: $input) { id } }`;
const PROJECT = `mutation($input: ProjectCreateInput!) { createProject(input: $input) { id } }`;
const PROPOSAL = `mutation($input: ProposalCreateInput!) { createProposal(input: $input) { id } }`;
const MEETING = `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`;

type Case = [label: string, mutation: string, input: () => Record<string, unknown>, field: string];

const CASES: Case[] = [
  [
    "a resolution owned by a manager that does not exist",
    RESOLUTION,
    () => ({ meetingId: ids.meetings, text: "پیگیری بیمه اعضا", ownerManagerId: ZERO }),
    "ownerManagerId",
  ],
  [
    "a resolution owned by a resolution's id (wrong kind)",
    RESOLUTION,
    () => ({ meetingId: ids.meetings, text: "پیگیری بیمه اعضا", ownerManagerId: ids.resolutions }),
    "ownerManagerId",
  ],
  [
    "a resolution owned by an Isfahan manager (other province)",
    RESOLUTION,
    () => ({ meetingId: ids.meetings, text: "پیگیری بیمه اعضا", ownerManagerId: ids.isfahanManager }),
    "ownerManagerId",
  ],
  [
    "a resolution owned by an empty agency id",
    RESOLUTION,
    () => ({ meetingId: ids.meetings, text: "پیگیری بیمه اعضا", ownerAgencyId: "" }),
    "ownerAgencyId",
  ],
  [
    "a resolution owned by a manager's id given as an agency",
    RESOLUTION,
    () => ({ meetingId: ids.meetings, text: "پیگیری بیمه اعضا", ownerAgencyId: ids.managers }),
    "ownerAgencyId",
  ],
  [
    "a project whose area is a resolution's id",
    PROJECT,
    () => ({ title: "بهسازی محله", provinceId: "19", areaId: ids.resolutions }),
    "areaId",
  ],
  [
    "a project whose partner NGO is an Isfahan manager's id",
    PROJECT,
    () => ({ title: "بهسازی محله", provinceId: "19", partnerNgoIds: [ids.ngos, ids.isfahanManager] }),
    "partnerNgoIds[1]",
  ],
  [
    "a project with an empty working group id",
    PROJECT,
    () => ({ title: "بهسازی محله", provinceId: "19", workingGroupId: "" }),
    "workingGroupId",
  ],
  [
    "a project of an Isfahan agency",
    PROJECT,
    () => ({ title: "بهسازی محله", provinceId: "19", responsibleAgencyId: ids.isfahanAgency }),
    "responsibleAgencyId",
  ],
  [
    "a proposal of an Isfahan NGO",
    PROPOSAL,
    () => ({ ngoId: ids.isfahanNgo, provinceId: "19", topic: "آموزش", submittedOn: "2025-05-01" }),
    "ngoId",
  ],
  [
    "a proposal to an agency that does not exist",
    PROPOSAL,
    () => ({ ngoId: ids.ngos, provinceId: "19", agencyId: ZERO, topic: "آموزش", submittedOn: "2025-05-01" }),
    "agencyId",
  ],
  [
    "a meeting attended by an Isfahan NGO",
    MEETING,
    () => ({
      title: "نشست فصلی",
      kind: "OTHER",
      provinceId: "19",
      scheduledAt: "2025-06-01T08:00:00Z",
      attendees: [{ ngoId: ids.ngos }, { ngoId: ids.isfahanNgo }],
    }),
    "attendees[1].ngoId",
  ],
  [
    "a meeting chaired by an agency's id",
    MEETING,
    () => ({
      title: "نشست فصلی",
      kind: "OTHER",
      provinceId: "19",
      scheduledAt: "2025-06-01T08:00:00Z",
      chairId: ids.agencies,
    }),
    "chairId",
  ],
  [
    "a meeting in a county that does not exist",
    MEETING,
    () => ({
      title: "نشست فصلی",
      kind: "OTHER",
      provinceId: "19",
      countyId: "1999",
      scheduledAt: "2025-06-01T08:00:00Z",
    }),
    "countyId",
  ],
];

/** Every cross-service reference of an engagement input: how to build a valid input around it, and its kind. */
type Kind = "Ngo" | "Manager" | "Agency" | "NgoHouse" | "InformalSettlementArea";
interface ReferenceField {
  mutation: string;
  field: string;
  kind: Kind;
  input: (value: string) => Record<string, unknown>;
}
const MEETING_BASE = { title: "نشست فصلی", kind: "OTHER", provinceId: "19", scheduledAt: "2025-06-01T08:00:00Z" };
const GROUP = `mutation($input: WorkingGroupCreateInput!) { createWorkingGroup(input: $input) { id } }`;
const DEMAND = `mutation($input: DemandCreateInput!) { createDemand(input: $input) { id } }`;
const GROUP_BASE = { name: "کارگروه آزمون", dimension: "SOCIAL", provinceId: "19" };
const REFERENCE_FIELDS: ReferenceField[] = [
  { mutation: MEETING, field: "chairId", kind: "Manager", input: (v) => ({ ...MEETING_BASE, chairId: v }) },
  {
    mutation: MEETING,
    field: "organisingAgencyId",
    kind: "Agency",
    input: (v) => ({ ...MEETING_BASE, organisingAgencyId: v }),
  },
  {
    mutation: MEETING,
    field: "venueNgoHouseId",
    kind: "NgoHouse",
    input: (v) => ({ ...MEETING_BASE, venueNgoHouseId: v }),
  },
  {
    mutation: MEETING,
    field: "attendees[0].ngoId",
    kind: "Ngo",
    input: (v) => ({ ...MEETING_BASE, attendees: [{ ngoId: v }] }),
  },
  {
    mutation: MEETING,
    field: "officials[0].managerId",
    kind: "Manager",
    input: (v) => ({ ...MEETING_BASE, officials: [{ managerId: v, role: "دبیر" }] }),
  },
  {
    mutation: MEETING,
    field: "officials[0].agencyId",
    kind: "Agency",
    input: (v) => ({ ...MEETING_BASE, officials: [{ managerId: ids.managers, agencyId: v, role: "دبیر" }] }),
  },
  {
    mutation: RESOLUTION,
    field: "ownerAgencyId",
    kind: "Agency",
    input: (v) => ({ meetingId: ids.meetings, text: "پیگیری", ownerAgencyId: v }),
  },
  {
    mutation: RESOLUTION,
    field: "ownerManagerId",
    kind: "Manager",
    input: (v) => ({ meetingId: ids.meetings, text: "پیگیری", ownerManagerId: v }),
  },
  {
    mutation: PROJECT,
    field: "areaId",
    kind: "InformalSettlementArea",
    input: (v) => ({ title: "بهسازی محله", provinceId: "19", areaId: v }),
  },
  {
    mutation: PROJECT,
    field: "responsibleAgencyId",
    kind: "Agency",
    input: (v) => ({ title: "بهسازی محله", provinceId: "19", responsibleAgencyId: v }),
  },
  {
    mutation: PROJECT,
    field: "partnerNgoIds[0]",
    kind: "Ngo",
    input: (v) => ({ title: "بهسازی محله", provinceId: "19", partnerNgoIds: [v] }),
  },
  {
    mutation: GROUP,
    field: "parentNgoHouseId",
    kind: "NgoHouse",
    input: (v) => ({ ...GROUP_BASE, parentNgoHouseId: v }),
  },
  { mutation: GROUP, field: "chairManagerId", kind: "Manager", input: (v) => ({ ...GROUP_BASE, chairManagerId: v }) },
  { mutation: GROUP, field: "chairAgencyId", kind: "Agency", input: (v) => ({ ...GROUP_BASE, chairAgencyId: v }) },
  {
    mutation: PROPOSAL,
    field: "ngoId",
    kind: "Ngo",
    input: (v) => ({ ngoId: v, provinceId: "19", topic: "آموزش", submittedOn: "2025-05-01" }),
  },
  {
    mutation: PROPOSAL,
    field: "agencyId",
    kind: "Agency",
    input: (v) => ({ ngoId: ids.ngos, provinceId: "19", agencyId: v, topic: "آموزش", submittedOn: "2025-05-01" }),
  },
  {
    mutation: DEMAND,
    field: "ngoId",
    kind: "Ngo",
    input: (v) => ({ ngoId: v, provinceId: "19", category: "OTHER", title: "بیمه اعضا", raisedOn: "2025-05-01" }),
  },
  {
    mutation: DEMAND,
    field: "agencyId",
    kind: "Agency",
    input: (v) => ({
      ngoId: ids.ngos,
      provinceId: "19",
      agencyId: v,
      category: "OTHER",
      title: "بیمه اعضا",
      raisedOn: "2025-05-01",
    }),
  },
];
/** An id of another kind for each kind (a resolution's id is never any of them). */
const wrongKind = (kind: Kind) =>
  kind === "Manager" ? ids.agencies : kind === "Agency" ? ids.managers : ids.resolutions;

describe.each(REFERENCE_FIELDS.map((ref) => [`${ref.mutation.match(/\{ (\w+)\(/)![1]}.${ref.field}`, ref] as const))(
  "reference %s",
  (_name, ref) => {
    it.each([
      ["missing", () => ZERO],
      ["of another kind", () => wrongKind(ref.kind)],
      ["in another province", () => ids[`isfahan${ref.kind}`]],
      ["an empty string", () => ""],
    ])("is refused when %s, naming the field, with nothing written", async (_variant, value) => {
      const before = await engagementCounts();
      const answer = await gql("demo.province", ref.mutation, { input: ref.input(value()) });
      expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toContain(ref.field);
      expect(await engagementCounts()).toEqual(before);
    });
  },
);

describe("a reference that does not point at a record of the right kind in the caller's territory", () => {
  it.each(CASES)("refuses %s, naming the field, and writes nothing", async (_label, mutation, input, field) => {
    const before = await engagementCounts();
    const answer = await gql("demo.province", mutation, { input: input() });
    const error = answer.errors?.[0];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.extensions?.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(error?.message).toMatch(/[\u0600-\u06FF]/);
    expect(await engagementCounts()).toEqual(before);
  });
});

it("accepts references inside the territory, in one lookup per owning service", async () => {
  const answer = await gql("demo.province", RESOLUTION, {
    input: {
      meetingId: ids.meetings,
      text: "پیگیری بیمه اعضا",
      ownerManagerId: ids.managers,
      ownerAgencyId: ids.agencies,
    },
  });
  expect(answer.errors).toBeUndefined();
  const project = await gql("demo.province", PROJECT, {
    input: { title: "بهسازی محله", provinceId: "19", partnerNgoIds: [ids.ngos], responsibleAgencyId: ids.agencies },
  });
  expect(project.errors).toBeUndefined();
  // an administrator may name any province's records
  const national = await gql("demo.admin", RESOLUTION, {
    input: { meetingId: ids.meetings, text: "پیگیری ملی", ownerManagerId: ids.isfahanManager },
  });
  expect(national.errors).toBeUndefined();
});

it("answers SERVICE_UNAVAILABLE, and writes nothing, when the registry cannot be asked", async () => {
  const db = createEngagementDataSource(prepared.serviceUrls.engagement);
  await db.initialize();
  const orphan = await startEngagement({
    db,
    port: 0,
    security: stack.security,
    registryUrl: "http://127.0.0.1:9/graphql",
  });
  try {
    const before = await engagementCounts();
    const headers = await subgraphHeaders(stack.security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const answer = await postGraphQL(
      orphan.url,
      RESOLUTION,
      { input: { meetingId: ids.meetings, text: "پیگیری", ownerManagerId: ids.managers } },
      headers,
    );
    expect(answer.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await engagementCounts()).toEqual(before);
  } finally {
    await orphan.stop();
    await db.destroy();
  }
});

it("refuses a user whose county or province the registry does not have, naming the field", async () => {
  const create = (territory: Record<string, string>) =>
    gql("demo.admin", `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`, {
      input: {
        username: `county.${Object.values(territory).join("")}`,
        displayName: "کارشناس آزمون",
        role: "COUNTY_OFFICER",
        password: "Sh0rt-but-long-enough",
        ...territory,
      },
    });
  const noCounty = await create({ provinceId: "19", countyId: "1999" });
  expect(noCounty.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(noCounty.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toContain("countyId");
  const noProvince = await create({ provinceId: "98", countyId: "9801" });
  expect(noProvince.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toEqual(
    expect.arrayContaining(["provinceId", "countyId"]),
  );
  expect((await create({ provinceId: "19", countyId: "1901" })).errors).toBeUndefined();
});

describe("deleting a registry record that engagement records still name", () => {
  it("is refused with CONFLICT saying what uses it, and the record stays", async () => {
    const attended = await gql("demo.province", `{ meetings(limit: 50) { items { attendance { ngoId } } } }`);
    const ngoId = attended.data!.meetings.items.flatMap((m: { attendance: { ngoId: string }[] }) => m.attendance)[0]
      .ngoId;
    const answer = await gql("demo.province", `mutation($id: ID!) { deleteNgo(id: $id) { id } }`, { id: ngoId });
    expect(answer.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(answer.errors?.[0].message).toMatch(/حضور در نشست/);
    expect((await gql("demo.province", `query($id: ID!) { ngo(id: $id) { id } }`, { id: ngoId })).data!.ngo).toEqual({
      id: ngoId,
    });
  });

  it("is allowed when nothing names it, and tells nothing about records out of the caller's territory", async () => {
    const created = await gql(
      "demo.province",
      `mutation { createAgency(input: { name: "دستگاه بی‌کاربرد آزمون", kind: OTHER, provinceId: "19" }) { id } }`,
    );
    const id = created.data!.createAgency.id;
    expect(
      (await gql("demo.province", `mutation($id: ID!) { deleteAgency(id: $id) { id } }`, { id })).errors,
    ).toBeUndefined();
    const outside = await gql("demo.province", `mutation($id: ID!) { deleteManager(id: $id) { id } }`, {
      id: ids.isfahanManager,
    });
    expect(outside.errors?.[0].extensions?.code).not.toBe("CONFLICT");
  });
});
