import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { NgoHouse } from "../entities/NgoHouse";

@ObjectType({ description: "A page of NGO Houses." })
export class NgoHousePage extends PageOf(NgoHouse) {}

@InputType({ description: "Filter NGO Houses; all given conditions must hold." })
export class NgoHouseFilter {
  @Field(() => [ID], { nullable: true, description: "Only these houses." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only houses of this province (provincial and county houses)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only the house of this county." })
  countyId?: string;

  @Field({ nullable: true, description: "`true`: only provincial houses; `false`: only county houses." })
  provincial?: boolean;

  @Field(() => ID, { nullable: true, description: "Only houses this NGO is a member of." })
  memberNgoId?: string;
}

@InputType({ description: "A member NGO of a house and the day it joined." })
export class NgoHouseMemberInput {
  @Field(() => ID, {
    description: "The NGO; it must be of the house's province (provincial house) or county (county house).",
  })
  ngoId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the NGO joined (not in the future, not before the house opened).",
  })
  joinedOn?: string | null;
}

@InputType({ description: "A new NGO House of a province (no county) or a county." })
export class NgoHouseCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { nullable: true, description: "Code of the province; derived from the county for a county house." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county, for a county house." })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Name of the house's manager." })
  managerName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Phone of the house's manager (mobile or landline with area code).",
  })
  managerPhone?: string | null;

  @Field(() => [String], { nullable: true, description: "Facilities, one text per facility." })
  facilities?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the house opened (not in the future)." })
  openedOn?: string | null;

  @Field(() => [NgoHouseMemberInput], { nullable: true, description: "Member NGOs." })
  members?: NgoHouseMemberInput[] | null;
}

@InputType({
  description: "Changes to an NGO House; omitted fields keep their value, `null` clears an optional field.",
})
export class NgoHouseUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "Code of the province." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county; `null` makes the house provincial." })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Name of the house's manager." })
  managerName?: string | null;

  @Field(() => String, { nullable: true, description: "Phone of the house's manager." })
  managerPhone?: string | null;

  @Field(() => [String], { nullable: true, description: "Facilities; replaces the list." })
  facilities?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the house opened." })
  openedOn?: string | null;

  @Field(() => [NgoHouseMemberInput], {
    nullable: true,
    description: "Member NGOs; replaces the whole list (`[]` or `null` removes every member).",
  })
  members?: NgoHouseMemberInput[] | null;
}

export interface MemberRow {
  ngoId: string;
  joinedOn: string | null;
}
