import {
  ADMIN,
  addDays,
  ANALYST,
  EngagementHarness,
  QAZVIN_OFFICER,
  startHarness,
  tehran,
  today,
  uuid,
  ZANJAN_COUNTY,
  ZANJAN_OFFICER,
} from "./helpers";

/**
 * The engagement entities on the subgraph: meetings with attendance and officials, the social-harm catalogue,
 * agenda items, resolutions and their follow-up (overdue derivation), working groups, projects, proposals and
 * demands — their validation, transitions, territory and audit.
 */
let h: EngagementHarness;
beforeAll(async () => {
  h = await startHarness("engdomain");
});
afterAll(() => h?.stop());

const NGO_A = uuid(1);
const NGO_B = uuid(2);
const NGO_C = uuid(3);
const CHAIR = uuid(100);
const GOV_1901 = uuid(200);
const WELFARE_19 = uuid(201);
const WELFARE_26 = uuid(202);

const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

async function createMeeting(input: Record<string, unknown>, as = ADMIN): Promise<string> {
  const result = await h.gql(
    `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`,
    {
      input: {
        title: "نشست فصلی مسئله‌محور",
        kind: "QUARTERLY_PROBLEM_CENTRED",
        provinceId: "19",
        countyId: "1901",
        scheduledAt: "2025-05-10T06:30:00.000Z",
        ...input,
      },
    },
    as,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createMeeting.id;
}

const holdMeeting = (id: string, heldAt = "2025-05-10T06:30:00.000Z") =>
  h.gql(
    `mutation($id: ID!, $at: DateTimeISO!) { updateMeeting(id: $id, input: { status: HELD, heldAt: $at }) { status } }`,
    { id, at: heldAt },
  );

describe("meetings: level, organiser, venue, officials and attendance rows", () => {
  it("records the organising agency, venue, officials and attendance with ids; keeps row ids when the list changes", async () => {
    const created = await h.gql(
      `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) {
          id level meetingDate organisingAgencyId organisingAgency { id } venue venueNgoHouseId
          officials { managerId role agencyId } attendance { id ngoId representativeName meetingDate } } }`,
      {
        input: {
          title: "نشست فصلی فرماندار زنجان",
          kind: "QUARTERLY_PROBLEM_CENTRED",
          provinceId: "19",
          countyId: "1901",
          chairId: CHAIR,
          organisingAgencyId: GOV_1901,
          venue: "  سالن جلسات   فرمانداری ",
          venueNgoHouseId: uuid(300),
          scheduledAt: tehran("2025-04-21T10:00:00"),
          attendees: [{ ngoId: NGO_A, representativeName: "مریم احمدی" }, { ngoId: NGO_B }],
          officials: [
            { managerId: CHAIR, role: "رئیس جلسه", agencyId: GOV_1901 },
            { managerId: uuid(101), role: "نماینده بهزیستی" },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const meeting = created.data!.createMeeting;
    expect(meeting).toMatchObject({
      level: "COUNTY",
      meetingDate: "2025-04-21",
      organisingAgency: { id: GOV_1901 },
      venue: "سالن جلسات فرمانداری",
      venueNgoHouseId: uuid(300),
    });
    expect(meeting.officials).toEqual(
      expect.arrayContaining([
        { managerId: CHAIR, role: "رئیس جلسه", agencyId: GOV_1901 },
        { managerId: uuid(101), role: "نماینده بهزیستی", agencyId: null },
      ]),
    );
    expect(meeting.attendance).toHaveLength(2);
    const idOfB = meeting.attendance.find((a: { ngoId: string }) => a.ngoId === NGO_B).id;

    const updated = await h.gql(
      `mutation($id: ID!) { updateMeeting(id: $id, input: { attendees: [{ ngoId: "${NGO_B}", representativeName: "علی کاظمی" }, { ngoId: "${NGO_C}" }] }) { attendance { id ngoId representativeName } } }`,
      { id: meeting.id },
    );
    const rows = updated.data!.updateMeeting.attendance;
    expect(rows.map((a: { ngoId: string }) => a.ngoId).sort()).toEqual([NGO_B, NGO_C].sort());
    expect(rows.find((a: { ngoId: string }) => a.ngoId === NGO_B)).toEqual({
      id: idOfB,
      ngoId: NGO_B,
      representativeName: "علی کاظمی",
    });

    const provincial = await h.gql(
      `mutation { createMeeting(input: { title: "شورای حمایت از سمن‌ها", kind: COUNCIL, provinceId: "19", scheduledAt: "2025-05-01T06:00:00Z" }) { level } }`,
    );
    expect(provincial.data!.createMeeting.level).toBe("PROVINCE");
  });

  it("dates attendance by the meeting's Tehran day: 23:30 on 31 Khordad is 2025-06-21 (quarter 1), 00:10 on 1 Tir is 2025-06-22 (quarter 2)", async () => {
    const late = await createMeeting({
      title: "نشست پایان فصل اول",
      scheduledAt: tehran("2025-06-21T23:30:00"),
      attendees: [{ ngoId: NGO_A }],
    });
    const early = await createMeeting({
      title: "نشست آغاز فصل دوم",
      scheduledAt: tehran("2025-06-22T00:10:00"),
      attendees: [{ ngoId: NGO_A }],
    });
    expect((await holdMeeting(late, tehran("2025-06-21T23:30:00"))).errors).toBeUndefined();
    const rowIds = await h.rows(
      `SELECT id, meeting_id FROM engagement.meeting_attendance WHERE meeting_id IN ($1, $2)`,
      [late, early],
    );
    const idOf = (meetingId: string) => rowIds.find((r) => r.meeting_id === meetingId)!.id;
    const entities = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on MeetingAttendance { id ngoId meetingDate meeting { jalaliQuarter } } } }`,
      {
        r: [
          { __typename: "MeetingAttendance", id: idOf(late) },
          { __typename: "MeetingAttendance", id: idOf(early) },
          { __typename: "MeetingAttendance", id: uuid(999) },
        ],
      },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([
      { id: idOf(late), ngoId: NGO_A, meetingDate: "2025-06-21", meeting: { jalaliQuarter: 1 } },
      { id: idOf(early), ngoId: NGO_A, meetingDate: "2025-06-22", meeting: { jalaliQuarter: 2 } },
      null,
    ]);
    const q1 = await h.gql(
      `{ meetings(filter: { jalaliYear: 1404, jalaliQuarter: 1, q: "فصل" }, limit: 200) { items { id } } }`,
    );
    const ids = q1.data!.meetings.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(late);
    expect(ids).not.toContain(early);
    const bad = await h.gql(`{ meetings(filter: { jalaliYear: 1404, jalaliQuarter: 5 }) { totalCount } }`);
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });

  it("hides attendance rows outside the territory on the _entities path", async () => {
    const meeting = await createMeeting({ provinceId: "26", countyId: "2601", attendees: [{ ngoId: NGO_A }] });
    const [row] = await h.rows(`SELECT id FROM engagement.meeting_attendance WHERE meeting_id = $1`, [meeting]);
    const asZanjan = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on MeetingAttendance { id } } }`,
      { r: [{ __typename: "MeetingAttendance", id: row.id }] },
      ZANJAN_OFFICER,
    );
    expect(asZanjan.data!._entities).toEqual([null]);
  });

  it("refuses a working group on a meeting that is not a session, and a session outside the group's province", async () => {
    const group = await h.gql(
      `mutation { createWorkingGroup(input: { name: "کمیته اجتماعی آزمون", dimension: SOCIAL, provinceId: "26" }) { id } }`,
    );
    const groupId = group.data!.createWorkingGroup.id;
    const before = await h.count("meeting");
    const notSession = await h.gql(
      `mutation($g: ID!) { createMeeting(input: { title: "نشست معمولی", kind: OTHER, provinceId: "26", scheduledAt: "2025-05-01T06:00:00Z", workingGroupId: $g }) { id } }`,
      { g: groupId },
    );
    expect(codeOf(notSession)).toBe("BAD_USER_INPUT");
    const elsewhere = await h.gql(
      `mutation($g: ID!) { createMeeting(input: { title: "جلسه کارگروه", kind: WORKING_GROUP_SESSION, provinceId: "19", scheduledAt: "2025-05-01T06:00:00Z", workingGroupId: $g }) { id } }`,
      { g: groupId },
    );
    expect(codeOf(elsewhere)).toBe("BAD_USER_INPUT");
    expect(await h.count("meeting")).toBe(before);
  });
});

describe("social-harm catalogue", () => {
  it("is seeded with the 20 national social harms", async () => {
    const result = await h.gql(`{ socialHarms(limit: 50) { totalCount items { code name active } } }`);
    expect(result.data!.socialHarms.totalCount).toBe(20);
    const unfiltered = await h.gql(`{ socialHarms(filter: { active: null }) { totalCount } }`);
    expect(unfiltered.data!.socialHarms.totalCount).toBe(20);
    const codes = result.data!.socialHarms.items.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(["ADDICTION", "DIVORCE", "CHILD_LABOUR", "MARGINALISATION"]));
    expect(result.data!.socialHarms.items.find((s: { code: string }) => s.code === "ADDICTION").name).toBe("اعتیاد");
    const search = await h.gql(`{ socialHarms(filter: { q: "اعتياد" }) { items { code } } }`);
    expect(search.data!.socialHarms.items.map((s: { code: string }) => s.code)).toContain("ADDICTION");
  });

  it("lets administrators manage it: duplicates by Persian spelling are refused, used harms are retired rather than deleted", async () => {
    const officer = await h.gql(
      `mutation { createSocialHarm(input: { code: "TEST_HARM", name: "آسیب آزمایشی" }) { id } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(codeOf(officer)).toBe("FORBIDDEN");
    const duplicate = await h.gql(
      `mutation { createSocialHarm(input: { code: "ADDICTION_2", name: "اعتياد" }) { id } }`,
    );
    expect(codeOf(duplicate)).toBe("CONFLICT");
    const badCode = await h.gql(`mutation { createSocialHarm(input: { code: "bad code", name: "x" }) { id } }`);
    expect(badCode.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "code",
      "name",
    ]);
    expect(await h.count("social_harm")).toBe(20);

    const created = await h.gql(
      `mutation { createSocialHarm(input: { code: "LONELINESS", name: "تنهایی سالمندان" }) { id sortOrder active } }`,
    );
    expect(created.data!.createSocialHarm).toMatchObject({ sortOrder: 21, active: true });
    const harmId = created.data!.createSocialHarm.id;
    const meeting = await createMeeting({});
    expect(
      (
        await h.gql(
          `mutation($m: ID!, $s: ID!) { createAgendaItem(input: { meetingId: $m, topic: "سالمندان تنها", socialHarmId: $s }) { id } }`,
          { m: meeting, s: harmId },
        )
      ).errors,
    ).toBeUndefined();
    const used = await h.gql(`mutation($id: ID!) { deleteSocialHarm(id: $id) { id } }`, { id: harmId });
    expect(codeOf(used)).toBe("CONFLICT");
    expect(used.errors?.[0].extensions?.uses).toBe(1);
    const tooLong = await h.gql(
      `mutation($id: ID!, $d: String!) { updateSocialHarm(id: $id, input: { description: $d }) { id } }`,
      { id: harmId, d: "ش".repeat(1001) },
    );
    expect(tooLong.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toEqual(["description"]);
    const retired = await h.gql(
      `mutation($id: ID!) { updateSocialHarm(id: $id, input: { active: false }) { active } }`,
      { id: harmId },
    );
    expect(retired.data!.updateSocialHarm.active).toBe(false);
    const onRetired = await h.gql(
      `mutation($m: ID!, $s: ID!) { createAgendaItem(input: { meetingId: $m, topic: "سالمندان تنها ۲", socialHarmId: $s }) { id } }`,
      { m: meeting, s: harmId },
    );
    expect(codeOf(onRetired)).toBe("BAD_USER_INPUT");
    const audit = await h.rows(
      `SELECT action, province_id FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`,
      [harmId],
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["createSocialHarm", "updateSocialHarm"]));
  });
});

describe("agenda items", () => {
  it("orders items, ties them to a harm or a demand of the meeting's province, and lists by harm", async () => {
    const meeting = await createMeeting({ attendees: [{ ngoId: NGO_A }] });
    const demand = await h.gql(
      `mutation($m: ID!) { createDemand(input: { ngoId: "${NGO_A}", provinceId: "19", countyId: "1901", meetingId: $m, category: MEMBERS_INSURANCE, title: "بیمه اعضای سمن", raisedOn: "2025-05-10", agencyId: "${WELFARE_19}" }) { id meetingId } }`,
      { m: meeting },
    );
    expect(demand.errors).toBeUndefined();
    const demandId = demand.data!.createDemand.id;
    const harms = await h.gql(`{ socialHarms(filter: { q: "CHILD_LABOUR" }) { items { id code } } }`);
    const childLabour = harms.data!.socialHarms.items.find((s: { code: string }) => s.code === "CHILD_LABOUR").id;
    const first = await h.gql(
      `mutation($m: ID!, $s: ID!) { createAgendaItem(input: { meetingId: $m, topic: "کودکان کار", socialHarmId: $s }) { id position socialHarm { code } } }`,
      { m: meeting, s: childLabour },
    );
    const second = await h.gql(
      `mutation($m: ID!, $d: ID!) { createAgendaItem(input: { meetingId: $m, topic: "بیمه اعضا", demandId: $d }) { id position demand { title } } }`,
      { m: meeting, d: demandId },
    );
    expect(first.data!.createAgendaItem).toMatchObject({ position: 1, socialHarm: { code: "CHILD_LABOUR" } });
    expect(second.data!.createAgendaItem).toMatchObject({ position: 2, demand: { title: "بیمه اعضای سمن" } });

    const qazvinDemand = await h.gql(
      `mutation { createDemand(input: { ngoId: "${NGO_C}", provinceId: "26", category: FUNDING, title: "کمک مالی", raisedOn: "2025-05-10" }) { id } }`,
    );
    const before = await h.count("agenda_item");
    const wrong = await h.gql(
      `mutation($m: ID!, $d: ID!) { createAgendaItem(input: { meetingId: $m, topic: "موضوع", demandId: $d }) { id } }`,
      { m: meeting, d: qazvinDemand.data!.createDemand.id },
    );
    expect(codeOf(wrong)).toBe("BAD_USER_INPUT");
    expect(await h.count("agenda_item")).toBe(before);

    const list = await h.gql(
      `query($s: ID!) { agendaItems(filter: { socialHarmId: $s }) { items { meetingId topic } } }`,
      { s: childLabour },
    );
    expect(list.data!.agendaItems.items).toEqual([{ meetingId: meeting, topic: "کودکان کار" }]);
    const view = await h.gql(
      `query($m: ID!) { meeting(id: $m) { agendaItems { position topic } demands { id agendaItems { topic } } } }`,
      { m: meeting },
    );
    expect(view.data!.meeting.agendaItems.map((i: { position: number }) => i.position)).toEqual([1, 2]);
    expect(view.data!.meeting.demands).toEqual([{ id: demandId, agendaItems: [{ topic: "بیمه اعضا" }] }]);
    const cleared = await h.gql(
      `mutation($id: ID!) { updateAgendaItem(id: $id, input: { socialHarmId: null, position: 3 }) { socialHarmId position } }`,
      { id: first.data!.createAgendaItem.id },
    );
    expect(cleared.data!.updateAgendaItem).toEqual({ socialHarmId: null, position: 3 });
    const demandDelete = await h.gql(`mutation($id: ID!) { deleteDemand(id: $id) { id } }`, { id: demandId });
    expect(codeOf(demandDelete)).toBe("BAD_USER_INPUT");
    expect(demandDelete.errors?.[0].message).toMatch(/دستور جلسه/);
  });

  it("lets a county officer change the agenda of its county's meetings only", async () => {
    const provincial = await createMeeting({ countyId: null });
    const otherProvince = await createMeeting({ provinceId: "26", countyId: "2601" });
    const own = await createMeeting({});
    const add = (m: string) =>
      h.gql(
        `mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, topic: "موضوع شهرستان" }) { id } }`,
        { m },
        ZANJAN_COUNTY,
      );
    expect(codeOf(await add(provincial))).toBe("FORBIDDEN");
    expect(codeOf(await add(otherProvince))).toBe("NOT_FOUND");
    expect((await add(own)).errors).toBeUndefined();
  });
});

describe("resolutions: owners, overdue derivation and follow-up transitions", () => {
  let meeting: string;
  beforeAll(async () => {
    meeting = await createMeeting({ attendees: [{ ngoId: NGO_A }] });
  });
  const create = (input: Record<string, unknown>, as = ADMIN) =>
    h.gql(
      `mutation($input: ResolutionCreateInput!) { createResolution(input: $input) { id provinceId countyId status overdue followUpStatus daysOverdue doneOnTime locked } }`,
      { input: { meetingId: meeting, text: "پیگیری بیمه داوطلبان سمن‌ها", ...input } },
      as,
    );

  it("needs an owner and takes the meeting's territory", async () => {
    const before = await h.count("resolution");
    const noOwner = await create({});
    expect(noOwner.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: "ownerAgencyId" })]);
    expect(await h.count("resolution")).toBe(before);
    const ok = await create({ ownerAgencyId: WELFARE_19, deadline: addDays(today(), 10) });
    expect(ok.data!.createResolution).toMatchObject({
      provinceId: "19",
      countyId: "1901",
      status: "OPEN",
      overdue: false,
      followUpStatus: "OPEN",
      daysOverdue: null,
      locked: false,
    });
  });

  it("derives OVERDUE from the deadline at read time and filters it in SQL", async () => {
    const owner = uuid(400);
    const late = await create({ ownerManagerId: owner, deadline: addDays(today(), -3) });
    const dueToday = await create({ ownerManagerId: owner, deadline: today() });
    const noDeadline = await create({ ownerManagerId: owner });
    expect(late.data!.createResolution).toMatchObject({ overdue: true, followUpStatus: "OVERDUE", daysOverdue: 3 });
    expect(dueToday.data!.createResolution).toMatchObject({ overdue: false, followUpStatus: "OPEN" });
    expect(noDeadline.data!.createResolution.overdue).toBe(false);
    const overdue = await h.gql(
      `query($o: ID!) { overdueResolutions(ownerManagerId: $o) { totalCount items { id } } resolutions(filter: { ownerManagerId: $o, followUpStatus: OPEN }) { totalCount } notOverdue: resolutions(filter: { ownerManagerId: $o, overdue: false }) { totalCount } }`,
      { o: owner },
    );
    expect(overdue.data!.overdueResolutions).toEqual({
      totalCount: 1,
      items: [{ id: late.data!.createResolution.id }],
    });
    expect(overdue.data!.resolutions.totalCount).toBe(2);
    expect(overdue.data!.notOverdue.totalCount).toBe(2);
    const counts = await h.gql(`{ overdueResolutionCounts { ownerManagerId overdue oldestDeadline } }`);
    expect(counts.data!.overdueResolutionCounts).toContainEqual({
      ownerManagerId: owner,
      overdue: 1,
      oldestDeadline: addDays(today(), -3),
    });
    // Done late: no longer overdue, not on time.
    const done = await h.gql(
      `mutation($id: ID!, $d: Date!) { addResolutionUpdate(resolutionId: $id, input: { reportedOn: $d, note: "انجام شد", status: DONE }) { status completedOn overdue doneOnTime followUpStatus } }`,
      { id: late.data!.createResolution.id, d: today() },
    );
    expect(done.data!.addResolutionUpdate).toEqual({
      status: "DONE",
      completedOn: today(),
      overdue: false,
      doneOnTime: false,
      followUpStatus: "DONE",
    });
  });

  it("follows the transitions and keeps a dated history", async () => {
    const created = await create({ ownerAgencyId: WELFARE_19, deadline: addDays(today(), 20) });
    const id = created.data!.createResolution.id;
    const step = (status: string | null, reportedOn = today(), note = "گزارش پیگیری") =>
      h.gql(
        `mutation($id: ID!, $input: ResolutionProgressInput!) { addResolutionUpdate(resolutionId: $id, input: $input) { status completedOn cancellationReason doneOnTime } }`,
        { id, input: { reportedOn, note, ...(status ? { status } : {}) } },
      );
    expect((await step(null, addDays(today(), -2), "جلسه با دستگاه برگزار شد")).data!.addResolutionUpdate.status).toBe(
      "OPEN",
    );
    expect((await step("IN_PROGRESS", addDays(today(), -1))).data!.addResolutionUpdate.status).toBe("IN_PROGRESS");
    expect(codeOf(await step("DONE", addDays(today(), 1)))).toBe("BAD_USER_INPUT");
    expect((await step("DONE")).data!.addResolutionUpdate).toMatchObject({
      status: "DONE",
      completedOn: today(),
      doneOnTime: true,
    });
    expect(codeOf(await step("CANCELLED"))).toBe("INVALID_TRANSITION");
    expect((await step("IN_PROGRESS", today(), "بازگشایی: گزارش ناقص بود")).data!.addResolutionUpdate).toMatchObject({
      status: "IN_PROGRESS",
      completedOn: null,
    });
    const cancelNoReason = await h.gql(
      `mutation($id: ID!) { updateResolution(id: $id, input: { status: CANCELLED }) { status } }`,
      { id },
    );
    expect(codeOf(cancelNoReason)).toBe("BAD_USER_INPUT");
    const cancelled = await h.gql(
      `mutation($id: ID!) { updateResolution(id: $id, input: { status: CANCELLED, cancellationReason: "منتفی شد" }) { status cancellationReason } }`,
      { id },
    );
    expect(cancelled.data!.updateResolution).toEqual({ status: "CANCELLED", cancellationReason: "منتفی شد" });
    expect(codeOf(await step("OPEN"))).toBe("INVALID_TRANSITION");
    const history = await h.gql(
      `query($id: ID!) { resolution(id: $id) { updates { reportedOn statusBefore statusAfter recordedBy } } }`,
      { id },
    );
    expect(history.data!.resolution.updates.map((u: { statusAfter: string | null }) => u.statusAfter)).toEqual([
      null,
      "IN_PROGRESS",
      "DONE",
      "IN_PROGRESS",
      "CANCELLED",
    ]);
    expect(history.data!.resolution.updates[0]).toMatchObject({
      reportedOn: addDays(today(), -2),
      statusBefore: null,
      recordedBy: "test.admin",
    });
    const audit = await h.rows(
      `SELECT action, province_id, county_id, before, after FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "createResolution",
      "addResolutionUpdate",
      "addResolutionUpdate",
      "addResolutionUpdate",
      "addResolutionUpdate",
      "updateResolution",
    ]);
    expect(audit[0]).toMatchObject({ province_id: "19", county_id: "1901" });
  });

  it("shows resolutions through the meeting and refuses deleting a meeting that has them", async () => {
    const view = await h.gql(`query($m: ID!) { meeting(id: $m) { resolutions { id } } }`, { m: meeting });
    expect(view.data!.meeting.resolutions.length).toBeGreaterThan(0);
    const del = await h.gql(`mutation($m: ID!) { deleteMeeting(id: $m) { id } }`, { m: meeting });
    expect(codeOf(del)).toBe("BAD_USER_INPUT");
    expect(del.errors?.[0].message).toMatch(/مصوبه/);
  });
});

describe("working groups, members and projects", () => {
  let groupId: string;

  it("forms a group with agency and NGO members, sessions and dated membership", async () => {
    const created = await h.gql(
      `mutation { createWorkingGroup(input: { name: "کمیته تخصصی کالبدی", dimension: PHYSICAL, parentBody: "دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان قزوین", provinceId: "26", chairManagerId: "${uuid(500)}", chairAgencyId: "${uuid(501)}", establishedOn: "2025-04-30" }) { id dimension parentBody chairManager { id } chairAgency { id } active } }`,
    );
    expect(created.errors).toBeUndefined();
    groupId = created.data!.createWorkingGroup.id;
    expect(created.data!.createWorkingGroup).toMatchObject({
      dimension: "PHYSICAL",
      chairManager: { id: uuid(500) },
      active: true,
    });
    const member = (input: string) =>
      h.gql(
        `mutation { createWorkingGroupMember(input: { workingGroupId: "${groupId}", ${input} }) { id kind current ngo { id } agency { id } } }`,
      );
    const both = await member(`agencyId: "${WELFARE_26}", ngoId: "${NGO_C}", joinedOn: "2025-05-01"`);
    expect(codeOf(both)).toBe("BAD_USER_INPUT");
    const backwards = await member(`ngoId: "${NGO_C}", joinedOn: "2025-05-01", leftOn: "2025-04-01"`);
    expect(codeOf(backwards)).toBe("BAD_USER_INPUT");
    expect(
      (await member(`agencyId: "${WELFARE_26}", joinedOn: "2025-05-01"`)).data!.createWorkingGroupMember,
    ).toMatchObject({ kind: "AGENCY", current: true, agency: { id: WELFARE_26 } });
    expect(
      (await member(`ngoId: "${NGO_C}", joinedOn: "2025-05-01", role: "دبیر"`)).data!.createWorkingGroupMember,
    ).toMatchObject({ kind: "NGO", ngo: { id: NGO_C } });
    const left = await member(`ngoId: "${NGO_B}", joinedOn: "2025-05-01", leftOn: "2025-06-01"`);
    expect(left.data!.createWorkingGroupMember.current).toBe(false);
    const duplicate = await member(`ngoId: "${NGO_B}", joinedOn: "2025-05-01"`);
    expect(codeOf(duplicate)).toBe("CONFLICT");

    const session = await h.gql(
      `mutation($g: ID!) { createMeeting(input: { title: "جلسه نخست کمیته کالبدی", kind: WORKING_GROUP_SESSION, provinceId: "26", scheduledAt: "2025-05-20T06:30:00Z", workingGroupId: $g, attendees: [{ ngoId: "${NGO_C}" }] }) { id workingGroup { name } } }`,
      { g: groupId },
    );
    expect(session.data!.createMeeting.workingGroup.name).toBe("کمیته تخصصی کالبدی");
    await holdMeeting(session.data!.createMeeting.id, "2025-05-20T06:30:00Z");
    const view = await h.gql(
      `query($g: ID!) { workingGroup(id: $g) { sessions { id } sessionsHeld members { kind } } workingGroups(filter: { ngoId: "${NGO_C}" }) { totalCount } }`,
      { g: groupId },
    );
    expect(view.data!.workingGroup.sessionsHeld).toBe(1);
    expect(view.data!.workingGroup.members).toHaveLength(3);
    expect(view.data!.workingGroups.totalCount).toBe(1);
  });

  it("keeps groups in the officer's territory", async () => {
    const zanjan = await h.gql(
      `mutation { createWorkingGroup(input: { name: "کارگروه قزوین", dimension: SOCIAL, provinceId: "26" }) { id } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(codeOf(zanjan)).toBe("FORBIDDEN");
    const read = await h.gql(
      `query($g: ID!) { workingGroup(id: $g) { id } workingGroups { totalCount } }`,
      { g: groupId },
      ZANJAN_OFFICER,
    );
    expect(read.data!.workingGroup).toBeNull();
    const add = await h.gql(
      `mutation($g: ID!) { createWorkingGroupMember(input: { workingGroupId: $g, ngoId: "${NGO_A}", joinedOn: "2025-05-01" }) { id } }`,
      { g: groupId },
      ZANJAN_OFFICER,
    );
    expect(codeOf(add)).toBe("NOT_FOUND");
    const qazvin = await h.gql(`query($g: ID!) { workingGroup(id: $g) { id } }`, { g: groupId }, QAZVIN_OFFICER);
    expect(qazvin.data!.workingGroup).toEqual({ id: groupId });
  });

  it("defines projects in the group's territory and follows them through their statuses", async () => {
    const wrongTerritory = await h.gql(
      `mutation($g: ID!) { createProject(input: { title: "پروژه زنجان", provinceId: "19", workingGroupId: $g }) { id } }`,
      { g: groupId },
    );
    expect(codeOf(wrongTerritory)).toBe("BAD_USER_INPUT");
    const created = await h.gql(
      `mutation($g: ID!) { createProject(input: { title: "بهسازی معابر شهرک ولیعصر", provinceId: "26", countyId: "2601", workingGroupId: $g, areaId: "${uuid(600)}", responsibleAgencyId: "${uuid(601)}", partnerNgoIds: ["${NGO_C}"], startOn: "2025-06-01", plannedEndOn: "2025-07-01" }) { id status unfinished late partnerNgoIds workingGroup { id } } }`,
      { g: groupId },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id;
    expect(created.data!.createProject).toMatchObject({
      status: "PLANNED",
      unfinished: true,
      late: true,
      partnerNgoIds: [NGO_C],
      workingGroup: { id: groupId },
    });
    const step = (status: string, reportedOn: string) =>
      h.gql(
        `mutation($id: ID!) { addProjectUpdate(projectId: $id, input: { reportedOn: "${reportedOn}", note: "گزارش پیشرفت", status: ${status} }) { status closedOn unfinished } }`,
        { id },
      );
    expect(codeOf(await step("FINISHED", "2025-06-10"))).toBe("INVALID_TRANSITION");
    expect((await step("ACTIVE", "2025-06-01")).data!.addProjectUpdate.status).toBe("ACTIVE");
    expect((await step("STALLED", "2025-06-20")).data!.addProjectUpdate.status).toBe("STALLED");
    const unfinished = await h.gql(`{ unfinishedProjects(filter: { provinceId: "26" }) { items { id status } } }`);
    expect(unfinished.data!.unfinishedProjects.items).toEqual([{ id, status: "STALLED" }]);
    expect((await step("ACTIVE", "2025-07-05")).data!.addProjectUpdate.status).toBe("ACTIVE");
    expect((await step("FINISHED", "2025-08-01")).data!.addProjectUpdate).toEqual({
      status: "FINISHED",
      closedOn: "2025-08-01",
      unfinished: false,
    });
    expect(codeOf(await step("ACTIVE", "2025-08-02"))).toBe("INVALID_TRANSITION");
    const after = await h.gql(
      `query($g: ID!) { unfinishedProjects(filter: { workingGroupId: $g }) { totalCount } workingGroup(id: $g) { projects { id updates { statusAfter } } } }`,
      { g: groupId },
    );
    expect(after.data!.unfinishedProjects.totalCount).toBe(0);
    expect(after.data!.workingGroup.projects[0].updates.map((u: { statusAfter: string }) => u.statusAfter)).toEqual([
      "ACTIVE",
      "STALLED",
      "ACTIVE",
      "FINISHED",
    ]);
    const delGroup = await h.gql(`mutation($g: ID!) { deleteWorkingGroup(id: $g) { id } }`, { g: groupId });
    expect(codeOf(delGroup)).toBe("BAD_USER_INPUT");
  });

  it("keeps abandoned half-finished projects in the follow-up view, and revives one with a reason", async () => {
    const created = await h.gql(
      `mutation($g: ID!) { createProject(input: { title: "ساماندهی پسماند محله", provinceId: "26", countyId: "2601", workingGroupId: $g, startOn: "2025-03-01", plannedEndOn: "2025-09-01" }) { id } }`,
      { g: groupId },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id;
    const step = (status: string, reportedOn: string, note = "گزارش پیشرفت") =>
      h.gql(
        `mutation($id: ID!, $note: String!) { addProjectUpdate(projectId: $id, input: { reportedOn: "${reportedOn}", note: $note, status: ${status} }) { status closedOn unfinished } }`,
        { id, note },
      );
    expect((await step("ACTIVE", "2025-03-01")).data!.addProjectUpdate.status).toBe("ACTIVE");
    expect((await step("ABANDONED", "2025-05-10")).data!.addProjectUpdate).toEqual({
      status: "ABANDONED",
      closedOn: "2025-05-10",
      unfinished: false,
    });
    const view = (includeAbandoned?: boolean) =>
      h.gql(
        `query($g: ID!, $a: Boolean) { unfinishedProjects(filter: { workingGroupId: $g }, includeAbandoned: $a) { items { id status closedOn } } }`,
        { g: groupId, ...(includeAbandoned === undefined ? {} : { a: includeAbandoned }) },
      );
    expect((await view()).data!.unfinishedProjects.items).toEqual([
      { id, status: "ABANDONED", closedOn: "2025-05-10" },
    ]);
    expect((await view(false)).data!.unfinishedProjects.items).toEqual([]);
    // Revived: the reason is the progress note (required); the closing day is cleared.
    expect(codeOf(await step("ACTIVE", "2025-06-01", " "))).toBe("BAD_USER_INPUT");
    expect((await step("ACTIVE", "2025-06-01", "شهرداری بودجه را تأمین کرد")).data!.addProjectUpdate).toEqual({
      status: "ACTIVE",
      closedOn: null,
      unfinished: true,
    });
    expect((await view(false)).data!.unfinishedProjects.items).toEqual([{ id, status: "ACTIVE", closedOn: null }]);
    const history = await h.gql(`query($id: ID!) { project(id: $id) { updates { statusBefore statusAfter note } } }`, {
      id,
    });
    expect(history.data!.project.updates.at(-1)).toEqual({
      statusBefore: "ABANDONED",
      statusAfter: "ACTIVE",
      note: "شهرداری بودجه را تأمین کرد",
    });
    expect((await h.gql(`mutation($id: ID!) { deleteProject(id: $id) { id } }`, { id })).errors).toBeUndefined();
    const delGroup = await h.gql(`mutation($g: ID!) { deleteWorkingGroup(id: $g) { id } }`, { g: groupId });
    expect(codeOf(delGroup)).toBe("BAD_USER_INPUT");
  });
});

describe("proposals and demands", () => {
  it("moves a proposal SUBMITTED → UNDER_REVIEW → ACCEPTED → IMPLEMENTED with dated responses, refusing other changes", async () => {
    const missing = await h.gql(
      `mutation { createProposal(input: { ngoId: "${NGO_A}", provinceId: "19", countyId: "1901", topic: "طرح بدون مخاطب", submittedOn: "2025-05-01" }) { id } }`,
    );
    expect(codeOf(missing)).toBe("BAD_USER_INPUT");
    const created = await h.gql(
      `mutation { createProposal(input: { ngoId: "${NGO_A}", provinceId: "19", countyId: "1901", agencyId: "${WELFARE_19}", topic: "طرح توانمندسازی خانواده‌های کودکان کار", fieldCode: "SOCIAL_HARM_PREVENTION", submittedOn: "2025-05-01" }) { id status responseDays } }`,
    );
    const id = created.data!.createProposal.id;
    const move = (input: string) =>
      h.gql(
        `mutation($id: ID!) { updateProposal(id: $id, input: { ${input} }) { status reviewStartedOn respondedOn response responseDays implementedOn } }`,
        { id },
      );
    expect(codeOf(await move(`status: ACCEPTED, response: "موافقت شد", statusOn: "2025-05-10"`))).toBe(
      "INVALID_TRANSITION",
    );
    expect((await move(`status: UNDER_REVIEW, statusOn: "2025-05-05"`)).data!.updateProposal).toMatchObject({
      status: "UNDER_REVIEW",
      reviewStartedOn: "2025-05-05",
      respondedOn: null,
    });
    expect(codeOf(await move(`status: ACCEPTED, statusOn: "2025-05-20"`))).toBe("BAD_USER_INPUT");
    expect(codeOf(await move(`status: ACCEPTED, response: "موافقت شد", statusOn: "2025-04-20"`))).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      (await move(`status: ACCEPTED, response: "موافقت شد", statusOn: "2025-05-20"`)).data!.updateProposal,
    ).toMatchObject({ status: "ACCEPTED", respondedOn: "2025-05-20", responseDays: 19 });
    expect((await move(`status: IMPLEMENTED, statusOn: "2025-09-01"`)).data!.updateProposal).toMatchObject({
      status: "IMPLEMENTED",
      implementedOn: "2025-09-01",
    });
    expect(codeOf(await move(`status: REJECTED, response: "x"`))).toBe("INVALID_TRANSITION");
    const inbox = await h.gql(
      `{ answered: proposals(filter: { agencyId: "${WELFARE_19}", answered: true }) { totalCount } waiting: proposals(filter: { agencyId: "${WELFARE_19}", answered: false }) { totalCount } }`,
    );
    expect(inbox.data).toEqual({ answered: { totalCount: 1 }, waiting: { totalCount: 0 } });
  });

  it("routes a demand and records the response; answered demands are final", async () => {
    const created = await h.gql(
      `mutation { createDemand(input: { ngoId: "${NGO_B}", provinceId: "19", countyId: "1901", category: INFRASTRUCTURE, title: "نبود دفتر اختصاصی", raisedOn: "2025-06-01" }) { id status agencyId } }`,
    );
    const id = created.data!.createDemand.id;
    const unrouted = await h.gql(`{ demands(filter: { unrouted: true, provinceId: "19" }) { items { id } } }`);
    expect(unrouted.data!.demands.items.map((d: { id: string }) => d.id)).toContain(id);
    const move = (input: string) =>
      h.gql(
        `mutation($id: ID!) { updateDemand(id: $id, input: { ${input} }) { status agencyId respondedOn response responseDays } }`,
        { id },
      );
    expect((await move(`agencyId: "${GOV_1901}"`)).data!.updateDemand).toMatchObject({
      status: "RAISED",
      agencyId: GOV_1901,
    });
    expect(codeOf(await move(`status: RESOLVED, respondedOn: "2025-06-15"`))).toBe("BAD_USER_INPUT");
    expect(
      (await move(`status: RESOLVED, respondedOn: "2025-06-15", response: "دفتر در خانه سمن‌ها واگذار شد"`)).data!
        .updateDemand,
    ).toMatchObject({ status: "RESOLVED", respondedOn: "2025-06-15", responseDays: 14 });
    expect(codeOf(await move(`status: UNDER_REVIEW`))).toBe("INVALID_TRANSITION");
    const byNgo = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { demands { id } proposals { id } workingGroups { id } lastEngagementAt } } }`,
      { r: [{ __typename: "Ngo", id: NGO_B }] },
    );
    expect(byNgo.data!._entities[0].demands.map((d: { id: string }) => d.id)).toContain(id);
    expect(byNgo.data!._entities[0].workingGroups).toHaveLength(1);
  });

  it("keeps requests in the officer's territory: another county is refused, another province neither sees nor changes them, analysts cannot write", async () => {
    const other = await h.gql(
      `mutation { createDemand(input: { ngoId: "${NGO_A}", provinceId: "19", countyId: "1902", category: FUNDING, title: "کمک مالی", raisedOn: "2025-06-01" }) { id } }`,
      {},
      ZANJAN_COUNTY,
    );
    expect(codeOf(other)).toBe("FORBIDDEN");
    const mine = await h.gql(
      `mutation { createDemand(input: { ngoId: "${NGO_A}", provinceId: "19", countyId: "1901", category: FUNDING, title: "کمک مالی", raisedOn: "2025-06-01" }) { id } }`,
      {},
      ZANJAN_COUNTY,
    );
    expect(mine.errors).toBeUndefined();
    const qazvinView = await h.gql(
      `query($id: ID!) { demand(id: $id) { id } demands(filter: { provinceId: "19" }) { totalCount } }`,
      { id: mine.data!.createDemand.id },
      QAZVIN_OFFICER,
    );
    expect(qazvinView.data).toEqual({ demand: null, demands: { totalCount: 0 } });
    const analyst = await h.gql(
      `mutation($id: ID!) { updateDemand(id: $id, input: { title: "تغییر" }) { id } }`,
      { id: mine.data!.createDemand.id },
      ANALYST,
    );
    expect(codeOf(analyst)).toBe("FORBIDDEN");
    const update = await h.gql(
      `mutation($id: ID!) { updateDemand(id: $id, input: { title: "تغییر" }) { id } }`,
      { id: mine.data!.createDemand.id },
      QAZVIN_OFFICER,
    );
    expect(codeOf(update)).toBe("NOT_FOUND");
  });
});
