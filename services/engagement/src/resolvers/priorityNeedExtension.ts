import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequestContext } from "@hamafza/common";
import { Project } from "../entities/Project";
import { PriorityNeed } from "../entities/references";
import { projectsByPriorityNeed } from "../loaders";

/** A registry priority need's projects: those a committee made from it (docs/coverage.md). */
@Resolver(() => PriorityNeed)
export class PriorityNeedExtensionResolver {
  @FieldResolver(() => [Project], {
    nullable: true,
    description: "Projects made from the need, in the user's territory (engagement service).",
  })
  projects(@Root() need: PriorityNeed, @Ctx() ctx: RequestContext): Promise<Project[]> {
    return projectsByPriorityNeed(ctx).load(need.id);
  }
}

/** A project's priority need, resolved by the registry (null when it is gone or out of the user's sight). */
@Resolver(() => Project)
export class ProjectPriorityNeedResolver {
  @FieldResolver(() => PriorityNeed, {
    nullable: true,
    description: "The priority need of a needs assessment the project was made from (registry service).",
  })
  priorityNeed(@Root() project: Project): PriorityNeed | null {
    return project.priorityNeedId ? { id: project.priorityNeedId } : null;
  }
}
