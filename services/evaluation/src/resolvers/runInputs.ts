import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { Grade } from "../entities/ManagerScore";
import { EvaluationResult, EvaluationRun } from "../entities/Run";
import { FactsSnapshot } from "../scoring";

@ObjectType({ description: "A page of evaluation results." })
export class EvaluationResultPage extends PageOf(EvaluationResult) {}

@InputType({ description: "Filter evaluation results (the scoreboard); all given conditions apply." })
export class EvaluationResultFilter {
  @Field(() => [ID], { nullable: true, description: "Only these results (then `year` and `runId` may be omitted)." })
  ids?: string[];

  @Field({
    nullable: true,
    description: "Search in the manager's name (Persian-normalised: ي/ی, ك/ک, digits, half-spaces).",
  })
  q?: string;

  @Field(() => Int, {
    nullable: true,
    description: "The Jalali year: the cycle's current results (per manager, the latest run that scored the manager).",
  })
  year?: number;

  @Field(() => ID, { nullable: true, description: "Results of this run instead of the current ones." })
  runId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this county." })
  countyId?: string;

  @Field({
    nullable: true,
    description: "Only this kind of position (registry ManagerPositionKind, e.g. COUNTY_GOVERNOR).",
  })
  positionKind?: string;

  @Field(() => Grade, { nullable: true, description: "Only this grade band (of the computed total)." })
  grade?: Grade;

  @Field(() => ID, { nullable: true, description: "Only this manager." })
  managerId?: string;
}

@ObjectType({ description: "How many results fall in one grade band." })
export class GradeCount {
  @Field(() => Grade, { description: "The grade band." })
  grade!: Grade;

  @Field(() => Int, { description: "Results in the band." })
  count!: number;
}

@ObjectType({ description: "Outcome of recomputing a run from its stored snapshot and rubric." })
export class RecomputeOutcome {
  @Field(() => ID, { description: "The run." })
  runId!: string;

  @Field({ description: "SHA-256 of the results stored with the run." })
  storedHash!: string;

  @Field({ description: "SHA-256 of the recomputed results." })
  recomputedHash!: string;

  @Field({ description: "Whether the recomputed results are byte-equal to the stored ones." })
  identical!: boolean;

  @Field(() => Int, { description: "Managers recomputed." })
  managers!: number;
}

@ObjectType({ description: "A manager's change between two runs." })
export class EvaluationChange {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field({ description: "The manager's name." })
  managerName!: string;

  @Field(() => Float, { nullable: true, description: "Total in the first run (empty if not scored there)." })
  before!: number | null;

  @Field(() => Float, { nullable: true, description: "Total in the second run (empty if not scored there)." })
  after!: number | null;

  @Field(() => Float, { nullable: true, description: "after − before, when both exist." })
  delta!: number | null;

  @Field(() => Grade, { nullable: true, description: "Grade in the first run." })
  gradeBefore!: Grade | null;

  @Field(() => Grade, { nullable: true, description: "Grade in the second run." })
  gradeAfter!: Grade | null;

  @Field(() => [String], { description: "Codes of the indicators whose score changed." })
  changedIndicators!: string[];
}

@ObjectType({ description: "A manager's score under a what-if rubric, beside the computed one (nothing is saved)." })
export class WhatIfScore {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field({ description: "The manager's name." })
  managerName!: string;

  @Field({ description: "Kind of position." })
  positionKind!: string;

  @Field(() => ID, { description: "Province of the position." })
  provinceId!: string;

  @Field(() => Float, { description: "Total of the run (its own rubric)." })
  computedTotal!: number;

  @Field(() => Float, { description: "Total under the what-if rubric." })
  total!: number;

  @Field(() => Float, { description: "total − computedTotal." })
  delta!: number;

  @Field(() => Grade, { description: "Grade under the what-if rubric." })
  grade!: Grade;

  @Field(() => Int, { description: "Rank within the province under the what-if rubric." })
  provinceRank!: number;

  @Field(() => Int, { description: "National rank among the same position kind under the what-if rubric." })
  nationalRank!: number;
}

export type SucceededRun = EvaluationRun & { snapshot: FactsSnapshot; resultsHash: string };
