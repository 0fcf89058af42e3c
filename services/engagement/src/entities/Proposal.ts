import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { answerDueOn, isAnswerOverdue } from "../rules/answerDeadline";
import { daysBetween, tehranToday } from "../util/time";

export enum ProposalStatus {
  SUBMITTED = "SUBMITTED",
  UNDER_REVIEW = "UNDER_REVIEW",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
  IMPLEMENTED = "IMPLEMENTED",
}
registerEnumType(ProposalStatus, {
  name: "ProposalStatus",
  description:
    "Where a proposal is: SUBMITTED → UNDER_REVIEW → ACCEPTED or REJECTED; ACCEPTED → IMPLEMENTED. Other changes are refused (INVALID_TRANSITION).",
  valuesConfig: {
    SUBMITTED: { description: "Submitted by the NGO (ارسال‌شده)." },
    UNDER_REVIEW: { description: "The agency is reviewing it (در حال بررسی)." },
    ACCEPTED: { description: "Accepted, with the agency's dated response (پذیرفته‌شده)." },
    REJECTED: { description: "Rejected, with the agency's dated response (ردشده)." },
    IMPLEMENTED: { description: "Carried out (اجراشده)." },
  },
});

/** A plan an NGO submits to an agency or council (طرح / پیشنهاد). */
@ObjectType({
  description:
    "A proposal or plan (طرح) an NGO submitted to an agency or council, with the agency's dated response. Territory: the one given (the NGO's).",
})
@Entity({ name: "proposal" })
export class Proposal extends Versioned {
  @Field(() => ID, { description: "Identifier of the proposal (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The submitting NGO (registry)." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the proposal's territory (the NGO's province)." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "County code of the proposal's territory; empty for a provincial one.",
  })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The agency it was submitted to (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  agencyId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The council it was submitted to, as typed (e.g. «شورای حمایت و توسعه سمن‌ها»), when not an agency.",
  })
  @Column({ type: "text", nullable: true })
  councilName!: string | null;

  @Field({ description: "Topic, as typed." })
  @Column({ type: "text" })
  topic!: string;

  @Column({ type: "text" })
  topicNormalized!: string;

  @Field(() => String, { nullable: true, description: "Summary of the plan." })
  @Column({ type: "text", nullable: true })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Code of the field of activity (registry taxonomy, e.g. `YOUTH`).",
  })
  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  fieldCode!: string | null;

  @Field(() => ID, { nullable: true, description: "The meeting in which it was presented, if any." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  meetingId!: string | null;

  @Field(() => DateScalar, { description: "Day it was submitted." })
  @Index()
  @Column({ type: "date" })
  submittedOn!: string;

  @Field(() => ProposalStatus, { description: "Status." })
  @Column({ type: "varchar", length: 16, default: ProposalStatus.SUBMITTED })
  status!: ProposalStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day the agency started reviewing it." })
  @Column({ type: "date", nullable: true })
  reviewStartedOn!: string | null;

  @Field(() => String, { nullable: true, description: "The agency's response (decision and reasons)." })
  @Column({ type: "text", nullable: true })
  response!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Day of the agency's response (acceptance or rejection): the proposal counts as answered from this day.",
  })
  @Column({ type: "date", nullable: true })
  respondedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was implemented." })
  @Column({ type: "date", nullable: true })
  implementedOn!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  @Field(() => Int, { nullable: true, description: "Days from submission to the response; empty while unanswered." })
  get responseDays(): number | null {
    return this.respondedOn ? daysBetween(this.submittedOn, this.respondedOn) : null;
  }
  @Field(() => DateScalar, {
    description: "Last day for the agency's answer: HAMAFZA_ANSWER_DAYS days (default 30) after it was submitted.",
  })
  get dueOn(): string {
    return answerDueOn(this.submittedOn);
  }

  @Field({
    description:
      "Whether it is unanswered past its answer day (Tehran today): escalated to the province officer (filter `overdue`).",
  })
  get overdue(): boolean {
    return isAnswerOverdue(this.submittedOn, this.respondedOn, tehranToday());
  }
}
