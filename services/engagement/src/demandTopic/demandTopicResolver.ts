import { Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  ExpectedVersionArg,
  FilterArg,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  PageArgs,
  RequestContext,
  Role,
} from "@hamafza/common";
import { Demand } from "../entities/Demand";
import { DemandTopic } from "../entities/DemandTopic";
import { demandTopicById } from "../loaders";
import {
  DemandTopicCreateInput,
  DemandTopicFilter,
  DemandTopicPage,
  DemandTopicUpdateInput,
} from "./demandTopicInputs";
import { demandTopicByCode } from "./demandTopicLoaders";
import { demandTopics } from "./demandTopicRules";

@Resolver(() => DemandTopic)
export class DemandTopicResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => DemandTopicPage, {
    description:
      "The catalogue of demand categories (دسته‌های مطالبه), by `sortOrder`; sortable by `sortOrder`, `name`, `code`.",
  })
  demandTopics(
    @Ctx() ctx: RequestContext,
    @FilterArg(DemandTopicFilter) filter: DemandTopicFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<DemandTopicPage> {
    return demandTopics.list(ctx, filter, page);
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => DemandTopic, { nullable: true, description: "One demand category by id." })
  demandTopic(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<DemandTopic | null> {
    return demandTopicById(ctx).load(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, { description: "Administrators: add a demand category to the catalogue." })
  createDemandTopic(
    @Ctx() ctx: RequestContext,
    @InputArg(DemandTopicCreateInput) input: DemandTopicCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<DemandTopic> {
    return demandTopics.create(ctx, input, idempotencyKey);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, {
    description: "Administrators: rename, describe, reorder or retire a demand category (the code never changes).",
  })
  updateDemandTopic(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(DemandTopicUpdateInput) input: DemandTopicUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<DemandTopic> {
    return demandTopics.update(ctx, id, input, expectedVersion);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, {
    description:
      "Administrators: delete a demand category no demand uses (CONFLICT otherwise: retire it instead); returns it as it was.",
  })
  deleteDemandTopic(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<DemandTopic> {
    return demandTopics.delete(ctx, id);
  }
}

/** A demand's catalogue category: its own, or (written without one) the category of its enum's code. */
@Resolver(() => Demand)
export class DemandTopicOfDemandResolver {
  @FieldResolver(() => DemandTopic, { nullable: true, description: "The demand's category in the catalogue." })
  async topic(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<DemandTopic | null> {
    return demand.topicId ? demandTopicById(ctx).load(demand.topicId) : demandTopicByCode(ctx).load(demand.category);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the demand's category in the catalogue." })
  async topicId(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<string | null> {
    return demand.topicId ?? (await demandTopicByCode(ctx).load(demand.category))?.id ?? null;
  }
}
