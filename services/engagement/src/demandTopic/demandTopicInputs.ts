import { InputType, ObjectType } from "type-graphql";
import { CatalogueCreateInput, CatalogueFilter, CatalogueUpdateInput, PageOf } from "@hamafza/common";
import { DemandTopic } from "../entities/DemandTopic";

@ObjectType({ description: "A page of demand categories." })
export class DemandTopicPage extends PageOf(DemandTopic) {}

@InputType({ description: "Filter the demand-category catalogue." })
export class DemandTopicFilter extends CatalogueFilter({
  ids: "Only these categories.",
  q: "Search in the name (spelling variants match) or the code.",
  active: "Only categories that can (true) or can no longer (false) be chosen.",
}) {}

@InputType({ description: "A new demand category." })
export class DemandTopicCreateInput extends CatalogueCreateInput({
  code: "Stable code in UPPER_SNAKE (e.g. `MEMBERS_INSURANCE`).",
  name: "Persian name (2–120 characters).",
  description: "What the category covers (up to 1000 characters).",
  sortOrder: "Display order; after the last one when omitted.",
}) {}

@InputType({ description: "Changes to a demand category; omitted fields keep their value. The code never changes." })
export class DemandTopicUpdateInput extends CatalogueUpdateInput({
  name: "Persian name.",
  description: "What the category covers.",
  sortOrder: "Display order.",
  active: "false retires it: old demands keep it, new ones cannot choose it.",
}) {}
