import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { tehranToday } from "../util/time";

export enum ProjectStatus {
  PLANNED = "PLANNED",
  ACTIVE = "ACTIVE",
  STALLED = "STALLED",
  FINISHED = "FINISHED",
  ABANDONED = "ABANDONED",
}
registerEnumType(ProjectStatus, {
  name: "ProjectStatus",
  description:
    "Where a project is: PLANNED → ACTIVE ⇄ STALLED → FINISHED; PLANNED, ACTIVE or STALLED → ABANDONED; ABANDONED → ACTIVE or STALLED (revived, with the reason in the progress note). FINISHED is final.",
  valuesConfig: {
    PLANNED: { description: "Defined, not started (تعریف‌شده)." },
    ACTIVE: { description: "Under way (در حال اجرا)." },
    STALLED: { description: "Stopped half-way, to be followed up (متوقف / نیمه‌کاره)." },
    FINISHED: { description: "Finished (پایان‌یافته)." },
    ABANDONED: { description: "Abandoned (رهاشده)." },
  },
});

export const UNFINISHED_PROJECT_STATUSES = [ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.STALLED];

/** An operational action of agencies in an informal settlement, defined by a working group (seed 003). */
@ObjectType({
  description:
    "A project (پروژه / اقدام عملیاتی) of agencies with partner NGOs, usually in an informal settlement, defined by a working group and followed up until finished.",
})
@Entity({ name: "project" })
export class Project extends Versioned {
  @Field(() => ID, { description: "Identifier of the project (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Title, as typed." })
  @Column({ type: "text" })
  title!: string;

  @Column({ type: "text" })
  titleNormalized!: string;

  @Field(() => String, { nullable: true, description: "Description and expected results." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: "The working group that defined it." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  workingGroupId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The informal-settlement area or neighbourhood (registry `InformalSettlementArea` id).",
  })
  @Index()
  @Column({ type: "uuid", nullable: true })
  areaId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The priority need of a needs assessment (registry `PriorityNeed` id) a committee turned into this project.",
  })
  @Index()
  @Column({ type: "uuid", nullable: true })
  priorityNeedId!: string | null;

  @Field(() => ID, { description: "Province code of the project's territory." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code; empty for a provincial project." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The agency responsible for it (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  responsibleAgencyId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Start day." })
  @Column({ type: "date", nullable: true })
  startOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Planned end day." })
  @Column({ type: "date", nullable: true })
  plannedEndOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it finished or was abandoned." })
  @Column({ type: "date", nullable: true })
  closedOn!: string | null;

  @Field(() => ProjectStatus, { description: "Status." })
  @Column({ type: "varchar", length: 16, default: ProjectStatus.PLANNED })
  status!: ProjectStatus;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  @Field({ description: "Whether it is PLANNED, ACTIVE or STALLED." })
  get unfinished(): boolean {
    return UNFINISHED_PROJECT_STATUSES.includes(this.status);
  }

  @Field({ description: "Whether it is unfinished and its planned end has passed (Tehran today)." })
  get late(): boolean {
    return this.unfinished && this.plannedEndOn !== null && this.plannedEndOn < tehranToday();
  }
}

/** A partner NGO of a project. */
@Entity({ name: "project_partner" })
export class ProjectPartner {
  @Column({ type: "uuid", primary: true })
  projectId!: string;

  @Column({ type: "uuid", primary: true })
  ngoId!: string;
}

/** A dated progress report of a project. */
@ObjectType({ description: "A dated progress update of a project, possibly changing its status." })
@Entity({ name: "project_update" })
export class ProjectUpdate {
  @Field(() => ID, { description: "Identifier of the update (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The project." })
  @Index()
  @Column({ type: "uuid" })
  projectId!: string;

  @Field(() => DateScalar, { description: "Day the progress was reported." })
  @Column({ type: "date" })
  reportedOn!: string;

  @Field({ description: "What was done or found, as typed." })
  @Column({ type: "text" })
  note!: string;

  @Field(() => ProjectStatus, { nullable: true, description: "Status before, when the update changed it." })
  @Column({ type: "varchar", length: 16, nullable: true })
  statusBefore!: ProjectStatus | null;

  @Field(() => ProjectStatus, { nullable: true, description: "Status after, when the update changed it." })
  @Column({ type: "varchar", length: 16, nullable: true })
  statusAfter!: ProjectStatus | null;

  @Field(() => String, {
    nullable: true,
    description: "Username of who recorded it (`recordedByPerson` has the name).",
  })
  @Column({ type: "text", nullable: true })
  recordedBy!: string | null;

  @Field({ description: "When it was recorded (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
