import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertCanWrite,
  canRead,
  ConstraintMessages,
  DateScalar,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  invalidTransition,
} from "@hamafza/common";
import { projectReferences } from "../rules/references";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import {
  Project,
  ProjectPartner,
  ProjectStatus,
  ProjectUpdate,
  UNFINISHED_PROJECT_STATUSES,
} from "../entities/Project";
import { Agency, Ngo } from "../entities/references";
import { WorkingGroup } from "../entities/WorkingGroup";
import { partnersByProject, projectById, territoryOf, updatesByProject, workingGroupById } from "../loaders";
import { tehranToday } from "../util/time";
import {
  actorName,
  assertSameTerritory,
  checkTerritory,
  checkUuid,
  oneUuid,
  trimOrNull,
  whereListBasics,
} from "./common";

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

const PROJECT_SORTABLE = {
  title: "project.titleNormalized",
  startOn: "project.startOn",
  plannedEndOn: "project.plannedEndOn",
  status: "project.status",
  createdAt: "project.createdAt",
};
const PROJECT_CONSTRAINTS: ConstraintMessages = {
  project_dates_check: "پایان برنامه‌ریزی‌شده نمی‌تواند پیش از شروع باشد.",
};

const TRANSITIONS: Record<ProjectStatus, ProjectStatus[]> = {
  PLANNED: [ProjectStatus.ACTIVE, ProjectStatus.ABANDONED],
  ACTIVE: [ProjectStatus.STALLED, ProjectStatus.FINISHED, ProjectStatus.ABANDONED],
  STALLED: [ProjectStatus.ACTIVE, ProjectStatus.FINISHED, ProjectStatus.ABANDONED],
  FINISHED: [],
  ABANDONED: [],
};
const STATUS_LABELS: Record<ProjectStatus, string> = {
  PLANNED: "تعریف‌شده",
  ACTIVE: "در حال اجرا",
  STALLED: "متوقف",
  FINISHED: "پایان‌یافته",
  ABANDONED: "رهاشده",
};

function projectQuery(ctx: RequestContext, filter: ProjectFilter | undefined): SelectQueryBuilder<Project> {
  const query = whereInTerritory(
    ctx.db.getRepository(Project).createQueryBuilder("project"),
    requireUser(ctx),
    territoryOf("project"),
  );
  const today = tehranToday();
  whereListBasics(query, "project", "titleNormalized", filter);
  if (filter?.workingGroupId) query.andWhere("project.workingGroupId = :wg", { wg: oneUuid(filter.workingGroupId) });
  if (filter?.areaId) query.andWhere("project.areaId = :areaId", { areaId: oneUuid(filter.areaId) });
  if (filter?.responsibleAgencyId)
    query.andWhere("project.responsibleAgencyId = :agency", { agency: oneUuid(filter.responsibleAgencyId) });
  if (filter?.ngoId)
    query.andWhere("EXISTS (SELECT 1 FROM project_partner p WHERE p.project_id = project.id AND p.ngo_id = :ngoId)", {
      ngoId: oneUuid(filter.ngoId),
    });
  if (filter?.status) query.andWhere("project.status = :status", { status: filter.status });
  if (filter?.unfinished !== undefined)
    query.andWhere(`project.status ${filter.unfinished ? "IN" : "NOT IN"} (:...unfinished)`, {
      unfinished: UNFINISHED_PROJECT_STATUSES,
    });
  if (filter?.late)
    query.andWhere("project.status IN (:...unfinished) AND project.plannedEndOn < :today", {
      unfinished: UNFINISHED_PROJECT_STATUSES,
      today,
    });
  return query;
}

@Resolver(() => Project)
export class ProjectResolver {
  @Allow(ALL_ROLES)
  @Query(() => ProjectPage, {
    description: `Projects of the user's territory. Sortable by ${Object.keys(PROJECT_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}; by planned end by default.`,
  })
  projects(
    @Ctx() ctx: RequestContext,
    @FilterArg(ProjectFilter) filter: ProjectFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ProjectPage> {
    return paginate(projectQuery(ctx, filter), page, PROJECT_SORTABLE, { field: "plannedEndOn", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => ProjectPage, {
    description: `Follow-up of unfinished projects (PLANNED, ACTIVE, STALLED) of the user's territory, planned end first; the other filter conditions apply too. Sortable by ${Object.keys(
      PROJECT_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  unfinishedProjects(
    @Ctx() ctx: RequestContext,
    @FilterArg(ProjectFilter) filter: ProjectFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ProjectPage> {
    return paginate(projectQuery(ctx, { ...filter, unfinished: true }), page, PROJECT_SORTABLE, {
      field: "plannedEndOn",
      order: SortOrder.ASC,
    });
  }

  @Allow(ALL_ROLES)
  @Query(() => Project, { nullable: true, description: "One project by id; empty when outside the user's territory." })
  project(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Project | null> {
    return projectById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Project, { description: "Define a project in the user's territory (status PLANNED)." })
  async createProject(
    @Ctx() ctx: RequestContext,
    @InputArg(ProjectCreateInput) input: ProjectCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Project> {
    await checkReferences(ctx, projectReferences(input));
    return inTransaction(ctx.db, PROJECT_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createProject",
        idempotencyKey,
        input,
        async () => {
          const project = em.create(Project, {
            status: ProjectStatus.PLANNED,
            closedOn: null,
            description: null,
            workingGroupId: null,
            areaId: null,
            responsibleAgencyId: null,
            startOn: null,
            plannedEndOn: null,
          });
          applyProjectInput(project, input, true);
          assertCanWrite(requireUser(ctx), project);
          await checkGroup(em, ctx, project);
          const saved = await em.save(project);
          if (input.partnerNgoIds) await replacePartners(em, saved.id, input.partnerNgoIds);
          await recordChange(em, ctx, "createProject", "Project", {
            before: null,
            after: { ...saved, partnerNgoIds: input.partnerNgoIds ?? [] },
          });
          return saved;
        },
        (id) => em.findOneBy(Project, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Project, { description: "Change a project of the user's territory." })
  async updateProject(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(ProjectUpdateInput) input: ProjectUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Project> {
    await checkReferences(ctx, projectReferences(input));
    return inTransaction(ctx.db, PROJECT_CONSTRAINTS, async (em) => {
      const project = await findForWrite(em, ctx, Project, id, "پروژه", expectedVersion);
      const before = { ...project, partnerNgoIds: await partnerIds(em, id) };
      applyProjectInput(project, input, false);
      if (input.workingGroupId !== undefined) await checkGroup(em, ctx, project);
      const saved = await em.save(project);
      if (input.partnerNgoIds) await replacePartners(em, saved.id, input.partnerNgoIds);
      await recordChange(em, ctx, "updateProject", "Project", {
        before,
        after: { ...saved, partnerNgoIds: await partnerIds(em, id) },
      });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Project, {
    description:
      "Delete a project entered by mistake (with partners and updates); returns it as it was. Record ABANDONED for real projects.",
  })
  deleteProject(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Project> {
    return inTransaction(ctx.db, PROJECT_CONSTRAINTS, async (em) => {
      const project = await findForWrite(em, ctx, Project, id, "پروژه");
      const before = { ...project, partnerNgoIds: await partnerIds(em, id) };
      await em.delete(Project, { id });
      await recordChange(em, ctx, "deleteProject", "Project", { before, after: null });
      return Object.assign(new Project(), project);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Project, {
    description:
      "Follow up a project: a dated progress report, optionally changing the status (see `ProjectStatus`; INVALID_TRANSITION otherwise).",
  })
  addProjectUpdate(
    @Ctx() ctx: RequestContext,
    @Arg("projectId", () => ID, { description: "The project." }) projectId: string,
    @InputArg(ProjectProgressInput) input: ProjectProgressInput,
  ): Promise<Project> {
    return inTransaction(ctx.db, PROJECT_CONSTRAINTS, async (em) => {
      const project = await findForWrite(em, ctx, Project, projectId, "پروژه");
      const before = { ...project };
      const v = new Validator();
      v.text(input.note, "note", "شرح پیشرفت", { min: 3, max: 4000 });
      v.check(input.reportedOn <= tehranToday(), "reportedOn", "روز گزارش نمی‌تواند در آینده باشد.");
      v.check(
        !project.startOn || input.reportedOn >= project.startOn || !input.status,
        "reportedOn",
        "روز گزارش نمی‌تواند پیش از شروع پروژه باشد.",
      );
      v.done();
      const from = project.status;
      const to = input.status && input.status !== from ? input.status : null;
      if (to) {
        if (!TRANSITIONS[from].includes(to))
          throw invalidTransition(
            `تغییر وضعیت پروژه از «${STATUS_LABELS[from]}» به «${STATUS_LABELS[to]}» ممکن نیست.`,
            { from, to },
          );
        project.status = to;
        if (to === ProjectStatus.ACTIVE && !project.startOn) project.startOn = input.reportedOn;
        project.closedOn = to === ProjectStatus.FINISHED || to === ProjectStatus.ABANDONED ? input.reportedOn : null;
      }
      await em.insert(ProjectUpdate, {
        projectId: project.id,
        reportedOn: input.reportedOn,
        note: tidyDisplayText(input.note),
        statusBefore: to ? from : null,
        statusAfter: to,
        recordedBy: actorName(ctx),
      });
      const saved = await em.save(project);
      const after = { ...saved, update: { reportedOn: input.reportedOn, note: input.note, status: to } };
      await recordChange<typeof before>(em, ctx, "addProjectUpdate", "Project", { before, after });
      return saved;
    });
  }

  @FieldResolver(() => [ID], { description: "Ids of the partner NGOs." })
  async partnerNgoIds(@Root() project: Project, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await partnersByProject(ctx).load(project.id)).map((p) => p.ngoId);
  }

  @FieldResolver(() => [Ngo], { nullable: "items", description: "Partner NGOs (registry)." })
  async partnerNgos(@Root() project: Project, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    return (await partnersByProject(ctx).load(project.id)).map((p) => ({ id: p.ngoId }));
  }

  @FieldResolver(() => [ProjectUpdate], { description: "Dated progress updates, oldest first." })
  updates(@Root() project: Project, @Ctx() ctx: RequestContext): Promise<ProjectUpdate[]> {
    return updatesByProject(ctx).load(project.id);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true, description: "The working group that defined it." })
  workingGroup(@Root() project: Project, @Ctx() ctx: RequestContext): Promise<WorkingGroup | null> | null {
    return project.workingGroupId ? workingGroupById(ctx).load(project.workingGroupId) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The responsible agency (registry)." })
  responsibleAgency(@Root() project: Project): Agency | null {
    return project.responsibleAgencyId ? { id: project.responsibleAgencyId } : null;
  }
}

async function checkGroup(em: EntityManager, ctx: RequestContext, project: Project): Promise<void> {
  if (!project.workingGroupId) return;
  const group = await em.findOne(WorkingGroup, { where: { id: project.workingGroupId } });
  if (!group || !canRead(requireUser(ctx), group)) throw notFound("کارگروه", project.workingGroupId);
  assertSameTerritory(
    project,
    group,
    "workingGroupId",
    "پروژه باید در قلمرو (استان و شهرستانِ) کارگروهی باشد که آن را تعریف کرده است.",
  );
}

const partnerIds = async (em: EntityManager, projectId: string) =>
  (await em.find(ProjectPartner, { where: { projectId }, order: { ngoId: "ASC" } })).map((p) => p.ngoId);

async function replacePartners(em: EntityManager, projectId: string, ngoIds: string[]): Promise<void> {
  await em.delete(ProjectPartner, { projectId });
  if (ngoIds.length)
    await em.insert(
      ProjectPartner,
      [...new Set(ngoIds)].map((ngoId) => ({ projectId, ngoId })),
    );
}

function applyProjectInput(project: Project, input: ProjectCreateInput | ProjectUpdateInput, creating: boolean): void {
  const v = new Validator();
  if (creating || input.title !== undefined) v.text(input.title, "title", "عنوان پروژه", { min: 3, max: 300 });
  if ("provinceId" in input) checkTerritory(v, input.provinceId, input.countyId);
  checkUuid(v, input.workingGroupId, "workingGroupId", "کارگروه");
  checkUuid(v, input.areaId, "areaId", "محدوده");
  checkUuid(v, input.responsibleAgencyId, "responsibleAgencyId", "دستگاه مسئول");
  if (input.partnerNgoIds)
    v.check(input.partnerNgoIds.every(isUuid), "partnerNgoIds", "شناسه یکی از سمن‌های همکار معتبر نیست.");
  if (input.description) v.text(input.description, "description", "شرح", { max: 4000, required: false });
  const start = input.startOn !== undefined ? input.startOn : project.startOn;
  const end = input.plannedEndOn !== undefined ? input.plannedEndOn : project.plannedEndOn;
  v.check(!start || !end || end >= start, "plannedEndOn", "پایان برنامه‌ریزی‌شده نمی‌تواند پیش از شروع باشد.");
  v.done();
  if (input.title !== undefined)
    Object.assign(project, { title: tidyDisplayText(input.title!), titleNormalized: normalizePersian(input.title) });
  if (input.description !== undefined) project.description = trimOrNull(input.description);
  if ("provinceId" in input) Object.assign(project, { provinceId: input.provinceId, countyId: input.countyId || null });
  if (input.workingGroupId !== undefined) project.workingGroupId = input.workingGroupId || null;
  if (input.areaId !== undefined) project.areaId = input.areaId || null;
  if (input.responsibleAgencyId !== undefined) project.responsibleAgencyId = input.responsibleAgencyId || null;
  project.startOn = start ?? null;
  project.plannedEndOn = end ?? null;
}
