import { Field, ID, InputType, Int } from "type-graphql";
import { BoardMemberInput, NgoCapabilityInput } from "../resolvers/ngoProfileInputs";

@InputType({
  description:
    "What an NGO's representative changes directly on their own NGO (its unregulated fields); omitted fields keep their value, `null` clears, a given list replaces the NGO's list. Regulated fields go through `requestNgoChange`.",
})
export class MyNgoProfileInput {
  @Field(() => String, { nullable: true, description: "Main contact phone." })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: "Further contact phones (replaces the list)." })
  otherPhones?: string[] | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the NGO's fields of activity (replaces the list)." })
  fieldIds?: string[] | null;

  @Field(() => [BoardMemberInput], { nullable: true, description: "Board members (replaces the board)." })
  boardMembers?: BoardMemberInput[] | null;

  @Field(() => [NgoCapabilityInput], { nullable: true, description: "Capabilities (replaces the list)." })
  capabilities?: NgoCapabilityInput[] | null;
}
