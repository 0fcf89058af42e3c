import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, jalaliQuarterOf, Versioned } from "@hamafza/common";
import { tehranDay } from "../util/time";
import { MeetingAttendance } from "./MeetingAttendance";

export enum MeetingKind {
  QUARTERLY_PROBLEM_CENTRED = "QUARTERLY_PROBLEM_CENTRED",
  NGO_EXCHANGE = "NGO_EXCHANGE",
  WORKING_GROUP_SESSION = "WORKING_GROUP_SESSION",
  COUNCIL = "COUNCIL",
  OTHER = "OTHER",
}
registerEnumType(MeetingKind, {
  name: "MeetingKind",
  description: "What kind of meeting it is.",
  valuesConfig: {
    QUARTERLY_PROBLEM_CENTRED: {
      description:
        "Quarterly problem-centred meeting of a county governor or provincial manager with NGOs (نشست فصلی مسئله‌محور).",
    },
    NGO_EXCHANGE: { description: "Monthly NGO-to-NGO experience exchange (نشست ماهانه تبادل تجربه)." },
    WORKING_GROUP_SESSION: { description: "A session of a working group or committee (جلسه کارگروه)." },
    COUNCIL: { description: "A council meeting, e.g. the NGO support and development council (شورا)." },
    OTHER: { description: "Any other meeting (سایر)." },
  },
});

export enum MeetingStatus {
  PLANNED = "PLANNED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "Where the meeting is in its life: planned, then held or cancelled.",
  valuesConfig: {
    PLANNED: { description: "Scheduled, not yet held (برنامه‌ریزی‌شده)." },
    HELD: { description: "Held (برگزارشده)." },
    CANCELLED: { description: "Cancelled; the record is kept (لغوشده)." },
  },
});

export enum MeetingLevel {
  PROVINCE = "PROVINCE",
  COUNTY = "COUNTY",
}
registerEnumType(MeetingLevel, {
  name: "MeetingLevel",
  description:
    "Whether a meeting is held at the level of a province or of a county (derived from whether a county is given).",
  valuesConfig: {
    PROVINCE: { description: "Provincial meeting (استانی): no county." },
    COUNTY: { description: "County meeting (شهرستانی)." },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: "A meeting of officials with NGOs (نشست)." })
@Entity({ name: "meeting" })
export class Meeting extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the meeting (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Title, as typed." })
  @Column({ type: "text" })
  title!: string;

  @Column({ type: "text" })
  titleNormalized!: string;

  @Field(() => MeetingKind, { description: "Kind of meeting." })
  @Column({ type: "varchar", length: 32 })
  kind!: MeetingKind;

  @Field(() => ID, { description: "Province code of the meeting's territory." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "County code for a county-level meeting; empty for a provincial one.",
  })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  chairId!: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the organising agency (registry `Agency`)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  organisingAgencyId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Where the meeting is held, as typed (e.g. «سالن جلسات فرمانداری»).",
  })
  @Column({ type: "text", nullable: true })
  venue!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Id of the NGO House (registry) where the meeting is held, if it is held in one.",
  })
  @Column({ type: "uuid", nullable: true })
  venueNgoHouseId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The working group whose session this is (kind WORKING_GROUP_SESSION).",
  })
  @Index()
  @Column({ type: "uuid", nullable: true })
  workingGroupId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The quarterly series the meeting was planned in (`scheduleQuarterlyMeetings`); null for a meeting planned alone.",
  })
  @Index()
  @Column({ type: "uuid", nullable: true })
  seriesId!: string | null;

  @Field(() => MeetingLevel, {
    description: "PROVINCE for a provincial meeting, COUNTY for a county meeting (from `countyId`).",
  })
  get level(): MeetingLevel {
    return this.countyId ? MeetingLevel.COUNTY : MeetingLevel.PROVINCE;
  }

  @Field(() => DateScalar, {
    description: "The meeting's calendar day on Tehran's clock (held time, else scheduled time).",
  })
  get meetingDate(): string {
    return tehranDay(this.heldAt ?? this.scheduledAt);
  }

  @Field({ description: "When the meeting is (or was) scheduled to start (UTC)." })
  @Column({ type: "timestamptz" })
  scheduledAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the meeting was actually held (UTC); set when status is HELD.",
  })
  @Column({ type: "timestamptz", nullable: true })
  heldAt!: Date | null;

  @Field(() => MeetingStatus, { description: "Planned, held or cancelled." })
  @Column({ type: "varchar", length: 16, default: MeetingStatus.PLANNED })
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: "Why the meeting was cancelled." })
  @Column({ type: "text", nullable: true })
  cancellationReason!: string | null;

  /** How many NGOs attended: kept by the database's triggers on attendance (migration 1767340000010), never written here. */
  @Column({ type: "integer", default: 0, insert: false, update: false })
  attendanceCount!: number;

  @Field(() => String, { nullable: true, description: "Minutes (صورتجلسه), free text." })
  @Column({ type: "text", nullable: true })
  minutes!: string | null;

  @Field(() => Int, { description: "Jalali year of the meeting (held time, else scheduled time), on Tehran's clock." })
  get jalaliYear(): number {
    return jalaliQuarterOf(this.heldAt ?? this.scheduledAt).year;
  }

  @Field(() => Int, {
    description: "Jalali quarter 1–4 of the meeting (held time, else scheduled time), on Tehran's clock.",
  })
  get jalaliQuarter(): number {
    return jalaliQuarterOf(this.heldAt ?? this.scheduledAt).quarter;
  }

  @OneToMany(() => MeetingAttendance, (a) => a.meeting, { cascade: true })
  attendance!: MeetingAttendance[];

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
