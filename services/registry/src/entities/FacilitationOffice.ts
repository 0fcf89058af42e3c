import { Field, ID, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { County } from "./County";
import { Province } from "./Province";

/** A facilitation office (دفتر تسهیل‌گری) in an informal settlement, run with NGOs as the agencies' arm there (seed 004). */
@ObjectType({
  description:
    "A facilitation office (دفتر تسهیل‌گری) in an informal-settlement area, run by one or more NGOs with a partner agency: the agencies' arm in the settlement. Its county and province are the area's.",
})
@Entity({ name: "facilitation_office" })
export class FacilitationOffice extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the office (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as typed, e.g. «دفتر تسهیل‌گری محله اسلام‌آباد»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => ID, { description: "The informal-settlement area the office serves." })
  @Index()
  @Column({ type: "uuid" })
  areaId!: string;

  @Field(() => ID, { description: "Code of the area's county." })
  @Index()
  @Column({ type: "varchar", length: 4 })
  countyId!: string;

  @Field(() => ID, { description: "Code of the area's province." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => County, { nullable: true, description: "The area's county." })
  county?: County;

  @Field(() => Province, { nullable: true, description: "The area's province." })
  province?: Province;

  @Field(() => ID, { description: "The partner agency (دستگاه همکار) of the office." })
  @Index()
  @Column({ type: "uuid" })
  partnerAgencyId!: string;

  @Field(() => DateScalar, { description: "Day the office opened." })
  @Column({ type: "date" })
  openedOn!: string;

  @Field({
    description:
      "Whether the office has a dedicated space of its own (seed 004 names its lack as the offices' problem).",
  })
  @Index()
  @Column({ type: "boolean", default: false })
  hasDedicatedSpace!: boolean;

  @Field(() => String, { nullable: true, description: "Free notes (services offered, working hours …)." })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An NGO running a facilitation office. */
@Entity({ name: "facilitation_office_operator" })
export class FacilitationOfficeOperator {
  @PrimaryColumn({ type: "uuid" })
  facilitationOfficeId!: string;

  @Index()
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;
}
