import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";

export enum SupervisionKind {
  REVIEW = "REVIEW",
  WARNING = "WARNING",
  INSPECTION_NOTE = "INSPECTION_NOTE",
}
registerEnumType(SupervisionKind, {
  name: "SupervisionKind",
  description: "What a supervision record of an NGO is.",
  valuesConfig: {
    REVIEW: { description: "A review of the NGO's performance (بررسی عملکرد)." },
    WARNING: { description: "A warning issued to the NGO; its representatives are notified (اخطار)." },
    INSPECTION_NOTE: { description: "A note of an inspection visit (گزارش بازدید)." },
  },
});

/**
 * A supervision record of an NGO (نظارت, seed 004): a review, a warning or an inspection note written by an officer
 * of the NGO's territory, optionally following from an annual activity report and optionally linked to the licence
 * action (suspension, revocation) it justifies. Takes the NGO's territory; the NGO's representatives read their own.
 */
@ObjectType({
  description:
    "A supervision record of an NGO (review, warning, inspection note), optionally following from an annual activity report and linked to the licence action it justifies.",
})
@Entity({ name: "supervision_record" })
@Index("supervision_record_ngo", ["ngoId", "recordedOn"])
export class SupervisionRecord extends Versioned {
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

  @Field(() => SupervisionKind, { description: "Review, warning or inspection note." })
  @Column({ type: "varchar", length: 16 })
  kind!: SupervisionKind;

  @Field(() => DateScalar, { description: "The day of the review, warning or inspection (not in the future)." })
  @Column({ type: "date" })
  recordedOn!: string;

  @Field({ description: "What was found or warned about, as written (3–4000 characters)." })
  @Column({ type: "text" })
  text!: string;

  @Field(() => ID, { nullable: true, description: "The annual activity report (of the same NGO) it follows from." })
  @Column({ type: "uuid", nullable: true })
  activityReportId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The licence action (history entry of a suspension or revocation of the NGO's licence) it justifies.",
  })
  @Column({ type: "uuid", nullable: true })
  licenceEventId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who recorded it (username; `createdByPerson` has the name).",
  })
  @Column({ type: "text", nullable: true })
  createdBy!: string | null;

  @Field({ description: "When it was recorded." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When it last changed." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
