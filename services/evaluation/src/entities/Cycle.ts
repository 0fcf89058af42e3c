import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Versioned } from "@hamafza/common";
import { IndicatorCode, IndicatorSpec, ScoringRuleKind } from "../scoring";

export enum CycleState {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  UNDER_REVIEW = "UNDER_REVIEW",
  FINAL = "FINAL",
  PUBLISHED = "PUBLISHED",
}
registerEnumType(CycleState, {
  name: "EvaluationCycleState",
  description: "State of an evaluation cycle: DRAFT → OPEN → UNDER_REVIEW → FINAL → PUBLISHED.",
  valuesConfig: {
    DRAFT: { description: "Rubric editable (پیش‌نویس)." },
    OPEN: { description: "Computation runs allowed (باز)." },
    UNDER_REVIEW: { description: "Results under review; runs and adjustments still allowed (در حال بازبینی)." },
    FINAL: { description: "Final: the year's engagement records are locked (نهایی)." },
    PUBLISHED: { description: "Published: scores visible to everyone in scope (منتشرشده)." },
  },
});

/** Allowed transitions; anything else is refused with INVALID_TRANSITION. */
export const CYCLE_TRANSITIONS: Record<CycleState, CycleState[]> = {
  DRAFT: [CycleState.OPEN],
  OPEN: [CycleState.DRAFT, CycleState.UNDER_REVIEW],
  UNDER_REVIEW: [CycleState.OPEN, CycleState.FINAL],
  FINAL: [CycleState.PUBLISHED],
  PUBLISHED: [],
};

export const CYCLE_STATE_LABELS: Record<CycleState, string> = {
  DRAFT: "پیش‌نویس",
  OPEN: "باز",
  UNDER_REVIEW: "در حال بازبینی",
  FINAL: "نهایی",
  PUBLISHED: "منتشرشده",
};

export enum ScoringRule {
  LINEAR = "LINEAR",
  BANDED = "BANDED",
}
registerEnumType(ScoringRule, {
  name: "ScoringRule",
  description: "How an indicator's achievement (raw value ÷ prorated target × 100) becomes a 0–100 score.",
  valuesConfig: {
    LINEAR: { description: "Score = achievement, capped at 100." },
    BANDED: { description: "Score of the highest band whose minimum achievement is reached (0 below the first band)." },
  },
});

@ObjectType({ description: "A band of a BANDED scoring rule." })
@InputType("ScoreBandInput", { description: "A band of a BANDED scoring rule." })
export class ScoreBand {
  @Field(() => Float, { description: "Lowest achievement (% of the prorated target) that earns the band." })
  minAchievement!: number;

  @Field(() => Float, { description: "Score of the band, 0–100." })
  score!: number;
}

@ObjectType({ description: "One indicator of an evaluation rubric." })
export class EvaluationIndicator implements IndicatorSpec {
  @Field(() => String, {
    description: "Code: REGULARITY, PROBLEM_FOCUS, NGO_REACH, FOLLOW_THROUGH, PARTICIPATION or RESPONSIVENESS.",
  })
  code!: IndicatorCode;

  @Field({ description: "Persian title." })
  title!: string;

  @Field({ description: "Persian definition: what is counted." })
  definition!: string;

  @Field(() => Float, { description: "Weight in the total (the weights of a rubric sum to 100)." })
  weight!: number;

  @Field(() => Float, {
    description: "Target for a full year (counts are prorated by tenure quarters; percentages are not).",
  })
  target!: number;

  @Field({ description: "Unit of the raw value and target, in Persian (فصل، درصد، کارگروه)." })
  unit!: string;

  @Field(() => ScoringRule, { description: "Scoring rule." })
  rule!: ScoringRuleKind;

  @Field(() => [ScoreBand], { description: "Bands of a BANDED rule, ascending; empty for LINEAR." })
  bands!: ScoreBand[];
}

@InputType({ description: "One indicator of a rubric as edited; the code names it, omitted fields keep their value." })
export class EvaluationIndicatorInput {
  @Field(() => String, { description: "Code of the indicator (one of the six)." })
  code!: IndicatorCode;

  @Field({ nullable: true, description: "Persian title." })
  title?: string;

  @Field({ nullable: true, description: "Persian definition." })
  definition?: string;

  @Field(() => Float, { nullable: true, description: "Weight (all weights must sum to 100)." })
  weight?: number;

  @Field(() => Float, { nullable: true, description: "Full-year target, more than 0." })
  target?: number;

  @Field(() => ScoringRule, { nullable: true, description: "Scoring rule." })
  rule?: ScoringRule;

  @Field(() => [ScoreBand], { nullable: true, description: "Bands for a BANDED rule." })
  bands?: ScoreBand[];
}

@ObjectType({
  description: "The evaluation cycle of one Jalali year: its rubric and workflow state (چرخه ارزیابی عملکرد مدیران).",
})
@Entity({ name: "evaluation_cycle" })
export class EvaluationCycle extends Versioned {
  @Field(() => ID, { description: "Identifier of the cycle (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => Int, { description: "The Jalali year evaluated." })
  @Column({ type: "integer" })
  year!: number;

  @Field({ description: "Persian title of the cycle." })
  @Column({ type: "text" })
  title!: string;

  @Field(() => CycleState, { description: "Workflow state." })
  @Column({ type: "varchar", length: 16 })
  state!: CycleState;

  @Field(() => [EvaluationIndicator], { description: "The rubric: the indicators, weights summing to 100." })
  @Column({ type: "jsonb" })
  indicators!: EvaluationIndicator[];

  @Field(() => ID, { nullable: true, description: "The run whose results are current (the latest completed run)." })
  @Column({ type: "uuid", nullable: true })
  currentRunId!: string | null;

  @Field(() => Date, { nullable: true, description: "When the cycle was published." })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  @Field({ description: "When the cycle was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the cycle was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  /** National record: audit entries carry no territory. */
  provinceId: string | null = null;
  countyId: string | null = null;
}
