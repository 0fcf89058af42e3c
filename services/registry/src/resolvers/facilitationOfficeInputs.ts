import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { FacilitationOffice } from "../entities/FacilitationOffice";

/** Inputs, filter and page types of facilitation offices. */

@ObjectType({ description: "A page of facilitation offices." })
export class FacilitationOfficePage extends PageOf(FacilitationOffice) {}

@InputType({ description: "Filter facilitation offices; all given conditions must hold." })
export class FacilitationOfficeFilter {
  @Field(() => [ID], { nullable: true, description: "Only these offices." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only offices in this informal-settlement area." })
  areaId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices with this partner agency." })
  partnerAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices this NGO runs." })
  operatorNgoId?: string;

  @Field({
    nullable: true,
    description:
      "`false`: only offices without a dedicated space (the problem seed 004 names); `true`: only those with one.",
  })
  hasDedicatedSpace?: boolean;
}

@InputType({ description: "A new facilitation office." })
export class FacilitationOfficeCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The informal-settlement area; the office's county and province are the area's." })
  areaId!: string;

  @Field(() => [ID], { description: "The NGOs running the office (at least one), of the area's province." })
  operatorNgoIds!: string[];

  @Field(() => ID, { description: "The partner agency: of the area's county, or provincial in the area's province." })
  partnerAgencyId!: string;

  @Field(() => DateScalar, { description: "Day the office opened (not in the future)." })
  openedOn!: string;

  @Field({ nullable: true, description: "Whether the office has a dedicated space; `false` when omitted." })
  hasDedicatedSpace?: boolean;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}

@InputType({
  description: "Changes to a facilitation office; omitted fields keep their value, `null` clears an optional field.",
})
export class FacilitationOfficeUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The informal-settlement area." })
  areaId?: string;

  @Field(() => [ID], { nullable: true, description: "The NGOs running the office; replaces the list (at least one)." })
  operatorNgoIds?: string[];

  @Field(() => ID, { nullable: true, description: "The partner agency." })
  partnerAgencyId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Day the office opened." })
  openedOn?: string;

  @Field({ nullable: true, description: "Whether the office has a dedicated space." })
  hasDedicatedSpace?: boolean;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}
