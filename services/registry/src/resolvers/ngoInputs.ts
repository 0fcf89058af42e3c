import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { LicenceState } from "../entities/Licence";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { BoardMemberInput, NgoAwardInput, NgoCapabilityInput, TrainingNeedInput } from "./ngoProfileInputs";
import { NgoProfileInput } from "./ngoProfileRules";

@ObjectType({ description: "A page of NGOs." })
export class NgoPage extends PageOf(Ngo) {}

@InputType({ description: "Filter NGOs; all given conditions must hold." })
export class NgoFilter {
  @Field(() => [ID], { nullable: true, description: "Only these NGOs." })
  ids?: string[];

  @Field({
    nullable: true,
    description:
      "Search in the name: Arabic/Persian letters, ZWNJ, spacing, diacritics and digit variants match, and so do close spellings (trigram similarity, pg_trgm); ranked by similarity unless a sort is given. Digits also match the national id (prefix) and the registration number.",
  })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this home county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this province." })
  provinceId?: string;

  @Field(() => NgoStatus, { nullable: true, description: "Only NGOs in this status." })
  status?: NgoStatus;

  @Field(() => NgoScope, { nullable: true, description: "Only NGOs of this scope." })
  scope?: NgoScope;

  @Field(() => ID, { nullable: true, description: "Only NGOs working in this field of activity." })
  fieldId?: string;

  @Field(() => LicenceState, {
    nullable: true,
    description: "Only NGOs whose current licence is in this state today (NONE: without a licence).",
  })
  licenceState?: LicenceState;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only the NGOs merged into this one (its aliases, status MERGED) while the merge stands (docs/merging.md); their representatives act for it.",
  })
  mergedInto?: string;
}

@InputType({ description: "A new NGO, with its profile lists." })
export class NgoCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field({ description: "National identifier (شناسه ملی), 11 digits; Persian digits are accepted." })
  nationalId!: string;

  @Field(() => String, { nullable: true, description: "Registration number." })
  registrationNumber?: string | null;

  @Field(() => ID, { description: "Code of the home county." })
  countyId!: string;

  @Field(() => NgoStatus, { nullable: true, description: "Status; ACTIVE when omitted." })
  status?: NgoStatus;

  @Field(() => NgoScope, { nullable: true, description: "Scope of activity; COUNTY when omitted." })
  scope?: NgoScope;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Main contact phone (mobile or landline with area code)." })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: "Further contact phones (mobile or landline with area code)." })
  otherPhones?: string[] | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the NGO's fields of activity." })
  fieldIds?: string[] | null;

  @Field(() => [BoardMemberInput], { nullable: true, description: "Board members." })
  boardMembers?: BoardMemberInput[] | null;

  @Field(() => [NgoCapabilityInput], {
    nullable: true,
    description: "Capabilities (services, coverage areas, volunteers).",
  })
  capabilities?: NgoCapabilityInput[] | null;

  @Field(() => [NgoAwardInput], { nullable: true, description: "Awards." })
  awards?: NgoAwardInput[] | null;

  @Field(() => [TrainingNeedInput], { nullable: true, description: "Declared training needs." })
  trainingNeeds?: TrainingNeedInput[] | null;
}

/** The registered identity fields (name, ids, county, status, scope, founding date) an NGO update begins with. */
@InputType({ description: "The registered fields of an NGO's changes (never a type of its own in the schema)." })
abstract class NgoRegisteredChanges {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field({ nullable: true, description: "National identifier (شناسه ملی), 11 digits." })
  nationalId?: string;

  @Field(() => String, { nullable: true, description: "Registration number." })
  registrationNumber?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the home county." })
  countyId?: string;

  @Field(() => NgoStatus, { nullable: true, description: "Status." })
  status?: NgoStatus;

  @Field(() => NgoScope, { nullable: true, description: "Scope of activity." })
  scope?: NgoScope;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;
}

/** A class with no fields, to start an input with the contact and list changes alone. */
abstract class NoChanges {}

/**
 * The contact fields and profile lists of an NGO's changes, after `Base`'s fields: the same in the officers'
 * `NgoUpdateInput` and the representatives' `MyNgoProfileInput` (type-graphql lists a base class's fields first, so
 * each input keeps its field order).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor type must take any[]
export function NgoContactAndListChanges<B extends abstract new (...args: any[]) => object>(Base: B = NoChanges as B) {
  @InputType({ description: "An NGO's contact and list changes (never a type of its own in the schema)." })
  abstract class ContactAndListChanges extends Base {
    @Field(() => String, { nullable: true, description: "Main contact phone." })
    phone?: string | null;

    @Field(() => [String], { nullable: true, description: "Further contact phones (replaces the list)." })
    otherPhones?: string[] | null;

    @Field(() => String, { nullable: true, description: "Postal address." })
    address?: string | null;

    @Field(() => Int, { nullable: true, description: "Number of members." })
    membersCount?: number | null;

    @Field(() => Int, { nullable: true, description: "Number of volunteers." })
    volunteersCount?: number | null;

    @Field(() => [ID], { nullable: true, description: "Ids of the NGO's fields of activity (replaces the list)." })
    fieldIds?: string[] | null;

    @Field(() => [BoardMemberInput], { nullable: true, description: "Board members (replaces the board)." })
    boardMembers?: BoardMemberInput[] | null;

    @Field(() => [NgoCapabilityInput], { nullable: true, description: "Capabilities (replaces the list)." })
    capabilities?: NgoCapabilityInput[] | null;
  }
  return ContactAndListChanges;
}

@InputType({
  description:
    "Changes to an NGO; omitted fields keep their value, `null` clears an optional field. A given list (`fieldIds`, `otherPhones`, `boardMembers`, `capabilities`, `awards`, `trainingNeeds`) replaces the NGO's list; items carrying the id of an existing record keep it.",
})
export class NgoUpdateInput extends NgoContactAndListChanges(NgoRegisteredChanges) {
  @Field(() => [NgoAwardInput], { nullable: true, description: "Awards (replaces the list)." })
  awards?: NgoAwardInput[] | null;

  @Field(() => [TrainingNeedInput], { nullable: true, description: "Declared training needs (replaces the list)." })
  trainingNeeds?: TrainingNeedInput[] | null;
}

/** The NGO's own values in an input (create, update, or a row of an imported file). */
export type NgoValues = Partial<Omit<NgoCreateInput, keyof NgoProfileInput>>;
