import {
  Allow,
  EVALUATORS,
  FilterArg,
  IdArg,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  uuidsForFilter,
  whereInTerritory,
} from "@hamafza/common";
import { Args, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { SelectQueryBuilder } from "typeorm";
import { AuditEntry, AuditOutcome } from "../entities/AuditEntry";

@ObjectType({ description: "A page of audit entries." })
export class AuditEntryPage extends PageOf(AuditEntry) {}

@InputType({ description: "Filter audit entries; all given conditions must hold." })
export class AuditEntryFilter {
  @Field(() => [ID], { nullable: true, description: "Only these entries." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only actions of this user." })
  actorId?: string;

  @Field({ nullable: true, description: "Only this action (e.g. `updateNgo`, `LOGIN`)." })
  action?: string;

  @Field({ nullable: true, description: "Only records of this type (e.g. `Ngo`)." })
  entityType?: string;

  @Field({ nullable: true, description: "Only the history of this record." })
  entityId?: string;

  @Field(() => AuditOutcome, { nullable: true, description: "Only entries with this outcome." })
  outcome?: AuditOutcome;

  @Field({ nullable: true, description: "Only entries at or after this instant." })
  from?: Date;

  @Field({ nullable: true, description: "Only entries before this instant." })
  to?: Date;
}

const AUDIT_SORTABLE = {
  at: "entry.at",
  action: "entry.action",
  actorUsername: "entry.actorUsername",
  entityType: "entry.entityType",
  outcome: "entry.outcome",
};

/**
 * The audit log, read-only: there is no mutation on it, and the database refuses updates and deletes.
 * Administrators read all of it; evaluators the entries of their territory.
 */
@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @Allow(EVALUATORS)
  @Query(() => AuditEntryPage, {
    description: `The audit log, newest first (administrators; evaluators within their territory). Sortable by ${Object.keys(
      AUDIT_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  auditEntries(
    @Ctx() ctx: RequestContext,
    @FilterArg(AuditEntryFilter) filter: AuditEntryFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AuditEntryPage> {
    const query = scopedEntries(ctx);
    if (filter?.ids) query.andWhere("entry.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.actorId) query.andWhere("entry.actorId = :actorId", { actorId: filter.actorId });
    if (filter?.action) query.andWhere("entry.action = :action", { action: filter.action });
    if (filter?.entityType) query.andWhere("entry.entityType = :entityType", { entityType: filter.entityType });
    if (filter?.entityId) query.andWhere("entry.entityId = :entityId", { entityId: filter.entityId });
    if (filter?.outcome) query.andWhere("entry.outcome = :outcome", { outcome: filter.outcome });
    if (filter?.from) query.andWhere("entry.at >= :from", { from: filter.from });
    if (filter?.to) query.andWhere("entry.at < :to", { to: filter.to });
    return paginate(query, page, AUDIT_SORTABLE, { field: "at", order: SortOrder.DESC });
  }

  @Allow(EVALUATORS)
  @Query(() => AuditEntry, {
    nullable: true,
    description: "One audit entry by id (administrators; evaluators within their territory).",
  })
  auditEntry(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<AuditEntry | null> {
    const ids = uuidsForFilter([id]);
    return scopedEntries(ctx).andWhere("entry.id IN (:...ids)", { ids }).getOne();
  }
}

function scopedEntries(ctx: RequestContext): SelectQueryBuilder<AuditEntry> {
  const query = ctx.db.getRepository(AuditEntry).createQueryBuilder("entry");
  return whereInTerritory(query, requireUser(ctx), { province: "entry.provinceId", county: "entry.countyId" });
}
