import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, PageOf } from "@hamafza/common";
import { Project, ProjectStatus } from "../entities/Project";

@ObjectType({ description: "A page of projects." })
export class ProjectPage extends PageOf(Project) {}

@InputType({ description: "Filter projects; all given conditions must hold." })
export class ProjectFilter {
  @Field(() => [ID], { nullable: true, description: "Only these projects." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the title (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only projects of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only projects of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only projects defined by this working group." })
  workingGroupId?: string;

  @Field(() => ID, { nullable: true, description: "Only projects in this informal-settlement area." })
  areaId?: string;

  @Field(() => ID, { nullable: true, description: "Only projects this agency is responsible for." })
  responsibleAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only projects with this partner NGO." })
  ngoId?: string;

  @Field(() => ProjectStatus, { nullable: true, description: "Only projects in this status." })
  status?: ProjectStatus;

  @Field({
    nullable: true,
    description: "true: only PLANNED, ACTIVE or STALLED projects; false: only FINISHED or ABANDONED.",
  })
  unfinished?: boolean;

  @Field({ nullable: true, description: "true: only unfinished projects past their planned end (Tehran today)." })
  late?: boolean;
}

@InputType({ description: "A new project." })
export class ProjectCreateInput {
  @Field({ description: "Title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Description." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Working group that defined it (same territory)." })
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: "Informal-settlement area (registry id)." })
  areaId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The priority need of a needs assessment (registry `PriorityNeed` id) the project answers.",
  })
  priorityNeedId?: string | null;

  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code (the area's county)." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Responsible agency (registry)." })
  responsibleAgencyId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Partner NGOs (registry ids)." })
  partnerNgoIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: "Start day." })
  startOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Planned end day." })
  plannedEndOn?: string | null;
}

@InputType({
  description:
    "Changes to a project; omitted fields keep their value, null clears. The territory does not change; status changes go through `addProjectUpdate`.",
})
export class ProjectUpdateInput {
  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => String, { nullable: true, description: "Description." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Working group." })
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: "Informal-settlement area." })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: "The priority need it answers; null clears." })
  priorityNeedId?: string | null;

  @Field(() => ID, { nullable: true, description: "Responsible agency." })
  responsibleAgencyId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Partner NGOs; replaces the list." })
  partnerNgoIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: "Start day." })
  startOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Planned end day." })
  plannedEndOn?: string | null;
}

@InputType({ description: "A dated progress report of a project, possibly changing its status." })
export class ProjectProgressInput {
  @Field(() => DateScalar, {
    description: "Day of the report; not in the future (the closing day for FINISHED or ABANDONED).",
  })
  reportedOn!: string;

  @Field({ description: "What was done or found." })
  note!: string;

  @Field(() => ProjectStatus, { nullable: true, description: "New status, if it changes." })
  status?: ProjectStatus;
}
