import { Role } from "@hamafza/common";
import { MeetingStatus } from "../src/entities/Meeting";
import { MeetingReply } from "../src/entities/MeetingAttendance";
import { assertCanReply, checkedReply, representativeSeesRecord } from "../src/resolvers/meetingReplyRules";
import { Caller, EngagementHarness, startHarness, uuid, ZANJAN_COUNTY } from "./helpers";

/** NGO representatives reply to meeting invitations and, once the meeting is held, read its record (docs/self-service.md). */

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe("meeting reply rules", () => {
  const now = new Date("2025-08-01T08:00:00Z");
  it("takes a reply while the meeting is planned and has not started", () => {
    expect(codeOf(() => assertCanReply(MeetingStatus.PLANNED, new Date("2025-08-02T08:00:00Z"), now))).toBeUndefined();
    expect(codeOf(() => assertCanReply(MeetingStatus.PLANNED, new Date("2025-07-31T08:00:00Z"), now))).toBe(
      "INVALID_TRANSITION",
    );
    expect(codeOf(() => assertCanReply(MeetingStatus.HELD, new Date("2025-08-02T08:00:00Z"), now))).toBe(
      "INVALID_TRANSITION",
    );
    expect(codeOf(() => assertCanReply(MeetingStatus.CANCELLED, new Date("2025-08-02T08:00:00Z"), now))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("needs the attendee's name when attending, and keeps none when not", () => {
    expect(checkedReply(true, "  علی   رضایی ")).toEqual({ reply: MeetingReply.ATTENDING, replyName: "علی رضایی" });
    expect(codeOf(() => checkedReply(true, " "))).toBe("BAD_USER_INPUT");
    expect(checkedReply(false, "علی")).toEqual({ reply: MeetingReply.NOT_ATTENDING, replyName: null });
  });

  it("shows a representative the meeting's record only once held", () => {
    expect(representativeSeesRecord(MeetingStatus.HELD)).toBe(true);
    expect(representativeSeesRecord(MeetingStatus.PLANNED)).toBe(false);
    expect(representativeSeesRecord(MeetingStatus.CANCELLED)).toBe(false);
  });
});

describe("meeting invitations for NGO representatives", () => {
  let h: EngagementHarness;
  const NGO_A = uuid(901);
  const NGO_B = uuid(902);
  const repA: Caller = { role: Role.NGO_REPRESENTATIVE, boundId: NGO_A };
  const repB: Caller = { role: Role.NGO_REPRESENTATIVE, boundId: NGO_B };
  const repC: Caller = { role: Role.NGO_REPRESENTATIVE, boundId: uuid(903) };
  const REPLY = `mutation($meetingId: ID!, $attending: Boolean!, $name: String) {
    replyToMeetingInvitation(meetingId: $meetingId, attending: $attending, attendeeName: $name) { ngoId reply replyName representativeName repliedAt } }`;
  const RECORD = `query($id: ID!) { meeting(id: $id) { status minutes agendaItems { topic } attendance { ngoId reply replyName } } }`;
  let meetingId: string;

  beforeAll(async () => {
    h = await startHarness("meetingreplies");
    const created = await h.gql(
      `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`,
      {
        input: {
          title: "نشست فصلی مسئله‌محور با سمن‌های زنجان",
          kind: "QUARTERLY_PROBLEM_CENTRED",
          provinceId: "19",
          countyId: "1901",
          scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          attendees: [{ ngoId: NGO_A }, { ngoId: NGO_B }],
        },
      },
      ZANJAN_COUNTY,
    );
    expect(created.errors).toBeUndefined();
    meetingId = created.data!.createMeeting.id;
    const agenda = await h.gql(
      `mutation($input: AgendaItemCreateInput!) { createAgendaItem(input: $input) { id } }`,
      { input: { meetingId, topic: "بیمه اعضای سمن‌ها" } },
      ZANJAN_COUNTY,
    );
    expect(agenda.errors).toBeUndefined();
  }, 60_000);
  afterAll(async () => h?.stop());

  it("a representative replies attending with a name (audited); the other NGO's reply stays its own", async () => {
    const replied = await h.gql(REPLY, { meetingId, attending: true, name: "مریم احمدی" }, repA);
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.replyToMeetingInvitation).toMatchObject({
      ngoId: NGO_A,
      reply: "ATTENDING",
      replyName: "مریم احمدی",
      representativeName: "مریم احمدی",
      repliedAt: expect.any(String),
    });
    const declined = await h.gql(REPLY, { meetingId, attending: false }, repB);
    expect(declined.data!.replyToMeetingInvitation).toMatchObject({ reply: "NOT_ATTENDING", replyName: null });
    const audit = await h.rows(
      `SELECT action, actor_role FROM identity.audit_entry WHERE action = 'replyToMeetingInvitation'`,
    );
    expect(audit).toHaveLength(2);
    // Each representative sees its own row only; officials see both replies.
    const seenByA = await h.gql(RECORD, { id: meetingId }, repA);
    expect(seenByA.data!.meeting.attendance).toEqual([{ ngoId: NGO_A, reply: "ATTENDING", replyName: "مریم احمدی" }]);
    const seenByOfficer = await h.gql(RECORD, { id: meetingId }, ZANJAN_COUNTY);
    expect(seenByOfficer.data!.meeting.attendance.map((a: { reply: string }) => a.reply).sort()).toEqual([
      "ATTENDING",
      "NOT_ATTENDING",
    ]);
  });

  it("refuses a reply without a name, from an NGO not invited, and changes nothing", async () => {
    const before = await h.rows(`SELECT ngo_id, reply, reply_name FROM engagement.meeting_attendance ORDER BY ngo_id`);
    const noName = await h.gql(REPLY, { meetingId, attending: true, name: "" }, repB);
    expect(noName.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const stranger = await h.gql(REPLY, { meetingId, attending: true, name: "کسی" }, repC);
    expect(stranger.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const officer = await h.gql(REPLY, { meetingId, attending: true, name: "کسی" }, ZANJAN_COUNTY);
    expect(officer.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await h.rows(`SELECT ngo_id, reply, reply_name FROM engagement.meeting_attendance ORDER BY ngo_id`)).toEqual(
      before,
    );
  });

  it("hides the minutes and agenda until the meeting is held, then shows them to the NGOs that attended only", async () => {
    const planned = await h.gql(RECORD, { id: meetingId }, repA);
    expect(planned.data!.meeting).toMatchObject({ status: "PLANNED", minutes: null, agendaItems: [] });
    const held = await h.gql(
      `mutation($id: ID!, $input: MeetingUpdateInput!) { updateMeeting(id: $id, input: $input) { status } }`,
      {
        id: meetingId,
        input: {
          status: "HELD",
          heldAt: new Date(Date.now() - 60_000).toISOString(),
          minutes: "مقرر شد پیگیری بیمه اعضا به اداره کل تعاون ارجاع شود.",
          attendees: [{ ngoId: NGO_A, representativeName: "مریم احمدی" }],
        },
      },
      ZANJAN_COUNTY,
    );
    expect(held.errors).toBeUndefined();
    const seen = await h.gql(RECORD, { id: meetingId }, repA);
    expect(seen.data!.meeting).toMatchObject({
      status: "HELD",
      minutes: "مقرر شد پیگیری بیمه اعضا به اداره کل تعاون ارجاع شود.",
      agendaItems: [{ topic: "بیمه اعضای سمن‌ها" }],
    });
    // NGO B did not attend: it is off the held meeting's list and no longer sees the meeting at all.
    expect(await h.gql(RECORD, { id: meetingId }, repB)).toEqual({ data: { meeting: null } });
    const late = await h.gql(REPLY, { meetingId, attending: false }, repA);
    expect(late.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });
});
