import {
  Allow,
  ALL_ROLES,
  assertCanWrite,
  AttachmentFileInput,
  auditAttachment,
  canRead,
  checkAttachmentFile,
  groupByKeys,
  IdArg,
  inTransaction,
  isUuid,
  notFound,
  OFFICERS,
  RequestContext,
  requireUser,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { visibleReports } from "../activityReport/activityReportQueries";
import { assertCorrectable } from "../activityReport/activityReportRules";
import { NgoActivityReport } from "../entities/NgoActivityReport";
import { ActivityReportAttachment } from "./ActivityReportAttachment";

const attachmentsByReport = (ctx: RequestContext) =>
  ctx.loaders.get<string, ActivityReportAttachment[]>("attachmentsByActivityReport", async (ids) => {
    const rows = await ctx.db
      .getRepository(ActivityReportAttachment)
      .createQueryBuilder("a")
      .where("a.reportId IN (:...ids)", { ids: [...ids] })
      .orderBy("a.createdAt", "ASC")
      .getMany();
    return groupByKeys(ids, rows, (row) => row.reportId);
  });

/** The report, locked, when the user may change it (its territory; not yet accepted); NOT_FOUND outside. */
async function reportForAttachment(em: EntityManager, ctx: RequestContext, id: string): Promise<NgoActivityReport> {
  const user = requireUser(ctx);
  const report = isUuid(id)
    ? await em.findOne(NgoActivityReport, { where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!report || !canRead(user, report)) throw notFound("گزارش سالانه", id);
  assertCanWrite(user, report);
  assertCorrectable(report.status);
  return report;
}

/** Files attached to NGOs' annual activity reports (docs/attachments.md, docs/activity-reports.md). */
@Resolver(() => ActivityReportAttachment)
export class ActivityReportAttachmentResolver {
  @Allow(ALL_ROLES)
  @Query(() => ActivityReportAttachment, {
    nullable: true,
    description: "One activity-report attachment by id; empty when its report is outside the user's territory.",
  })
  async activityReportAttachment(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
  ): Promise<ActivityReportAttachment | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.db.getRepository(ActivityReportAttachment).findOneBy({ id });
    if (!row) return null;
    const visible = await visibleReports(ctx).andWhere("report.id = :id", { id: row.reportId }).getCount();
    return visible ? row : null;
  }

  @Allow(OFFICERS)
  @Mutation(() => ActivityReportAttachment, {
    description:
      "Attach a stored file to an annual activity report of the user's territory not yet accepted (called by the gateway's upload route).",
  })
  attachToActivityReport(
    @Ctx() ctx: RequestContext,
    @Arg("reportId", () => ID, { description: "The report." }) reportId: string,
    @Arg("file", () => AttachmentFileInput, { description: "The stored file." }) file: AttachmentFileInput,
  ): Promise<ActivityReportAttachment> {
    const fileName = checkAttachmentFile(ctx, "ACTIVITY_REPORT", file);
    return inTransaction(ctx.db, {}, async (em) => {
      const report = await reportForAttachment(em, ctx, reportId);
      const saved = await em.save(
        em.create(ActivityReportAttachment, {
          reportId: report.id,
          kind: file.kind,
          fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedBy: requireUser(ctx).username,
        }),
      );
      await auditAttachment(em, ctx, "attachToActivityReport", report, { before: null, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => ActivityReportAttachment, {
    description:
      "Remove an attachment of an annual activity report of the user's territory not yet accepted; returns it as it was.",
  })
  removeActivityReportAttachment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<ActivityReportAttachment> {
    return inTransaction(ctx.db, {}, async (em) => {
      const row = isUuid(id) ? await em.findOneBy(ActivityReportAttachment, { id }) : null;
      if (!row) throw notFound("پیوست", id);
      const report = await reportForAttachment(em, ctx, row.reportId);
      await em.delete(ActivityReportAttachment, { id });
      await auditAttachment(em, ctx, "removeActivityReportAttachment", report, { before: row, after: null });
      return row;
    });
  }
}

@Resolver(() => NgoActivityReport)
export class ActivityReportAttachmentsResolver {
  @FieldResolver(() => [ActivityReportAttachment], { description: "Files attached to the report, oldest first." })
  attachments(@Ctx() ctx: RequestContext, @Root() report: NgoActivityReport): Promise<ActivityReportAttachment[]> {
    return attachmentsByReport(ctx).load(report.id);
  }
}
