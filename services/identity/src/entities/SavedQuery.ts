import { Versioned } from "@hamafza/common";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

@ObjectType({
  description:
    "A GraphQL query an analyst or officer saved under a name (GraphiQL's «saved queries»): private to its owner, or shared with the users of the same territory.",
})
@Entity({ name: "saved_query" })
@Index("saved_query_owner_name_unique", ["ownerId", "nameNormalized"], { unique: true })
export class SavedQuery extends Versioned {
  @Field(() => ID, { description: "Identifier of the saved query (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The user who saved it (only they may change or delete it)." })
  @Column({ type: "uuid" })
  ownerId!: string;

  @Field({ description: "Sign-in name of the owner." })
  @Column({ type: "text" })
  ownerUsername!: string;

  @Field({ description: "Name, unique among the owner's saved queries (spelling variants count as the same name)." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => String, { nullable: true, description: "What the query answers, for whoever opens it." })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field({ description: "The GraphQL document (one or more query operations; no mutations)." })
  @Column({ type: "text" })
  query!: string;

  @Field(() => String, { nullable: true, description: "Variables as a JSON object text, or empty." })
  @Column({ type: "text", nullable: true })
  variables!: string | null;

  @Field({
    description: "Shared with every user of the same territory (same province and county as the owner when saved).",
  })
  @Column({ type: "boolean", default: false })
  shared!: boolean;

  @Field(() => ID, { nullable: true, description: "Province of the territory it belongs to; empty = national." })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  @Field(() => ID, { nullable: true, description: "County of the territory it belongs to, for county-scoped owners." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field({ description: "When it was saved (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When it was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
