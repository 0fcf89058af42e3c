import { jalaliQuarterOf, Role } from "@hamafza/common";
import {
  addDays,
  ADMIN,
  Caller,
  EngagementHarness,
  startHarness,
  today,
  uuid,
  ZANJAN_COUNTY,
  ZANJAN_OFFICER,
} from "./helpers";

/**
 * Agencies answer in the system (docs/self-service.md, "Agencies answer"): a representative submits for its own NGO,
 * the respondent of the agency answers with dated steps, the response day feeds the analytics and the evaluation
 * facts, overdue items reach the province officer, and no invited user sees or touches another NGO's or agency's item.
 */
let h: EngagementHarness;

const NGO_A = uuid(101);
const NGO_B = uuid(102);
const AGENCY_X = uuid(201);
const AGENCY_Y = uuid(202);
const MANAGER_X = uuid(301);

const REP_A: Caller = { role: Role.NGO_REPRESENTATIVE, provinceId: "19", countyId: "1901", boundId: NGO_A };
const REP_B: Caller = { role: Role.NGO_REPRESENTATIVE, provinceId: "19", countyId: "1901", boundId: NGO_B };
const RESP_X: Caller = { role: Role.AGENCY_RESPONDENT, provinceId: "19", countyId: null, boundId: AGENCY_X };
const RESP_Y: Caller = { role: Role.AGENCY_RESPONDENT, provinceId: "19", countyId: null, boundId: AGENCY_Y };

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

const DEMAND_FIELDS = `id ngoId agencyId provinceId countyId status raisedOn dueOn overdue response respondedOn responseDays version
  actions { kind actedOn note actorRole }`;

const submitDemand = (input: Record<string, unknown>, as: Caller = REP_A) =>
  h.gql(
    `mutation($input: DemandSubmitInput!) { submitDemand(input: $input) { ${DEMAND_FIELDS} } }`,
    { input: { agencyId: AGENCY_X, category: "INFRASTRUCTURE", title: "نبود فضای جلسه برای سمن", ...input } },
    as,
  );
const respondToDemand = (id: string, input: Record<string, unknown>, as: Caller = RESP_X) =>
  h.gql(
    `mutation($id: ID!, $input: RequestStepInput!) { respondToDemand(id: $id, input: $input) { ${DEMAND_FIELDS} } }`,
    { id, input },
    as,
  );
const readDemand = (id: string, as: Caller) =>
  h.gql(`query($id: ID!) { demand(id: $id) { ${DEMAND_FIELDS} } }`, { id }, as);

beforeAll(async () => {
  h = await startHarness("agency-answers");
});

afterAll(async () => {
  await h?.stop();
});

describe("a representative submits, the respondent answers", () => {
  let demandId: string;

  it("submits a demand for its own NGO, in its territory, raised today with a 30-day answer day", async () => {
    const before = await h.count("demand");
    const invalid = await submitDemand({ title: "ک" });
    expect(code(invalid)).toBe("BAD_USER_INPUT");
    expect(await h.count("demand")).toBe(before);

    const result = await submitDemand({});
    expect(result.errors).toBeUndefined();
    const demand = result.data!.submitDemand;
    expect(demand).toMatchObject({
      ngoId: NGO_A,
      agencyId: AGENCY_X,
      provinceId: "19",
      countyId: "1901",
      status: "RAISED",
      raisedOn: today(),
      dueOn: addDays(today(), 30),
      overdue: false,
      respondedOn: null,
      actions: [{ kind: "SUBMITTED", actedOn: today(), note: null, actorRole: "NGO_REPRESENTATIVE" }],
    });
    demandId = demand.id;
    const audit = await h.rows(
      `SELECT actor_username FROM identity.audit_entry WHERE action = 'submitDemand' AND entity_id = $1`,
      [demandId],
    );
    expect(audit).toHaveLength(1);
  });

  it("hides it from other NGOs' representatives and other agencies' respondents, in lists and by id", async () => {
    expect(await readDemand(demandId, REP_B)).toEqual({ data: { demand: null } });
    expect(await readDemand(demandId, RESP_Y)).toEqual({ data: { demand: null } });
    const lists = await h.gql(`{ demands { totalCount items { id } } }`, {}, RESP_Y);
    expect(lists.data!.demands).toEqual({ totalCount: 0, items: [] });
    const inbox = await h.gql(`{ demands { totalCount items { id } } }`, {}, RESP_X);
    expect(inbox.data!.demands.items.map((d: { id: string }) => d.id)).toEqual([demandId]);
    // Another agency's respondent cannot act on it: NOT_FOUND, nothing changes.
    const other = await respondToDemand(demandId, { step: "ACCEPTED", note: "پاسخ دستگاهی دیگر" }, RESP_Y);
    expect(code(other)).toBe("NOT_FOUND");
    expect((await readDemand(demandId, ADMIN)).data!.demand).toMatchObject({ status: "RAISED", version: 1 });
  });

  it("refuses the roles and steps that are not theirs", async () => {
    expect(code(await submitDemand({}, RESP_X))).toBe("FORBIDDEN");
    expect(code(await submitDemand({}, ZANJAN_COUNTY))).toBe("FORBIDDEN");
    expect(code(await respondToDemand(demandId, { step: "UNDER_REVIEW" }, REP_A))).toBe("FORBIDDEN");
    expect(code(await respondToDemand(demandId, { step: "SUBMITTED" }))).toBe("BAD_USER_INPUT");
    // An answer needs its text; a rejection its reason.
    const noReason = await respondToDemand(demandId, { step: "REJECTED" });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "note" }] });
    expect((await readDemand(demandId, ADMIN)).data!.demand.actions).toHaveLength(1);
  });

  it("marks it under review, then answers it: dated steps, the response day is the day of the answer", async () => {
    const review = await respondToDemand(demandId, { step: "UNDER_REVIEW", note: "ارجاع به معاونت" });
    expect(review.errors).toBeUndefined();
    expect(review.data!.respondToDemand).toMatchObject({ status: "UNDER_REVIEW", respondedOn: null });
    expect(code(await respondToDemand(demandId, { step: "UNDER_REVIEW" }))).toBe("INVALID_TRANSITION");

    const answer = await respondToDemand(demandId, { step: "ACCEPTED", note: "سالن اداره در اختیار سمن قرار گرفت." });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.respondToDemand).toMatchObject({
      status: "RESOLVED",
      response: "سالن اداره در اختیار سمن قرار گرفت.",
      respondedOn: today(),
      responseDays: 0,
      overdue: false,
    });
    expect(answer.data!.respondToDemand.actions.map((a: { kind: string }) => a.kind)).toEqual([
      "SUBMITTED",
      "UNDER_REVIEW",
      "ACCEPTED",
    ]);
    // Answered once: no second answer.
    const again = await respondToDemand(demandId, { step: "REJECTED", note: "تغییر نظر" });
    expect(code(again)).toBe("INVALID_TRANSITION");
    // The respondents were told of the new demand, the representatives of its answer (identity delivers them).
    const notices = await h.rows(
      `SELECT occasion_key, kind, recipients FROM identity.notification_request WHERE record_id = $1 ORDER BY occasion_key`,
      [demandId],
    );
    expect(notices).toEqual([
      {
        occasion_key: `demand-answered:${demandId}`,
        kind: "REQUEST_ANSWERED",
        recipients: { ngoRepresentativesOf: [NGO_A] },
      },
      {
        occasion_key: `demand-submitted:${demandId}`,
        kind: "REQUEST_SUBMITTED",
        recipients: { agencyRespondentsOf: [AGENCY_X] },
      },
    ]);
    // The representative reads the answer and its history.
    const seen = (await readDemand(demandId, REP_A)).data!.demand;
    expect(seen).toMatchObject({ status: "RESOLVED", response: "سالن اداره در اختیار سمن قرار گرفت." });
    expect(seen.actions.map((a: { actorRole: string }) => a.actorRole)).toEqual([
      "NGO_REPRESENTATIVE",
      "AGENCY_RESPONDENT",
      "AGENCY_RESPONDENT",
    ]);
  });

  it("submits a proposal that the respondent rejects straight away with its reason", async () => {
    const submitted = await h.gql(
      `mutation($input: ProposalSubmitInput!) { submitProposal(input: $input) { id ngoId status submittedOn dueOn } }`,
      { input: { agencyId: AGENCY_X, topic: "طرح آموزش مهارت به نوجوانان", summary: "دوره‌های تابستانی" } },
      REP_A,
    );
    expect(submitted.errors).toBeUndefined();
    const proposal = submitted.data!.submitProposal;
    expect(proposal).toMatchObject({ ngoId: NGO_A, status: "SUBMITTED", submittedOn: today() });
    const noAddressee = await h.gql(
      `mutation($input: ProposalSubmitInput!) { submitProposal(input: $input) { id } }`,
      { input: { topic: "طرح بدون مخاطب" } },
      REP_A,
    );
    expect(code(noAddressee)).toBe("BAD_USER_INPUT");
    const rejected = await h.gql(
      `mutation($id: ID!, $input: RequestStepInput!) { respondToProposal(id: $id, input: $input) {
        status reviewStartedOn respondedOn response responseDays actions { kind note } } }`,
      { id: proposal.id, input: { step: "REJECTED", note: "اعتبار این طرح در بودجه امسال پیش‌بینی نشده است." } },
      RESP_X,
    );
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.respondToProposal).toMatchObject({
      status: "REJECTED",
      reviewStartedOn: today(),
      respondedOn: today(),
      responseDays: 0,
      actions: [
        { kind: "SUBMITTED", note: null },
        { kind: "REJECTED", note: "اعتبار این طرح در بودجه امسال پیش‌بینی نشده است." },
      ],
    });
  });

  it("feeds the response day to the analytics and to the evaluation facts of the agency's manager", async () => {
    const { year } = jalaliQuarterOf(new Date());
    const times = await h.gql(
      `query($year: Int) { responseTimes(year: $year, kind: DEMAND) { agencyId received answered averageDays } }`,
      { year },
      ZANJAN_OFFICER,
    );
    expect(times.errors).toBeUndefined();
    expect(times.data!.responseTimes.find((t: { agencyId: string }) => t.agencyId === AGENCY_X)).toMatchObject({
      received: 1,
      answered: 1,
      averageDays: 0,
    });
    const facts = await h.gql(
      `query($year: Int!, $agencies: [ManagerAgencyInput!]) {
        engagementFacts(year: $year, managerIds: ["${MANAGER_X}"], managerAgencies: $agencies) {
          managers { managerId requests { kind id submittedOn respondedOn responseDays } } } }`,
      { year, agencies: [{ managerId: MANAGER_X, agencyId: AGENCY_X }] },
      ADMIN,
    );
    expect(facts.errors).toBeUndefined();
    const requests = facts.data!.engagementFacts.managers[0].requests;
    expect(requests).toEqual(
      expect.arrayContaining([
        { kind: "DEMAND", id: demandId, submittedOn: today(), respondedOn: today(), responseDays: 0 },
      ]),
    );
  });
});

describe("overdue items reach the province officer", () => {
  it("lists a demand unanswered past its answer day as overdue, and not a fresh one", async () => {
    const old = await h.gql(
      `mutation($input: DemandCreateInput!) { createDemand(input: $input) { id } }`,
      {
        input: {
          ngoId: NGO_B,
          provinceId: "19",
          countyId: "1901",
          category: "FUNDING",
          title: "درخواست کمک هزینه اجاره",
          agencyId: AGENCY_Y,
          raisedOn: addDays(today(), -31),
        },
      },
      ZANJAN_COUNTY,
    );
    expect(old.errors).toBeUndefined();
    const fresh = await submitDemand({ title: "مطالبه تازه" }, REP_B);
    expect(fresh.errors).toBeUndefined();
    const overdue = await h.gql(
      `{ demands(filter: { overdue: true }) { totalCount items { id overdue dueOn } } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(overdue.data!.demands).toEqual({
      totalCount: 1,
      items: [{ id: old.data!.createDemand.id, overdue: true, dueOn: addDays(today(), -1) }],
    });
    const notOverdue = await h.gql(`{ demands(filter: { overdue: false }) { items { id } } }`, {}, ZANJAN_OFFICER);
    expect(notOverdue.data!.demands.items.map((d: { id: string }) => d.id)).toContain(fresh.data!.submitDemand.id);
    // The respondent of the agency sees it in its inbox as overdue too.
    const inbox = await h.gql(`{ demands(filter: { overdue: true }) { items { id } } }`, {}, RESP_Y);
    expect(inbox.data!.demands.items).toEqual([{ id: old.data!.createDemand.id }]);
  });
});

describe("resolutions owned by the agency", () => {
  it("lets the respondent report progress and completion with a note, only on its own agency's resolutions", async () => {
    const meeting = await h.gql(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`, {
      input: {
        title: "نشست فصلی مسئله‌محور",
        kind: "QUARTERLY_PROBLEM_CENTRED",
        provinceId: "19",
        countyId: "1901",
        scheduledAt: new Date().toISOString(),
      },
    });
    expect(meeting.errors).toBeUndefined();
    const create = (ownerAgencyId: string) =>
      h.gql(`mutation($input: ResolutionCreateInput!) { createResolution(input: $input) { id } }`, {
        input: { meetingId: meeting.data!.createMeeting.id, text: "تأمین فضای جلسات سمن‌ها", ownerAgencyId },
      });
    const own = (await create(AGENCY_X)).data!.createResolution.id;
    const others = (await create(AGENCY_Y)).data!.createResolution.id;
    const report = (id: string, input: Record<string, unknown>, as: Caller = RESP_X) =>
      h.gql(
        `mutation($id: ID!, $input: ResolutionReportInput!) { reportResolutionProgress(resolutionId: $id, input: $input) {
          status completedOn updates { note statusBefore statusAfter reportedOn recordedBy } } }`,
        { id, input },
        as,
      );

    const list = await h.gql(`{ resolutions { totalCount items { id } } }`, {}, RESP_X);
    expect(list.data!.resolutions).toEqual({ totalCount: 1, items: [{ id: own }] });
    expect(code(await report(others, { note: "گزارش دستگاه دیگر" }))).toBe("NOT_FOUND");
    expect(code(await report(own, { note: "گزارش" }, REP_A))).toBe("FORBIDDEN");

    const progress = await report(own, { note: "مکان پیشنهادی بازدید شد." });
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.reportResolutionProgress).toMatchObject({ status: "IN_PROGRESS", completedOn: null });
    const done = await report(own, { note: "سالن تحویل شد.", completed: true });
    expect(done.errors).toBeUndefined();
    expect(done.data!.reportResolutionProgress).toMatchObject({
      status: "DONE",
      completedOn: today(),
      updates: [
        { note: "مکان پیشنهادی بازدید شد.", statusBefore: "OPEN", statusAfter: "IN_PROGRESS", reportedOn: today() },
        { note: "سالن تحویل شد.", statusBefore: "IN_PROGRESS", statusAfter: "DONE", reportedOn: today() },
      ],
    });
  });
});
