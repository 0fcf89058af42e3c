import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  assertSupportedJalaliYear,
  createRecord,
  ErrorCode,
  ExpectedVersionArg,
  FilterArg,
  groupByKeys,
  findForWrite,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  inTransaction,
  notFound,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  updateRecord,
  uuidsForFilter,
  Writable,
} from "@hamafza/common";
import { EntityManager, In } from "typeorm";
import { County } from "../entities/County";
import { Ngo } from "../entities/Ngo";
import { ActivityReportStatus, NgoActivityReport } from "../entities/NgoActivityReport";
import { ngoById } from "../loaders";
import {
  MissingActivityReportPage,
  NgoActivityReportCreateInput,
  NgoActivityReportFilter,
  NgoActivityReportPage,
  NgoActivityReportUpdateInput,
} from "./activityReportInputs";
import { missingActivityReports, visibleReports } from "./activityReportQueries";
import { assertCorrectable, assertReviewable, checkedContent } from "./activityReportRules";

const REPORT: Writable<NgoActivityReport> = {
  entity: NgoActivityReport,
  typeName: "NgoActivityReport",
  label: "گزارش سالانه",
  constraints: {
    ngo_activity_report_ngo_year: "این سمن برای این سال پیش‌تر گزارش داده است؛ همان گزارش را اصلاح کنید.",
  },
};

const SORTABLE = {
  year: "report.year",
  status: "report.status",
  createdAt: "report.createdAt",
  updatedAt: "report.updatedAt",
};

/** Every county code named must be a county of Iran. */
async function assertCountiesExist(em: EntityManager, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = new Set((await em.findBy(County, { id: In(codes) })).map((county) => county.id));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `این کدها شهرستان نیستند: ${unknown.join("، ")}.`, {
      fields: [{ field: "countiesCovered", message: "شهرستان‌های محل فعالیت را از فهرست برگزینید." }],
    });
}

/** NGOs' annual activity reports (docs/activity-reports.md): submitted, corrected and reviewed in the NGO's territory. */
@Resolver(() => NgoActivityReport)
export class NgoActivityReportResolver {
  @Allow(ALL_ROLES)
  @Query(() => NgoActivityReportPage, {
    description: `Annual activity reports of NGOs of the user's territory. Sortable by ${Object.keys(SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}; latest year first by default.`,
  })
  ngoActivityReports(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoActivityReportFilter) filter: NgoActivityReportFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoActivityReportPage> {
    const query = visibleReports(ctx);
    if (filter?.ids) query.andWhere("report.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.ngoId) query.andWhere("report.ngoId IN (:...ngoIds)", { ngoIds: uuidsForFilter([filter.ngoId]) });
    if (filter?.year !== undefined) query.andWhere("report.year = :year", { year: filter.year });
    if (filter?.status) query.andWhere("report.status = :status", { status: filter.status });
    if (filter?.provinceId) query.andWhere("report.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("report.countyId = :countyId", { countyId: filter.countyId });
    return paginate(query, page, SORTABLE, { field: "year", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
  @Query(() => NgoActivityReport, { nullable: true, description: "One report; empty when outside the territory." })
  async ngoActivityReport(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoActivityReport | null> {
    return visibleReports(ctx)
      .andWhere("report.id IN (:...ids)", { ids: uuidsForFilter([id]) })
      .getOne();
  }

  @Allow(ALL_ROLES)
  @Query(() => MissingActivityReportPage, {
    description:
      "Active licensed NGOs of the user's territory without a submitted report for the year, by name; `overdue` once 31 Khordad of the next year has passed (supervision: overdue reports are flagged).",
  })
  ngosMissingActivityReport(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year reported on." }) year: number,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only NGOs of this province." })
    provinceId: string | null,
    @Arg("countyId", () => ID, { nullable: true, description: "Only NGOs of this county." }) countyId: string | null,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<MissingActivityReportPage> {
    assertSupportedJalaliYear(year, "year");
    return missingActivityReports(ctx, { year, provinceId, countyId }, page);
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoActivityReport, {
    description:
      "Record an NGO's annual activity report for a year (one per NGO and year), as SUBMITTED for review. NGOs of the user's territory.",
  })
  createNgoActivityReport(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoActivityReportCreateInput) input: NgoActivityReportCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<NgoActivityReport> {
    return createRecord(ctx, REPORT, { input, idempotencyKey }, async (em) => {
      const content = checkedContent(input);
      const ngo = await ngoById(ctx).load(input.ngoId);
      if (!ngo) throw notFound("سمن", input.ngoId);
      await assertCountiesExist(em, content.countiesCovered);
      const row = em.create(NgoActivityReport, {
        ...content,
        ngoId: ngo.id,
        provinceId: ngo.provinceId,
        countyId: ngo.countyId,
        status: ActivityReportStatus.SUBMITTED,
        updatedBy: requireUser(ctx).username,
      });
      return { row };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoActivityReport, {
    description:
      "Correct a report not yet accepted (all its content again); a report returned for correction goes back to SUBMITTED.",
  })
  updateNgoActivityReport(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoActivityReportUpdateInput) input: NgoActivityReportUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NgoActivityReport> {
    return updateRecord(
      ctx,
      REPORT,
      { id, expectedVersion },
      {
        change: async (em, row) => {
          assertCorrectable(row.status);
          const content = checkedContent(input);
          await assertCountiesExist(em, content.countiesCovered);
          Object.assign(row, content, { status: ActivityReportStatus.SUBMITTED });
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoActivityReport, {
    description:
      "Review a SUBMITTED report: ACCEPTED, or NEEDS_CORRECTION with a note saying what to correct (INVALID_TRANSITION otherwise).",
  })
  reviewNgoActivityReport(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("decision", () => ActivityReportStatus, { description: "ACCEPTED or NEEDS_CORRECTION." })
    decision: ActivityReportStatus,
    @Arg("note", () => String, { nullable: true, description: "Required for NEEDS_CORRECTION (3–2000 characters)." })
    note: string | null,
  ): Promise<NgoActivityReport> {
    return inTransaction(ctx.db, REPORT.constraints, async (em) => {
      const row = await findForWrite(em, ctx, NgoActivityReport, id, REPORT.label);
      const before = { ...row };
      assertReviewable(row.status, decision);
      const text = note?.trim() ?? "";
      if (decision === ActivityReportStatus.NEEDS_CORRECTION && (text.length < 3 || text.length > 2000))
        throw new AppError(ErrorCode.BAD_USER_INPUT, "بنویسید چه چیزی در گزارش باید اصلاح شود (۳ تا ۲۰۰۰ نویسه).", {
          fields: [{ field: "note", message: "شرح اصلاح لازم را بنویسید." }],
        });
      Object.assign(row, {
        status: decision,
        reviewNote: text ? tidyDisplayText(text) : null,
        reviewedBy: requireUser(ctx).username,
        reviewedAt: new Date(),
      });
      const saved = await em.save(row);
      await recordChange(em, ctx, "reviewNgoActivityReport", "NgoActivityReport", { before, after: saved });
      return saved;
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO." })
  ngo(@Root() report: NgoActivityReport, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(report.ngoId);
  }
}

/** `Ngo.activityReports`: the NGO's reports, latest year first (one batched query per request). */
@Resolver(() => Ngo)
export class NgoActivityReportsOfNgoResolver {
  @FieldResolver(() => [NgoActivityReport], { description: "The NGO's annual activity reports, latest year first." })
  async activityReports(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoActivityReport[]> {
    return ctx.loaders
      .get<string, NgoActivityReport[]>("ActivityReportsByNgo", async (ids) => {
        const rows = await ctx.db
          .getRepository(NgoActivityReport)
          .find({ where: { ngoId: In([...ids]) }, order: { year: "DESC" } });
        return groupByKeys(ids, rows, (row) => row.ngoId);
      })
      .load(ngo.id);
  }
}
