import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CatalogueCreateInput, CatalogueFilter, CatalogueUpdateInput, PageOf } from "@hamafza/common";
import { AgendaItem } from "../entities/AgendaItem";
import { SocialHarm } from "../entities/SocialHarm";

// Social harms --------------------------------------------------------------------------------------------------

@ObjectType({ description: "A page of social harms." })
export class SocialHarmPage extends PageOf(SocialHarm) {}

@InputType({ description: "Filter the social-harm catalogue." })
export class SocialHarmFilter extends CatalogueFilter({
  ids: "Only these harms.",
  q: "Search in the name or code (Persian spelling variants match).",
  active: "Only active (true) or retired (false) harms.",
}) {}

@InputType({ description: "A new social harm of the catalogue." })
export class SocialHarmCreateInput extends CatalogueCreateInput({
  code: "Stable code in UPPER_SNAKE (e.g. `ADDICTION`).",
  name: "Persian name.",
  description: "What it covers.",
  sortOrder: "Display order; after the last when omitted.",
}) {}

@InputType({ description: "Changes to a social harm; omitted fields keep their value." })
export class SocialHarmUpdateInput extends CatalogueUpdateInput({
  name: "Persian name.",
  description: "What it covers.",
  sortOrder: "Display order.",
  active: "false retires the harm: it stays on old agenda items but cannot be chosen for new ones.",
}) {}

// Agenda items --------------------------------------------------------------------------------------------------

@ObjectType({ description: "A page of agenda items." })
export class AgendaItemPage extends PageOf(AgendaItem) {}

@InputType({ description: "Filter agenda items (of meetings in the user's territory)." })
export class AgendaItemFilter {
  @Field(() => [ID], { nullable: true, description: "Only these items." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only items of this meeting." })
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: "Only items addressing this social harm." })
  socialHarmId?: string;

  @Field(() => ID, { nullable: true, description: "Only items answering this demand." })
  demandId?: string;

  @Field({ nullable: true, description: "Search in the topic (Persian spelling variants match)." })
  q?: string;
}

@InputType({ description: "A new agenda item." })
export class AgendaItemCreateInput {
  @Field(() => ID, { description: "The meeting." })
  meetingId!: string;

  @Field({ description: "Topic." })
  topic!: string;

  @Field(() => ID, { nullable: true, description: "The social harm it addresses (an active harm of the catalogue)." })
  socialHarmId?: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO demand it answers (same province as the meeting)." })
  demandId?: string | null;

  @Field(() => String, { nullable: true, description: "Notes." })
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: "Position; last when omitted." })
  position?: number | null;
}

@InputType({ description: "Changes to an agenda item; omitted fields keep their value, null clears." })
export class AgendaItemUpdateInput {
  @Field({ nullable: true, description: "Topic." })
  topic?: string;

  @Field(() => ID, { nullable: true, description: "The social harm it addresses." })
  socialHarmId?: string | null;

  @Field(() => ID, { nullable: true, description: "The NGO demand it answers." })
  demandId?: string | null;

  @Field(() => String, { nullable: true, description: "Notes." })
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: "Position." })
  position?: number;
}
