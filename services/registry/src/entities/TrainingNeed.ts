import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

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

@ObjectType({
  description:
    "A training need an NGO has declared (نیاز آموزشی): topic, audience and urgency. Takes the NGO's territory.",
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

  @Field(() => Int, { description: "Position in the NGO's list (0 first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;

  @Field({ description: "When the need was first declared (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
