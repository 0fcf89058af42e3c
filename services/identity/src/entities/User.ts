import { Role, Versioned } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { County, Province } from "./references";

@ObjectType({
  description: "A person who signs in to Hamafza, with a role and a territory (README, «Security model»).",
})
@Entity({ name: "user_account" })
export class User extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the user (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Sign-in name: lower-case Latin letters, digits, `.`, `_` or `-`; unique." })
  @Column({ type: "text", unique: true })
  username!: string;

  @Field({ description: "Name shown in the dashboard, usually the person's Persian name." })
  @Column({ type: "text" })
  displayName!: string;

  @Column({ type: "text" })
  displayNameNormalized!: string;

  @Field(() => Role, { description: "Role; with the territory it decides what the user may see and change." })
  @Column({ type: "varchar", length: 24 })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: "Province code of the user's territory; empty for the whole country.",
  })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  @Field(() => ID, { nullable: true, description: "County code of a county-scoped user's territory." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The record an invited user speaks for: an NGO's id (NGO_REPRESENTATIVE), an agency's (AGENCY_RESPONDENT) or a manager's (MANAGER); empty for staff.",
  })
  @Column({ type: "uuid", nullable: true })
  boundId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "An invited user: the reference of the document the inviting official checked that they speak for their record (e.g. the NGO's letter of introduction, its number and date); empty for staff.",
  })
  @Column({ type: "text", nullable: true })
  authorisationReference!: string | null;

  @Field(() => Province, { nullable: true, description: "Province of the user's territory." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "County of the user's territory." })
  county?: County;

  /** argon2id hash; never leaves the service. */
  @Column({ type: "text" })
  passwordHash!: string;

  @Field({ description: "A disabled user cannot sign in, and their sessions are ended." })
  @Column({ type: "boolean", default: false })
  disabled!: boolean;

  @Field(() => Date, { nullable: true, description: "Last successful sign-in (UTC)." })
  @Column({ type: "timestamptz", nullable: true })
  lastLoginAt!: Date | null;

  @Field({ description: "When the password was last set (UTC)." })
  @Column({ type: "timestamptz", default: () => "now()" })
  passwordChangedAt!: Date;

  @Field({ description: "When the user was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the user was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
