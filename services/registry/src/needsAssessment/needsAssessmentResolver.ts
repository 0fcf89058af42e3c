import { Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  createRecord,
  DateScalar,
  deleteRecord,
  ExpectedVersionArg,
  FilterArg,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  linkedIds,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  Role,
  SortOrder,
  tehranToday,
  updateRecord,
  uuidsForFilter,
  Writable,
} from "@hamafza/common";
import { County } from "../entities/County";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { NeedsAssessment, NeedsAssessmentNgo, PriorityNeed } from "../entities/NeedsAssessment";
import { Ngo } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { areaById } from "../organisationLoaders";
import { InformalSettlementAreaPage } from "../resolvers/area";
import {
  AssessmentDueFilter,
  NeedsAssessmentCreateInput,
  NeedsAssessmentFilter,
  NeedsAssessmentPage,
  NeedsAssessmentUpdateInput,
} from "./needsAssessmentInputs";
import { assessmentNgoIds, lastAssessedOnByArea, priorityNeedsByAssessment } from "./needsAssessmentLoaders";
import {
  applyValues,
  areaForAssessment,
  areasDue,
  assertNeedsUnused,
  assessmentAuditForm,
  checkAssessingNgos,
  visibleAssessments,
  writePriorityNeeds,
} from "./needsAssessmentQueries";
import { checkAssessmentContent } from "./needsAssessmentRules";

export const NEEDS_ASSESSMENT_CONSTRAINTS = {
  needs_assessment_area_fk: "محله یا سکونتگاه پیدا نشد.",
  needs_assessment_ngo_fk: "سمن پیدا نشد.",
};

const SORTABLE = {
  assessedOn: "assessment.assessedOn",
  countyId: "assessment.countyId",
  provinceId: "assessment.provinceId",
  createdAt: "assessment.createdAt",
  updatedAt: "assessment.updatedAt",
};

/** The write outline of needs assessments: the record, its NGOs (the related list) and its priority needs (audited). */
const ASSESSMENTS: Writable<NeedsAssessment, string> = {
  entity: NeedsAssessment,
  typeName: "NeedsAssessment",
  label: "نیازسنجی",
  constraints: NEEDS_ASSESSMENT_CONSTRAINTS,
  related: linkedIds("ngoIds", NeedsAssessmentNgo, "assessmentId", "ngoId"),
  audit: assessmentAuditForm,
  createdByInvited: [Role.NGO_REPRESENTATIVE],
};

@Resolver(() => NeedsAssessment)
export class NeedsAssessmentResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => NeedsAssessmentPage, {
    description: `Needs assessments of areas of the user's territory (a representative: those its NGO took part in), latest first. Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  needsAssessments(
    @Ctx() ctx: RequestContext,
    @FilterArg(NeedsAssessmentFilter) filter: NeedsAssessmentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NeedsAssessmentPage> {
    const query = visibleAssessments(ctx);
    if (filter?.ids) query.andWhere("assessment.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.areaId)
      query.andWhere("assessment.areaId IN (:...areaIds)", { areaIds: uuidsForFilter([filter.areaId]) });
    if (filter?.ngoId)
      query.andWhere(
        "EXISTS (SELECT 1 FROM needs_assessment_ngo f WHERE f.assessment_id = assessment.id AND f.ngo_id IN (:...ngoIds))",
        { ngoIds: uuidsForFilter([filter.ngoId]) },
      );
    if (filter?.provinceId) query.andWhere("assessment.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("assessment.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.assessedFrom) query.andWhere("assessment.assessedOn >= :from", { from: filter.assessedFrom });
    if (filter?.assessedTo) query.andWhere("assessment.assessedOn <= :to", { to: filter.assessedTo });
    return paginate(query, page, SORTABLE, { field: "assessedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => NeedsAssessment, {
    nullable: true,
    description: "One needs assessment; empty when it does not exist or the user may not see it.",
  })
  needsAssessment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NeedsAssessment | null> {
    return visibleAssessments(ctx)
      .andWhere("assessment.id IN (:...ids)", { ids: uuidsForFilter([id]) })
      .getOne();
  }

  @Allow(ALL_ROLES)
  @Query(() => InformalSettlementAreaPage, {
    description:
      "Informal-settlement areas of the user's territory due for a needs assessment: never assessed, or not in the last 365 days (Tehran today); `filter: { neverAssessed: true }` only those never assessed. By name; sortable by `name`, `countyId`, `provinceId`.",
  })
  areasDueForNeedsAssessment(
    @Ctx() ctx: RequestContext,
    @FilterArg(AssessmentDueFilter) filter: AssessmentDueFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InformalSettlementAreaPage> {
    return areasDue(ctx, filter, page);
  }

  @Allow(OFFICERS, Role.NGO_REPRESENTATIVE)
  @Mutation(() => NeedsAssessment, {
    description:
      "Record a needs assessment of an area. Officers: an area of their territory and NGOs of its province. An NGO representative: an area its NGO works in (its county, or an office it runs there), naming its own NGO only.",
  })
  createNeedsAssessment(
    @Ctx() ctx: RequestContext,
    @InputArg(NeedsAssessmentCreateInput) input: NeedsAssessmentCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<NeedsAssessment> {
    return createRecord(ctx, ASSESSMENTS, { input, idempotencyKey }, async (em) => {
      const values = checkAssessmentContent(input, tehranToday());
      const area = await areaForAssessment(em, ctx, input.areaId, values.ngoIds);
      await checkAssessingNgos(em, ctx, values.ngoIds, area);
      const row = em.create(NeedsAssessment, { areaId: area.id, countyId: area.countyId, provinceId: area.provinceId });
      applyValues(row, values);
      return {
        row,
        related: values.ngoIds,
        afterSave: (tx, saved) => writePriorityNeeds(tx, ctx, saved.id, values.priorityNeeds),
      };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NeedsAssessment, {
    description:
      "Change a needs assessment of the user's territory: its day, NGOs, findings and priority needs (a need kept unchanged keeps its id).",
  })
  updateNeedsAssessment(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NeedsAssessmentUpdateInput) input: NeedsAssessmentUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NeedsAssessment> {
    const values = checkAssessmentContent(input, tehranToday());
    return updateRecord(
      ctx,
      ASSESSMENTS,
      { id, expectedVersion },
      {
        change: async (em, row) => {
          await checkAssessingNgos(em, ctx, values.ngoIds, row);
          applyValues(row, values);
          return values.ngoIds;
        },
        afterSave: (em, saved) => writePriorityNeeds(em, ctx, saved.id, values.priorityNeeds),
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => NeedsAssessment, {
    description:
      "Delete a needs assessment recorded by mistake (with its NGOs and priority needs); returns it as it was.",
  })
  deleteNeedsAssessment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NeedsAssessment> {
    return deleteRecord(ctx, ASSESSMENTS, id, {
      guard: async (em) =>
        assertNeedsUnused(
          ctx,
          (await em.find(PriorityNeed, { where: { assessmentId: id } })).map((need) => need.id),
        ),
    });
  }

  @FieldResolver(() => InformalSettlementArea, { nullable: true, description: "The area assessed (if visible)." })
  area(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<InformalSettlementArea | null> {
    return areaById(ctx).load(row.areaId);
  }

  @FieldResolver(() => County, { nullable: true, description: "The area's county." })
  county(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(row.countyId);
  }

  @FieldResolver(() => Province, { nullable: true, description: "The area's province." })
  province(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(row.provinceId);
  }

  @FieldResolver(() => [ID], {
    description: "Ids of the NGOs that made the assessment (those the user may see), by name.",
  })
  ngoIds(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<string[]> {
    return assessmentNgoIds(ctx).load(row.id);
  }

  @FieldResolver(() => [Ngo], { description: "The NGOs that made the assessment (those the user may see), by name." })
  async ngos(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    const ids = await assessmentNgoIds(ctx).load(row.id);
    const ngos = await ngoById(ctx).loadMany(ids);
    return ngos.filter((ngo): ngo is Ngo => !!ngo && !(ngo instanceof Error));
  }

  @FieldResolver(() => [PriorityNeed], { description: "The priority needs found, most urgent first." })
  priorityNeeds(@Root() row: NeedsAssessment, @Ctx() ctx: RequestContext): Promise<PriorityNeed[]> {
    return priorityNeedsByAssessment(ctx).load(row.id);
  }
}

@Resolver(() => InformalSettlementArea)
export class AreaNeedsAssessmentResolver {
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: "Day of the area's latest needs assessment; empty when it was never assessed.",
  })
  lastNeedsAssessedOn(@Root() area: InformalSettlementArea, @Ctx() ctx: RequestContext): Promise<string | null> {
    return lastAssessedOnByArea(ctx).load(area.id);
  }
}
