import { Validator } from "@hamafza/common";
import { DemandStatus } from "../src/entities/Demand";
import { ProposalStatus } from "../src/entities/Proposal";
import { RequestActionKind } from "../src/entities/RequestAction";
import { answerDueOn, isAnswerOverdue, overdueBefore } from "../src/rules/answerDeadline";
import {
  actionOfStatus,
  answeredNotice,
  checkStepNote,
  demandStep,
  proposalStep,
  representativeTerritory,
  submittedNotice,
} from "../src/resolvers/requestActionRules";

const TODAY = "2026-12-07";
const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe("answer deadline", () => {
  it("is the configured number of days after the request, 30 by default", () => {
    expect(answerDueOn("2026-11-01")).toBe("2026-12-01");
    expect(answerDueOn("2026-11-01", 10)).toBe("2026-11-11");
  });

  it("makes a request overdue only after its answer day and only while unanswered", () => {
    expect(isAnswerOverdue("2026-11-07", null, TODAY)).toBe(false); // due today
    expect(isAnswerOverdue("2026-11-06", null, TODAY)).toBe(true);
    expect(isAnswerOverdue("2026-11-06", "2026-12-01", TODAY)).toBe(false);
    expect(isAnswerOverdue("2026-11-06", null, TODAY, 40)).toBe(false);
    // The SQL bound agrees: raised before it = overdue.
    expect(overdueBefore(TODAY)).toBe("2026-11-07");
  });

  it("reads HAMAFZA_ANSWER_DAYS", () => {
    const saved = process.env.HAMAFZA_ANSWER_DAYS;
    process.env.HAMAFZA_ANSWER_DAYS = "15";
    try {
      expect(answerDueOn("2026-11-01")).toBe("2026-11-16");
    } finally {
      if (saved === undefined) delete process.env.HAMAFZA_ANSWER_DAYS;
      else process.env.HAMAFZA_ANSWER_DAYS = saved;
    }
  });
});

describe("a respondent's steps", () => {
  it("moves a demand to review, then answers it on the day (or answers it straight away)", () => {
    expect(demandStep(DemandStatus.RAISED, RequestActionKind.UNDER_REVIEW, TODAY)).toMatchObject({
      status: DemandStatus.UNDER_REVIEW,
      respondedOn: null,
    });
    expect(demandStep(DemandStatus.UNDER_REVIEW, RequestActionKind.ACCEPTED, TODAY)).toMatchObject({
      status: DemandStatus.RESOLVED,
      respondedOn: TODAY,
    });
    expect(demandStep(DemandStatus.RAISED, RequestActionKind.REJECTED, TODAY)).toMatchObject({
      status: DemandStatus.REJECTED,
      respondedOn: TODAY,
    });
  });

  it("refuses a step on an answered demand and a second review", () => {
    for (const status of [DemandStatus.RESOLVED, DemandStatus.REJECTED])
      expect(codeOf(() => demandStep(status, RequestActionKind.UNDER_REVIEW, TODAY))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => demandStep(DemandStatus.UNDER_REVIEW, RequestActionKind.UNDER_REVIEW, TODAY))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("answers a proposal, recording the review day when it was answered straight from SUBMITTED", () => {
    expect(proposalStep(ProposalStatus.SUBMITTED, RequestActionKind.ACCEPTED, TODAY, null)).toEqual({
      status: ProposalStatus.ACCEPTED,
      respondedOn: TODAY,
      reviewStartedOn: TODAY,
    });
    expect(proposalStep(ProposalStatus.UNDER_REVIEW, RequestActionKind.REJECTED, TODAY, "2026-12-01")).toEqual({
      status: ProposalStatus.REJECTED,
      respondedOn: TODAY,
      reviewStartedOn: "2026-12-01",
    });
    for (const status of [ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.IMPLEMENTED])
      expect(codeOf(() => proposalStep(status, RequestActionKind.ACCEPTED, TODAY, null))).toBe("INVALID_TRANSITION");
  });

  it("needs the answer's text and the rejection's reason, not a review note", () => {
    const problems = (step: RequestActionKind, note: string | null) => {
      const v = new Validator();
      checkStepNote(v, step as never, note);
      return v.ok;
    };
    expect(problems(RequestActionKind.UNDER_REVIEW, null)).toBe(true);
    expect(problems(RequestActionKind.ACCEPTED, null)).toBe(false);
    expect(problems(RequestActionKind.REJECTED, "  ")).toBe(false);
    expect(problems(RequestActionKind.REJECTED, "بودجه ندارد")).toBe(true);
  });

  it("names the history step of an official's status change", () => {
    expect(actionOfStatus(DemandStatus.RESOLVED)).toBe(RequestActionKind.ACCEPTED);
    expect(actionOfStatus(ProposalStatus.ACCEPTED)).toBe(RequestActionKind.ACCEPTED);
    expect(actionOfStatus(DemandStatus.REJECTED)).toBe(RequestActionKind.REJECTED);
    expect(actionOfStatus(ProposalStatus.UNDER_REVIEW)).toBe(RequestActionKind.UNDER_REVIEW);
    expect(actionOfStatus(ProposalStatus.IMPLEMENTED)).toBeNull();
    expect(actionOfStatus(DemandStatus.RAISED)).toBeNull();
  });
});

describe("a representative's territory", () => {
  it("is the NGO's, as the account carries it; an account without one is refused", () => {
    expect(representativeTerritory({ provinceId: "19", countyId: "1901" })).toEqual({
      provinceId: "19",
      countyId: "1901",
    });
    expect(codeOf(() => representativeTerritory({ provinceId: null, countyId: null }))).toBe("FORBIDDEN");
  });
});

describe("notices", () => {
  const row = { kind: "demand" as const, id: "d1", title: "نبود فضای جلسه", ngoId: "n1", agencyId: "a1" };

  it("tells the agency's respondents of a new request, and nobody of a council's proposal", () => {
    expect(submittedNotice(row)).toMatchObject({
      occasionKey: "demand-submitted:d1",
      recipients: { agencyRespondentsOf: ["a1"] },
      link: "#/respondent-inbox",
    });
    expect(submittedNotice({ ...row, kind: "proposal", agencyId: null })).toBeNull();
  });

  it("tells the NGO's representatives of the answer, not of a review step", () => {
    expect(answeredNotice(row, RequestActionKind.REJECTED)).toMatchObject({
      occasionKey: "demand-answered:d1",
      recipients: { ngoRepresentativesOf: ["n1"] },
      link: "#/my-requests",
    });
    expect(answeredNotice(row, RequestActionKind.REJECTED)!.body).toContain("رد کرد");
    expect(answeredNotice(row, RequestActionKind.ACCEPTED)!.body).toContain("پذیرفت");
    expect(answeredNotice(row, RequestActionKind.UNDER_REVIEW)).toBeNull();
  });
});
