import {
  canRead,
  ConstraintMessages,
  isUuid,
  normalizePersian,
  notFound,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
  whereInTerritory,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { Project, ProjectPartner, ProjectStatus, UNFINISHED_PROJECT_STATUSES } from "../entities/Project";
import { WorkingGroup } from "../entities/WorkingGroup";
import { territoryOf } from "../loaders";
import { tehranToday } from "../util/time";
import { assertSameTerritory, checkTerritory, checkUuid, oneUuid, trimOrNull, whereListBasics } from "./common";
import { ProjectCreateInput, ProjectFilter, ProjectUpdateInput } from "./projectInputs";

export const PROJECT_SORTABLE = {
  title: "project.titleNormalized",
  startOn: "project.startOn",
  plannedEndOn: "project.plannedEndOn",
  status: "project.status",
  createdAt: "project.createdAt",
};
export const PROJECT_CONSTRAINTS: ConstraintMessages = {
  project_dates_check: "پایان برنامه‌ریزی‌شده نمی‌تواند پیش از شروع باشد.",
};

/**
 * Projects of the user's territory matching the filter; `followUp` (the follow-up view, not a client filter): the
 * unfinished ones and those ABANDONED half-way.
 */
export function projectQuery(
  ctx: RequestContext,
  filter: (ProjectFilter & { followUp?: boolean }) | undefined,
): SelectQueryBuilder<Project> {
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
  if (filter?.followUp)
    query.andWhere("project.status IN (:...followUp)", {
      followUp: [...UNFINISHED_PROJECT_STATUSES, ProjectStatus.ABANDONED],
    });
  if (filter?.late)
    query.andWhere("project.status IN (:...unfinished) AND project.plannedEndOn < :today", {
      unfinished: UNFINISHED_PROJECT_STATUSES,
      today,
    });
  return query;
}

export async function checkGroup(em: EntityManager, ctx: RequestContext, project: Project): Promise<void> {
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

export const partnerIds = async (em: EntityManager, projectId: string) =>
  (await em.find(ProjectPartner, { where: { projectId }, order: { ngoId: "ASC" } })).map((p) => p.ngoId);

export async function replacePartners(em: EntityManager, projectId: string, ngoIds: string[]): Promise<void> {
  await em.delete(ProjectPartner, { projectId });
  if (ngoIds.length)
    await em.insert(
      ProjectPartner,
      [...new Set(ngoIds)].map((ngoId) => ({ projectId, ngoId })),
    );
}

export function applyProjectInput(
  project: Project,
  input: ProjectCreateInput | ProjectUpdateInput,
  creating: boolean,
): void {
  const v = new Validator();
  if (creating || input.title !== undefined) v.text(input.title, "title", "عنوان پروژه", { min: 3, max: 300 });
  if ("provinceId" in input) checkTerritory(v, input.provinceId, input.countyId);
  checkUuid(v, input.workingGroupId, "workingGroupId", "کارگروه");
  checkUuid(v, input.areaId, "areaId", "محدوده");
  checkUuid(v, input.priorityNeedId, "priorityNeedId", "نیاز اولویت‌دار");
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
  if (input.priorityNeedId !== undefined) project.priorityNeedId = input.priorityNeedId || null;
  if (input.responsibleAgencyId !== undefined) project.responsibleAgencyId = input.responsibleAgencyId || null;
  project.startOn = start ?? null;
  project.plannedEndOn = end ?? null;
}
