import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import {
  WorkingGroup,
  WorkingGroupDimension,
  WorkingGroupMember,
  WorkingGroupMemberKind,
} from "../entities/WorkingGroup";

@ObjectType({ description: "A page of working groups." })
export class WorkingGroupPage extends PageOf(WorkingGroup) {}

@ObjectType({ description: "A page of working-group members." })
export class WorkingGroupMemberPage extends PageOf(WorkingGroupMember) {}

@InputType({ description: "Filter working groups; all given conditions must hold." })
export class WorkingGroupFilter {
  @Field(() => [ID], { nullable: true, description: "Only these groups." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only groups of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only groups of this county." })
  countyId?: string;

  @Field(() => WorkingGroupDimension, { nullable: true, description: "Only groups of this dimension." })
  dimension?: WorkingGroupDimension;

  @Field(() => ID, { nullable: true, description: "Only groups chaired by this manager." })
  chairManagerId?: string;

  @Field(() => ID, { nullable: true, description: "Only groups chaired by this agency." })
  chairAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only groups of this NGO House." })
  parentNgoHouseId?: string;

  @Field(() => ID, { nullable: true, description: "Only groups this NGO is (or was) a member of." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only groups this agency is (or was) a member of." })
  memberAgencyId?: string;

  @Field({ nullable: true, description: "true: only groups not dissolved." })
  active?: boolean;
}

@InputType({ description: "A new working group." })
export class WorkingGroupCreateInput {
  @Field({ description: "Name." })
  name!: string;

  @Field(() => WorkingGroupDimension, { description: "Dimension." })
  dimension!: WorkingGroupDimension;

  @Field(() => String, {
    nullable: true,
    description: "Parent body as free text (deprecated: give `bodyId`; ignored when `bodyId` is given).",
  })
  parentBody?: string | null;

  @Field(() => ID, { nullable: true, description: "The body it belongs to (`governingBodies`, same province)." })
  bodyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Parent NGO House (registry)." })
  parentNgoHouseId?: string | null;

  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county group." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing manager (registry)." })
  chairManagerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing agency (registry)." })
  chairAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Mission and notes." })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was established." })
  establishedOn?: string | null;
}

@InputType({
  description:
    "Changes to a working group; omitted fields keep their value, null clears. The territory does not change.",
})
export class WorkingGroupUpdateInput {
  @Field({ nullable: true, description: "Name." })
  name?: string;

  @Field(() => WorkingGroupDimension, { nullable: true, description: "Dimension." })
  dimension?: WorkingGroupDimension;

  @Field(() => String, {
    nullable: true,
    description: "Parent body as free text (deprecated: give `bodyId`; ignored when `bodyId` is given).",
  })
  parentBody?: string | null;

  @Field(() => ID, { nullable: true, description: "The body it belongs to; null detaches it." })
  bodyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Parent NGO House (registry)." })
  parentNgoHouseId?: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing manager." })
  chairManagerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing agency." })
  chairAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Mission and notes." })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was established." })
  establishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was dissolved." })
  dissolvedOn?: string | null;
}

@InputType({ description: "Filter working-group members." })
export class WorkingGroupMemberFilter {
  @Field(() => [ID], { nullable: true, description: "Only these memberships." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only members of this group." })
  workingGroupId?: string;

  @Field(() => WorkingGroupMemberKind, { nullable: true, description: "Only agencies or only NGOs." })
  kind?: WorkingGroupMemberKind;

  @Field(() => ID, { nullable: true, description: "Only memberships of this NGO." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only memberships of this agency." })
  agencyId?: string;

  @Field({ nullable: true, description: "true: only current members (Tehran today)." })
  current?: boolean;
}

@InputType({ description: "A new member of a working group: an agency or an NGO." })
export class WorkingGroupMemberCreateInput {
  @Field(() => ID, { description: "The working group." })
  workingGroupId!: string;

  @Field(() => ID, { nullable: true, description: "The member agency (give exactly one of agencyId, ngoId)." })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "The member NGO." })
  ngoId?: string | null;

  @Field(() => String, { nullable: true, description: "Role in the group." })
  role?: string | null;

  @Field(() => DateScalar, { description: "Day it joined." })
  joinedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "Day it left." })
  leftOn?: string | null;
}

@InputType({ description: "Changes to a membership; omitted fields keep their value." })
export class WorkingGroupMemberUpdateInput {
  @Field(() => String, { nullable: true, description: "Role in the group." })
  role?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it joined." })
  joinedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: "Day it left; null: still a member." })
  leftOn?: string | null;
}
