import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "@hamafza/common";
import { MeetingKind } from "../entities/Meeting";
import { ResolutionStatus } from "../entities/Resolution";
import { EngagementRequestKind } from "./analytics";

export enum ResolutionOwnership {
  MANAGER = "MANAGER",
  AGENCY = "AGENCY",
}
registerEnumType(ResolutionOwnership, {
  name: "ResolutionOwnership",
  description: "Why a resolution is attributed to a manager in the evaluation facts.",
  valuesConfig: {
    MANAGER: { description: "The manager is its owner." },
    AGENCY: { description: "The manager's agency (given in `managerAgencies`) is its owner." },
  },
});

@InputType({
  description:
    "A manager and the agency of the position (from the registry's `Manager.agencyId`), so facts owned by the agency are attributed to the manager.",
})
export class ManagerAgencyInput {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field(() => ID, { description: "The manager's agency." })
  agencyId!: string;
}

@ObjectType({ simpleResolvers: true, description: "Evidence: a held meeting chaired by the manager in the year." })
export class EngagementMeetingFact {
  @Field(() => ID, { description: "The meeting." })
  meetingId!: string;

  @Field({ description: "Title." })
  title!: string;

  @Field(() => MeetingKind, { description: "Kind." })
  kind!: MeetingKind;

  @Field({ description: "When it was held (UTC)." })
  heldAt!: Date;

  @Field(() => DateScalar, {
    description: "The Tehran calendar day it was held (the day NGO licences are checked on).",
  })
  date!: string;

  @Field(() => Int, { description: "Jalali quarter 1–4 of `heldAt` on Tehran's clock." })
  quarter!: number;

  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code (empty for a provincial meeting)." })
  countyId!: string | null;

  @Field(() => [ID], { description: "NGOs present (registry ids), sorted." })
  ngoIds!: string[];

  @Field(() => Int, { description: "Agenda items." })
  agendaItems!: number;

  @Field({ description: "Whether at least one agenda item is tied to a social harm or an NGO demand." })
  hasAgendaItemOnHarmOrDemand!: boolean;

  @Field(() => Int, { description: "Resolutions adopted (any status)." })
  resolutions!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: a resolution due in the year, owned by the manager or the manager's agency.",
})
export class EngagementResolutionFact {
  @Field(() => ID, { description: "The resolution." })
  resolutionId!: string;

  @Field(() => ID, { description: "Its meeting." })
  meetingId!: string;

  @Field(() => ResolutionOwnership, { description: "Owned by the manager, or by the manager's agency." })
  ownedBy!: ResolutionOwnership;

  @Field(() => ID, { nullable: true, description: "Owner manager." })
  ownerManagerId!: string | null;

  @Field(() => ID, { nullable: true, description: "Owner agency." })
  ownerAgencyId!: string | null;

  @Field(() => DateScalar, { description: "Deadline (in the year)." })
  deadline!: string;

  @Field(() => ResolutionStatus, { description: "Recorded status." })
  status!: ResolutionStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day it was done." })
  completedOn!: string | null;

  @Field({ description: "Done on or before the deadline." })
  doneByDeadline!: boolean;

  @Field({ description: "Not done and past the deadline as of `EngagementFacts.asOf`." })
  overdue!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Evidence: a held session of a working group in the year." })
export class EngagementSessionFact {
  @Field(() => ID, { description: "The session (meeting)." })
  meetingId!: string;

  @Field({ description: "When it was held (UTC)." })
  heldAt!: Date;

  @Field(() => Int, { description: "Jalali quarter on Tehran's clock." })
  quarter!: number;

  @Field(() => Int, { description: "NGOs present." })
  ngoCount!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: a working group chaired by the manager or the manager's agency.",
})
export class EngagementWorkingGroupFact {
  @Field(() => ID, { description: "The working group." })
  workingGroupId!: string;

  @Field({ description: "Name." })
  name!: string;

  @Field(() => ID, { nullable: true, description: "Chairing manager." })
  chairManagerId!: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing agency." })
  chairAgencyId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was dissolved, if it was." })
  dissolvedOn!: string | null;

  @Field(() => [ID], { description: "NGOs that were members at some time in the year, sorted." })
  ngoMemberIds!: string[];

  @Field(() => [EngagementSessionFact], { description: "Sessions held in the year, oldest first." })
  sessions!: EngagementSessionFact[];

  @Field(() => Int, { description: "Sessions held in the year." })
  sessionsHeld!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: an NGO proposal or demand routed to the manager's agency, submitted in the year.",
})
export class EngagementRequestFact {
  @Field(() => EngagementRequestKind, { description: "Proposal or demand." })
  kind!: EngagementRequestKind;

  @Field(() => ID, { description: "The proposal or demand." })
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field(() => ID, { description: "The agency it was routed to." })
  agencyId!: string;

  @Field(() => DateScalar, { description: "Day it was submitted or raised." })
  submittedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the agency's response (proposal: accepted or rejected; demand: resolved or rejected).",
  })
  respondedOn!: string | null;

  @Field(() => Int, { nullable: true, description: "Days from submission to response." })
  responseDays!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The raw engagement facts of one manager for the evaluation service, with the evidence records; what counts is decided by the evaluation rubric, not here.",
})
export class ManagerEngagementFacts {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field(() => ID, { nullable: true, description: "The manager's agency, as given in `managerAgencies`." })
  agencyId!: string | null;

  @Field(() => [EngagementMeetingFact], {
    description:
      "Every held meeting the manager chaired in the year (any kind), oldest first. Whether it counts is the evaluation rubric's decision.",
  })
  meetings!: EngagementMeetingFact[];

  @Field(() => [EngagementResolutionFact], {
    description: "Resolutions due in the year owned by the manager or its agency, by deadline.",
  })
  resolutions!: EngagementResolutionFact[];

  @Field(() => [EngagementWorkingGroupFact], { description: "Working groups chaired by the manager or its agency." })
  workingGroups!: EngagementWorkingGroupFact[];

  @Field(() => [EngagementRequestFact], {
    description:
      "Proposals and demands routed to the manager's agency, submitted in the year (needs `managerAgencies`).",
  })
  requests!: EngagementRequestFact[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Engagement facts of a Jalali year for many managers, read in a handful of SQL statements (service-to-service read for the evaluation service).",
})
export class EngagementFacts {
  @Field(() => Int, { description: "The Jalali year." })
  year!: number;

  @Field(() => DateScalar, {
    description: "The Tehran day overdue and pending states were judged on (snapshot this with the facts).",
  })
  asOf!: string;

  @Field({ description: "When the facts were read (UTC)." })
  generatedAt!: Date;

  @Field(() => [ManagerEngagementFacts], {
    description:
      "One entry per manager asked for (or, without `managerIds`, per manager with any fact), sorted by manager id.",
  })
  managers!: ManagerEngagementFacts[];
}
