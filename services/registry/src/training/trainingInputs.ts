import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageOf } from "@hamafza/common";
import { TrainingNeed, TrainingNeedStatus, Urgency } from "../entities/TrainingNeed";
import { TrainingSession, TrainingSessionStatus } from "./TrainingSession";

@ObjectType({ description: "A page of training needs." })
export class TrainingNeedPage extends PageOf(TrainingNeed) {}

@ObjectType({ description: "A page of training sessions." })
export class TrainingSessionPage extends PageOf(TrainingSession) {}

@InputType({ description: "Filter training needs; all given conditions must hold." })
export class TrainingNeedFilter {
  @Field(() => [ID], { nullable: true, description: "Only these needs." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this NGO's needs." })
  ngoId?: string;

  @Field(() => Int, { nullable: true, description: "Only needs declared for this Jalali year." })
  year?: number;

  @Field(() => TrainingNeedStatus, { nullable: true, description: "Only needs in this state." })
  status?: TrainingNeedStatus;

  @Field(() => String, {
    nullable: true,
    description: "Only needs of this topic (spelling variants match: compared in normalised form).",
  })
  topic?: string;

  @Field(() => ID, { nullable: true, description: "Only needs planned in or met by this session." })
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: "Only needs of NGOs of this province (code)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only needs of NGOs of this county (code)." })
  countyId?: string;
}

@InputType({ description: "A training need an NGO representative declares for its own NGO." })
export class TrainingNeedDeclareInput {
  @Field({ description: "Topic (2–200 characters; one need per topic and year)." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Who should be trained (at most 200 characters)." })
  audience?: string | null;

  @Field(() => Urgency, { nullable: true, description: "Urgency; MEDIUM when omitted." })
  urgency?: Urgency | null;

  @Field(() => Int, { description: "The Jalali year the need is for: the current year or the next." })
  year!: number;
}

@InputType({ description: "Filter training sessions; all given conditions must hold." })
export class TrainingSessionFilter {
  @Field(() => [ID], { nullable: true, description: "Only these sessions." })
  ids?: string[];

  @Field(() => TrainingSessionStatus, { nullable: true, description: "Only sessions in this state." })
  status?: TrainingSessionStatus;

  @Field(() => Int, { nullable: true, description: "Only sessions starting in this Jalali year (Tehran)." })
  year?: number;

  @Field(() => String, { nullable: true, description: "Only sessions of this topic (normalised comparison)." })
  topic?: string;

  @Field(() => ID, { nullable: true, description: "Only sessions of this province (code)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only sessions of this county (code)." })
  countyId?: string;
}

@InputType({ description: "A training session officials plan." })
export class TrainingSessionInput {
  @Field({ description: "Topic (2–200 characters)." })
  topic!: string;

  @Field({ description: "When it starts (an instant; the dashboard sends Tehran time converted to UTC)." })
  startsAt!: Date;

  @Field(() => String, { nullable: true, description: "Where it is held (required unless `ngoHouseId` is given)." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO House it is held at (of the user's territory)." })
  ngoHouseId?: string | null;

  @Field(() => Int, { description: "Seats: at most this many NGOs may be invited (1–500)." })
  capacity!: number;

  @Field({ description: "Who teaches it (2–200 characters)." })
  provider!: string;

  @Field(() => ID, { nullable: true, description: "Province code (the county's province when `countyId` is given)." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "County code for a county session; omit for a provincial one." })
  countyId?: string | null;
}

export enum TrainingNeedDimension {
  TOPIC = "TOPIC",
  PROVINCE = "PROVINCE",
  COUNTY = "COUNTY",
}
registerEnumType(TrainingNeedDimension, {
  name: "TrainingNeedDimension",
  description: "What `trainingNeedCounts` groups needs by.",
  valuesConfig: {
    TOPIC: { description: "The topic (spelling variants together)." },
    PROVINCE: { description: "The NGO's province." },
    COUNTY: { description: "The NGO's county (empty for NGOs without one)." },
  },
});

@ObjectType({
  description:
    "Training needs of one group (topic, province or county) for a Jalali year: how many were declared, are planned and were met, and how many were declared the year before.",
})
export class TrainingNeedCount {
  @Field(() => String, {
    nullable: true,
    description: "The group: the normalised topic, the province code or the county code (empty: no county).",
  })
  key!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The group's name: the topic as most often typed, or the province's or county's name.",
  })
  label!: string | null;

  @Field(() => Int, { description: "Needs declared for the year (every state)." })
  declared!: number;

  @Field(() => Int, { description: "Of those, planned in a session (PLANNED)." })
  planned!: number;

  @Field(() => Int, { description: "Of those, met (MET)." })
  met!: number;

  @Field(() => Int, { description: "Needs declared for the year before, in the same group." })
  previousYearDeclared!: number;
}
