import { Versioned } from "@hamafza/common";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** An item on a meeting's agenda: the topic, the social harm it addresses and the NGO demand it answers, if any. */
@ObjectType({
  description:
    "An agenda item of a meeting (دستور جلسه): its topic, the social harm it addresses and the NGO demand it answers, if any.",
})
@Entity({ name: "agenda_item" })
export class AgendaItem extends Versioned {
  @Field(() => ID, { description: "Identifier of the agenda item (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The meeting." })
  @Index()
  @Column({ type: "uuid" })
  meetingId!: string;

  @Field(() => Int, { description: "Position on the agenda (1 = first)." })
  @Column({ type: "integer" })
  position!: number;

  @Field({ description: "Topic, as typed." })
  @Column({ type: "text" })
  topic!: string;

  @Column({ type: "text" })
  topicNormalized!: string;

  @Field(() => ID, { nullable: true, description: "The social harm the item addresses (catalogue `socialHarms`)." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  socialHarmId!: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO demand the item answers, if any." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  demandId!: string | null;

  @Field(() => String, { nullable: true, description: "Notes on the discussion." })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
