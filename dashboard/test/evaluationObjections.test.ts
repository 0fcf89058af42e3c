import { describe, expect, it } from "@jest/globals";
import {
  objectionProblems,
  OBJECTION_STATUS_LABELS,
  resolutionProblems,
  resolutionVariables,
  reviewedYear,
} from "../src/evaluation/objections";

describe("objection form", () => {
  it("needs a text of 10+ characters and a missing record given whole or not at all", () => {
    expect(objectionProblems({ text: "نشست فصل سوم دیده نشد" })).toBeUndefined();
    expect(objectionProblems({ text: "کوتاه" })).toEqual({ text: expect.any(String) });
    expect(objectionProblems({ text: "نشست فصل سوم دیده نشد", missingRecordKind: "MEETING" })).toEqual({
      missingRecordId: expect.any(String),
    });
    expect(
      objectionProblems({ text: "نشست فصل سوم دیده نشد", missingRecordKind: "MEETING", missingRecordId: "abc" }),
    ).toBeUndefined();
  });
});

describe("resolution form", () => {
  const note = "صورت‌جلسه‌ها بررسی شد";
  it("asks a reason, an outcome for an acceptance, and points for an adjustment", () => {
    expect(resolutionProblems({ decision: "REJECTED", note })).toBeUndefined();
    expect(resolutionProblems({ decision: "REJECTED", note: "" })).toEqual({ note: expect.any(String) });
    expect(resolutionProblems({ decision: "ACCEPTED", note })).toEqual({ outcome: expect.any(String) });
    expect(resolutionProblems({ decision: "ACCEPTED", note, outcome: "ADJUSTMENT", points: 12 })).toEqual({
      points: expect.any(String),
    });
    expect(resolutionProblems({ decision: "ACCEPTED", note, outcome: "ADJUSTMENT", points: -4.5 })).toBeUndefined();
  });

  it("sends outcome and points only where they apply", () => {
    expect(
      resolutionVariables("o1", { decision: "REJECTED", note: ` ${note} `, outcome: "RECOMPUTE", points: 3 }),
    ).toEqual({ id: "o1", decision: "REJECTED", note, outcome: null, points: null });
    expect(resolutionVariables("o1", { decision: "ACCEPTED", note, outcome: "RECOMPUTE", points: 3 })).toEqual({
      id: "o1",
      decision: "ACCEPTED",
      note,
      outcome: "RECOMPUTE",
      points: null,
    });
    expect(resolutionVariables("o1", { decision: "ACCEPTED", note, outcome: "ADJUSTMENT", points: "4" })).toMatchObject(
      {
        outcome: "ADJUSTMENT",
        points: 4,
      },
    );
  });
});

describe("the manager's cycle", () => {
  it("is the one under review, else the latest published; none before review", () => {
    const cycles = [
      { year: 1403, state: "PUBLISHED" },
      { year: 1404, state: "UNDER_REVIEW" },
    ];
    expect(reviewedYear(cycles)?.year).toBe(1404);
    expect(
      reviewedYear([
        { year: 1403, state: "PUBLISHED" },
        { year: 1404, state: "OPEN" },
      ])?.year,
    ).toBe(1403);
    expect(reviewedYear([{ year: 1404, state: "OPEN" }])).toBeUndefined();
  });

  it("labels every objection state in Persian", () => {
    expect(Object.keys(OBJECTION_STATUS_LABELS)).toEqual(["OPEN", "ACCEPTED", "REJECTED"]);
  });
});
