import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";

export enum LicensingAuthority {
  GOVERNORATE = "GOVERNORATE",
  COUNTY_GOVERNORATE = "COUNTY_GOVERNORATE",
  MINISTRY_OF_INTERIOR = "MINISTRY_OF_INTERIOR",
  OTHER = "OTHER",
}
registerEnumType(LicensingAuthority, {
  name: "LicensingAuthority",
  description: "Who issued a licence (مرجع صدور پروانه).",
  valuesConfig: {
    GOVERNORATE: { description: "A provincial governorate (استانداری)." },
    COUNTY_GOVERNORATE: { description: "A county governorate (فرمانداری)." },
    MINISTRY_OF_INTERIOR: { description: "The Ministry of Interior (وزارت کشور)." },
    OTHER: {
      description: "Another authority, named in `authorityName` (e.g. the Welfare Organisation, سازمان بهزیستی).",
    },
  },
});

/** The lifecycle status recorded by the transitions; `LicenceState` adds what the dates say. */
export enum LicenceStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  REVOKED = "REVOKED",
}
registerEnumType(LicenceStatus, {
  name: "LicenceStatus",
  description:
    "The status the lifecycle transitions recorded (issue/renew/reinstate → ACTIVE, suspend → SUSPENDED, revoke → REVOKED). See `LicenceState` for the state including the dates.",
  valuesConfig: {
    ACTIVE: { description: "Issued, renewed or reinstated." },
    SUSPENDED: { description: "Suspended (until `suspendedUntil` if given)." },
    REVOKED: { description: "Revoked; final." },
  },
});

/** The state a user sees: the recorded status combined with the dates, computed on Tehran's calendar day. */
export enum LicenceState {
  ACTIVE = "ACTIVE",
  EXPIRING = "EXPIRING",
  EXPIRED = "EXPIRED",
  SUSPENDED = "SUSPENDED",
  REVOKED = "REVOKED",
  NONE = "NONE",
}
registerEnumType(LicenceState, {
  name: "LicenceState",
  description:
    "A licence's state on a day (today on Tehran's clock unless a date is given): REVOKED, SUSPENDED while a suspension lasts, else EXPIRED after the expiry date, EXPIRING within `HAMAFZA_LICENCE_EXPIRING_DAYS` (default 60) days of it, else ACTIVE; NONE when an NGO has no licence.",
  valuesConfig: {
    ACTIVE: { description: "Valid (معتبر)." },
    EXPIRING: { description: "Valid but expires within the warning window (در آستانه انقضا)." },
    EXPIRED: { description: "The expiry date has passed (منقضی)." },
    SUSPENDED: { description: "Suspended (تعلیق‌شده)." },
    REVOKED: { description: "Revoked (لغوشده)." },
    NONE: { description: "No licence (بدون پروانه)." },
  },
});

export const LICENCE_STATE_LABELS: Record<LicenceState, string> = {
  ACTIVE: "معتبر",
  EXPIRING: "در آستانه انقضا",
  EXPIRED: "منقضی",
  SUSPENDED: "تعلیق‌شده",
  REVOKED: "لغوشده",
  NONE: "بدون پروانه",
};

@ObjectType({
  description:
    "An NGO's activity licence (پروانه فعالیت) with its lifecycle; takes the NGO's territory. Change it only through the transition mutations.",
})
@Entity({ name: "licence" })
export class Licence extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the licence (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { description: "The licensed NGO." })
  @Index()
  @Column({ type: "uuid" })
  ngoId!: string;

  @Field({ description: "Licence number as issued (Persian digits are stored as ASCII)." })
  @Column({ type: "text" })
  number!: string;

  @Field(() => LicensingAuthority, { description: "Kind of licensing authority." })
  @Column({ type: "varchar", length: 24 })
  authority!: LicensingAuthority;

  @Field(() => String, { nullable: true, description: "Name of the authority; required when `authority` is OTHER." })
  @Column({ type: "text", nullable: true })
  authorityName!: string | null;

  @Field(() => DateScalar, { description: "Issue date (Gregorian ISO day; shown in Jalali)." })
  @Column({ type: "date" })
  issuedOn!: string;

  @Field(() => DateScalar, { description: "Current expiry date (changed by renewals)." })
  @Column({ type: "date" })
  expiresOn!: string;

  @Field(() => LicenceStatus, { description: "Status recorded by the lifecycle transitions." })
  @Column({ type: "varchar", length: 16, default: LicenceStatus.ACTIVE })
  status!: LicenceStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: "While SUSPENDED: the last day of the suspension (empty: until reinstated).",
  })
  @Column({ type: "date", nullable: true })
  suspendedUntil!: string | null;

  @Field(() => String, { nullable: true, description: "Reason of the last suspension or revocation." })
  @Column({ type: "text", nullable: true })
  statusReason!: string | null;

  @Field({ description: "When the licence was recorded (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the licence was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
