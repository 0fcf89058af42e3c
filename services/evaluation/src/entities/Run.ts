import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { AfterLoad, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EvaluationIndicator } from "./Cycle";
import { Grade } from "./ManagerScore";
import { StoredSnapshot } from "../scoring";
import { StoredIndicator, unpackEvidence } from "../evidencePacking";

export enum RunStatus {
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}
registerEnumType(RunStatus, {
  name: "EvaluationRunStatus",
  description: "State of a computation run.",
  valuesConfig: {
    RUNNING: { description: "Fetching facts, scoring or storing (در حال محاسبه)." },
    SUCCEEDED: { description: "Done: snapshot, hash and results stored (انجام شد)." },
    FAILED: { description: "Stopped with an error; nothing of it is used (ناموفق)." },
  },
});

/** The steps of a run, in order; `progress` moves through them. */
export enum RunPhase {
  QUEUED = "QUEUED",
  FETCHING_MANAGERS = "FETCHING_MANAGERS",
  FETCHING_FACTS = "FETCHING_FACTS",
  FETCHING_LICENCES = "FETCHING_LICENCES",
  SCORING = "SCORING",
  STORING = "STORING",
  DONE = "DONE",
}
registerEnumType(RunPhase, {
  name: "EvaluationRunPhase",
  description: "Step of a computation run (with `progress`, what a progress bar shows).",
  valuesConfig: {
    QUEUED: { description: "Created, not started." },
    FETCHING_MANAGERS: { description: "Reading managers with tenure and active NGO counts from the registry." },
    FETCHING_FACTS: {
      description: "Reading meetings, resolutions, working groups and requests from the engagement service.",
    },
    FETCHING_LICENCES: { description: "Reading attending NGOs' licence states on the meeting days from the registry." },
    SCORING: { description: "Scoring every manager." },
    STORING: { description: "Storing the snapshot and the results." },
    DONE: { description: "Finished (succeeded or failed)." },
  },
});

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: "A computation run of a cycle: the facts it used (snapshot) and its results." })
@Entity({ name: "evaluation_run" })
export class EvaluationRun {
  @Field(() => ID, { description: "Identifier of the run (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The cycle." })
  @Column({ type: "uuid" })
  cycleId!: string;

  @Field(() => Int, { description: "The Jalali year." })
  @Column({ type: "integer" })
  year!: number;

  @Field(() => ID, {
    nullable: true,
    description: "Province the run covers (the evaluator's); empty for the whole country.",
  })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  /** County of the run's scope (always empty: runs are national or provincial). */
  countyId: string | null = null;

  @Field(() => [EvaluationIndicator], { description: "The rubric the run used (copied from the cycle)." })
  @Column({ type: "jsonb" })
  rubric!: EvaluationIndicator[];

  @Field(() => Int, {
    description:
      "Version of the scoring rules the run was computed with (1: the first rules; 2: indicators without occasion not applicable, NGO_REACH over licensed NGOs); a recomputation applies the same version.",
  })
  @Column({ type: "integer" })
  rulesVersion!: number;

  @Field(() => RunStatus, {
    description: "RUNNING until the run SUCCEEDED or FAILED; only succeeded runs have results.",
  })
  @Column({ type: "varchar", length: 16, default: "RUNNING" })
  status!: RunStatus;

  @Field(() => RunPhase, { description: "The step the run is at (DONE once finished)." })
  @Column({ type: "varchar", length: 24, default: "QUEUED" })
  phase!: RunPhase;

  @Field(() => Int, { description: "Progress in percent, 0–100 (never decreases; 100 when succeeded)." })
  @Column({ type: "integer", default: 0 })
  progress!: number;

  @Field(() => String, { nullable: true, description: "Why the run failed (Persian); empty otherwise." })
  @Column({ type: "text", nullable: true })
  failureMessage!: string | null;

  /** The error code of the failure (e.g. SERVICE_UNAVAILABLE), reported by `runEvaluation`; empty otherwise. */
  @Column({ type: "text", nullable: true })
  failureCode!: string | null;

  /**
   * The facts used, as fetched (JSONB): managers with tenures, engagement facts, licence states, active NGO counts
   * (formats 1 and 2), or for format 3 runs only a header, the facts being in `snapshotPacked`. Empty until the run
   * succeeds. `loadSucceededRun` gives the facts whatever the format.
   */
  @Column({ type: "jsonb", nullable: true })
  snapshot!: StoredSnapshot | null;

  /** Format 3: the packed facts (see `snapshotPacking.ts`); not read unless asked for. */
  @Column({ type: "bytea", nullable: true, select: false })
  snapshotPacked?: Buffer | null;

  @Field(() => String, {
    nullable: true,
    description:
      "SHA-256 of the canonical JSON text of the results (see `canonicalResults`); a recomputation from the snapshot must give the same bytes, hence the same hash. Empty until the run succeeds.",
  })
  @Column({ type: "varchar", length: 64, nullable: true })
  resultsHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The Tehran day the facts were judged on (overdue and pending states). Empty until the run succeeds.",
  })
  @Column({ type: "varchar", length: 10, nullable: true })
  factsAsOf!: string | null;

  @Field(() => Int, { description: "Managers scored (0 until the run succeeds)." })
  @Column({ type: "integer" })
  managersScored!: number;

  @Field(() => Int, { description: "Managers in scope without tenure in the year (not scored)." })
  @Column({ type: "integer" })
  managersWithoutTenure!: number;

  @Field({ description: "Who ran it (username; `computedByPerson` has the name)." })
  @Column({ type: "text" })
  computedBy!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Milliseconds the run took (fetch, compute and store); empty while running.",
  })
  @Column({ type: "integer", nullable: true })
  durationMs!: number | null;

  @Field({ description: "When the run was started (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  computedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the run succeeded or failed (UTC); empty while running. The latest succeeded run gives a manager's current result.",
  })
  @Column({ type: "timestamptz", nullable: true })
  finishedAt!: Date | null;
}

@ObjectType({ description: "An evidence record behind an indicator: counted or excluded, with the Persian reasons." })
export class EvidenceRecord {
  @Field({
    description:
      "Kind: MEETING, RESOLUTION, WORKING_GROUP, PROPOSAL, DEMAND, NGO_ATTENDANCE (id: the NGO) or QUARTER (id: 1–4).",
  })
  kind!: string;

  @Field({ description: "Id of the record (engagement or registry), or the quarter number." })
  id!: string;

  @Field({ description: "Persian label (meeting title, group name …)." })
  label!: string;

  @Field(() => String, { nullable: true, description: "Its day (Gregorian ISO), if any." })
  date!: string | null;

  @Field({ description: "Whether it counted towards the raw value." })
  counted!: boolean;

  @Field(() => [String], { description: "Why it did not count (Persian); empty when counted." })
  reasons!: string[];
}

@ObjectType({
  description: "One indicator of a manager's result: raw value, target, score, weight, contribution and evidence.",
})
export class IndicatorResult {
  @Field({ description: "Indicator code." })
  code!: string;

  @Field({ description: "Persian title." })
  title!: string;

  @Field({ description: "Unit of the raw value." })
  unit!: string;

  @Field(() => Float, { description: "Raw value (count or percent)." })
  raw!: number;

  @Field(() => Float, { description: "Numerator behind the raw value (records counted)." })
  numerator!: number;

  @Field(() => Float, { nullable: true, description: "Denominator behind a percentage (empty for counts)." })
  denominator!: number | null;

  @Field(() => Float, { description: "Full-year target of the rubric." })
  target!: number;

  @Field(() => Float, { description: "Target prorated by tenure quarters (counts only)." })
  proratedTarget!: number;

  @Field(() => Float, { description: "Raw ÷ prorated target × 100." })
  achievement!: number;

  @Field(() => Float, { description: "Indicator score 0–100." })
  score!: number;

  @Field(() => Float, { description: "Weight." })
  weight!: number;

  @Field(() => Float, { description: "Score × weight ÷ 100: points of the total." })
  contribution!: number;

  @Field(() => [EvidenceRecord], { description: "The records counted and excluded." })
  evidence!: EvidenceRecord[];

  /** Rules version 2 results only (see `IndicatorResultResolver`): whether the indicator applies. */
  applicable?: boolean;

  /** Rules version 2 results only: the weight applied after redistribution. */
  appliedWeight?: number;

  /** Rules version 2 results only: why the indicator does not apply. */
  notApplicableReason?: string | null;
}

@ObjectType({ description: "An evaluator's adjustment of a computed score, shown beside it (never replacing it)." })
@Entity({ name: "evaluation_adjustment" })
export class EvaluationAdjustment {
  @Field(() => ID, { description: "Identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The adjusted result." })
  @Column({ type: "uuid" })
  resultId!: string;

  @Field(() => ID, { description: "The manager." })
  @Column({ type: "uuid" })
  managerId!: string;

  @Field(() => Float, { description: "Points added (negative: removed), −10 to +10." })
  @Column({ type: "numeric", precision: 5, scale: 2, transformer: numeric })
  points!: number;

  @Field({ description: "The written justification." })
  @Column({ type: "text" })
  justification!: string;

  @Field({ description: "Who adjusted (username; `adjustedByPerson` has the name)." })
  @Column({ type: "text" })
  adjustedBy!: string;

  @Field({ description: "When (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  adjustedAt!: Date;

  @Field(() => ID, { description: "Province of the manager." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County of the manager." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;
}

@ObjectType({
  description:
    "A manager's evaluation result in one run: indicators, total, grade, ranks, and any adjustment beside it.",
})
@Entity({ name: "evaluation_result" })
export class EvaluationResult {
  @Field(() => ID, { description: "Identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The run." })
  @Column({ type: "uuid" })
  runId!: string;

  @Field(() => ID, { description: "The cycle." })
  @Column({ type: "uuid" })
  cycleId!: string;

  @Field(() => Int, { description: "The Jalali year." })
  @Column({ type: "integer" })
  year!: number;

  @Field(() => ID, { description: "The manager (registry)." })
  @Column({ type: "uuid" })
  managerId!: string;

  @Field({ description: "The manager's name when computed." })
  @Column({ type: "text" })
  managerName!: string;

  /** The name normalised for search (`filter.q`). */
  @Column({ type: "text", select: false })
  managerNameNormalized!: string;

  @Field({ description: "The position title when computed." })
  @Column({ type: "text" })
  position!: string;

  @Field({ description: "Kind of position (registry ManagerPositionKind)." })
  @Column({ type: "varchar", length: 32 })
  positionKind!: string;

  @Field(() => ID, { description: "Province of the position." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County of the position; empty for provincial positions." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => [Int], { description: "Quarters of the year in the tenure (targets prorated on these)." })
  @Column({ type: "integer", array: true })
  tenureQuarters!: number[];

  @Field(() => Float, { description: "Computed weighted total, 0–100." })
  @Column({ type: "numeric", precision: 5, scale: 2, transformer: numeric })
  total!: number;

  @Field(() => Grade, { description: "Grade band of the computed total." })
  @Column({ type: "varchar", length: 24 })
  grade!: Grade;

  @Field(() => Int, { description: "Rank within the province (ties share a rank)." })
  @Column({ type: "integer" })
  provinceRank!: number;

  @Field(() => Int, {
    description: "Rank in the country among managers of the same position kind (ties share a rank).",
  })
  @Column({ type: "integer" })
  nationalRank!: number;

  @Field(() => [IndicatorResult], { description: "The indicators with their evidence." })
  @Column({ type: "json" })
  indicators!: IndicatorResult[];

  /** The distinct strings of the result's packed evidence (`evidencePacking.ts`); null for rows with evidence inline. */
  @Column({ type: "json", nullable: true })
  evidenceStrings!: string[] | null;

  /** Gives back the evidence of packed rows, so every reader sees the indicators as scored. */
  @AfterLoad()
  protected unpackEvidence(): void {
    if (!this.indicators || !this.evidenceStrings) return;
    this.indicators = unpackEvidence(
      this.indicators as unknown as StoredIndicator[],
      this.evidenceStrings,
    ) as unknown as IndicatorResult[];
    this.evidenceStrings = null;
  }

  @Field(() => Date, {
    nullable: true,
    description: "When published; unpublished results are visible to evaluators and administrators only.",
  })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  /** Whether this is the manager's current result of the cycle (from the latest finished run that scored the manager); maintained when a run succeeds. */
  @Column({ type: "boolean", default: false })
  isCurrent!: boolean;
}
