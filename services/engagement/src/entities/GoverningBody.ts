import { Versioned } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * A body committees (working groups) belong to, e.g. Qazvin's secretariat for empowering inefficient urban areas
 * (seed 003), whose social, economic, physical and environmental committees define projects.
 */
@ObjectType({
  description:
    "A body (نهاد بالادست) that committees belong to, e.g. «دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان قزوین» (seed 003): its committees, their members and projects.",
})
@Entity({ name: "governing_body" })
@Index("governing_body_name_in_province_unique", ["provinceId", "nameNormalized"], { unique: true })
export class GoverningBody extends Versioned {
  @Field(() => ID, { description: "Identifier of the body (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name, as typed." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => ID, { description: "Province code of the body." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county body; empty for a provincial one." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => String, { nullable: true, description: "Mandate and notes." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
