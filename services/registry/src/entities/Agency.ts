import { Versioned } from "@hamafza/common";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { County } from "./County";
import { Province } from "./Province";

export enum AgencyKind {
  GOVERNORATE = "GOVERNORATE",
  COUNTY_GOVERNORATE = "COUNTY_GOVERNORATE",
  DIRECTORATE_GENERAL = "DIRECTORATE_GENERAL",
  COUNTY_DEPARTMENT = "COUNTY_DEPARTMENT",
  MUNICIPALITY = "MUNICIPALITY",
  CITY_COUNCIL = "CITY_COUNCIL",
  OTHER = "OTHER",
}
registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description: "The kind of executive agency; it decides whether the agency is provincial or belongs to a county.",
  valuesConfig: {
    GOVERNORATE: { description: "Provincial governorate (استانداری); provincial, one per province." },
    COUNTY_GOVERNORATE: { description: "County governorate (فرمانداری); one per county." },
    DIRECTORATE_GENERAL: {
      description: "Provincial directorate-general of a ministry or organisation (اداره کل), e.g. welfare; provincial.",
    },
    COUNTY_DEPARTMENT: {
      description: "County department of a ministry or organisation (اداره شهرستان); belongs to a county.",
    },
    MUNICIPALITY: { description: "Municipality (شهرداری) of a city; belongs to a county." },
    CITY_COUNCIL: { description: "Islamic city council (شورای اسلامی شهر); belongs to a county." },
    OTHER: { description: "Any other public body; provincial or of a county." },
  },
});

/** Agency kinds that belong to a county (a county is required) and those that are provincial (no county). */
export const COUNTY_AGENCY_KINDS: ReadonlySet<AgencyKind> = new Set([
  AgencyKind.COUNTY_GOVERNORATE,
  AgencyKind.COUNTY_DEPARTMENT,
  AgencyKind.MUNICIPALITY,
  AgencyKind.CITY_COUNCIL,
]);
export const PROVINCIAL_AGENCY_KINDS: ReadonlySet<AgencyKind> = new Set([
  AgencyKind.GOVERNORATE,
  AgencyKind.DIRECTORATE_GENERAL,
]);

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An executive agency (دستگاه اجرایی): governorate, county governorate, directorate-general, municipality, city council …",
})
@Entity({ name: "agency" })
export class Agency extends Versioned {
  @Field(() => ID, { description: "Hamafza's identifier of the agency (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Name as typed, e.g. «اداره کل بهزیستی استان زنجان»." })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text" })
  nameNormalized!: string;

  @Field(() => AgencyKind, { description: "Kind of agency." })
  @Column({ type: "varchar", length: 32 })
  kind!: AgencyKind;

  @Field(() => ID, { description: "Code of the agency's province." })
  @Index()
  @Column({ type: "varchar", length: 2 })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "Code of the agency's county; empty for provincial agencies." })
  @Index()
  @Column({ type: "varchar", length: 4, nullable: true })
  countyId!: string | null;

  @Field(() => Province, { nullable: true, description: "The agency's province." })
  province?: Province;

  @Field(() => County, { nullable: true, description: "The agency's county, for county-level agencies." })
  county?: County;

  @Field({ description: "When the record was created (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field({ description: "When the record was last changed (UTC)." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
