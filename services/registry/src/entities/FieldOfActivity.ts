import { Versioned } from "@hamafza/common";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * A field of activity (حوزه فعالیت): a managed taxonomy (youth, social-harm prevention, disability …). The codes
 * are stable (the demo CSV and imports use them); administrators add, rename and retire fields.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: "A field of activity of NGOs (حوزه فعالیت), from a taxonomy administrators manage; an NGO has several.",
})
@Entity({ name: "field_of_activity" })
export class FieldOfActivity extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the field (UUID; fixed for the seeded fields)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({
    description: "Stable code in UPPER_SNAKE, e.g. `SOCIAL_HARM_PREVENTION`; used by imports and analysts' scripts.",
  })
  @Index("field_of_activity_code_unique", { unique: true })
  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Field({ description: "Persian name for display, e.g. «پیشگیری از آسیب‌های اجتماعی»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => String, { nullable: true, description: "What the field covers (Persian)." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => Int, { description: "Position in pick lists (smallest first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;

  @Field({ description: "When the field was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the field was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
