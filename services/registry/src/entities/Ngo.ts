import { Directive, Field, ID, Int, ObjectType, registerEnumType, UseMiddleware } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { DateScalar, maskPersonal, Personal, PersonalDataKind, RequestContext, Role, Versioned } from "@hamafza/common";
import { County } from "./County";
import { Province } from "./Province";
import type { LicenceStatus } from "./Licence";

export enum NgoStatus {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
  DISSOLVED = "DISSOLVED",
  MERGED = "MERGED",
}
registerEnumType(NgoStatus, {
  name: "NgoStatus",
  description: "Whether the NGO is working.",
  valuesConfig: {
    ACTIVE: { description: "Active (فعال)." },
    INACTIVE: { description: "Not currently active (غیرفعال)." },
    DISSOLVED: { description: "Dissolved (منحل); kept for history." },
    MERGED: {
      description:
        "A duplicate record merged into another (`mergeNgos`): an alias whose id resolves to the survivor; set and cleared only by merging and undoing.",
    },
  },
});

export enum NgoScope {
  NATIONAL = "NATIONAL",
  PROVINCIAL = "PROVINCIAL",
  COUNTY = "COUNTY",
}
registerEnumType(NgoScope, {
  name: "NgoScope",
  description: "Geographic scope of an NGO's activity as licensed (the home county still decides its territory).",
  valuesConfig: {
    NATIONAL: { description: "National (ملی)." },
    PROVINCIAL: { description: "Provincial (استانی)." },
    COUNTY: { description: "County (شهرستانی)." },
  },
});

/** Like `@Personal`, for a list of values: each item masked for analysts. */
export function PersonalList(kind: PersonalDataKind): MethodDecorator & PropertyDecorator {
  return UseMiddleware(async ({ context }: { context: RequestContext }, next) => {
    const value = await next();
    return context.user?.role === Role.ANALYST && Array.isArray(value)
      ? value.map((item) => maskPersonal(kind, item))
      : value;
  });
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A licensed non-governmental organisation (سمن / سازمان مردم‌نهاد)." })
@Entity({ name: "ngo" })
@Index("ngo_name_in_county_unique", ["countyId", "nameNormalized"], { unique: true })
export class Ngo extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the NGO (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as the user typed it, for display." })
  @Column({ type: "text" })
  name!: string;

  /** Normalised name (DOMAIN.md, "Persian text"): the form used for search and uniqueness. */
  @Column({ type: "text" })
  nameNormalized!: string;

  @Field({ description: "National identifier of the legal entity (شناسه ملی): 11 digits with a valid checksum." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 11 })
  nationalId!: string;

  @Field(() => String, { nullable: true, description: "Registration number (شماره ثبت) with the licensing authority." })
  @Column({ type: "text", nullable: true })
  registrationNumber!: string | null;

  @Field(() => ID, { description: "Code of the home county." })
  @Index()
  @Column({ type: "varchar", length: 4 })
  countyId!: string;

  @Field(() => ID, { description: "Code of the home county's province (derived from the county)." })
  // Indexed by `ngo_province_name_order` (province, name, id, with the status and current licence's columns):
  // migration ProvinceNgoListOrder, which replaced the plain index on this column.
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => County, { nullable: true, description: "The home county." })
  county?: County;

  @Field(() => Province, { nullable: true, description: "The home county's province." })
  province?: Province;

  @Field(() => NgoStatus, { description: "Whether the NGO is active, inactive or dissolved." })
  @Column({ type: "varchar", length: 16, default: NgoStatus.ACTIVE })
  status!: NgoStatus;

  @Field(() => NgoScope, { description: "Geographic scope of activity: national, provincial or county." })
  @Column({ type: "varchar", length: 16, default: NgoScope.COUNTY })
  scope!: NgoScope;

  @Field(() => DateScalar, { nullable: true, description: "Founding date (Gregorian ISO day; shown in Jalali)." })
  @Column({ type: "date", nullable: true })
  foundedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Contact phone: a landline with area code or a mobile number, digits only. Personal data: masked for analysts.",
  })
  @Personal("phone")
  @Column({ type: "varchar", length: 11, nullable: true })
  phone!: string | null;

  @Field(() => [String], {
    description:
      "Further contact phones besides `phone` (mobile or landline with area code, digits only). Personal data: masked for analysts.",
  })
  @PersonalList("phone")
  @Column({ type: "varchar", length: 11, array: true, default: () => "'{}'" })
  otherPhones!: string[];

  @Field(() => String, { nullable: true, description: "Postal address, as typed. Personal data: masked for analysts." })
  @Personal("address")
  @Column({ type: "text", nullable: true })
  address!: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  @Column({ type: "integer", nullable: true })
  membersCount!: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  @Column({ type: "integer", nullable: true })
  volunteersCount!: number | null;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;

  /**
   * The current licence's status, suspension end and expiry (the date-independent part of its state; null status:
   * no licence), kept by triggers on `licence` (migration NgoCurrentLicence): read only, never written from here.
   */
  @Column({
    name: "current_licence_status",
    type: "varchar",
    length: 16,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  currentLicenceStatus?: LicenceStatus | null;

  @Column({
    name: "current_licence_suspended_until",
    type: "date",
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  currentLicenceSuspendedUntil?: string | null;

  @Column({
    name: "current_licence_expires_on",
    type: "date",
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  currentLicenceExpiresOn?: string | null;
}
