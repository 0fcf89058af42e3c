import { Field, ID, InputType, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { NgoNetwork } from "../entities/NgoNetwork";

/** Inputs, filter and page types of networks of aligned NGOs. */

@ObjectType({ description: "A page of networks of aligned NGOs." })
export class NgoNetworkPage extends PageOf(NgoNetwork) {}

@InputType({ description: "Filter networks of aligned NGOs; all given conditions must hold." })
export class NgoNetworkFilter {
  @Field(() => [ID], { nullable: true, description: "Only these networks." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this field of activity." })
  fieldId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this province (provincial and county networks)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks this NGO coordinates or is a member of." })
  ngoId?: string;
}

@InputType({ description: "A new network of aligned NGOs." })
export class NgoNetworkCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The network's field of activity." })
  fieldId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Code of the province; derived from the county for a county network.",
  })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county, for a county network." })
  countyId?: string | null;

  @Field(() => ID, { description: "The coordinating NGO; it becomes a member too." })
  coordinatorNgoId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: "Member NGOs (of the network's province, or county for a county network).",
  })
  memberNgoIds?: string[] | null;
}

@InputType({ description: "Changes to a network; omitted fields keep their value, `null` clears an optional field." })
export class NgoNetworkUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The network's field of activity." })
  fieldId?: string;

  @Field(() => ID, { nullable: true, description: "Code of the province." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county; `null` makes the network provincial." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "The coordinating NGO; it becomes a member too." })
  coordinatorNgoId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: "Member NGOs; replaces the list (the coordinator stays a member).",
  })
  memberNgoIds?: string[] | null;
}
