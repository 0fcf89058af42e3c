import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { MeetingKind } from "../entities/Meeting";
import { Agency, County, Manager } from "../entities/references";
import { SocialHarm } from "../entities/SocialHarm";

export enum StatisticsLevel {
  PROVINCE = "PROVINCE",
  COUNTY = "COUNTY",
}
registerEnumType(StatisticsLevel, {
  name: "StatisticsLevel",
  description: "The territory level analyst statistics are grouped by.",
  valuesConfig: {
    PROVINCE: { description: "One row per province." },
    COUNTY: { description: "One row per county (provincial items: a row with no county)." },
  },
});

export enum ResolutionOwnerGrouping {
  AGENCY = "AGENCY",
  MANAGER = "MANAGER",
}
registerEnumType(ResolutionOwnerGrouping, {
  name: "ResolutionOwnerGrouping",
  description: "Group resolutions by their owner agency or by their owner manager.",
  valuesConfig: {
    AGENCY: { description: "By owner agency (resolutions without one: a row with no agency)." },
    MANAGER: { description: "By owner manager (resolutions without one: a row with no manager)." },
  },
});

export enum EngagementRequestKind {
  PROPOSAL = "PROPOSAL",
  DEMAND = "DEMAND",
}
registerEnumType(EngagementRequestKind, {
  name: "EngagementRequestKind",
  description: "An NGO's proposal (طرح) or demand (مطالبه) addressed to an agency.",
  valuesConfig: { PROPOSAL: { description: "A proposal." }, DEMAND: { description: "A demand." } },
});

@ObjectType({ description: "Meetings of one territory, Jalali quarter and kind." })
export class MeetingStatisticsRow {
  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "County code (COUNTY grouping; empty for provincial meetings or PROVINCE grouping).",
  })
  countyId!: string | null;

  @Field(() => County, { nullable: true, description: "The county (registry)." })
  county!: County | null;

  @Field(() => Int, { description: "Jalali year." })
  year!: number;

  @Field(() => Int, { description: "Quarter 1–4." })
  quarter!: number;

  @Field(() => MeetingKind, { description: "Kind of meeting." })
  kind!: MeetingKind;

  @Field(() => Int, { description: "All meetings." })
  total!: number;

  @Field(() => Int, { description: "Still planned." })
  planned!: number;

  @Field(() => Int, { description: "Held." })
  held!: number;

  @Field(() => Int, { description: "Cancelled." })
  cancelled!: number;

  @Field(() => Int, { description: "Held with at least one NGO present (counts as engagement)." })
  heldWithNgos!: number;
}

@ObjectType({
  description: "Resolution follow-up of one owner: how many were done, on time, are overdue (Tehran today).",
})
export class ResolutionCompletionRate {
  @Field(() => ID, { nullable: true, description: "Owner agency (AGENCY grouping)." })
  ownerAgencyId!: string | null;

  @Field(() => ID, { nullable: true, description: "Owner manager (MANAGER grouping)." })
  ownerManagerId!: string | null;

  @Field(() => Agency, { nullable: true, description: "Owner agency (registry)." })
  ownerAgency!: Agency | null;

  @Field(() => Manager, { nullable: true, description: "Owner manager (registry)." })
  ownerManager!: Manager | null;

  @Field(() => Int, { description: "Resolutions." })
  total!: number;

  @Field(() => Int, { description: "Done." })
  done!: number;

  @Field(() => Int, { description: "Done by the deadline (inclusive)." })
  doneOnTime!: number;

  @Field(() => Int, { description: "Done after the deadline." })
  doneLate!: number;

  @Field(() => Int, { description: "Not done, deadline passed." })
  overdue!: number;

  @Field(() => Int, { description: "Not done, deadline not passed (or none)." })
  pending!: number;

  @Field(() => Int, { description: "Cancelled." })
  cancelled!: number;

  @Field(() => Float, { nullable: true, description: "done ÷ (total − cancelled); empty when nothing is left to do." })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "doneOnTime ÷ (resolutions with a deadline − cancelled); empty when none.",
  })
  onTimeRate!: number | null;
}

@ObjectType({ description: "How much a social harm was discussed: agenda items of held meetings that address it." })
export class SocialHarmDiscussion {
  @Field(() => SocialHarm, { description: "The social harm." })
  socialHarm!: SocialHarm;

  @Field(() => Int, { description: "Agenda items addressing it." })
  agendaItems!: number;

  @Field(() => Int, { description: "Distinct held meetings that discussed it." })
  meetings!: number;

  @Field(() => Int, { description: "Distinct NGOs present at those meetings." })
  ngos!: number;
}

@ObjectType({
  description: "How fast an agency answered NGO proposals or demands (days from submission to the response).",
})
export class AgencyResponseTime {
  @Field(() => ID, {
    nullable: true,
    description: "The agency; empty for items not routed to one (proposals to a council, unrouted demands).",
  })
  agencyId!: string | null;

  @Field(() => Agency, { nullable: true, description: "The agency (registry)." })
  agency!: Agency | null;

  @Field(() => EngagementRequestKind, { description: "Proposals or demands." })
  kind!: EngagementRequestKind;

  @Field(() => Int, { description: "Items received." })
  received!: number;

  @Field(() => Int, { description: "Items answered." })
  answered!: number;

  @Field(() => Int, { description: "Items answered within 30 days." })
  answeredWithin30Days!: number;

  @Field(() => Int, { description: "Items not answered yet." })
  unanswered!: number;

  @Field(() => Float, { nullable: true, description: "Average days to answer (answered items)." })
  averageDays!: number | null;

  @Field(() => Float, { nullable: true, description: "Median days to answer (answered items)." })
  medianDays!: number | null;
}
