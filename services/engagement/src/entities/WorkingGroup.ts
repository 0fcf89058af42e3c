import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { tehranToday } from "../util/time";

export enum WorkingGroupDimension {
  SOCIAL = "SOCIAL",
  ECONOMIC = "ECONOMIC",
  PHYSICAL = "PHYSICAL",
  ENVIRONMENTAL = "ENVIRONMENTAL",
  CULTURAL = "CULTURAL",
  HEALTH = "HEALTH",
  OTHER = "OTHER",
}
registerEnumType(WorkingGroupDimension, {
  name: "WorkingGroupDimension",
  description: "The specialty (dimension) of a working group, as in Qazvin's secretariat committees (seed 003).",
  valuesConfig: {
    SOCIAL: { description: "Social (اجتماعی)." },
    ECONOMIC: { description: "Economic (اقتصادی)." },
    PHYSICAL: { description: "Physical / built environment (کالبدی)." },
    ENVIRONMENTAL: { description: "Environmental (زیست‌محیطی)." },
    CULTURAL: { description: "Cultural (فرهنگی)." },
    HEALTH: { description: "Health (سلامت)." },
    OTHER: { description: "Other (سایر)." },
  },
});

export enum WorkingGroupMemberKind {
  AGENCY = "AGENCY",
  NGO = "NGO",
}
registerEnumType(WorkingGroupMemberKind, {
  name: "WorkingGroupMemberKind",
  description: "Whether a working-group member is an agency or an NGO.",
  valuesConfig: {
    AGENCY: { description: "An executive agency (دستگاه اجرایی)." },
    NGO: { description: "An NGO (سمن)." },
  },
});

/** A standing group of agencies and NGOs on one specialty (کارگروه تخصصی / کمیته). */
@ObjectType({
  description:
    "A working group or committee (کارگروه تخصصی): agencies and NGOs of one specialty, its sessions and the projects it defines.",
})
@Entity({ name: "working_group" })
export class WorkingGroup extends Versioned {
  @Field(() => ID, { description: "Identifier of the working group (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name, as typed (e.g. «کمیته تخصصی اجتماعی»)." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => WorkingGroupDimension, { description: "Specialty." })
  @Column({ type: "varchar", length: 16 })
  dimension!: WorkingGroupDimension;

  @Field(() => String, {
    nullable: true,
    description:
      "Parent body as free text (e.g. «دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان قزوین»); the body's name when `bodyId` is set.",
    deprecationReason: "Use `body` (a GoverningBody record); kept readable for existing clients.",
  })
  @Column({ type: "text", nullable: true })
  parentBody!: string | null;

  @Field(() => ID, { nullable: true, description: "The body the committee belongs to (`GoverningBody`), if any." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  bodyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO House (registry) the group belongs to, if any." })
  @Column({ type: "uuid", nullable: true })
  parentNgoHouseId!: string | null;

  @Field(() => ID, { description: "Province code of the group's territory." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county group; empty for a provincial one." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The chairing manager (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  chairManagerId!: string | null;

  @Field(() => ID, { nullable: true, description: "The chairing agency (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  chairAgencyId!: string | null;

  @Field(() => String, { nullable: true, description: "Mission and notes." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the group was established." })
  @Column({ type: "date", nullable: true })
  establishedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the group was dissolved; empty while it works." })
  @Column({ type: "date", nullable: true })
  dissolvedOn!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An agency or NGO member of a working group, with join and leave dates. */
@ObjectType({ description: "A member of a working group: an agency or an NGO, with the days it joined and left." })
@Entity({ name: "working_group_member" })
export class WorkingGroupMember extends Versioned {
  @Field(() => ID, { description: "Identifier of the membership (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The working group." })
  @Index()
  @Column({ type: "uuid" })
  workingGroupId!: string;

  @Field(() => WorkingGroupMemberKind, { description: "Agency or NGO." })
  @Column({ type: "varchar", length: 8 })
  kind!: WorkingGroupMemberKind;

  @Field(() => ID, { nullable: true, description: "The member agency (kind AGENCY)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  agencyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The member NGO (kind NGO)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  ngoId!: string | null;

  @Field(() => String, { nullable: true, description: "Role in the group, as typed (e.g. «دبیر»، «عضو»)." })
  @Column({ type: "text", nullable: true })
  role!: string | null;

  @Field(() => DateScalar, { description: "Day the member joined." })
  @Column({ type: "date" })
  joinedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "Day the member left; empty while a member." })
  @Column({ type: "date", nullable: true })
  leftOn!: string | null;

  @Field({ description: "When the membership was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  @Field({ description: "Whether it is a member today (Tehran)." })
  get current(): boolean {
    const today = tehranToday();
    return this.joinedOn <= today && (this.leftOn === null || this.leftOn >= today);
  }
}
