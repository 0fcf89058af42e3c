import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { Agency, Manager } from "../entities/references";
import { Resolution, ResolutionFollowUpStatus, ResolutionStatus } from "../entities/Resolution";

@ObjectType({ description: "A page of resolutions." })
export class ResolutionPage extends PageOf(Resolution) {}

@InputType({ description: "Filter resolutions; all given conditions must hold." })
export class ResolutionFilter {
  @Field(() => [ID], { nullable: true, description: "Only these resolutions." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the text (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this meeting." })
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions owned by this agency." })
  ownerAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions owned by this manager." })
  ownerManagerId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this county." })
  countyId?: string;

  @Field(() => ResolutionStatus, { nullable: true, description: "Only resolutions with this recorded status." })
  status?: ResolutionStatus;

  @Field(() => ResolutionFollowUpStatus, {
    nullable: true,
    description: "Only resolutions with this follow-up status (OVERDUE: not done past the deadline, Tehran today).",
  })
  followUpStatus?: ResolutionFollowUpStatus;

  @Field({ nullable: true, description: "true: only overdue resolutions; false: only the others." })
  overdue?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only resolutions due on or after this day." })
  deadlineFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only resolutions due on or before this day." })
  deadlineTo?: string;

  @Field(() => Int, { nullable: true, description: "Only resolutions due in this Jalali year." })
  deadlineYear?: number;
}

@InputType({ description: "A new resolution of a meeting." })
export class ResolutionCreateInput {
  @Field(() => ID, { description: "The meeting that adopted it (the resolution takes its territory)." })
  meetingId!: string;

  @Field({ description: "Text of the resolution." })
  text!: string;

  @Field(() => ID, { nullable: true, description: "Owner agency (registry); an owner agency or manager is required." })
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Owner manager (registry)." })
  ownerManagerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Deadline." })
  deadline?: string | null;
}

@InputType({
  description:
    "Changes to a resolution; omitted fields keep their value, null clears. Status changes are recorded as dated updates.",
})
export class ResolutionUpdateInput {
  @Field({ nullable: true, description: "Text." })
  text?: string;

  @Field(() => ID, { nullable: true, description: "Owner agency." })
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Owner manager." })
  ownerManagerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Deadline." })
  deadline?: string | null;

  @Field(() => ResolutionStatus, {
    nullable: true,
    description:
      "New status (see `ResolutionStatus` for the allowed changes); DONE needs `completedOn`, CANCELLED `cancellationReason`.",
  })
  status?: ResolutionStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day it was done (with status DONE); not in the future." })
  completedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Why it is cancelled (with status CANCELLED)." })
  cancellationReason?: string | null;
}

@InputType({ description: "A dated progress report of a resolution, possibly changing its status." })
export class ResolutionProgressInput {
  @Field(() => DateScalar, {
    description: "Day of the report; not in the future. With status DONE it is the completion day.",
  })
  reportedOn!: string;

  @Field({ description: "What was done or found." })
  note!: string;

  @Field(() => ResolutionStatus, { nullable: true, description: "New status, if the report changes it." })
  status?: ResolutionStatus;
}

@ObjectType({ description: "How many resolutions of an owner are overdue (Tehran today)." })
export class OverdueResolutionCount {
  @Field(() => ID, { nullable: true, description: "The owner agency (empty for resolutions owned by a manager only)." })
  ownerAgencyId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The owner manager (empty for resolutions owned by an agency only).",
  })
  ownerManagerId!: string | null;

  @Field(() => Agency, { nullable: true, description: "The owner agency (registry)." })
  ownerAgency!: Agency | null;

  @Field(() => Manager, { nullable: true, description: "The owner manager (registry)." })
  ownerManager!: Manager | null;

  @Field(() => Int, { description: "Overdue resolutions." })
  overdue!: number;

  @Field(() => DateScalar, { description: "The earliest missed deadline." })
  oldestDeadline!: string;
}
