import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Urgency } from "../entities/TrainingNeed";

/*
 * Analysts' queries over the registry: counts by a dimension, training needs by topic and province, fuzzy name
 * search with scores, duplicate candidates and parallel work. Each is one SQL statement (GROUP BY / joins)
 * limited to the user's territory; referenced records come through the request's DataLoaders.
 */

export enum NgoCountDimension {
  PROVINCE = "PROVINCE",
  COUNTY = "COUNTY",
  FIELD = "FIELD",
  LICENCE_STATE = "LICENCE_STATE",
  STATUS = "STATUS",
  SCOPE = "SCOPE",
}
registerEnumType(NgoCountDimension, {
  name: "NgoCountDimension",
  description: "What `ngoCounts` groups NGOs by.",
  valuesConfig: {
    PROVINCE: { description: "Home province (key: province code)." },
    COUNTY: { description: "Home county (key: county code)." },
    FIELD: {
      description:
        "Field of activity (key: field id; an NGO counts once in each of its fields; key empty for NGOs without a field).",
    },
    LICENCE_STATE: {
      description: "State of the current licence today (key: a LicenceState value, NONE without a licence).",
    },
    STATUS: { description: "NGO status (key: an NgoStatus value)." },
    SCOPE: { description: "Scope of activity (key: an NgoScope value)." },
  },
});

@ObjectType({ description: "How many NGOs fall in one group of `ngoCounts`." })
export class NgoCount {
  @Field(() => String, {
    nullable: true,
    description:
      "The group's key: a province or county code, a field id, or an enum value (see NgoCountDimension); empty for NGOs without a field.",
  })
  key!: string | null;

  @Field({ description: "Persian label of the group." })
  label!: string;

  @Field(() => Int, { description: "Number of NGOs (distinct) in the group." })
  count!: number;

  provinceId?: string | null;
  countyId?: string | null;
  fieldId?: string | null;
}

@ObjectType({
  description: "A training topic declared by NGOs of one province, with how many NGOs declared it and how urgently.",
})
export class TrainingNeedAggregate {
  @Field({ description: "The topic as most NGOs typed it." })
  topic!: string;

  @Field({ description: "Normalised form of the topic; spelling variants are counted together." })
  topicKey!: string;

  @Field(() => ID, { nullable: true, description: "Province code; empty when not grouped by province." })
  provinceId!: string | null;

  @Field(() => Int, { description: "NGOs that declared the topic." })
  ngoCount!: number;

  @Field(() => Int, { description: "…of which with HIGH urgency." })
  highUrgency!: number;

  @Field(() => Int, { description: "…of which with MEDIUM urgency." })
  mediumUrgency!: number;

  @Field(() => Int, { description: "…of which with LOW urgency." })
  lowUrgency!: number;

  @Field(() => [String], { description: "The audiences named (distinct, as typed)." })
  audiences!: string[];
}

@InputType({ description: "Which training needs `trainingNeedSummary` counts." })
export class TrainingNeedSummaryFilter {
  @Field(() => ID, { nullable: true, description: "Only NGOs of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this county." })
  countyId?: string;

  @Field(() => Urgency, { nullable: true, description: "Only needs of this urgency." })
  urgency?: Urgency;

  @Field({ nullable: true, description: "Only topics containing this text (spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs working in this field of activity." })
  fieldId?: string;
}

@ObjectType({ description: "An NGO found by `searchNgos`, with how close its name is to the search text." })
export class NgoSearchHit {
  @Field(() => ID, { description: "The NGO's id." })
  ngoId!: string;

  @Field(() => Float, {
    description: "Similarity of the search text to the name, 0 to 1 (1: the normalised text appears as is).",
  })
  similarity!: number;
}

export enum DuplicateReason {
  SAME_NAME_OTHER_COUNTY = "SAME_NAME_OTHER_COUNTY",
  SIMILAR_NAME = "SIMILAR_NAME",
  SAME_PHONE = "SAME_PHONE",
  SAME_REGISTRATION_NUMBER = "SAME_REGISTRATION_NUMBER",
}
registerEnumType(DuplicateReason, {
  name: "DuplicateReason",
  description: "Why two NGO records may be the same NGO.",
  valuesConfig: {
    SAME_NAME_OTHER_COUNTY: { description: "The same normalised name, registered in another county (weight 0.9)." },
    SIMILAR_NAME: { description: "Names with trigram similarity of 0.7 or more (weight: the similarity)." },
    SAME_PHONE: { description: "A contact phone in common (weight 0.7)." },
    SAME_REGISTRATION_NUMBER: { description: "The same registration number in the same province (weight 0.6)." },
  },
});

@ObjectType({ description: "Two NGO records that may be the same NGO entered twice, with the reasons and a score." })
export class DuplicateNgoPair {
  @Field(() => ID, { description: "Id of the first NGO (the smaller id)." })
  firstId!: string;

  @Field(() => ID, { description: "Id of the second NGO." })
  secondId!: string;

  @Field(() => Float, { description: "Likelihood score, 0 to 1: 1 − Π(1 − weight) over the reasons." })
  score!: number;

  @Field(() => [DuplicateReason], { description: "The reasons, strongest first." })
  reasons!: DuplicateReason[];

  @Field(() => Float, { nullable: true, description: "Trigram similarity of the two normalised names." })
  nameSimilarity!: number | null;

  @Field({ description: "The reasons in Persian, for display." })
  explanation!: string;
}

@ObjectType({
  description:
    "Several active NGOs of one field of activity covering the same county (possible parallel work, موازی‌کاری).",
})
export class ParallelWorkGroup {
  @Field(() => ID, { description: "Code of the county covered." })
  countyId!: string;

  @Field(() => ID, { description: "The field of activity." })
  fieldId!: string;

  @Field(() => Int, { description: "How many NGOs cover the county in the field." })
  ngoCount!: number;

  @Field(() => [ID], { description: "Ids of those NGOs." })
  ngoIds!: string[];
}
