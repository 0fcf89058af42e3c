import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Versioned } from "@hamafza/common";

export enum ActivityReportStatus {
  SUBMITTED = "SUBMITTED",
  ACCEPTED = "ACCEPTED",
  NEEDS_CORRECTION = "NEEDS_CORRECTION",
}
registerEnumType(ActivityReportStatus, {
  name: "ActivityReportStatus",
  description:
    "Where an annual activity report is: SUBMITTED → ACCEPTED, or → NEEDS_CORRECTION → (corrected) SUBMITTED. ACCEPTED is final.",
  valuesConfig: {
    SUBMITTED: { description: "Submitted, waiting for the official's review (ارسال‌شده)." },
    ACCEPTED: { description: "Reviewed and accepted (پذیرفته)." },
    NEEDS_CORRECTION: { description: "Returned for correction, with the official's note (نیازمند اصلاح)." },
  },
});

export enum BudgetBand {
  UNDER_1B = "UNDER_1B",
  FROM_1B_TO_10B = "FROM_1B_TO_10B",
  FROM_10B_TO_50B = "FROM_10B_TO_50B",
  OVER_50B = "OVER_50B",
}
registerEnumType(BudgetBand, {
  name: "BudgetBand",
  description: "The year's spending of an NGO, in bands of rials (no exact figures are asked).",
  valuesConfig: {
    UNDER_1B: { description: "Under 1 billion rials (کمتر از یک میلیارد ریال)." },
    FROM_1B_TO_10B: { description: "1 to 10 billion rials (۱ تا ۱۰ میلیارد ریال)." },
    FROM_10B_TO_50B: { description: "10 to 50 billion rials (۱۰ تا ۵۰ میلیارد ریال)." },
    OVER_50B: { description: "Over 50 billion rials (بیش از ۵۰ میلیارد ریال)." },
  },
});

/**
 * An NGO's annual activity report (گزارش عملکرد سالانه, seed 004: supervision): what it did in a Jalali year, for whom,
 * where, with how many volunteers and roughly what budget; an official reviews it. Takes the NGO's territory.
 */
@ObjectType({
  description:
    "An NGO's annual activity report for a Jalali year (supervision, seed 004), reviewed by an official of its territory. Due by the end of the next year's first quarter (31 Khordad).",
})
@Entity({ name: "ngo_activity_report" })
@Index("ngo_activity_report_ngo_year", ["ngoId", "year"], { unique: true })
export class NgoActivityReport extends Versioned {
  @Field(() => ID, { description: "Identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => ID, { description: "The NGO's province (code)." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "The NGO's county (code)." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Int, { description: "The Jalali year reported on." })
  @Column({ type: "integer" })
  year!: number;

  @Field({ description: "What the NGO did in the year, as written (10–4000 characters)." })
  @Column({ type: "text" })
  activities!: string;

  @Field(() => Int, { description: "People the NGO's activities reached in the year." })
  @Column({ type: "integer" })
  beneficiaries!: number;

  @Field(() => Int, { description: "Volunteers who worked with the NGO in the year." })
  @Column({ type: "integer" })
  volunteers!: number;

  @Field(() => [ID], { description: "Codes of the counties the NGO worked in during the year." })
  @Column({ type: "varchar", length: 4, array: true, default: () => "'{}'" })
  countiesCovered!: string[];

  @Field(() => BudgetBand, { description: "The year's spending, as a band." })
  @Column({ type: "varchar", length: 16 })
  budgetBand!: BudgetBand;

  @Field(() => ActivityReportStatus, { description: "Where the review is." })
  @Column({ type: "varchar", length: 16, default: ActivityReportStatus.SUBMITTED })
  status!: ActivityReportStatus;

  @Field(() => String, {
    nullable: true,
    description: "The official's note of the last review (required to return it).",
  })
  @Column({ type: "text", nullable: true })
  reviewNote!: string | null;

  @Field(() => String, { nullable: true, description: "Who reviewed it last (user name)." })
  @Column({ type: "text", nullable: true })
  reviewedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was last reviewed." })
  @Column({ type: "timestamptz", nullable: true })
  reviewedAt!: Date | null;

  @Field({ description: "When it was first submitted." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When it last changed." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
