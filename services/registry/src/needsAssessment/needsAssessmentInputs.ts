import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { AssessmentDimension, NeedsAssessment } from "../entities/NeedsAssessment";
import { AreaKind } from "../entities/InformalSettlementArea";

@ObjectType({ description: "A page of needs assessments." })
export class NeedsAssessmentPage extends PageOf(NeedsAssessment) {}

@InputType({ description: "Filter needs assessments; all given conditions must hold." })
export class NeedsAssessmentFilter {
  @Field(() => [ID], { nullable: true, description: "Only these assessments." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only assessments of this area." })
  areaId?: string;

  @Field(() => ID, { nullable: true, description: "Only assessments this NGO took part in." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only assessments of areas of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only assessments of areas of this county." })
  countyId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only assessments made on or after this day." })
  assessedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only assessments made on or before this day." })
  assessedTo?: string;
}

@InputType({ description: "One priority need of an assessment; the list's order is the rank (first = most urgent)." })
export class PriorityNeedInput {
  @Field(() => AssessmentDimension, { description: "The dimension the need belongs to." })
  dimension!: AssessmentDimension;

  @Field({ description: "What is needed (3–500 characters)." })
  description!: string;
}

@InputType({ description: "The findings and priority needs of an assessment." })
export class NeedsAssessmentContent {
  @Field(() => DateScalar, { description: "Day the assessment was made (not in the future)." })
  assessedOn!: string;

  @Field(() => [ID], {
    description:
      "The NGOs that made the assessment (1–20, of the area's province; a representative's own NGO among them).",
  })
  ngoIds!: string[];

  @Field(() => String, { nullable: true, description: "Findings on the social dimension (up to 4000 characters)." })
  socialFindings?: string | null;

  @Field(() => String, { nullable: true, description: "Findings on the economic dimension (up to 4000 characters)." })
  economicFindings?: string | null;

  @Field(() => String, { nullable: true, description: "Findings on the physical dimension (up to 4000 characters)." })
  physicalFindings?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Findings on the environmental dimension (up to 4000 characters).",
  })
  environmentalFindings?: string | null;

  @Field(() => [PriorityNeedInput], { description: "The priority needs, most urgent first (0–20)." })
  priorityNeeds!: PriorityNeedInput[];
}

@InputType({ description: "A new needs assessment of an area." })
export class NeedsAssessmentCreateInput extends NeedsAssessmentContent {
  @Field(() => ID, { description: "The informal-settlement area assessed." })
  areaId!: string;
}

@InputType({
  description:
    "A needs assessment as it should now read (its area does not change). The priority needs replace the old ones; a need keeps its id when its text and dimension are unchanged.",
})
export class NeedsAssessmentUpdateInput extends NeedsAssessmentContent {}

@InputType({ description: "Narrow the list of areas due for a needs assessment; all given conditions must hold." })
export class AssessmentDueFilter {
  @Field(() => ID, { nullable: true, description: "Only areas of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only areas of this county." })
  countyId?: string;

  @Field(() => AreaKind, { nullable: true, description: "Only areas of this kind." })
  kind?: AreaKind;

  @Field({ nullable: true, description: "`true`: only areas never assessed." })
  neverAssessed?: boolean;
}
