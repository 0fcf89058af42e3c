import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Versioned } from "@hamafza/common";

export enum TrainingSessionStatus {
  PLANNED = "PLANNED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerEnumType(TrainingSessionStatus, {
  name: "TrainingSessionStatus",
  description: "Where a training session is: PLANNED, then HELD (attendance recorded) or CANCELLED.",
  valuesConfig: {
    PLANNED: { description: "Planned; NGOs may be invited (برنامه‌ریزی‌شده)." },
    HELD: { description: "Held: its attendance is recorded (برگزارشده)." },
    CANCELLED: { description: "Cancelled; its planned needs went back to DECLARED (لغوشده)." },
  },
});

/**
 * A training session (دوره / کارگاه آموزشی) planned by officials for NGOs that declared a need (docs/training.md).
 * Held at a venue or at an NGO House; its territory is a province, or a county for a county session.
 */
@ObjectType({
  description:
    "A training session officials plan for NGOs with a declared need (the training loop, docs/training.md): topic, day, venue or NGO House, capacity and provider.",
})
@Entity({ name: "training_session" })
export class TrainingSession extends Versioned {
  @Field(() => ID, { description: "Identifier of the session (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Topic, as typed (e.g. «نگارش طرح و پیشنهاد»)." })
  @Column({ type: "text" })
  topic!: string;

  @Column({ type: "text" })
  topicNormalized!: string;

  @Field({ description: "When the session starts (UTC; shown on Tehran's clock)." })
  @Column({ type: "timestamptz" })
  startsAt!: Date;

  @Field(() => String, { nullable: true, description: "Where it is held, as typed, when not at an NGO House." })
  @Column({ type: "text", nullable: true })
  venue!: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO House it is held at, if any." })
  @Column({ type: "uuid", nullable: true })
  ngoHouseId!: string | null;

  @Field(() => Int, { description: "Seats: at most this many NGOs may be invited (1–500)." })
  @Column({ type: "integer" })
  capacity!: number;

  @Field({ description: "Who teaches it (a person, an agency or an NGO), as typed." })
  @Column({ type: "text" })
  provider!: string;

  @Field(() => TrainingSessionStatus, { description: "PLANNED, HELD or CANCELLED." })
  @Column({ type: "varchar", length: 10, default: TrainingSessionStatus.PLANNED })
  status!: TrainingSessionStatus;

  @Field(() => ID, { description: "Province code of the session's territory." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code of a county session; empty for a provincial one." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field({ description: "When the session was planned (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the session last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An NGO invited to a training session, for one of its needs (or none), and whether it attended. */
@ObjectType({
  description:
    "An NGO invited to a training session (دعوت به دوره آموزشی), the need it was invited for, and its attendance once recorded.",
})
@Entity({ name: "training_invitation" })
@Index("training_invitation_session_ngo", ["sessionId", "ngoId"], { unique: true })
export class TrainingInvitation {
  @Field(() => ID, { description: "Identifier of the invitation (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The session." })
  @Column({ type: "uuid" })
  sessionId!: string;

  @Field(() => ID, { description: "The invited NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => ID, { nullable: true, description: "The NGO's training need the invitation answers, if any." })
  @Column({ type: "uuid", nullable: true })
  needId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the NGO attended: empty until the attendance is recorded.",
  })
  @Column({ type: "boolean", nullable: true })
  attended!: boolean | null;

  @Field({ description: "When the NGO was invited (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
