import { Directive, Field, ID, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { DateScalar, Personal, Versioned } from "@hamafza/common";
import { County } from "./County";
import { Province } from "./Province";

/** An NGO House (خانه سمن‌ها / خانه تشکل‌ها): one per province (no county) and at most one per county. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An NGO House (خانه سمن‌ها): the hub of a province or county for empowering NGOs, building networks and dividing work geographically. At most one per province and one per county.",
})
@Entity({ name: "ngo_house" })
export class NgoHouse extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the house (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as typed, e.g. «خانه سمن‌های استان زنجان»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => ID, { description: "Code of the house's province." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "Code of the house's county; empty for the provincial house." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Province, { nullable: true, description: "The house's province." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "The house's county, for a county house." })
  county?: County;

  @Field(() => String, {
    nullable: true,
    description: "Postal address of the house (an institutional address, not personal data).",
  })
  @Column({ type: "text", nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: "Name of the person managing the house." })
  @Column({ type: "text", nullable: true })
  managerName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Phone of the house's manager (mobile or landline with area code, digits only). Personal data: masked for analysts.",
  })
  @Personal("phone")
  @Column({ type: "varchar", length: 11, nullable: true })
  managerPhone!: string | null;

  @Field(() => [String], { description: "Facilities of the house, as typed (e.g. «سالن جلسات ۵۰ نفره»)." })
  @Column({ type: "text", array: true, default: () => "'{}'" })
  facilities!: string[];

  @Field(() => DateScalar, { nullable: true, description: "Day the house opened (or was revived)." })
  @Column({ type: "date", nullable: true })
  openedOn!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** An NGO's membership in a house, with the day it joined. */
@ObjectType("NgoHouseMembership", { description: "An NGO's membership of an NGO House, with the day it joined." })
@Entity({ name: "ngo_house_member" })
export class NgoHouseMember {
  @Field(() => ID, { description: "The house's id." })
  @PrimaryColumn({ type: "uuid" })
  ngoHouseId!: string;

  @Field(() => ID, { description: "The member NGO's id." })
  @Index()
  @PrimaryColumn({ type: "uuid" })
  ngoId!: string;

  @Field(() => DateScalar, { nullable: true, description: "Day the NGO joined the house." })
  @Column({ type: "date", nullable: true })
  joinedOn!: string | null;
}
