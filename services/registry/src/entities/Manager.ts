import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, Versioned } from "@hamafza/common";
import { Agency, AgencyKind } from "./Agency";
import { County } from "./County";
import { Province } from "./Province";

export enum ManagerPositionKind {
  COUNTY_GOVERNOR = "COUNTY_GOVERNOR",
  GOVERNOR_GENERAL = "GOVERNOR_GENERAL",
  DEPUTY_GOVERNOR = "DEPUTY_GOVERNOR",
  DIRECTOR_GENERAL = "DIRECTOR_GENERAL",
  MAYOR = "MAYOR",
  OTHER = "OTHER",
}
registerEnumType(ManagerPositionKind, {
  name: "ManagerPositionKind",
  description:
    "The kind of position a manager holds. County governor, governor-general, director-general and mayor are single-seat positions (one per agency); deputies and other positions are told apart by their title.",
  valuesConfig: {
    COUNTY_GOVERNOR: { description: "County governor (فرماندار), head of a county governorate." },
    GOVERNOR_GENERAL: { description: "Governor-general (استاندار), head of a provincial governorate." },
    DEPUTY_GOVERNOR: {
      description:
        "Deputy of a governor-general or county governor (معاون استاندار / فرماندار); the title names which deputy.",
    },
    DIRECTOR_GENERAL: { description: "Director-general (مدیرکل), head of a provincial directorate-general." },
    MAYOR: { description: "Mayor (شهردار), head of a municipality." },
    OTHER: { description: "Any other management position; the title names it." },
  },
});

/** Position kinds held by one person per agency at a time; the others are identified by agency + kind + title. */
export const SINGLE_SEAT_POSITIONS: ReadonlySet<ManagerPositionKind> = new Set([
  ManagerPositionKind.COUNTY_GOVERNOR,
  ManagerPositionKind.GOVERNOR_GENERAL,
  ManagerPositionKind.DIRECTOR_GENERAL,
  ManagerPositionKind.MAYOR,
]);

/** Which agency kinds each position kind may belong to. */
export const POSITION_AGENCY_KINDS: Record<ManagerPositionKind, ReadonlySet<AgencyKind> | null> = {
  COUNTY_GOVERNOR: new Set([AgencyKind.COUNTY_GOVERNORATE]),
  GOVERNOR_GENERAL: new Set([AgencyKind.GOVERNORATE]),
  DEPUTY_GOVERNOR: new Set([AgencyKind.GOVERNORATE, AgencyKind.COUNTY_GOVERNORATE]),
  DIRECTOR_GENERAL: new Set([AgencyKind.DIRECTORATE_GENERAL, AgencyKind.OTHER]),
  MAYOR: new Set([AgencyKind.MUNICIPALITY]),
  OTHER: null,
};

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A person holding a management position (county governor, director-general …) in an agency over a territory, for a tenure: the subject of the 1404 evaluation. A position has at most one holder at a time.",
})
@Entity({ name: "manager" })
export class Manager extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the manager (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Full name, as typed." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field({ description: "Position title in Persian, e.g. «فرماندار ابهر»." })
  @Column({ type: "text" })
  position!: string;

  @Field(() => ManagerPositionKind, { description: "Kind of position (county governor, deputy, director-general …)." })
  @Column({ type: "varchar", length: 32 })
  positionKind!: ManagerPositionKind;

  /**
   * Which position of the agency this is: the kind for single-seat positions, kind and normalised title otherwise.
   * One holder at a time per (agency, position key) — enforced in the resolver and by a database trigger.
   */
  @Column({ type: "text" })
  positionKey!: string;

  @Field(() => ID, { description: "The agency in which the position is held." })
  @Index()
  @Column({ type: "uuid" })
  agencyId!: string;

  @Field(() => Agency, {
    nullable: true,
    description: "The agency in which the position is held (empty when outside your territory).",
  })
  agency?: Agency;

  @Field(() => ID, { description: "Province of the position (the agency's province)." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "County of the position (the agency's county); empty for provincial positions.",
  })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Province, { nullable: true, description: "Province of the position." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "County of the position, if it is a county position." })
  county?: County;

  @Field(() => DateScalar, { description: "First day of the tenure (Gregorian ISO day; shown in Jalali)." })
  @Column({ type: "date" })
  tenureStart!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the tenure; empty while the manager still holds the position.",
  })
  @Column({ type: "date", nullable: true })
  tenureEnd!: string | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/**
 * The key that tells the positions of one agency apart: the kind for single-seat positions (there is one county
 * governor per county governorate), the kind and the normalised title otherwise (a governorate has several deputies).
 */
export function positionKeyOf(kind: ManagerPositionKind, normalizedTitle: string): string {
  return SINGLE_SEAT_POSITIONS.has(kind) ? kind : `${kind}:${normalizedTitle}`;
}
