import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

export enum ObjectionStatus {
  OPEN = "OPEN",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}
registerEnumType(ObjectionStatus, {
  name: "EvaluationObjectionStatus",
  description: "State of a manager's objection: OPEN until the evaluator ACCEPTED or REJECTED it.",
  valuesConfig: {
    OPEN: { description: "Filed, waiting for the evaluator (در انتظار بررسی)." },
    ACCEPTED: { description: "Accepted: the run recomputed after the data was corrected, or an adjustment (پذیرفته)." },
    REJECTED: { description: "Rejected with a written reason (ردشده)." },
  },
});

export enum ObjectionOutcome {
  RECOMPUTE = "RECOMPUTE",
  ADJUSTMENT = "ADJUSTMENT",
}
registerEnumType(ObjectionOutcome, {
  name: "EvaluationObjectionOutcome",
  description: "What an accepted objection led to.",
  valuesConfig: {
    RECOMPUTE: {
      description: "The evaluator had the records corrected and a new run was started for the cycle (محاسبه دوباره).",
    },
    ADJUSTMENT: { description: "An adjustment of the manager's score with the evaluator's reason (اصلاح امتیاز)." },
  },
});

export enum ObjectionRecordKind {
  MEETING = "MEETING",
  RESOLUTION = "RESOLUTION",
  WORKING_GROUP = "WORKING_GROUP",
  PROPOSAL = "PROPOSAL",
  DEMAND = "DEMAND",
}
registerEnumType(ObjectionRecordKind, {
  name: "EvaluationObjectionRecordKind",
  description: "Kind of the engagement record an objection says is missing from the evidence.",
  valuesConfig: {
    MEETING: { description: "A meeting (نشست)." },
    RESOLUTION: { description: "A resolution (مصوبه)." },
    WORKING_GROUP: { description: "A working group (کارگروه)." },
    PROPOSAL: { description: "An NGO's proposal (پیشنهاد)." },
    DEMAND: { description: "An NGO's demand (مطالبه)." },
  },
});

@ObjectType({
  description:
    "A manager's objection to one indicator of their evaluation result, filed while the cycle is UNDER_REVIEW, and the evaluator's resolution of it; part of the result's history (اعتراض به ارزیابی).",
})
@Entity({ name: "evaluation_objection" })
export class EvaluationObjection {
  @Field(() => ID, { description: "Identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The result objected to (the manager's current result when filed)." })
  @Column({ type: "uuid" })
  resultId!: string;

  @Field(() => ID, { description: "The cycle." })
  @Column({ type: "uuid" })
  cycleId!: string;

  @Field(() => ID, { description: "The manager (registry)." })
  @Column({ type: "uuid" })
  managerId!: string;

  @Field({ description: "The manager's name when filed." })
  @Column({ type: "text" })
  managerName!: string;

  @Field({ description: "Code of the indicator objected to (e.g. RESPONSIVENESS)." })
  @Column({ type: "varchar", length: 32 })
  indicatorCode!: string;

  @Field({ description: "The manager's objection (Persian)." })
  @Column({ type: "text" })
  text!: string;

  @Field(() => ObjectionRecordKind, {
    nullable: true,
    description: "Kind of the record the manager says is missing from the evidence, if any.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  missingRecordKind!: ObjectionRecordKind | null;

  @Field(() => ID, { nullable: true, description: "Id of that record (engagement service), if any." })
  @Column({ type: "uuid", nullable: true })
  missingRecordId!: string | null;

  @Field(() => ObjectionStatus, { description: "OPEN, ACCEPTED or REJECTED." })
  @Column({ type: "varchar", length: 16 })
  status!: ObjectionStatus;

  @Field(() => ObjectionOutcome, { nullable: true, description: "What an accepted objection led to; empty otherwise." })
  @Column({ type: "varchar", length: 16, nullable: true })
  outcome!: ObjectionOutcome | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The evaluator's answer (Persian): the reason of a rejection, or what was corrected; empty while open.",
  })
  @Column({ type: "text", nullable: true })
  resolutionNote!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "RECOMPUTE: the run started when the objection was accepted (its results replace the current ones).",
  })
  @Column({ type: "uuid", nullable: true })
  recomputeRunId!: string | null;

  @Field(() => ID, { nullable: true, description: "ADJUSTMENT: the adjustment made when the objection was accepted." })
  @Column({ type: "uuid", nullable: true })
  adjustmentId!: string | null;

  @Field({ description: "Who filed it (username)." })
  @Column({ type: "text" })
  filedBy!: string;

  @Field({ description: "When it was filed (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  filedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who resolved it (username); empty while open." })
  @Column({ type: "text", nullable: true })
  resolvedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was resolved (UTC); empty while open." })
  @Column({ type: "timestamptz", nullable: true })
  resolvedAt!: Date | null;

  @Field(() => ID, { description: "Province of the manager's position." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County of the manager's position; empty for provincial positions." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;
}
