import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { ActivityReportStatus, BudgetBand, NgoActivityReport } from "../entities/NgoActivityReport";

@ObjectType({ description: "A page of annual activity reports." })
export class NgoActivityReportPage extends PageOf(NgoActivityReport) {}

@InputType({ description: "Filter annual activity reports; all given conditions must hold." })
export class NgoActivityReportFilter {
  @Field(() => [ID], { nullable: true, description: "Only these reports." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this NGO's reports." })
  ngoId?: string;

  @Field(() => Int, { nullable: true, description: "Only reports on this Jalali year." })
  year?: number;

  @Field(() => ActivityReportStatus, { nullable: true, description: "Only reports in this review state." })
  status?: ActivityReportStatus;

  @Field(() => ID, { nullable: true, description: "Only reports of NGOs of this province (code)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only reports of NGOs of this county (code)." })
  countyId?: string;
}

@InputType({ description: "What an NGO reports on one Jalali year." })
export class NgoActivityReportContent {
  @Field({ description: "What the NGO did in the year (10–4000 characters)." })
  activities!: string;

  @Field(() => Int, { description: "People the activities reached (0 or more)." })
  beneficiaries!: number;

  @Field(() => Int, { description: "Volunteers who worked with the NGO (0 or more)." })
  volunteers!: number;

  @Field(() => [ID], { description: "Codes of the counties the NGO worked in (each a county of Iran; may be empty)." })
  countiesCovered!: string[];

  @Field(() => BudgetBand, { description: "The year's spending, as a band." })
  budgetBand!: BudgetBand;
}

@InputType({ description: "A new annual activity report of an NGO." })
export class NgoActivityReportCreateInput extends NgoActivityReportContent {
  @Field(() => ID, { description: "The NGO (of the user's territory)." })
  ngoId!: string;

  @Field(() => Int, {
    description: "The Jalali year reported on: a past or the current year, one report per NGO and year.",
  })
  year!: number;
}

@InputType({ description: "A corrected annual activity report (all content again)." })
export class NgoActivityReportUpdateInput extends NgoActivityReportContent {}

@ObjectType({ description: "An NGO without an accepted or submitted report for a year, and whether it is overdue." })
export class MissingActivityReport {
  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field({ description: "The NGO's name as typed." })
  ngoName!: string;

  @Field(() => ID, { nullable: true, description: "The NGO's county (code)." })
  countyId!: string | null;

  @Field({ description: "Whether the report's due day (31 Khordad of the next year, Tehran) has passed." })
  overdue!: boolean;
}

@ObjectType({ description: "A page of NGOs missing an annual activity report." })
export class MissingActivityReportPage extends PageOf(MissingActivityReport) {}
