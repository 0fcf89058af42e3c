import { AppError, ErrorCode } from "@hamafza/common";
import fc from "fast-check";
import { Meeting, MeetingKind, MeetingStatus } from "../src/entities/Meeting";
import { WorkingGroup } from "../src/entities/WorkingGroup";
import { applyMeetingInput } from "../src/resolvers/meetingRules";
import { MeetingUpdateInput } from "../src/resolvers/meetingInputs";
import { applyGroupInput, checkMemberDates } from "../src/resolvers/workingGroupRules";
import { WorkingGroupUpdateInput } from "../src/resolvers/workingGroupInputs";
import {
  assertTransition,
  canTransition,
  DEMAND_MACHINE,
  MEETING_MACHINE,
  PROJECT_MACHINE,
  PROPOSAL_MACHINE,
  RESOLUTION_MACHINE,
  StateMachine,
} from "../src/rules/transitions";
import { Validator } from "@hamafza/common";

/** The engagement state machines as pure rules: no database, no HTTP. */

const thrown = (work: () => void): AppError => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};

const allowed = <S extends string>(machine: StateMachine<S>): string[] =>
  (Object.keys(machine.transitions) as S[]).flatMap((from) => machine.transitions[from].map((to) => `${from}→${to}`));

describe("state machines", () => {
  it("allow exactly the documented changes", () => {
    expect(allowed(RESOLUTION_MACHINE)).toEqual([
      "OPEN→IN_PROGRESS",
      "OPEN→DONE",
      "OPEN→CANCELLED",
      "IN_PROGRESS→DONE",
      "IN_PROGRESS→CANCELLED",
      "DONE→IN_PROGRESS",
    ]);
    expect(allowed(PROPOSAL_MACHINE)).toEqual([
      "SUBMITTED→UNDER_REVIEW",
      "UNDER_REVIEW→ACCEPTED",
      "UNDER_REVIEW→REJECTED",
      "ACCEPTED→IMPLEMENTED",
    ]);
    expect(allowed(DEMAND_MACHINE)).toEqual([
      "RAISED→UNDER_REVIEW",
      "RAISED→RESOLVED",
      "RAISED→REJECTED",
      "UNDER_REVIEW→RESOLVED",
      "UNDER_REVIEW→REJECTED",
    ]);
    expect(allowed(PROJECT_MACHINE)).toEqual([
      "PLANNED→ACTIVE",
      "PLANNED→ABANDONED",
      "ACTIVE→STALLED",
      "ACTIVE→FINISHED",
      "ACTIVE→ABANDONED",
      "STALLED→ACTIVE",
      "STALLED→FINISHED",
      "STALLED→ABANDONED",
      "ABANDONED→ACTIVE",
      "ABANDONED→STALLED",
    ]);
    expect(allowed(MEETING_MACHINE)).toEqual(["PLANNED→HELD", "PLANNED→CANCELLED"]);
  });

  const machines: [string, StateMachine<string>][] = [
    ["resolution", RESOLUTION_MACHINE as StateMachine<string>],
    ["proposal", PROPOSAL_MACHINE as StateMachine<string>],
    ["demand", DEMAND_MACHINE as StateMachine<string>],
    ["project", PROJECT_MACHINE as StateMachine<string>],
    ["meeting", MEETING_MACHINE as StateMachine<string>],
  ];

  it.each(machines)("%s: every status has a label, no self-loops, targets are statuses", (_, machine) => {
    const states = Object.keys(machine.transitions);
    expect(Object.keys(machine.labels).sort()).toEqual([...states].sort());
    for (const from of states) {
      expect(machine.labels[from].trim()).not.toBe("");
      expect(machine.transitions[from]).not.toContain(from);
      for (const to of machine.transitions[from]) expect(states).toContain(to);
    }
  });

  it.each(machines)("%s: assertTransition throws INVALID_TRANSITION exactly when canTransition is false", (_, m) => {
    const states = Object.keys(m.transitions);
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.constantFrom(...states), (from, to) => {
        if (canTransition(m, from, to)) {
          expect(() => assertTransition(m, from, to)).not.toThrow();
        } else {
          const error = thrown(() => assertTransition(m, from, to));
          expect(error.code).toBe(ErrorCode.INVALID_TRANSITION);
          expect(error.extensions).toMatchObject({ from, to });
          expect(error.message).toBe(`تغییر وضعیت ${m.noun} از «${m.labels[from]}» به «${m.labels[to]}» ممکن نیست.`);
        }
      }),
    );
  });

  it("keeps the Persian messages users already see", () => {
    expect(thrown(() => assertTransition(RESOLUTION_MACHINE, "CANCELLED" as never, "OPEN" as never)).message).toBe(
      "تغییر وضعیت مصوبه از «لغوشده» به «باز» ممکن نیست.",
    );
    expect(thrown(() => assertTransition(PROPOSAL_MACHINE, "SUBMITTED" as never, "ACCEPTED" as never)).message).toBe(
      "تغییر وضعیت طرح از «ارسال‌شده» به «پذیرفته‌شده» ممکن نیست.",
    );
  });
});

describe("meeting status rules (applyMeetingInput)", () => {
  const NOW = new Date("2025-06-01T10:00:00Z");
  const planned = (): Meeting =>
    Object.assign(new Meeting(), {
      title: "نشست فصلی",
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      status: MeetingStatus.PLANNED,
      heldAt: null,
      cancellationReason: null,
      workingGroupId: null,
    });
  const update = (input: Partial<MeetingUpdateInput>) => input as MeetingUpdateInput;

  it("holds a planned meeting held in the past", () => {
    const meeting = planned();
    applyMeetingInput(meeting, update({ status: MeetingStatus.HELD, heldAt: new Date("2025-05-30T08:00:00Z") }), NOW);
    expect(meeting.status).toBe(MeetingStatus.HELD);
  });

  it("refuses holding without a time, or at a time after now", () => {
    expect(thrown(() => applyMeetingInput(planned(), update({ status: MeetingStatus.HELD }), NOW)).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    const future = new Date(NOW.getTime() + 60_000);
    const error = thrown(() =>
      applyMeetingInput(planned(), update({ status: MeetingStatus.HELD, heldAt: future }), NOW),
    );
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.extensions).toMatchObject({ field: "heldAt" });
  });

  it("cancels only with a reason", () => {
    expect(thrown(() => applyMeetingInput(planned(), update({ status: MeetingStatus.CANCELLED }), NOW)).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    const meeting = planned();
    applyMeetingInput(meeting, update({ status: MeetingStatus.CANCELLED, cancellationReason: "  نبود حد نصاب " }), NOW);
    expect(meeting).toMatchObject({ status: MeetingStatus.CANCELLED, cancellationReason: "نبود حد نصاب" });
  });

  it("never moves a held or cancelled meeting to another status", () => {
    for (const from of [MeetingStatus.HELD, MeetingStatus.CANCELLED]) {
      for (const to of Object.values(MeetingStatus).filter((s) => s !== from)) {
        const meeting = Object.assign(planned(), { status: from, heldAt: new Date("2025-05-01T08:00:00Z") });
        const error = thrown(() => applyMeetingInput(meeting, update({ status: to, cancellationReason: "x" }), NOW));
        expect(error.code).toBe(ErrorCode.INVALID_TRANSITION);
        expect(error.extensions).toMatchObject({ from, to });
        expect(meeting.status).toBe(from);
      }
    }
  });

  it("ties only working-group sessions to a working group", () => {
    const meeting = planned();
    const error = thrown(() =>
      applyMeetingInput(meeting, update({ workingGroupId: "00000000-0000-4000-8000-000000000001" }), NOW),
    );
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(meeting.workingGroupId).toBeNull();
  });
});

describe("working group dates", () => {
  const group = () =>
    Object.assign(new WorkingGroup(), { name: "کارگروه", establishedOn: "2025-04-01", dissolvedOn: null });

  it("dissolves on or after establishment, never before", () => {
    const g = group();
    applyGroupInput(g, { dissolvedOn: "2025-04-01" } as WorkingGroupUpdateInput, false);
    expect(g.dissolvedOn).toBe("2025-04-01");
    const refused = group();
    const error = thrown(() =>
      applyGroupInput(refused, { dissolvedOn: "2025-03-31" } as WorkingGroupUpdateInput, false),
    );
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refused.dissolvedOn).toBeNull();
  });

  it("membership: joined not in the future, left not before joined", () => {
    const check = (joined: string, left: string | null) => {
      const v = new Validator();
      checkMemberDates(v, joined, left);
      return () => v.done();
    };
    expect(check("2025-01-01", null)).not.toThrow();
    expect(check("2025-01-01", "2025-01-01")).not.toThrow();
    expect(thrown(check("2025-01-02", "2025-01-01")).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(thrown(check("2999-01-01", null)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
