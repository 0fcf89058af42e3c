import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { Manager, ManagerPositionKind } from "../entities/Manager";

@ObjectType({ description: "A page of managers." })
export class ManagerPage extends PageOf(Manager) {}

@InputType({ description: "Filter managers; all given conditions must hold." })
export class ManagerFilter {
  @Field(() => [ID], { nullable: true, description: "Only these managers." })
  ids?: string[];

  @Field({
    nullable: true,
    description: "Search in the name and the position title (Persian spelling variants match).",
  })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this agency." })
  agencyId?: string;

  @Field(() => ManagerPositionKind, { nullable: true, description: "Only managers of this kind of position." })
  positionKind?: ManagerPositionKind;

  @Field({
    nullable: true,
    description:
      "`true`: only managers holding their position today (Tehran); `false`: only past (or not yet started) tenures.",
  })
  current?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "Only managers whose tenure overlaps this Jalali year, e.g. `1404` (1 Farvardin 1404 – 29 Esfand 1404): the managers the year's evaluation is about.",
  })
  tenureInJalaliYear?: number;
}

@InputType({
  description:
    "A new manager: a person appointed to a position of an agency. A new holder of a position ends the current holder's tenure the day before.",
})
export class ManagerCreateInput {
  @Field({ description: "Full name, as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The agency of the position; the manager's province and county are the agency's." })
  agencyId!: string;

  @Field(() => ManagerPositionKind, {
    description: "Kind of position; must suit the agency (a county governor for a county governorate …).",
  })
  positionKind!: ManagerPositionKind;

  @Field(() => String, {
    nullable: true,
    description:
      "Position title in Persian. Required for deputies and other positions (it tells the agency's positions apart); derived for the others when omitted (e.g. «فرماندار ابهر»).",
  })
  position?: string | null;

  @Field(() => DateScalar, { description: "First day of the tenure (not in the future)." })
  tenureStart!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the tenure, for a past tenure; omit for the current holder.",
  })
  tenureEnd?: string | null;
}

@InputType({
  description:
    "Changes to a manager; omitted fields keep their value, `null` clears an optional field. Overlapping another tenure of the same position is refused.",
})
export class ManagerUpdateInput {
  @Field({ nullable: true, description: "Full name." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The agency of the position." })
  agencyId?: string;

  @Field(() => ManagerPositionKind, { nullable: true, description: "Kind of position." })
  positionKind?: ManagerPositionKind;

  @Field(() => String, {
    nullable: true,
    description: "Position title in Persian; `null` derives it again (single-seat positions only).",
  })
  position?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day of the tenure." })
  tenureStart?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the tenure; `null` makes the tenure open (current) again.",
  })
  tenureEnd?: string | null;
}
