import { Versioned } from "@hamafza/common";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { County } from "./County";
import { Province } from "./Province";

export enum AreaKind {
  INFORMAL_SETTLEMENT = "INFORMAL_SETTLEMENT",
  NEIGHBOURHOOD = "NEIGHBOURHOOD",
  INEFFICIENT_URBAN_AREA = "INEFFICIENT_URBAN_AREA",
}
registerEnumType(AreaKind, {
  name: "AreaKind",
  description: "What kind of place an area is.",
  valuesConfig: {
    INFORMAL_SETTLEMENT: { description: "Informal settlement (سکونتگاه غیررسمی / حاشیه‌نشین)." },
    NEIGHBOURHOOD: { description: "A neighbourhood (محله) targeted for empowerment." },
    INEFFICIENT_URBAN_AREA: {
      description: "Inefficient urban area (ناحیه ناکارآمد شهری), e.g. a worn-out historic fabric.",
    },
  },
});

/** An informal settlement or neighbourhood inside a county (seeds 003, 004). */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An informal settlement (سکونتگاه غیررسمی), neighbourhood (محله) or inefficient urban area inside a county.",
})
@Entity({ name: "informal_settlement_area" })
@Index("informal_settlement_area_name_in_county_unique", ["countyId", "nameNormalized"], { unique: true })
export class InformalSettlementArea extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the area (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as typed, e.g. «اسلام‌آباد»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => AreaKind, { description: "Informal settlement, neighbourhood or inefficient urban area." })
  @Column({ type: "varchar", length: 32 })
  kind!: AreaKind;

  @Field(() => ID, { description: "Code of the county the area is in." })
  @Index()
  @Column({ type: "varchar", length: 4 })
  countyId!: string;

  @Field(() => ID, { description: "Code of the county's province (derived from the county)." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => County, { nullable: true, description: "The county the area is in." })
  county?: County;

  @Field(() => Province, { nullable: true, description: "The county's province." })
  province?: Province;

  @Field(() => Int, { nullable: true, description: "Estimated population (people), if known." })
  @Column({ type: "integer", nullable: true })
  estimatedPopulation!: number | null;

  @Field(() => String, { nullable: true, description: "Free notes: main problems, landmarks, needs assessments done." })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
