import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { daysBetween, tehranToday } from "../util/time";

export enum ResolutionStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}
registerEnumType(ResolutionStatus, {
  name: "ResolutionStatus",
  description:
    "The recorded status of a resolution. OPEN → IN_PROGRESS → DONE; OPEN or IN_PROGRESS → CANCELLED; DONE → IN_PROGRESS reopens. Overdue is derived, see `ResolutionFollowUpStatus`.",
  valuesConfig: {
    OPEN: { description: "Adopted, no action yet (باز)." },
    IN_PROGRESS: { description: "Being carried out (در حال اجرا)." },
    DONE: { description: "Carried out, with a completion date (انجام‌شده)." },
    CANCELLED: { description: "Will not be carried out, with a reason; the record is kept (لغوشده)." },
  },
});

export enum ResolutionFollowUpStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  OVERDUE = "OVERDUE",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}
registerEnumType(ResolutionFollowUpStatus, {
  name: "ResolutionFollowUpStatus",
  description:
    "The status a follow-up board shows: the recorded status, except that an OPEN or IN_PROGRESS resolution past its deadline (Tehran today) is OVERDUE.",
  valuesConfig: {
    OPEN: { description: "Open, deadline not passed (or none)." },
    IN_PROGRESS: { description: "In progress, deadline not passed (or none)." },
    OVERDUE: { description: "Not done and the deadline has passed (معوق)." },
    DONE: { description: "Done." },
    CANCELLED: { description: "Cancelled." },
  },
});

/** Statuses of a resolution still to be carried out. */
export const PENDING_RESOLUTION_STATUSES = [ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS];

/** A decision of a meeting (مصوبه) with an owner and a deadline, followed up until done. */
@ObjectType({
  description:
    "A resolution of a meeting (مصوبه): text, owner agency and/or manager, deadline and follow-up. Takes the meeting's territory.",
})
@Entity({ name: "resolution" })
export class Resolution extends Versioned {
  @Field(() => ID, { description: "Identifier of the resolution (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The meeting that adopted it." })
  @Index()
  @Column({ type: "uuid" })
  meetingId!: string;

  @Field(() => ID, { description: "Province code (the meeting's)." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code (the meeting's); empty for a provincial meeting." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field({ description: "Text of the resolution, as typed." })
  @Column({ type: "text" })
  text!: string;

  @Column({ type: "text" })
  textNormalized!: string;

  @Field(() => ID, { nullable: true, description: "The agency responsible for carrying it out (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  ownerAgencyId!: string | null;

  @Field(() => ID, { nullable: true, description: "The manager responsible for carrying it out (registry)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  ownerManagerId!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Deadline (a calendar day); without one the resolution is never overdue.",
  })
  @Index()
  @Column({ type: "date", nullable: true })
  deadline!: string | null;

  @Field(() => ResolutionStatus, { description: "Recorded status (see `followUpStatus` for OVERDUE)." })
  @Column({ type: "varchar", length: 16, default: ResolutionStatus.OPEN })
  status!: ResolutionStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day it was done (status DONE)." })
  @Column({ type: "date", nullable: true })
  completedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled (status CANCELLED)." })
  @Column({ type: "text", nullable: true })
  cancellationReason!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  @Field({ description: "Whether it is OPEN or IN_PROGRESS and its deadline has passed (Tehran today)." })
  get overdue(): boolean {
    return PENDING_RESOLUTION_STATUSES.includes(this.status) && this.deadline !== null && this.deadline < tehranToday();
  }

  @Field(() => ResolutionFollowUpStatus, {
    description: "Recorded status, or OVERDUE when not done past the deadline.",
  })
  get followUpStatus(): ResolutionFollowUpStatus {
    return this.overdue ? ResolutionFollowUpStatus.OVERDUE : (this.status as unknown as ResolutionFollowUpStatus);
  }

  @Field(() => Int, {
    nullable: true,
    description: "Days past the deadline for an overdue resolution (Tehran today); empty otherwise.",
  })
  get daysOverdue(): number | null {
    return this.overdue ? daysBetween(this.deadline!, tehranToday()) : null;
  }

  @Field(() => Boolean, {
    nullable: true,
    description: "For a DONE resolution with a deadline: whether it was done by the deadline (inclusive).",
  })
  get doneOnTime(): boolean | null {
    if (this.status !== ResolutionStatus.DONE || !this.deadline || !this.completedOn) return null;
    return this.completedOn <= this.deadline;
  }
}

/** A dated progress report of a resolution (history; append-only). */
@ObjectType({ description: "A dated progress update of a resolution (گزارش پیگیری), possibly changing its status." })
@Entity({ name: "resolution_update" })
export class ResolutionUpdate {
  @Field(() => ID, { description: "Identifier of the update (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The resolution." })
  @Index()
  @Column({ type: "uuid" })
  resolutionId!: string;

  @Field(() => DateScalar, { description: "Day the progress was reported." })
  @Column({ type: "date" })
  reportedOn!: string;

  @Field({ description: "What was done or found, as typed." })
  @Column({ type: "text" })
  note!: string;

  @Field(() => ResolutionStatus, {
    nullable: true,
    description: "Status before the update, when it changed the status.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  statusBefore!: ResolutionStatus | null;

  @Field(() => ResolutionStatus, {
    nullable: true,
    description: "Status after the update, when it changed the status.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  statusAfter!: ResolutionStatus | null;

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
