import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Versioned } from "@hamafza/common";

export enum NgoChangeRequestStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(NgoChangeRequestStatus, {
  name: "NgoChangeRequestStatus",
  description: "Where a change request of an NGO's regulated fields is: PENDING → APPROVED or REJECTED (both final).",
  valuesConfig: {
    PENDING: { description: "Filed, waiting for an official of the NGO's territory (در انتظار بررسی)." },
    APPROVED: { description: "Approved: the requested values were applied to the NGO (تأییدشده)." },
    REJECTED: { description: "Rejected, with the official's reason (ردشده)." },
  },
});

/** The regulated fields of an NGO: a representative asks for a change, an official decides. */
export enum NgoRegulatedField {
  NAME = "NAME",
  NATIONAL_ID = "NATIONAL_ID",
  REGISTRATION_NUMBER = "REGISTRATION_NUMBER",
}
registerEnumType(NgoRegulatedField, {
  name: "NgoRegulatedField",
  description: "A regulated field of an NGO: changed only by an official, on a representative's change request.",
  valuesConfig: {
    NAME: { description: "The NGO's name (نام)." },
    NATIONAL_ID: { description: "National identifier of the legal entity (شناسه ملی)." },
    REGISTRATION_NUMBER: { description: "Registration number with the licensing authority (شماره ثبت)." },
  },
});

@ObjectType({ description: "One field a change request asks to change: its value when filed and the value asked for." })
export class NgoFieldChange {
  @Field(() => NgoRegulatedField, { description: "The field." })
  field!: NgoRegulatedField;

  @Field(() => String, { nullable: true, description: "The NGO's value when the request was filed (empty: none)." })
  current!: string | null;

  @Field({ description: "The value asked for." })
  requested!: string;
}

/**
 * A change request of an NGO's regulated fields (name, national id, registration number), filed by one of its
 * representatives and decided by an official of its territory. Takes the NGO's territory; kept after the decision
 * as the NGO's history.
 */
@ObjectType({
  description:
    "A request of an NGO's representative to change regulated fields of the NGO (name, national id, registration number); an official of the NGO's territory approves it (the values are applied, audited) or rejects it with a reason.",
})
@Entity({ name: "ngo_change_request" })
export class NgoChangeRequest extends Versioned {
  @Field(() => ID, { description: "Identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field(() => ID, { description: "The NGO's province (code) when filed." })
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "The NGO's county (code) when filed." })
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => [NgoFieldChange], { description: "The fields asked to change, each with its value when filed." })
  @Column({ type: "jsonb" })
  changes!: NgoFieldChange[];

  @Field({ description: "Why the change is asked for, as the representative wrote it." })
  @Column({ type: "text" })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A reference to the document behind the change (e.g. the Official Gazette notice or the licensing letter).",
  })
  @Column({ type: "text", nullable: true })
  reference!: string | null;

  @Field(() => NgoChangeRequestStatus, { description: "Where the request is." })
  @Column({ type: "varchar", length: 16, default: NgoChangeRequestStatus.PENDING })
  status!: NgoChangeRequestStatus;

  @Field({ description: "Username of the representative who filed it." })
  @Column({ type: "text" })
  requestedBy!: string;

  @Field(() => String, { nullable: true, description: "Username of the official who decided it." })
  @Column({ type: "text", nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was decided (UTC)." })
  @Column({ type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The official's note: the reason of a rejection (required) or of an approval.",
  })
  @Column({ type: "text", nullable: true })
  decisionNote!: string | null;

  @Field({ description: "When it was filed (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When it last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
