import { Role } from "@hamafza/common";
import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export enum AuditOutcome {
  SUCCESS = "SUCCESS",
  DENIED = "DENIED",
  FAILED = "FAILED",
}
registerEnumType(AuditOutcome, {
  name: "AuditOutcome",
  description: "How an audited action ended.",
  valuesConfig: {
    SUCCESS: { description: "Done (a committed change, a successful sign-in or sign-out)." },
    DENIED: { description: "Refused: the role or territory does not allow it, or sign-in is locked." },
    FAILED: { description: "Failed sign-in (wrong username or password, or a disabled account)." },
  },
});

/** One append-only audit record; the table refuses UPDATE, DELETE and TRUNCATE (migration triggers). */
@ObjectType({
  description:
    "One entry of the append-only audit log: who did what, when, to which record, with the values before and after.",
})
@Entity({ name: "audit_entry" })
export class AuditEntry {
  @Field(() => ID, { description: "Identifier of the entry (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "When it happened (UTC)." })
  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;

  @Field(() => ID, {
    nullable: true,
    description: "The acting user's id; empty for a sign-in with an unknown username.",
  })
  @Column({ type: "text", nullable: true })
  actorId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The acting user's username (for sign-ins: the username tried).",
  })
  @Column({ type: "text", nullable: true })
  actorUsername!: string | null;

  @Field(() => Role, { nullable: true, description: "The acting user's role at the time." })
  @Column({ type: "varchar", length: 24, nullable: true })
  actorRole!: Role | null;

  @Field({ description: "The mutation's name (e.g. `updateNgo`) or a sign-in event (`LOGIN`, `LOGOUT`, `REFRESH`)." })
  @Column({ type: "text" })
  action!: string;

  @Field(() => AuditOutcome, { description: "How it ended." })
  @Column({ type: "varchar", length: 16 })
  outcome!: AuditOutcome;

  @Field({ description: "The service that recorded it: registry, engagement, evaluation or identity." })
  @Column({ type: "text" })
  service!: string;

  @Field(() => String, { nullable: true, description: "Type of the changed record (e.g. `Ngo`)." })
  @Column({ type: "text", nullable: true })
  entityType!: string | null;

  @Field(() => String, { nullable: true, description: "Id of the changed record." })
  @Column({ type: "text", nullable: true })
  entityId!: string | null;

  @Field(() => ID, { nullable: true, description: "Province of the changed record (the log is scoped by it)." })
  @Column({ type: "varchar", length: 2, nullable: true })
  provinceId!: string | null;

  @Field(() => ID, { nullable: true, description: "County of the changed record." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The record before the change (JSON); empty for a creation.",
  })
  @Column({ type: "jsonb", nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The record after the change (JSON); empty for a deletion.",
  })
  @Column({ type: "jsonb", nullable: true })
  after!: unknown;

  @Field(() => String, { nullable: true, description: "The user's network address as the gateway saw it." })
  @Column({ type: "text", nullable: true })
  clientAddress!: string | null;

  @Field(() => String, { nullable: true, description: "The gateway's request id, to match server logs." })
  @Column({ type: "text", nullable: true })
  requestId!: string | null;
}
