import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { DemandTopic } from "../entities/DemandTopic";

@ObjectType({ description: "A page of demand categories." })
export class DemandTopicPage extends PageOf(DemandTopic) {}

@InputType({ description: "Filter the demand-category catalogue." })
export class DemandTopicFilter {
  @Field(() => [ID], { nullable: true, description: "Only these categories." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (spelling variants match) or the code." })
  q?: string;

  @Field({ nullable: true, description: "Only categories that can (true) or can no longer (false) be chosen." })
  active?: boolean;
}

@InputType({ description: "A new demand category." })
export class DemandTopicCreateInput {
  @Field({ description: "Stable code in UPPER_SNAKE (e.g. `MEMBERS_INSURANCE`)." })
  code!: string;

  @Field({ description: "Persian name (2–120 characters)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the category covers (up to 1000 characters)." })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "Display order; after the last one when omitted." })
  sortOrder?: number | null;
}

@InputType({ description: "Changes to a demand category; omitted fields keep their value. The code never changes." })
export class DemandTopicUpdateInput {
  @Field({ nullable: true, description: "Persian name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "What the category covers." })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "Display order." })
  sortOrder?: number | null;

  @Field({ nullable: true, description: "false retires it: old demands keep it, new ones cannot choose it." })
  active?: boolean;
}
