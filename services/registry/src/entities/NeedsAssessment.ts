import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";

/** The four dimensions Qazvin's committees work on (seed 003), shared by findings and priority needs. */
export enum AssessmentDimension {
  SOCIAL = "SOCIAL",
  ECONOMIC = "ECONOMIC",
  PHYSICAL = "PHYSICAL",
  ENVIRONMENTAL = "ENVIRONMENTAL",
}
registerEnumType(AssessmentDimension, {
  name: "AssessmentDimension",
  description:
    "A dimension of a needs assessment (seed 003: the social, economic, physical and environmental committees).",
  valuesConfig: {
    SOCIAL: { description: "Social (اجتماعی)." },
    ECONOMIC: { description: "Economic (اقتصادی)." },
    PHYSICAL: { description: "Physical, built environment (کالبدی)." },
    ENVIRONMENTAL: { description: "Environmental (زیست‌محیطی)." },
  },
});

/** A needs assessment (نیازسنجی) of an informal-settlement area by one or more NGOs (seed 003). */
@ObjectType({
  description:
    "A needs assessment (نیازسنجی) of an informal-settlement area by one or more NGOs (seed 003): findings per dimension and the priority needs. Its county and province are the area's.",
})
@Entity({ name: "needs_assessment" })
export class NeedsAssessment extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the assessment (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The informal-settlement area assessed." })
  @Index()
  @Column({ type: "uuid" })
  areaId!: string;

  @Field(() => ID, { description: "Code of the area's county." })
  @Column({ type: "varchar", length: 4 })
  countyId!: string;

  @Field(() => ID, { description: "Code of the area's province." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => DateScalar, { description: "Day the assessment was made (shown Jalali)." })
  @Column({ type: "date" })
  assessedOn!: string;

  @Field(() => String, { nullable: true, description: "Findings on the social dimension." })
  @Column({ type: "text", nullable: true })
  socialFindings!: string | null;

  @Field(() => String, { nullable: true, description: "Findings on the economic dimension." })
  @Column({ type: "text", nullable: true })
  economicFindings!: string | null;

  @Field(() => String, { nullable: true, description: "Findings on the physical (built environment) dimension." })
  @Column({ type: "text", nullable: true })
  physicalFindings!: string | null;

  @Field(() => String, { nullable: true, description: "Findings on the environmental dimension." })
  @Column({ type: "text", nullable: true })
  environmentalFindings!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An NGO that took part in a needs assessment. */
@Entity({ name: "needs_assessment_ngo" })
export class NeedsAssessmentNgo {
  @PrimaryColumn({ type: "uuid" })
  assessmentId!: string;

  @Index()
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;
}

/** One priority need found by an assessment, in rank order; a committee may turn it into a project. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A priority need (نیاز اولویت‌دار) found by a needs assessment, in rank order." })
@Entity({ name: "needs_assessment_priority" })
export class PriorityNeed {
  @Field(() => ID, { description: "Hamafza's identifier of the priority need (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The assessment that found the need." })
  @Index()
  @Column({ type: "uuid" })
  assessmentId!: string;

  @Field(() => Int, { description: "Rank, 1 = most urgent." })
  @Column({ type: "integer" })
  rank!: number;

  @Field(() => AssessmentDimension, { description: "The dimension the need belongs to." })
  @Column({ type: "varchar", length: 16 })
  dimension!: AssessmentDimension;

  @Field({ description: "What is needed, as typed." })
  @Column({ type: "text" })
  description!: string;
}
