import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { Licence, LicenceState, LicensingAuthority } from "../entities/Licence";

/*
 * Licences (پروانه فعالیت) and their lifecycle: issue → renew → suspend → reinstate → revoke, each its own
 * mutation recording a history entry (who, when, from which state to which, why). EXPIRING and EXPIRED come from
 * the dates, on Tehran's calendar day, at read time (deriveLicenceState) and in SQL (licence_state()).
 * A licence takes its NGO's territory.
 */

@ObjectType({ description: "A page of licences." })
export class LicencePage extends PageOf(Licence) {}

@InputType({ description: "Filter licences; all given conditions must hold." })
export class LicenceFilter {
  @Field(() => [ID], { nullable: true, description: "Only these licences." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only the licences of this NGO." })
  ngoId?: string;

  @Field({ nullable: true, description: "Search in the licence number." })
  q?: string;

  @Field(() => [LicenceState], { nullable: true, description: "Only licences in one of these states today." })
  states?: LicenceState[];

  @Field(() => LicensingAuthority, { nullable: true, description: "Only licences of this kind of authority." })
  authority?: LicensingAuthority;

  @Field(() => ID, { nullable: true, description: "Only licences of NGOs of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only licences of NGOs of this county." })
  countyId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only licences expiring on or after this day." })
  expiresFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only licences expiring on or before this day." })
  expiresTo?: string;

  @Field({ nullable: true, description: "Only each NGO's current licence (the latest issued), not superseded ones." })
  currentOnly?: boolean;
}

@InputType({ description: "A new licence for an NGO (issue)." })
export class LicenceIssueInput {
  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field({ description: "Licence number as issued; Persian digits accepted." })
  number!: string;

  @Field(() => LicensingAuthority, { description: "Kind of licensing authority." })
  authority!: LicensingAuthority;

  @Field(() => String, { nullable: true, description: "Name of the authority; required for OTHER." })
  authorityName?: string | null;

  @Field(() => DateScalar, { description: "Issue date (not in the future)." })
  issuedOn!: string;

  @Field(() => DateScalar, { description: "Expiry date (after the issue date)." })
  expiresOn!: string;
}

@InputType({
  description:
    "Corrections to a licence's number or authority (the dates and state change only through the transitions).",
})
export class LicenceUpdateInput {
  @Field({ nullable: true, description: "Licence number." })
  number?: string;

  @Field(() => LicensingAuthority, { nullable: true, description: "Kind of licensing authority." })
  authority?: LicensingAuthority;

  @Field(() => String, { nullable: true, description: "Name of the authority; required for OTHER." })
  authorityName?: string | null;
}

const EFFECTIVE_ON =
  "Day the transition takes effect; today (Tehran) when omitted; not in the future nor before the licence's last recorded step.";

@InputType({ description: "Renewal of a licence." })
export class LicenceRenewInput {
  @Field(() => DateScalar, { description: "New expiry date: after the current one and after the effective day." })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: "Note (e.g. the renewal letter's number)." })
  reason?: string | null;
}

@InputType({ description: "Suspension of a licence." })
export class LicenceSuspendInput {
  @Field({ description: "Why the licence is suspended." })
  reason!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the suspension; until reinstated when omitted.",
  })
  until?: string | null;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The supervision record (of the same NGO, not yet linked) that justifies the suspension; linked both ways.",
  })
  supervisionRecordId?: string | null;
}

@InputType({ description: "Reinstatement of a suspended licence." })
export class LicenceReinstateInput {
  @Field(() => String, { nullable: true, description: "Note." })
  reason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;
}

@InputType({ description: "Revocation of a licence (final)." })
export class LicenceRevokeInput {
  @Field({ description: "Why the licence is revoked." })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: EFFECTIVE_ON })
  effectiveOn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The supervision record (of the same NGO, not yet linked) that justifies the revocation; linked both ways.",
  })
  supervisionRecordId?: string | null;
}

// Plain data, read in bulk by the evaluation service (hundreds of thousands per run): no per-field resolver work.
@ObjectType({ description: "An NGO's licence state on a given day.", simpleResolvers: true })
export class NgoLicenceStateOn {
  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field(() => DateScalar, { description: "The day asked about." })
  date!: string;

  @Field(() => LicenceState, {
    description: "State of the NGO's licence that day, from the licence history (NONE: no licence issued by then).",
  })
  state!: LicenceState;

  @Field(() => ID, { nullable: true, description: "The licence that was current that day, if any." })
  licenceId!: string | null;
}

@InputType({ description: "One day and the NGOs whose licence state that day is asked for (`licenceStatesOnDays`)." })
export class LicenceStatesAsk {
  @Field(() => DateScalar, { description: "The day." })
  date!: string;

  @Field(() => [ID], { description: "The NGOs; the answer gives their states in this order." })
  ngoIds!: string[];
}
