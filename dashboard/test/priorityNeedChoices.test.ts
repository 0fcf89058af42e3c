import { describe, expect, it } from "@jest/globals";
import { priorityNeedChoices } from "../src/projects/priorityNeedChoices";

const translate = (key: string, options?: Record<string, unknown>) =>
  options ? `${key}:${JSON.stringify(options)}` : key.split(".").pop()!;

describe("the project form's priority-need picker", () => {
  it("lists the latest assessment's needs first, each assessment's by rank, labelled with rank, dimension and day", () => {
    const choices = priorityNeedChoices(
      {
        needsAssessments: {
          items: [
            {
              id: "a1",
              assessedOn: "2025-01-10",
              priorityNeeds: [{ id: "old", rank: 1, dimension: "SOCIAL", description: "مهدکودک" }],
            },
            {
              id: "a2",
              assessedOn: "2025-06-01",
              priorityNeeds: [
                { id: "second", rank: 2, dimension: "PHYSICAL", description: "آسفالت کوچه" },
                { id: "first", rank: 1, dimension: "ECONOMIC", description: "آموزش مهارت" },
              ],
            },
          ],
        },
      },
      translate,
      (day) => `J${day}`,
    );
    expect(choices.map((choice) => choice.id)).toEqual(["first", "second", "old"]);
    expect(JSON.parse(choices[0]!.name.slice(choices[0]!.name.indexOf(":") + 1))).toEqual({
      rank: "۱",
      dimension: "ECONOMIC",
      description: "آموزش مهارت",
      date: "J2025-06-01",
    });
  });

  it("offers nothing before an area is chosen or when it was never assessed", () => {
    expect(priorityNeedChoices(undefined, translate, String)).toEqual([]);
    expect(priorityNeedChoices({ needsAssessments: { items: [] } }, translate, String)).toEqual([]);
  });
});
