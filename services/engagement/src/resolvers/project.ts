import { assertTransition, PROJECT_MACHINE } from "../rules/transitions";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertCanWrite,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  Validator,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { projectReferences } from "../rules/references";
import { Project, ProjectStatus, ProjectUpdate } from "../entities/Project";
import { Agency, Ngo } from "../entities/references";
import { WorkingGroup } from "../entities/WorkingGroup";
import { partnersByProject, projectById, updatesByProject, workingGroupById } from "../loaders";
import { tehranToday } from "../util/time";
import { actorName } from "./common";
import {
  ProjectCreateInput,
  ProjectFilter,
  ProjectPage,
  ProjectProgressInput,
  ProjectUpdateInput,
} from "./projectInputs";
import {
  PROJECT_CONSTRAINTS,
  PROJECT_SORTABLE,
  applyProjectInput,
  checkGroup,
  partnerIds,
  projectQuery,
  replacePartners,
} from "./projectRules";
export {
  ProjectPage,
  ProjectFilter,
  ProjectCreateInput,
  ProjectUpdateInput,
  ProjectProgressInput,
} from "./projectInputs";

/** The write outline of projects (updates and deletes): audited with their partner NGOs as stored. */
const PROJECTS: Writable<Project> = {
  entity: Project,
  typeName: "Project",
  label: "پروژه",
  constraints: PROJECT_CONSTRAINTS,
  audit: async (em, project) => ({ ...project, partnerNgoIds: await partnerIds(em, project.id) }),
};

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
    description: `Follow-up of unfinished projects (PLANNED, ACTIVE, STALLED) of the user's territory and, unless \`includeAbandoned\` is false, of half-finished projects left ABANDONED (with their \`closedOn\`; they can be revived), planned end first; the other filter conditions apply too. Sortable by ${Object.keys(
      PROJECT_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  unfinishedProjects(
    @Ctx() ctx: RequestContext,
    @FilterArg(ProjectFilter) filter: ProjectFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeAbandoned", () => Boolean, {
      defaultValue: true,
      description: "Include ABANDONED projects (half-finished and left behind, seed 003); false: only unfinished ones.",
    })
    includeAbandoned: boolean,
  ): Promise<ProjectPage> {
    const followUp = includeAbandoned ? { followUp: true } : { unfinished: true };
    return paginate(projectQuery(ctx, { ...filter, ...followUp }), page, PROJECT_SORTABLE, {
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
            priorityNeedId: null,
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
    return updateRecord(
      ctx,
      PROJECTS,
      { id, expectedVersion },
      {
        change: async (em, project) => {
          applyProjectInput(project, input, false);
          if (input.workingGroupId !== undefined) await checkGroup(em, ctx, project);
        },
        afterSave: async (em, saved) => {
          if (input.partnerNgoIds) await replacePartners(em, saved.id, input.partnerNgoIds);
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Project, {
    description:
      "Delete a project entered by mistake (with partners and updates); returns it as it was. Record ABANDONED for real projects.",
  })
  deleteProject(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Project> {
    return deleteRecord(ctx, PROJECTS, id);
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
        assertTransition(PROJECT_MACHINE, from, to);
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
