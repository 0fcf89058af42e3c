import { Field, ID, InputType } from "type-graphql";
import { DemandCategory } from "../entities/Demand";
import { RequestActionKind } from "../entities/RequestAction";

@InputType({
  description: "A demand an NGO representative submits for their own NGO to an agency (its territory is the NGO's).",
})
export class DemandSubmitInput {
  @Field(() => ID, { description: "The agency it is addressed to (registry; one of the NGO's province)." })
  agencyId!: string;

  @Field(() => DemandCategory, { description: "Category." })
  category!: DemandCategory;

  @Field({ description: "Short title (3–300 characters)." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Details (up to 4000 characters)." })
  description?: string | null;
}

@InputType({
  description:
    "A proposal an NGO representative submits for their own NGO to an agency or a council (its territory is the NGO's).",
})
export class ProposalSubmitInput {
  @Field(() => ID, {
    nullable: true,
    description: "The agency it is addressed to (registry); an agency or a council is required.",
  })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: "The council it is addressed to, as typed." })
  councilName?: string | null;

  @Field({ description: "Topic (3–300 characters)." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Summary of the plan (up to 4000 characters)." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Field of activity code (registry taxonomy, e.g. `YOUTH`)." })
  fieldCode?: string | null;
}

@InputType({
  description:
    "A respondent's step on a demand or proposal addressed to their agency, dated today (Tehran): UNDER_REVIEW, or an answer ACCEPTED / REJECTED.",
})
export class RequestStepInput {
  @Field(() => RequestActionKind, {
    description: "UNDER_REVIEW, ACCEPTED or REJECTED (SUBMITTED is refused: only the NGO submits).",
  })
  step!: RequestActionKind;

  @Field(() => String, {
    nullable: true,
    description:
      "The answer (ACCEPTED), the reason (REJECTED), both required (3–4000 characters); optional for UNDER_REVIEW.",
  })
  note?: string | null;
}

@InputType({ description: "A respondent's progress report on a resolution their agency owns, dated today (Tehran)." })
export class ResolutionReportInput {
  @Field({ description: "What was done or found (3–4000 characters)." })
  note!: string;

  @Field({
    defaultValue: false,
    description: "true: the resolution is carried out (DONE today); false: progress (an OPEN one becomes IN_PROGRESS).",
  })
  completed!: boolean;
}
