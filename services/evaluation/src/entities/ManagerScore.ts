import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export enum Grade {
  EXCELLENT = "EXCELLENT",
  GOOD = "GOOD",
  ACCEPTABLE = "ACCEPTABLE",
  NEEDS_IMPROVEMENT = "NEEDS_IMPROVEMENT",
}
registerEnumType(Grade, {
  name: "Grade",
  description: "Grade band of a total score.",
  valuesConfig: {
    EXCELLENT: { description: "90 or more (عالی)." },
    GOOD: { description: "75 to under 90 (خوب)." },
    ACCEPTABLE: { description: "60 to under 75 (قابل قبول)." },
    NEEDS_IMPROVEMENT: { description: "Under 60 (نیازمند بهبود)." },
  },
});

/** A manager's engagement score for one Jalali year. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A manager's engagement-with-NGOs score for one Jalali year (ارزیابی عملکرد مدیران)." })
@Entity({ name: "manager_score" })
@Index("manager_score_manager_year_unique", ["managerId", "year"], { unique: true })
export class ManagerScore {
  @Field(() => ID, { description: "Identifier of the score record (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "Id of the scored manager (registry)." })
  @Column({ type: "uuid" })
  managerId!: string;

  @Field(() => Int, { description: "Jalali year evaluated, e.g. 1404." })
  @Column({ type: "integer" })
  year!: number;

  @Field(() => Float, { description: "Weighted total, 0–100." })
  @Column({
    type: "numeric",
    precision: 5,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  total!: number;

  @Field(() => Grade, { description: "Grade band of the total." })
  @Column({ type: "varchar", length: 24 })
  grade!: Grade;

  @Field(() => ID, { nullable: true, description: "Province of the manager's position when scored." })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "County of the manager's position when scored; empty for provincial positions.",
  })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the score was published; unpublished scores are visible only to evaluators and administrators.",
  })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  @Field({ description: "When the score was computed (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  computedAt!: Date;
}
