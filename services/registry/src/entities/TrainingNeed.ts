import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export enum Urgency {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}
registerEnumType(Urgency, {
  name: "Urgency",
  description: "How urgent a declared need is.",
  valuesConfig: {
    LOW: { description: "Low (کم)." },
    MEDIUM: { description: "Medium (متوسط)." },
    HIGH: { description: "High (زیاد / فوری)." },
  },
});

export enum TrainingNeedStatus {
  DECLARED = "DECLARED",
  PLANNED = "PLANNED",
  MET = "MET",
}
registerEnumType(TrainingNeedStatus, {
  name: "TrainingNeedStatus",
  description: "Where a training need is in the training loop (docs/training.md): DECLARED → PLANNED → MET.",
  valuesConfig: {
    DECLARED: { description: "Declared by the NGO, no session planned for it yet (اعلام‌شده)." },
    PLANNED: { description: "The NGO is invited to a training session for it (برنامه‌ریزی‌شده)." },
    MET: { description: "The NGO attended the session and the need was marked met (برآورده‌شده)." },
  },
});

@ObjectType({
  description:
    "A training need an NGO has declared for a Jalali year (نیاز آموزشی): topic, audience, urgency and where it is in the training loop. Takes the NGO's territory.",
})
@Entity({ name: "training_need" })
export class TrainingNeed {
  @Field(() => ID, {
    description: "Identifier of the need (UUID); send it back in `trainingNeeds` to keep the record.",
  })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field({ description: "Topic, as typed (e.g. «نگارش طرح و پیشنهاد»); aggregated by its normalised form." })
  @Column({ type: "text" })
  topic!: string;

  @Column({ type: "text" })
  topicNormalized!: string;

  @Field(() => String, { nullable: true, description: "Who should be trained (e.g. «اعضای هیئت‌مدیره», «داوطلبان»)." })
  @Column({ type: "text", nullable: true })
  audience!: string | null;

  @Field(() => Urgency, { description: "How urgent the need is." })
  @Column({ type: "varchar", length: 8 })
  urgency!: Urgency;

  @Field(() => Int, { description: "The Jalali year the need is declared for." })
  @Column({ type: "integer" })
  year!: number;

  @Field(() => TrainingNeedStatus, { description: "DECLARED, PLANNED (invited to a session) or MET." })
  @Column({ type: "varchar", length: 8, default: TrainingNeedStatus.DECLARED })
  status!: TrainingNeedStatus;

  @Field(() => ID, {
    nullable: true,
    description: "The training session the need is planned in (PLANNED) or was met by (MET); empty when DECLARED.",
  })
  @Column({ type: "uuid", nullable: true })
  sessionId!: string | null;

  @Field(() => Int, { description: "Position in the NGO's list (0 first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;

  @Field({ description: "When the need was first declared (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the need last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
