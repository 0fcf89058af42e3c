import { Field, ID, InputType, Int } from "type-graphql";
import { BoardRole } from "../entities/BoardMember";
import { AwardLevel } from "../entities/NgoAward";
import { Urgency } from "../entities/TrainingNeed";

/** The input types of an NGO's profile lists (board, capabilities, awards, training needs). */

const ITEM_ID = "Id of one of this NGO's existing records, to keep it (and its id); omit for a new record.";

@InputType({ description: "A board member, as an item of `boardMembers` (the list replaces the NGO's board)." })
export class BoardMemberInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Full name." })
  name!: string;

  @Field(() => BoardRole, {
    description: "Role on the board; CHAIR, VICE_CHAIR, SECRETARY, TREASURER and CEO at most once per NGO.",
  })
  role!: BoardRole;

  @Field({ description: "National code (کد ملی), 10 digits with a valid checksum; Persian digits accepted." })
  nationalCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Personal phone (mobile 09xxxxxxxxx or landline with area code).",
  })
  phone?: string | null;
}

@InputType({ description: "A capability, as an item of `capabilities` (the list replaces the NGO's capabilities)." })
export class NgoCapabilityInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "The service the NGO can offer." })
  service!: string;

  @Field(() => ID, { nullable: true, description: "Field of activity of the service; empty: all the NGO's fields." })
  fieldId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Codes of the counties covered besides the home county." })
  coverageCountyIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Volunteers available for it." })
  volunteersAvailable?: number | null;
}

@InputType({ description: "An award, as an item of `awards` (the list replaces the NGO's awards)." })
export class NgoAwardInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Title of the award." })
  title!: string;

  @Field(() => AwardLevel, { description: "National or international." })
  level!: AwardLevel;

  @Field(() => Int, { description: "Jalali year of the award (1300 to the current year)." })
  jalaliYear!: number;

  @Field(() => String, { nullable: true, description: "Who gave it." })
  awardedBy?: string | null;
}

@InputType({
  description: "A training need, as an item of `trainingNeeds` (the list replaces the NGO's declared needs).",
})
export class TrainingNeedInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Topic (one per item; the same topic twice for one year is refused)." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Who should be trained." })
  audience?: string | null;

  @Field(() => Urgency, { nullable: true, description: "Urgency; MEDIUM when omitted." })
  urgency?: Urgency | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The Jalali year the need is for; when omitted, a kept need keeps its year and a new one takes the current year.",
  })
  year?: number | null;
}

/** The profile lists of an NGO input (both create and update). */
