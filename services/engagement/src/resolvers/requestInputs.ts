import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Proposal, ProposalStatus } from "../entities/Proposal";

@ObjectType({ description: "A page of proposals." })
export class ProposalPage extends PageOf(Proposal) {}

@ObjectType({ description: "A page of demands." })
export class DemandPage extends PageOf(Demand) {}

@InputType({ description: "Filter proposals; all given conditions must hold." })
export class ProposalFilter {
  @Field(() => [ID], { nullable: true, description: "Only these proposals." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the topic (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this NGO." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals submitted to this agency (its inbox)." })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this county." })
  countyId?: string;

  @Field(() => ProposalStatus, { nullable: true, description: "Only proposals in this status." })
  status?: ProposalStatus;

  @Field({ nullable: true, description: "Only proposals of this field of activity (code)." })
  fieldCode?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals presented at this meeting." })
  meetingId?: string;

  @Field({
    nullable: true,
    description: "true: only proposals with the agency's response; false: only those still waiting.",
  })
  answered?: boolean;

  @Field({
    nullable: true,
    description:
      "true: only proposals unanswered past their answer day (`dueOn`, the escalation list); false: only the others.",
  })
  overdue?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only proposals submitted on or after this day." })
  submittedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only proposals submitted on or before this day." })
  submittedTo?: string;
}

@InputType({ description: "A new proposal of an NGO." })
export class ProposalCreateInput {
  @Field(() => ID, { description: "The submitting NGO (registry)." })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the NGO." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code of the NGO (for a county NGO)." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is submitted to (an agency or a council is required)." })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Council it is submitted to, as typed." })
  councilName?: string | null;

  @Field({ description: "Topic." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Summary." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Field of activity code (registry taxonomy, e.g. `YOUTH`)." })
  fieldCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was presented (same province)." })
  meetingId?: string | null;

  @Field(() => DateScalar, { description: "Day it was submitted; not in the future." })
  submittedOn!: string;
}

@InputType({
  description:
    "Changes to a proposal; omitted fields keep their value, null clears. The NGO and territory do not change.",
})
export class ProposalUpdateInput {
  @Field(() => ID, { nullable: true, description: "Agency it is submitted to." })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Council it is submitted to." })
  councilName?: string | null;

  @Field({ nullable: true, description: "Topic." })
  topic?: string;

  @Field(() => String, { nullable: true, description: "Summary." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Field of activity code." })
  fieldCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was presented." })
  meetingId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was submitted." })
  submittedOn?: string;

  @Field(() => ProposalStatus, {
    nullable: true,
    description:
      "Next status: SUBMITTED → UNDER_REVIEW → ACCEPTED or REJECTED (with `response`) → IMPLEMENTED (from ACCEPTED).",
  })
  status?: ProposalStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Day of the status step (review start, response or implementation); today (Tehran) when omitted; not in the future.",
  })
  statusOn?: string;

  @Field(() => String, { nullable: true, description: "The agency's response (required for ACCEPTED and REJECTED)." })
  response?: string | null;
}

@InputType({ description: "Filter demands; all given conditions must hold." })
export class DemandFilter {
  @Field(() => [ID], { nullable: true, description: "Only these demands." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the title (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this NGO." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands routed to this agency (its inbox)." })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands raised at this meeting." })
  meetingId?: string;

  @Field(() => DemandCategory, { nullable: true, description: "Only demands of this category." })
  category?: DemandCategory;

  @Field(() => ID, { nullable: true, description: "Only demands of this catalogue category." })
  topicId?: string;

  @Field(() => DemandStatus, { nullable: true, description: "Only demands in this status." })
  status?: DemandStatus;

  @Field({ nullable: true, description: "true: only answered demands; false: only those still waiting." })
  answered?: boolean;

  @Field({
    nullable: true,
    description:
      "true: only demands unanswered past their answer day (`dueOn`, the escalation list); false: only the others.",
  })
  overdue?: boolean;

  @Field({ nullable: true, description: "true: only demands not yet routed to an agency." })
  unrouted?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only demands raised on or after this day." })
  raisedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only demands raised on or before this day." })
  raisedTo?: string;
}

@InputType({ description: "A new demand of an NGO." })
export class DemandCreateInput {
  @Field(() => ID, { description: "The NGO raising it (registry)." })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the NGO." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code of the NGO (for a county NGO)." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was raised (same province)." })
  meetingId?: string | null;

  @Field(() => DemandCategory, {
    nullable: true,
    description: "Category as the fixed enum; optional when `topicId` is given (then derived from it).",
  })
  category?: DemandCategory;

  @Field(() => ID, {
    nullable: true,
    description:
      "Category from the catalogue (`demandTopics`, active ones); wins over `category`. One of the two is required.",
  })
  topicId?: string | null;

  @Field({ description: "Short title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Details." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is routed to (registry)." })
  agencyId?: string | null;

  @Field(() => DateScalar, { description: "Day it was raised; not in the future." })
  raisedOn!: string;
}

@InputType({
  description:
    "Changes to a demand; omitted fields keep their value, null clears. The NGO and territory do not change.",
})
export class DemandUpdateInput {
  @Field(() => DemandCategory, { nullable: true, description: "Category as the fixed enum." })
  category?: DemandCategory;

  @Field(() => ID, { nullable: true, description: "Category from the catalogue; wins over `category`." })
  topicId?: string | null;

  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => String, { nullable: true, description: "Details." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is routed to." })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was raised." })
  meetingId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was raised." })
  raisedOn?: string;

  @Field(() => DemandStatus, {
    nullable: true,
    description: "Next status: RAISED → UNDER_REVIEW; RAISED or UNDER_REVIEW → RESOLVED or REJECTED (with `response`).",
  })
  status?: DemandStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the response (RESOLVED, REJECTED); today (Tehran) when omitted; not in the future.",
  })
  respondedOn?: string;

  @Field(() => String, { nullable: true, description: "The agency's response." })
  response?: string | null;
}
