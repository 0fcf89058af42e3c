import {
  Allow,
  ALL_ROLES,
  AttachmentFileInput,
  AttachmentRecordType,
  auditAttachment,
  checkAttachmentFile,
  IdArg,
  inTransaction,
  isUuid,
  notFound,
  OFFICERS,
  RequestContext,
  recordForAttachment,
  requireUser,
  groupByKeys,
} from "@hamafza/common";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { EntityManager } from "typeorm";
import { Meeting } from "../entities/Meeting";
import { Project } from "../entities/Project";
import { Resolution } from "../entities/Resolution";
import { meetingById, projectById, resolutionById } from "../loaders";
import { PeriodLocks } from "../locks";
import { Attachment } from "./Attachment";

type RecordColumn = "meetingId" | "resolutionId" | "projectId";

/** Attachments of many records of one kind in one statement (the parents are already known to be visible). */
const attachmentsOf = (ctx: RequestContext, column: RecordColumn) =>
  ctx.loaders.get<string, Attachment[]>(`attachmentsBy${column}`, async (ids) => {
    const rows = await ctx.db
      .getRepository(Attachment)
      .createQueryBuilder("a")
      .where(`a.${column} IN (:...ids)`, { ids: [...ids] })
      .orderBy("a.createdAt", "ASC")
      .getMany();
    return groupByKeys(ids, rows, (row) => row[column]!);
  });

/**
 * A held meeting in a locked evaluation year is frozen with its evidence: its attachments can be neither added nor
 * removed (LOCKED). Resolutions and projects are follow-up and stay open, as their progress reports do.
 */
async function assertAttachmentsOpen(em: EntityManager, column: RecordColumn, record: Meeting | Resolution | Project) {
  if (column !== "meetingId") return;
  (await PeriodLocks.forWrite(em)).assertMeetingOpen(record as Meeting, "پیوست‌های این نشست");
}

/** Whether the user may see the record an attachment belongs to: exactly the record's own territory rule. */
async function recordVisible(ctx: RequestContext, attachment: Attachment): Promise<boolean> {
  if (attachment.meetingId) return !!(await meetingById(ctx).load(attachment.meetingId));
  if (attachment.resolutionId) return !!(await resolutionById(ctx).load(attachment.resolutionId));
  if (attachment.projectId) return !!(await projectById(ctx).load(attachment.projectId));
  return false;
}

const TARGETS: Record<RecordColumn, { type: AttachmentRecordType; entity: new () => Meeting | Resolution | Project }> =
  {
    meetingId: { type: "MEETING", entity: Meeting },
    resolutionId: { type: "RESOLUTION", entity: Resolution },
    projectId: { type: "PROJECT", entity: Project },
  };

function attach(
  ctx: RequestContext,
  action: string,
  column: RecordColumn,
  recordId: string,
  file: AttachmentFileInput,
) {
  const target = TARGETS[column];
  const fileName = checkAttachmentFile(ctx, target.type, file);
  return inTransaction(ctx.db, {}, async (em) => {
    const record = await recordForAttachment(em, ctx, target.entity, recordId, target.type);
    await assertAttachmentsOpen(em, column, record);
    const saved = await em.save(
      em.create(Attachment, {
        meetingId: null,
        resolutionId: null,
        projectId: null,
        [column]: record.id,
        kind: file.kind,
        fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedBy: requireUser(ctx).username,
      }),
    );
    await auditAttachment(em, ctx, action, record, { before: null, after: saved });
    return saved;
  });
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Allow(ALL_ROLES)
  @Query(() => Attachment, {
    nullable: true,
    description: "One attachment by id; empty when its record is outside the user's territory (as the record is).",
  })
  async attachment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Attachment | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.db.getRepository(Attachment).findOneBy({ id });
    return row && (await recordVisible(ctx, row)) ? row : null;
  }

  @Allow(OFFICERS)
  @Mutation(() => Attachment, {
    description: "Attach a stored file to a meeting of the user's territory (called by the gateway's upload route).",
  })
  attachToMeeting(
    @Ctx() ctx: RequestContext,
    @Arg("meetingId", () => ID, { description: "The meeting." }) meetingId: string,
    @Arg("file", () => AttachmentFileInput, { description: "The stored file." }) file: AttachmentFileInput,
  ): Promise<Attachment> {
    return attach(ctx, "attachToMeeting", "meetingId", meetingId, file);
  }

  @Allow(OFFICERS)
  @Mutation(() => Attachment, {
    description: "Attach a stored file to a resolution of the user's territory (called by the gateway's upload route).",
  })
  attachToResolution(
    @Ctx() ctx: RequestContext,
    @Arg("resolutionId", () => ID, { description: "The resolution." }) resolutionId: string,
    @Arg("file", () => AttachmentFileInput, { description: "The stored file." }) file: AttachmentFileInput,
  ): Promise<Attachment> {
    return attach(ctx, "attachToResolution", "resolutionId", resolutionId, file);
  }

  @Allow(OFFICERS)
  @Mutation(() => Attachment, {
    description: "Attach a stored file to a project of the user's territory (called by the gateway's upload route).",
  })
  attachToProject(
    @Ctx() ctx: RequestContext,
    @Arg("projectId", () => ID, { description: "The project." }) projectId: string,
    @Arg("file", () => AttachmentFileInput, { description: "The stored file." }) file: AttachmentFileInput,
  ): Promise<Attachment> {
    return attach(ctx, "attachToProject", "projectId", projectId, file);
  }

  @Allow(OFFICERS)
  @Mutation(() => Attachment, {
    description:
      "Remove an attachment of a meeting, resolution or project of the user's territory; returns it as it was. The stored content stays (other attachments may share it).",
  })
  removeAttachment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Attachment> {
    return inTransaction(ctx.db, {}, async (em) => {
      const row = isUuid(id) ? await em.findOneBy(Attachment, { id }) : null;
      if (!row) throw notFound("پیوست", id);
      const column = (Object.keys(TARGETS) as RecordColumn[]).find((c) => row[c])!;
      const target = TARGETS[column];
      const record = await recordForAttachment(em, ctx, target.entity, row[column]!, target.type).catch(() => {
        throw notFound("پیوست", id);
      });
      await assertAttachmentsOpen(em, column, record);
      await em.delete(Attachment, { id });
      await auditAttachment(em, ctx, "removeAttachment", record, { before: row, after: null });
      return row;
    });
  }
}

@Resolver(() => Meeting)
export class MeetingAttachmentsResolver {
  @FieldResolver(() => [Attachment], {
    description: "Files attached to the meeting (minutes, signed attendance sheet, photos), oldest first.",
  })
  attachments(@Ctx() ctx: RequestContext, @Root() meeting: Meeting): Promise<Attachment[]> {
    return attachmentsOf(ctx, "meetingId").load(meeting.id);
  }
}

@Resolver(() => Resolution)
export class ResolutionAttachmentsResolver {
  @FieldResolver(() => [Attachment], {
    description: "Files attached to the resolution (evidence of completion, photos), oldest first.",
  })
  attachments(@Ctx() ctx: RequestContext, @Root() resolution: Resolution): Promise<Attachment[]> {
    return attachmentsOf(ctx, "resolutionId").load(resolution.id);
  }
}

@Resolver(() => Project)
export class ProjectAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: "Files attached to the project, oldest first." })
  attachments(@Ctx() ctx: RequestContext, @Root() project: Project): Promise<Attachment[]> {
    return attachmentsOf(ctx, "projectId").load(project.id);
  }
}
