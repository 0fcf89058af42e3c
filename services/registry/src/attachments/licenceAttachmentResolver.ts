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
import { Licence } from "../entities/Licence";
import { Ngo } from "../entities/Ngo";
import { licenceById } from "../resolvers/licenceLoaders";
import { LicenceAttachment } from "./LicenceAttachment";

const attachmentsByLicence = (ctx: RequestContext) =>
  ctx.loaders.get<string, LicenceAttachment[]>("attachmentsByLicence", async (ids) => {
    const rows = await ctx.db
      .getRepository(LicenceAttachment)
      .createQueryBuilder("a")
      .where("a.licenceId IN (:...ids)", { ids: [...ids] })
      .orderBy("a.createdAt", "ASC")
      .getMany();
    return groupByKeys(ids, rows, (row) => row.licenceId);
  });

/** The licence, locked, and its NGO (whose territory it takes) when the user may change it; NOT_FOUND otherwise. */
async function licenceForAttachment(em: EntityManager, ctx: RequestContext, id: string) {
  const user = requireUser(ctx);
  const licence = isUuid(id) ? await em.findOne(Licence, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  const ngo = licence ? await em.findOne(Ngo, { where: { id: licence.ngoId } }) : null;
  if (!licence || !ngo || !canRead(user, ngo)) throw notFound("پروانه", id);
  assertCanWrite(user, ngo);
  return { licence, ngo };
}

@Resolver(() => LicenceAttachment)
export class LicenceAttachmentResolver {
  @Allow(ALL_ROLES)
  @Query(() => LicenceAttachment, {
    nullable: true,
    description:
      "One licence attachment by id; empty when its licence is outside the user's territory (as the licence is).",
  })
  async licenceAttachment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<LicenceAttachment | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.db.getRepository(LicenceAttachment).findOneBy({ id });
    return row && (await licenceById(ctx).load(row.licenceId)) ? row : null;
  }

  @Allow(OFFICERS)
  @Mutation(() => LicenceAttachment, {
    description:
      "Attach a stored file (the scan) to a licence of the user's territory (called by the gateway's upload route).",
  })
  attachToLicence(
    @Ctx() ctx: RequestContext,
    @Arg("licenceId", () => ID, { description: "The licence." }) licenceId: string,
    @Arg("file", () => AttachmentFileInput, { description: "The stored file." }) file: AttachmentFileInput,
  ): Promise<LicenceAttachment> {
    const fileName = checkAttachmentFile(ctx, "LICENCE", file);
    return inTransaction(ctx.db, {}, async (em) => {
      const { licence, ngo } = await licenceForAttachment(em, ctx, licenceId);
      const saved = await em.save(
        em.create(LicenceAttachment, {
          licenceId: licence.id,
          kind: file.kind,
          fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedBy: requireUser(ctx).username,
        }),
      );
      await auditAttachment(em, ctx, "attachToLicence", ngo, { before: null, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => LicenceAttachment, {
    description:
      "Remove an attachment of a licence of the user's territory; returns it as it was. The stored content stays (other attachments may share it).",
  })
  removeLicenceAttachment(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<LicenceAttachment> {
    return inTransaction(ctx.db, {}, async (em) => {
      const row = isUuid(id) ? await em.findOneBy(LicenceAttachment, { id }) : null;
      if (!row) throw notFound("پیوست", id);
      const { ngo } = await licenceForAttachment(em, ctx, row.licenceId).catch(() => {
        throw notFound("پیوست", id);
      });
      await em.delete(LicenceAttachment, { id });
      await auditAttachment(em, ctx, "removeLicenceAttachment", ngo, { before: row, after: null });
      return row;
    });
  }
}

@Resolver(() => Licence)
export class LicenceAttachmentsResolver {
  @FieldResolver(() => [LicenceAttachment], { description: "Files attached to the licence (its scan), oldest first." })
  attachments(@Ctx() ctx: RequestContext, @Root() licence: Licence): Promise<LicenceAttachment[]> {
    return attachmentsByLicence(ctx).load(licence.id);
  }
}
