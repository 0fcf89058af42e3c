import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@hamafza/common";
import { LicenceState, LicenceStatus } from "./Licence";

export enum LicenceAction {
  ISSUE = "ISSUE",
  RENEW = "RENEW",
  SUSPEND = "SUSPEND",
  REINSTATE = "REINSTATE",
  REVOKE = "REVOKE",
}
registerEnumType(LicenceAction, {
  name: "LicenceAction",
  description: "A transition of a licence's lifecycle.",
  valuesConfig: {
    ISSUE: { description: "Issued (صدور)." },
    RENEW: { description: "Renewed with a new expiry date (تمدید)." },
    SUSPEND: { description: "Suspended (تعلیق)." },
    REINSTATE: { description: "Reinstated after a suspension (رفع تعلیق)." },
    REVOKE: { description: "Revoked (لغو)." },
  },
});

/** One transition of a licence: append-only history (who, when, from which state to which, why). */
@ObjectType({ description: "One step of a licence's history: who did what, when, from which state to which, and why." })
@Entity({ name: "licence_event" })
export class LicenceEvent {
  @Field(() => ID, { description: "Identifier of the history entry (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Order of entries within a day (identity column, filled by the database). */
  @Column({ type: "bigint", insert: false, update: false })
  seq!: string;

  @Field(() => ID, { description: "The licence." })
  @Index()
  @Column({ type: "uuid" })
  licenceId!: string;

  @Field(() => ID, { description: "The NGO of the licence." })
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => LicenceAction, { description: "What was done." })
  @Column({ type: "varchar", length: 16 })
  action!: LicenceAction;

  @Field(() => LicenceState, { description: "State just before, on the effective day." })
  @Column({ type: "varchar", length: 16 })
  fromState!: LicenceState;

  @Field(() => LicenceState, { description: "State just after, on the effective day." })
  @Column({ type: "varchar", length: 16 })
  toState!: LicenceState;

  @Field(() => DateScalar, { description: "The day the transition took effect (the issue date for ISSUE)." })
  @Column({ type: "date" })
  effectiveOn!: string;

  @Field(() => String, { nullable: true, description: "Reason given." })
  @Column({ type: "text", nullable: true })
  reason!: string | null;

  @Field(() => LicenceStatus, { description: "Recorded status after the transition." })
  @Column({ type: "varchar", length: 16 })
  status!: LicenceStatus;

  @Field(() => DateScalar, { description: "Expiry date after the transition." })
  @Column({ type: "date" })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "Expiry date before the transition (renewals)." })
  @Column({ type: "date", nullable: true })
  previousExpiresOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the suspension after the transition, if suspended with an end.",
  })
  @Column({ type: "date", nullable: true })
  suspendedUntil!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The supervision record that justifies the transition (suspensions and revocations; linked both ways).",
  })
  @Column({ type: "uuid", nullable: true })
  supervisionRecordId!: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the user who made the transition." })
  @Column({ type: "text", nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: "Username of the user who made the transition." })
  @Column({ type: "text", nullable: true })
  actorUsername!: string | null;

  @Field({ description: "When the transition was recorded (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  occurredAt!: Date;
}
