import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { Meeting, MeetingKind, MeetingLevel, MeetingStatus } from "../entities/Meeting";

@ObjectType({ description: "A page of meetings." })
export class MeetingPage extends PageOf(Meeting) {}

@InputType({ description: "Filter meetings; all given conditions must hold." })
export class MeetingFilter {
  @Field(() => [ID], { nullable: true, description: "Only these meetings." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the title (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings this NGO attended." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings chaired by this manager." })
  chairId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings organised by this agency." })
  organisingAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only sessions of this working group." })
  workingGroupId?: string;

  @Field(() => MeetingStatus, { nullable: true, description: "Only meetings in this status." })
  status?: MeetingStatus;

  @Field(() => MeetingKind, { nullable: true, description: "Only meetings of this kind." })
  kind?: MeetingKind;

  @Field(() => MeetingLevel, { nullable: true, description: "Only provincial (no county) or only county meetings." })
  level?: MeetingLevel;

  @Field(() => Int, {
    nullable: true,
    description: "Only meetings of this Jalali year (held time, else scheduled time, on Tehran's clock).",
  })
  jalaliYear?: number;

  @Field(() => Int, { nullable: true, description: "With `jalaliYear`: only meetings of this quarter (1–4)." })
  jalaliQuarter?: number;

  @Field(() => Date, {
    nullable: true,
    description: "Only meetings at or after this instant (held time, else scheduled time).",
  })
  from?: Date;

  @Field(() => Date, {
    nullable: true,
    description: "Only meetings before this instant (held time, else scheduled time).",
  })
  to?: Date;

  @Field({
    nullable: true,
    description:
      "true: only held meetings with at least one NGO present (they count as engagement); false: only the others.",
  })
  withNgos?: boolean;
}

@InputType({ description: "An NGO attending a meeting." })
export class AttendeeInput {
  @Field(() => ID, { description: "The NGO's id (registry)." })
  ngoId!: string;

  @Field(() => String, { nullable: true, description: "Name of the NGO's representative at the meeting." })
  representativeName?: string | null;
}

@InputType({ description: "An official (registry manager) present at a meeting." })
export class MeetingOfficialInput {
  @Field(() => ID, { description: "The manager's id (registry)." })
  managerId!: string;

  @Field(() => ID, { nullable: true, description: "The agency the official represented (registry)." })
  agencyId?: string | null;

  @Field({ description: "Role or title at the meeting (e.g. «رئیس جلسه»، «دبیر جلسه»)." })
  role!: string;
}

@InputType({ description: "A new meeting." })
export class MeetingCreateInput {
  @Field({ description: "Title." })
  title!: string;

  @Field(() => MeetingKind, { description: "Kind of meeting." })
  kind!: MeetingKind;

  @Field(() => ID, { description: "Province code of the meeting's territory." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county-level meeting." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  chairId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the organising agency (registry)." })
  organisingAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Venue, as typed." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "NGO House (registry) hosting the meeting." })
  venueNgoHouseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Working group whose session this is (kind must be WORKING_GROUP_SESSION; same territory).",
  })
  workingGroupId?: string | null;

  @Field({ description: "Scheduled start (an instant; the dashboard sends Tehran time converted to UTC)." })
  scheduledAt!: Date;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];

  @Field(() => [MeetingOfficialInput], {
    nullable: true,
    description: "Officials present; replaces the whole list when given.",
  })
  officials?: MeetingOfficialInput[];
}

@InputType({ description: "Changes to a meeting; omitted fields keep their value." })
export class MeetingUpdateInput {
  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => MeetingKind, { nullable: true, description: "Kind of meeting." })
  kind?: MeetingKind;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  chairId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the organising agency (registry)." })
  organisingAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Venue, as typed." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "NGO House (registry) hosting the meeting." })
  venueNgoHouseId?: string | null;

  @Field(() => ID, { nullable: true, description: "Working group whose session this is." })
  workingGroupId?: string | null;

  @Field({ nullable: true, description: "Scheduled start." })
  scheduledAt?: Date;

  @Field(() => MeetingStatus, {
    nullable: true,
    description: "New status: HELD needs `heldAt`, CANCELLED needs `cancellationReason`.",
  })
  status?: MeetingStatus;

  @Field(() => Date, { nullable: true, description: "When the meeting was held." })
  heldAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled." })
  cancellationReason?: string | null;

  @Field(() => String, { nullable: true, description: "Minutes." })
  minutes?: string | null;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];

  @Field(() => [MeetingOfficialInput], {
    nullable: true,
    description: "Officials present; replaces the whole list when given.",
  })
  officials?: MeetingOfficialInput[];
}
