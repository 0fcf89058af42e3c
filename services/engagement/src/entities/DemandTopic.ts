import { Versioned } from "@hamafza/common";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * A demand category of the catalogue administrators manage (seed 004 names members' insurance, officials' support for
 * people with disabilities and for NGOs, infrastructure, official recognition, employment of the disabled).
 */
@ObjectType({
  description:
    "A category of NGO demands (دسته مطالبه), from the catalogue administrators manage; seeded with the kinds seed 004 names. Replaces the fixed `DemandCategory` enum, which stays as the nearest fixed value.",
})
@Entity({ name: "demand_topic" })
export class DemandTopic extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the category (UUID; fixed for the seeded ones)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Stable code in UPPER_SNAKE, e.g. `MEMBERS_INSURANCE`." })
  @Index("demand_topic_code_unique", { unique: true })
  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Field({ description: "Persian name, e.g. «بیمه اعضای سمن»." })
  @Column({ type: "text" })
  name!: string;

  @Index("demand_topic_name_unique", { unique: true })
  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => String, { nullable: true, description: "What the category covers." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => Int, { description: "Display order in the catalogue." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;

  @Field({ description: "Whether it can be chosen for new demands (retired categories stay on old demands)." })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
