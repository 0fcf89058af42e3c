import { CycleState } from "../src/entities/Cycle";
import { ObjectionOutcome, ObjectionRecordKind, ObjectionStatus } from "../src/entities/Objection";
import { checkObjectionInput, checkResolution, filingRefusal } from "../src/objectionRules";

const CODES = ["REGULARITY", "RESPONSIVENESS"];
const RECORD = "30000000-0000-4000-8000-000000000001";
const fields = (v: { done(): void }) => {
  try {
    v.done();
    return [];
  } catch (error) {
    return ((error as { extensions: { fields: { field: string }[] } }).extensions.fields ?? []).map((f) => f.field);
  }
};

describe("objection input", () => {
  it("accepts an indicator of the result, a text of 10+ characters, and a missing record given whole or not at all", () => {
    expect(fields(checkObjectionInput({ indicatorCode: "REGULARITY", text: "نشست فصل سوم دیده نشد" }, CODES))).toEqual(
      [],
    );
    expect(
      fields(
        checkObjectionInput(
          {
            indicatorCode: "RESPONSIVENESS",
            text: "مطالبه پاسخ‌داده‌شده دیده نشد",
            missingRecordKind: ObjectionRecordKind.DEMAND,
            missingRecordId: RECORD,
          },
          CODES,
        ),
      ),
    ).toEqual([]);
  });

  it("names each problem", () => {
    expect(fields(checkObjectionInput({ indicatorCode: "NGO_REACH", text: "کوتاه" }, CODES))).toEqual([
      "indicatorCode",
      "text",
    ]);
    expect(
      fields(
        checkObjectionInput(
          {
            indicatorCode: "REGULARITY",
            text: "نشست فصل سوم دیده نشد",
            missingRecordKind: ObjectionRecordKind.MEETING,
          },
          CODES,
        ),
      ),
    ).toEqual(["missingRecordId"]);
    expect(
      fields(
        checkObjectionInput(
          { indicatorCode: "REGULARITY", text: "نشست فصل سوم دیده نشد", missingRecordId: RECORD },
          CODES,
        ),
      ),
    ).toEqual(["missingRecordKind"]);
    expect(
      fields(
        checkObjectionInput(
          {
            indicatorCode: "REGULARITY",
            text: "نشست فصل سوم دیده نشد",
            missingRecordKind: ObjectionRecordKind.MEETING,
            missingRecordId: "not-a-uuid",
          },
          CODES,
        ),
      ),
    ).toEqual(["missingRecordId"]);
  });
});

describe("when an objection may be filed", () => {
  it("only on the current result while the cycle is UNDER_REVIEW", () => {
    expect(filingRefusal(CycleState.UNDER_REVIEW, true)).toBeNull();
    expect(filingRefusal(CycleState.UNDER_REVIEW, false)).toMatch(/نتیجه تازه‌تری/);
    for (const state of [CycleState.DRAFT, CycleState.OPEN, CycleState.FINAL, CycleState.PUBLISHED])
      expect(filingRefusal(state, true)).toMatch(/دوره بازبینی/);
  });
});

describe("resolution", () => {
  const note = "صورت‌جلسه‌ها بررسی شد";
  it("rejects with a reason and nothing else", () => {
    expect(fields(checkResolution({ decision: ObjectionStatus.REJECTED, note }))).toEqual([]);
    expect(fields(checkResolution({ decision: ObjectionStatus.REJECTED, note: "" }))).toEqual(["note"]);
    expect(
      fields(checkResolution({ decision: ObjectionStatus.REJECTED, note, outcome: ObjectionOutcome.RECOMPUTE })),
    ).toEqual(["outcome"]);
  });

  it("accepts with an outcome; an adjustment within ±10 points, two decimals", () => {
    expect(fields(checkResolution({ decision: ObjectionStatus.ACCEPTED, note }))).toEqual(["outcome"]);
    expect(
      fields(checkResolution({ decision: ObjectionStatus.ACCEPTED, note, outcome: ObjectionOutcome.RECOMPUTE })),
    ).toEqual([]);
    expect(
      fields(
        checkResolution({ decision: ObjectionStatus.ACCEPTED, note, outcome: ObjectionOutcome.RECOMPUTE, points: 3 }),
      ),
    ).toEqual(["points"]);
    for (const [points, ok] of [
      [5, true],
      [-10, true],
      [10.5, false],
      [1.234, false],
      [null, false],
    ] as const)
      expect(
        fields(
          checkResolution({ decision: ObjectionStatus.ACCEPTED, note, outcome: ObjectionOutcome.ADJUSTMENT, points }),
        ),
      ).toEqual(ok ? [] : ["points"]);
    expect(fields(checkResolution({ decision: ObjectionStatus.OPEN, note }))).toEqual(["decision"]);
  });
});
