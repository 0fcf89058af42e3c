import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { answerDueOn, isAnswerOverdue } from "../rules/answerDeadline";
import { daysBetween, tehranToday } from "../util/time";

export enum DemandCategory {
  MEMBERS_INSURANCE = "MEMBERS_INSURANCE",
  INFRASTRUCTURE = "INFRASTRUCTURE",
  OFFICIAL_RECOGNITION = "OFFICIAL_RECOGNITION",
  EMPLOYMENT_OF_DISABLED = "EMPLOYMENT_OF_DISABLED",
  FUNDING = "FUNDING",
  OTHER = "OTHER",
}
registerEnumType(DemandCategory, {
  name: "DemandCategory",
  description: "What an NGO demand is about (seed 004).",
  valuesConfig: {
    MEMBERS_INSURANCE: { description: "Insurance of the NGO's members (بیمه اعضا)." },
    INFRASTRUCTURE: { description: "Infrastructure: premises, equipment (مشکلات زیرساختی)." },
    OFFICIAL_RECOGNITION: { description: "Official recognition of NGOs (به رسمیت شناختن)." },
    EMPLOYMENT_OF_DISABLED: { description: "Employment of people with disabilities (اشتغال معلولان)." },
    FUNDING: { description: "Funding and financial support (حمایت مالی)." },
    OTHER: { description: "Other (سایر)." },
  },
});

export enum DemandStatus {
  RAISED = "RAISED",
  UNDER_REVIEW = "UNDER_REVIEW",
  RESOLVED = "RESOLVED",
  REJECTED = "REJECTED",
}
registerEnumType(DemandStatus, {
  name: "DemandStatus",
  description:
    "Where a demand is: RAISED → UNDER_REVIEW → RESOLVED or REJECTED (RAISED may be answered directly). RESOLVED and REJECTED need the response and its date.",
  valuesConfig: {
    RAISED: { description: "Raised by the NGO (طرح‌شده)." },
    UNDER_REVIEW: { description: "The agency is looking into it (در حال پیگیری)." },
    RESOLVED: { description: "Answered and met (پاسخ داده شد — رفع شد)." },
    REJECTED: { description: "Answered: cannot be met, with reasons (پاسخ داده شد — امکان‌پذیر نیست)." },
  },
});

/** A demand or problem an NGO raises (مطالبه / مشکل), in a meeting or on its own, routed to an agency. */
@ObjectType({
  description:
    "A demand or problem raised by an NGO (مطالبه), in a meeting or on its own, routed to an agency, with its response. Territory: the one given (the NGO's).",
})
@Entity({ name: "demand" })
export class Demand extends Versioned {
  @Field(() => ID, { description: "Identifier of the demand (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO that raised it (registry)." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the demand's territory (the NGO's province)." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "County code of the demand's territory; empty for a provincial one.",
  })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The meeting in which it was raised, if any." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  meetingId!: string | null;

  @Field(() => DemandCategory, {
    description:
      "Category as the fixed enum: the catalogue category's code when it is one of the enum's, else OTHER (see `topic`).",
  })
  @Column({ type: "varchar", length: 32 })
  category!: DemandCategory;

  /** The catalogue category (`DemandTopic`); null on rows written without one: the category of the enum's code. */
  @Index()
  @Column({ type: "uuid", nullable: true })
  topicId!: string | null;

  @Field({ description: "Short title, as typed." })
  @Column({ type: "text" })
  title!: string;

  @Column({ type: "text" })
  titleNormalized!: string;

  @Field(() => String, { nullable: true, description: "Details." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: "The agency it was routed to (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  agencyId!: string | null;

  @Field(() => DateScalar, { description: "Day it was raised." })
  @Index()
  @Column({ type: "date" })
  raisedOn!: string;

  @Field(() => DemandStatus, { description: "Status." })
  @Column({ type: "varchar", length: 16, default: DemandStatus.RAISED })
  status!: DemandStatus;

  @Field(() => String, { nullable: true, description: "The agency's response." })
  @Column({ type: "text", nullable: true })
  response!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the response (RESOLVED or REJECTED): the demand counts as answered from this day.",
  })
  @Column({ type: "date", nullable: true })
  respondedOn!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  @Field(() => Int, { nullable: true, description: "Days from raising to the response; empty while unanswered." })
  get responseDays(): number | null {
    return this.respondedOn ? daysBetween(this.raisedOn, this.respondedOn) : null;
  }
  @Field(() => DateScalar, {
    description: "Last day for the agency's answer: HAMAFZA_ANSWER_DAYS days (default 30) after it was raised.",
  })
  get dueOn(): string {
    return answerDueOn(this.raisedOn);
  }

  @Field({
    description:
      "Whether it is unanswered past its answer day (Tehran today): escalated to the province officer (filter `overdue`).",
  })
  get overdue(): boolean {
    return isAnswerOverdue(this.raisedOn, this.respondedOn, tehranToday());
  }
}
