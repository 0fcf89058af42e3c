import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export enum AwardLevel {
  NATIONAL = "NATIONAL",
  INTERNATIONAL = "INTERNATIONAL",
}
registerEnumType(AwardLevel, {
  name: "AwardLevel",
  description: "Level of an award or recognition.",
  valuesConfig: {
    NATIONAL: { description: "National (ملی)." },
    INTERNATIONAL: { description: "International (بین‌المللی)." },
  },
});

@ObjectType({ description: "An award or recognition an NGO received (جایزه / تقدیر). Takes the NGO's territory." })
@Entity({ name: "ngo_award" })
export class NgoAward {
  @Field(() => ID, {
    description: "Identifier of the award record (UUID); send it back in `awards` to keep the record.",
  })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field({ description: "Title of the award, as typed." })
  @Column({ type: "text" })
  title!: string;

  @Field(() => AwardLevel, { description: "National or international." })
  @Column({ type: "varchar", length: 16 })
  level!: AwardLevel;

  @Field(() => Int, { description: "Jalali (Solar Hijri) year of the award, e.g. 1402." })
  @Column({ type: "integer" })
  jalaliYear!: number;

  @Field(() => String, { nullable: true, description: "Who gave the award." })
  @Column({ type: "text", nullable: true })
  awardedBy!: string | null;

  @Field(() => Int, { description: "Position in the NGO's list (0 first)." })
  @Column({ type: "integer", default: 0 })
  sortOrder!: number;
}
