import { Role } from "@hamafza/common";
import { EngagementHarness, EVALUATOR, QAZVIN_OFFICER, startHarness, tehran, uuid, ZANJAN_OFFICER } from "./helpers";

/**
 * Locked evaluation periods: once a cycle is FINAL the evaluation service locks the year, and engagement
 * records dated in it are refused with LOCKED — held meetings with their attendance, agenda and resolutions, and
 * the dated steps of resolutions, proposals, demands and working-group memberships — while follow-up dated after
 * the year stays possible.
 */
let h: EngagementHarness;
const ids: Record<string, string> = {};
const NGO = uuid(1);
const AGENCY = uuid(2);

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const result = await h.gql(query, variables);
  if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function heldMeeting(key: string, provinceId: string, countyId: string | null, at: string) {
  ids[key] = (
    await ok(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`, {
      input: {
        title: `نشست ${key}`,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        provinceId,
        countyId,
        scheduledAt: at,
        attendees: [{ ngoId: NGO }],
      },
    })
  ).createMeeting.id;
  await ok(
    `mutation($id: ID!, $at: DateTimeISO!) { updateMeeting(id: $id, input: { status: HELD, heldAt: $at }) { id } }`,
    { id: ids[key], at },
  );
}

const LOCK = `mutation($year: Int!, $p: ID) { lockEngagementPeriod(year: $year, provinceId: $p, reason: "چرخه ارزیابی ۱۴۰۴ نهایی شد") { id year provinceId lockedBy } }`;
const UNLOCK = `mutation($year: Int!, $p: ID) { unlockEngagementPeriod(year: $year, provinceId: $p) { id year provinceId } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

async function expectLocked(query: string, variables: Record<string, unknown> = {}) {
  const result = await h.gql(query, variables);
  expect(code(result)).toBe("LOCKED");
  expect(result.errors![0].message).toMatch(/۱۴۰۴.*قفل/);
}

beforeAll(async () => {
  h = await startHarness("englock");
  await heldMeeting("L1", "19", "1901", tehran("2025-05-10T10:00:00"));
  await heldMeeting("L2", "19", "1901", tehran("2026-04-10T10:00:00"));
  await heldMeeting("L3", "26", "2601", tehran("2025-05-10T10:00:00"));
  ids.L4 = (
    await ok(
      `mutation { createMeeting(input: { title: "نشست برنامه‌ریزی‌شده", kind: QUARTERLY_PROBLEM_CENTRED, provinceId: "19", countyId: "1901", scheduledAt: "${tehran("2025-08-01T10:00:00")}" }) { id } }`,
    )
  ).createMeeting.id;
  ids.item = (
    await ok(`mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, topic: "اعتیاد در محله" }) { id } }`, {
      m: ids.L1,
    })
  ).createAgendaItem.id;
  ids.R1 = (
    await ok(
      `mutation($m: ID!) { createResolution(input: { meetingId: $m, text: "مصوبه سال ۱۴۰۴", ownerAgencyId: "${AGENCY}", deadline: "2025-07-01" }) { id } }`,
      { m: ids.L1 },
    )
  ).createResolution.id;
  ids.R2 = (
    await ok(
      `mutation($m: ID!) { createResolution(input: { meetingId: $m, text: "مصوبه با مهلت ۱۴۰۵", ownerAgencyId: "${AGENCY}", deadline: "2026-05-01" }) { id } }`,
      { m: ids.L1 },
    )
  ).createResolution.id;
  ids.P = (
    await ok(
      `mutation { createProposal(input: { ngoId: "${NGO}", provinceId: "19", countyId: "1901", agencyId: "${AGENCY}", topic: "طرح آزمون قفل", submittedOn: "2025-06-01" }) { id } }`,
    )
  ).createProposal.id;
  await ok(
    `mutation($id: ID!) { updateProposal(id: $id, input: { status: UNDER_REVIEW, statusOn: "2025-06-05" }) { id } }`,
    { id: ids.P },
  );
  ids.D = (
    await ok(
      `mutation { createDemand(input: { ngoId: "${NGO}", provinceId: "19", countyId: "1901", agencyId: "${AGENCY}", category: FUNDING, title: "مطالبه آزمون قفل", raisedOn: "2025-11-01" }) { id } }`,
    )
  ).createDemand.id;
  ids.G = (
    await ok(
      `mutation { createWorkingGroup(input: { name: "کارگروه آزمون قفل", dimension: SOCIAL, provinceId: "19" }) { id } }`,
    )
  ).createWorkingGroup.id;
  ids.member = (
    await ok(
      `mutation($g: ID!) { createWorkingGroupMember(input: { workingGroupId: $g, ngoId: "${NGO}", joinedOn: "2025-05-01" }) { id } }`,
      { g: ids.G },
    )
  ).createWorkingGroupMember.id;
}, 60_000);
afterAll(() => h?.stop());

describe("locking and unlocking evaluation periods", () => {
  it("is for evaluators (of the province, or national) and administrators; idempotent and audited", async () => {
    expect(code(await h.gql(LOCK, { year: 1404, p: "19" }, ZANJAN_OFFICER))).toBe("FORBIDDEN");
    expect(code(await h.gql(LOCK, { year: 1404, p: "19" }, { role: Role.EVALUATOR, provinceId: "26" }))).toBe(
      "FORBIDDEN",
    );
    expect(code(await h.gql(LOCK, { year: 1404, p: null }, { role: Role.EVALUATOR, provinceId: "19" }))).toBe(
      "FORBIDDEN",
    );
    expect(code(await h.gql(LOCK, { year: 1, p: "19" }, EVALUATOR))).toBe("BAD_USER_INPUT");
    expect(await h.count("engagement_period_lock")).toBe(0);
    const first = await h.gql(
      LOCK,
      { year: 1404, p: "19" },
      { role: Role.EVALUATOR, provinceId: "19", username: "evaluator.zanjan" },
    );
    expect(first.data!.lockEngagementPeriod).toMatchObject({
      year: 1404,
      provinceId: "19",
      lockedBy: "evaluator.zanjan",
    });
    const again = await h.gql(LOCK, { year: 1404, p: "19" }, EVALUATOR);
    expect(again.data!.lockEngagementPeriod.id).toBe(first.data!.lockEngagementPeriod.id);
    expect(await h.count("engagement_period_lock")).toBe(1);
    const audit = await h.rows(
      `SELECT action, actor_username, province_id FROM identity.audit_entry WHERE entity_type = 'EngagementPeriodLock'`,
    );
    expect(audit).toEqual([{ action: "lockEngagementPeriod", actor_username: "evaluator.zanjan", province_id: "19" }]);
    const seen = async (caller: typeof ZANJAN_OFFICER) =>
      (await h.gql(`{ engagementPeriodLocks { year provinceId } }`, {}, caller)).data!.engagementPeriodLocks;
    expect(await seen(ZANJAN_OFFICER)).toEqual([{ year: 1404, provinceId: "19" }]);
    expect(await seen(QAZVIN_OFFICER)).toEqual([]);
  });

  it("refuses changes to a held meeting of the locked year, its attendance, agenda and resolutions, and leaves the database unchanged", async () => {
    const counts = async () =>
      Promise.all(
        ["meeting", "meeting_attendance", "agenda_item", "resolution", "resolution_update"].map((t) => h.count(t)),
      );
    const before = await counts();
    const auditBefore = (await h.rows(`SELECT count(*) FROM identity.audit_entry`))[0].count;
    await expectLocked(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "عنوان تازه نشست" }) { id } }`, {
      id: ids.L1,
    });
    await expectLocked(`mutation($id: ID!) { updateMeeting(id: $id, input: { attendees: [] }) { id } }`, {
      id: ids.L1,
    });
    await expectLocked(`mutation($id: ID!) { deleteMeeting(id: $id) { id } }`, { id: ids.L1 });
    await expectLocked(`mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, topic: "موضوع تازه" }) { id } }`, {
      m: ids.L1,
    });
    await expectLocked(`mutation($id: ID!) { updateAgendaItem(id: $id, input: { topic: "موضوع دیگر" }) { id } }`, {
      id: ids.item,
    });
    await expectLocked(`mutation($id: ID!) { deleteAgendaItem(id: $id) { id } }`, { id: ids.item });
    await expectLocked(
      `mutation($m: ID!) { createResolution(input: { meetingId: $m, text: "مصوبه تازه", ownerAgencyId: "${AGENCY}" }) { id } }`,
      { m: ids.L1 },
    );
    await expectLocked(`mutation($id: ID!) { updateResolution(id: $id, input: { text: "متن تازه مصوبه" }) { id } }`, {
      id: ids.R1,
    });
    await expectLocked(`mutation($id: ID!) { updateResolution(id: $id, input: { deadline: "2026-06-01" }) { id } }`, {
      id: ids.R2,
    });
    await expectLocked(`mutation($id: ID!) { deleteResolution(id: $id) { id } }`, { id: ids.R2 });
    await expectLocked(
      `mutation($id: ID!) { addResolutionUpdate(resolutionId: $id, input: { reportedOn: "2026-01-10", note: "انجام شد", status: DONE }) { id } }`,
      { id: ids.R1 },
    );
    await expectLocked(
      `mutation($id: ID!) { updateMeeting(id: $id, input: { status: HELD, heldAt: "${tehran("2025-08-01T10:00:00")}" }) { id } }`,
      { id: ids.L4 },
    );
    await expectLocked(
      `mutation($m: ID!) { createResolution(input: { meetingId: $m, text: "مصوبه با مهلت قفل‌شده", ownerAgencyId: "${AGENCY}", deadline: "2025-12-01" }) { id } }`,
      { m: ids.L2 },
    );
    expect(await counts()).toEqual(before);
    expect((await h.rows(`SELECT count(*) FROM identity.audit_entry`))[0].count).toBe(auditBefore);
    const view = await h.gql(
      `query($a: ID!, $b: ID!, $c: ID!) { a: meeting(id: $a) { locked resolutions { locked } } b: meeting(id: $b) { locked } c: meeting(id: $c) { locked } }`,
      { a: ids.L1, b: ids.L2, c: ids.L3 },
    );
    expect(view.data).toEqual({
      a: { locked: true, resolutions: [{ locked: true }, { locked: true }] },
      b: { locked: false },
      c: { locked: false },
    });
  });

  it("still allows other years, other provinces, planned meetings and follow-up dated after the locked year", async () => {
    expect(
      (
        await h.gql(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "نشست ۱۴۰۵ اصلاح‌شده" }) { id } }`, {
          id: ids.L2,
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await h.gql(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "نشست قزوین اصلاح‌شده" }) { id } }`, {
          id: ids.L3,
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await h.gql(
          `mutation($id: ID!) { updateMeeting(id: $id, input: { status: CANCELLED, cancellationReason: "برگزار نشد" }) { status } }`,
          { id: ids.L4 },
        )
      ).data!.updateMeeting.status,
    ).toBe("CANCELLED");
    const late = await h.gql(
      `mutation($id: ID!) { addResolutionUpdate(resolutionId: $id, input: { reportedOn: "2026-04-01", note: "با تأخیر انجام شد", status: DONE }) { status completedOn doneOnTime } }`,
      { id: ids.R1 },
    );
    expect(late.data!.addResolutionUpdate).toEqual({ status: "DONE", completedOn: "2026-04-01", doneOnTime: false });
    const r2 = await h.gql(
      `mutation($id: ID!) { updateResolution(id: $id, input: { status: IN_PROGRESS }) { status } }`,
      { id: ids.R2 },
    );
    expect(r2.data!.updateResolution.status).toBe("IN_PROGRESS");
  });

  it("freezes the dated steps of proposals, demands and memberships of the locked year", async () => {
    await expectLocked(
      `mutation($id: ID!) { updateProposal(id: $id, input: { status: ACCEPTED, statusOn: "2026-02-01", response: "موافقت شد" }) { id } }`,
      { id: ids.P },
    );
    await expectLocked(`mutation($id: ID!) { updateProposal(id: $id, input: { agencyId: "${uuid(3)}" }) { id } }`, {
      id: ids.P,
    });
    await expectLocked(`mutation($id: ID!) { deleteProposal(id: $id) { id } }`, { id: ids.P });
    const accepted = await h.gql(
      `mutation($id: ID!) { updateProposal(id: $id, input: { status: ACCEPTED, statusOn: "2026-04-01", response: "موافقت شد" }) { status respondedOn } }`,
      { id: ids.P },
    );
    expect(accepted.data!.updateProposal).toEqual({ status: "ACCEPTED", respondedOn: "2026-04-01" });
    await expectLocked(
      `mutation($id: ID!) { updateDemand(id: $id, input: { status: RESOLVED, respondedOn: "2025-12-01", response: "رفع شد" }) { id } }`,
      { id: ids.D },
    );
    await expectLocked(`mutation($id: ID!) { deleteDemand(id: $id) { id } }`, { id: ids.D });
    await expectLocked(
      `mutation($id: ID!) { updateWorkingGroupMember(id: $id, input: { leftOn: "2025-12-01" }) { id } }`,
      { id: ids.member },
    );
    await expectLocked(`mutation($id: ID!) { deleteWorkingGroupMember(id: $id) { id } }`, { id: ids.member });
    await expectLocked(
      `mutation($g: ID!) { createWorkingGroupMember(input: { workingGroupId: $g, agencyId: "${AGENCY}", joinedOn: "2025-06-01" }) { id } }`,
      { g: ids.G },
    );
    const left = await h.gql(
      `mutation($id: ID!) { updateWorkingGroupMember(id: $id, input: { leftOn: "2026-04-01" }) { leftOn } }`,
      { id: ids.member },
    );
    expect(left.data!.updateWorkingGroupMember.leftOn).toBe("2026-04-01");
  });

  it("applies a national lock to every province, and unlocking lifts it", async () => {
    expect((await h.gql(LOCK, { year: 1404, p: null }, EVALUATOR)).errors).toBeUndefined();
    await expectLocked(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "نشست قزوین دوباره" }) { id } }`, {
      id: ids.L3,
    });
    const national = await h.gql(UNLOCK, { year: 1404, p: null }, EVALUATOR);
    expect(national.data!.unlockEngagementPeriod).toMatchObject({ year: 1404, provinceId: null });
    expect(
      (
        await h.gql(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "نشست قزوین دوباره" }) { id } }`, {
          id: ids.L3,
        })
      ).errors,
    ).toBeUndefined();
    await expectLocked(`mutation($id: ID!) { updateMeeting(id: $id, input: { title: "عنوان تازه نشست" }) { id } }`, {
      id: ids.L1,
    });
    expect(code(await h.gql(UNLOCK, { year: 1404, p: "19" }, ZANJAN_OFFICER))).toBe("FORBIDDEN");
    expect((await h.gql(UNLOCK, { year: 1404, p: "19" }, EVALUATOR)).data!.unlockEngagementPeriod).toMatchObject({
      provinceId: "19",
    });
    expect((await h.gql(UNLOCK, { year: 1404, p: "19" }, EVALUATOR)).data!.unlockEngagementPeriod).toBeNull();
    expect(
      (
        await h.gql(
          `mutation($id: ID!) { updateMeeting(id: $id, input: { title: "عنوان تازه نشست" }) { title locked } }`,
          { id: ids.L1 },
        )
      ).data!.updateMeeting,
    ).toEqual({ title: "عنوان تازه نشست", locked: false });
    const audit = await h.rows(
      `SELECT action FROM identity.audit_entry WHERE entity_type = 'EngagementPeriodLock' ORDER BY at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "lockEngagementPeriod",
      "lockEngagementPeriod",
      "unlockEngagementPeriod",
      "unlockEngagementPeriod",
    ]);
  });
});
