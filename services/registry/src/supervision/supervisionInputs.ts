import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { SupervisionKind, SupervisionRecord } from "./SupervisionRecord";

@ObjectType({ description: "A page of supervision records." })
export class SupervisionRecordPage extends PageOf(SupervisionRecord) {}

@InputType({ description: "Filter supervision records; all given conditions must hold." })
export class SupervisionRecordFilter {
  @Field(() => [ID], { nullable: true, description: "Only these records." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this NGO's records." })
  ngoId?: string;

  @Field(() => SupervisionKind, { nullable: true, description: "Only records of this kind." })
  kind?: SupervisionKind;

  @Field(() => DateScalar, { nullable: true, description: "Only records of this day or later." })
  recordedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only records of this day or earlier." })
  recordedTo?: string;

  @Field({ nullable: true, description: "Only records linked (true) or not linked (false) to a licence action." })
  linkedToLicenceAction?: boolean;

  @Field(() => ID, { nullable: true, description: "Only records of NGOs of this province (code)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only records of NGOs of this county (code)." })
  countyId?: string;
}

@InputType({ description: "A new supervision record of an NGO." })
export class SupervisionRecordCreateInput {
  @Field(() => ID, { description: "The NGO (of the user's territory)." })
  ngoId!: string;

  @Field(() => SupervisionKind, { description: "Review, warning or inspection note." })
  kind!: SupervisionKind;

  @Field(() => DateScalar, { description: "The day of the review, warning or inspection (not in the future)." })
  recordedOn!: string;

  @Field({ description: "What was found or warned about (3–4000 characters)." })
  text!: string;

  @Field(() => ID, { nullable: true, description: "The annual activity report of the same NGO it follows from." })
  activityReportId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A licence action already recorded (history entry of a suspension or revocation of the same NGO's licence, not yet linked) that it justifies.",
  })
  licenceEventId?: string | null;
}
