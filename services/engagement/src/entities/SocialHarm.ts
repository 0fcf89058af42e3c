import { Versioned } from "@hamafza/common";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * A national social harm (آسیب اجتماعی): a catalogue the engagement service owns and administrators manage (seed 004:
 * «۲۰ آسیب اجتماعی در کشور شناسایی شده است»). Agenda items name the harm they address.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A social harm (آسیب اجتماعی) of the national catalogue, e.g. addiction, divorce, child labour, marginalisation; agenda items address them.",
})
@Entity({ name: "social_harm" })
export class SocialHarm extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the harm (UUID; fixed for the seeded harms)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Stable code in UPPER_SNAKE, e.g. `ADDICTION`; used by imports and analysts' scripts." })
  @Index("social_harm_code_unique", { unique: true })
  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Field({ description: "Persian name, e.g. «اعتیاد»." })
  @Column({ type: "text" })
  name!: string;

  @Index("social_harm_name_unique", { unique: true })
  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => String, { nullable: true, description: "What the harm covers." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => Int, { description: "Display order in the catalogue." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;

  @Field({
    description: "Whether the harm can still be chosen for new agenda items (retired harms stay on old items).",
  })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
