import { describe, expect, it } from "@jest/globals";
import { operationKey, operationName } from "../src/common/graphqlOperations";
import { RUNS, RUNS_WITH_RUBRIC } from "../src/evaluation/evaluationOperations";

describe("react-query keys of GraphQL operations", () => {
  it("reads the operation's name", () => {
    expect(operationName(RUNS)).toBe("EvaluationRuns");
    expect(operationName("\n  mutation ImportNgos($csv: String!) { x }")).toBe("ImportNgos");
    expect(() => operationName("{ ngos { totalCount } }")).toThrow(/without a name/);
  });

  it("keys a call by name and variables; the name alone is the prefix that invalidates every call", () => {
    expect(operationKey(RUNS, { year: 1404 })).toEqual(["graphql", "EvaluationRuns", { year: 1404 }]);
    expect(operationKey(RUNS)).toEqual(["graphql", "EvaluationRuns"]);
    expect(operationKey(RUNS_WITH_RUBRIC)).not.toEqual(operationKey(RUNS));
  });
});
