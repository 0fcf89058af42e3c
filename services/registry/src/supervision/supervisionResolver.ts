import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  byKeys,
  createRecord,
  FilterArg,
  groupByKeys,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  notFound,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  requestNotifications,
  requireUser,
  Role,
  SortOrder,
  uuidsForFilter,
  Writable,
} from "@hamafza/common";
import { EntityManager, In } from "typeorm";
import { LicenceEvent } from "../entities/LicenceEvent";
import { Ngo } from "../entities/Ngo";
import { NgoActivityReport } from "../entities/NgoActivityReport";
import { ngoById } from "../loaders";
import { SupervisionRecordCreateInput, SupervisionRecordFilter, SupervisionRecordPage } from "./supervisionInputs";
import { warningNotice } from "./supervisionNotices";
import { visibleSupervisionRecords } from "./supervisionQueries";
import { assertLinkable, assertReportOfNgo, checkedSupervisionContent } from "./supervisionRules";
import { SupervisionRecord } from "./SupervisionRecord";

const RECORD: Writable<SupervisionRecord> = {
  entity: SupervisionRecord,
  typeName: "SupervisionRecord",
  label: "سابقه نظارت",
  constraints: {
    supervision_record_licence_event: "این اقدام پروانه پیش‌تر به سابقه نظارت دیگری پیوند خورده است.",
  },
};

const SORTABLE = {
  recordedOn: "record.recordedOn",
  kind: "record.kind",
  createdAt: "record.createdAt",
};

/** The licence action named by a new record, locked, and checked to be linkable to it. */
async function linkableEvent(em: EntityManager, ngoId: string, eventId: string): Promise<LicenceEvent> {
  const event = await em.findOne(LicenceEvent, { where: { id: eventId }, lock: { mode: "pessimistic_write" } });
  if (!event || event.ngoId !== ngoId) throw notFound("اقدام پروانه", eventId);
  assertLinkable({ record: { ngoId, licenceEventId: null }, event }, "licenceEventId");
  return event;
}

/**
 * Supervision records of NGOs (docs/activity-reports.md, "Supervision"): written by officers of the NGO's territory,
 * read there and by the NGO's representatives (their own NGO only); a warning notifies the representatives.
 */
@Resolver(() => SupervisionRecord)
export class SupervisionRecordResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => SupervisionRecordPage, {
    description: `Supervision records of NGOs of the user's territory (an NGO representative: its own NGO's). Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}; latest first by default.`,
  })
  supervisionRecords(
    @Ctx() ctx: RequestContext,
    @FilterArg(SupervisionRecordFilter) filter: SupervisionRecordFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<SupervisionRecordPage> {
    const query = visibleSupervisionRecords(ctx);
    if (filter?.ids) query.andWhere("record.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.ngoId) query.andWhere("record.ngoId IN (:...ngoIds)", { ngoIds: uuidsForFilter([filter.ngoId]) });
    if (filter?.kind) query.andWhere("record.kind = :kind", { kind: filter.kind });
    if (filter?.recordedFrom) query.andWhere("record.recordedOn >= :from", { from: filter.recordedFrom });
    if (filter?.recordedTo) query.andWhere("record.recordedOn <= :to", { to: filter.recordedTo });
    if (filter?.linkedToLicenceAction !== undefined && filter.linkedToLicenceAction !== null)
      query.andWhere(`record.licenceEventId IS ${filter.linkedToLicenceAction ? "NOT NULL" : "NULL"}`);
    if (filter?.provinceId) query.andWhere("record.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("record.countyId = :countyId", { countyId: filter.countyId });
    return paginate(query, page, SORTABLE, { field: "recordedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => SupervisionRecord, { nullable: true, description: "One record; empty when not readable by the user." })
  supervisionRecord(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<SupervisionRecord | null> {
    return visibleSupervisionRecords(ctx)
      .andWhere("record.id IN (:...ids)", { ids: uuidsForFilter([id]) })
      .getOne();
  }

  @Allow(OFFICERS)
  @Mutation(() => SupervisionRecord, {
    description:
      "Record a review, warning or inspection note of an NGO of the user's territory, optionally following from its annual activity report and justifying a suspension or revocation already recorded (linked both ways). A WARNING notifies the NGO's representatives.",
  })
  createSupervisionRecord(
    @Ctx() ctx: RequestContext,
    @InputArg(SupervisionRecordCreateInput) input: SupervisionRecordCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<SupervisionRecord> {
    return createRecord(ctx, RECORD, { input, idempotencyKey }, async (em) => {
      const content = checkedSupervisionContent(input);
      const ngo = await ngoById(ctx).load(input.ngoId);
      if (!ngo) throw notFound("سمن", input.ngoId);
      if (input.activityReportId)
        assertReportOfNgo(await em.findOneBy(NgoActivityReport, { id: input.activityReportId }), ngo.id);
      const event = input.licenceEventId ? await linkableEvent(em, ngo.id, input.licenceEventId) : null;
      const user = requireUser(ctx);
      const row = em.create(SupervisionRecord, {
        ngoId: ngo.id,
        provinceId: ngo.provinceId,
        countyId: ngo.countyId,
        kind: content.kind,
        recordedOn: content.recordedOn,
        text: content.text,
        activityReportId: input.activityReportId ?? null,
        licenceEventId: event?.id ?? null,
        createdBy: user.username,
        updatedBy: user.username,
      });
      return {
        row,
        afterSave: async (tx, saved) => {
          if (event) await tx.update(LicenceEvent, { id: event.id }, { supervisionRecordId: saved.id });
          const notice = warningNotice(saved);
          if (notice) await requestNotifications(tx, [notice]);
        },
      };
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO." })
  ngo(@Root() record: SupervisionRecord, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(record.ngoId);
  }

  @FieldResolver(() => LicenceEvent, {
    nullable: true,
    description: "The licence action (suspension or revocation) the record justifies.",
  })
  licenceEvent(@Root() record: SupervisionRecord, @Ctx() ctx: RequestContext): Promise<LicenceEvent | null> {
    if (!record.licenceEventId) return Promise.resolve(null);
    return ctx.loaders
      .get<string, LicenceEvent | null>("LicenceEventById", async (ids) =>
        byKeys(ids, await ctx.db.getRepository(LicenceEvent).findBy({ id: In([...ids]) }), (event) => event.id),
      )
      .load(record.licenceEventId);
  }
}

/** `Ngo.supervisionRecords`: the NGO's records the user may read, latest first (one batched query per request). */
@Resolver(() => Ngo)
export class SupervisionRecordsOfNgoResolver {
  @FieldResolver(() => [SupervisionRecord], {
    description: "The NGO's supervision records (reviews, warnings, inspection notes), latest first.",
  })
  supervisionRecords(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<SupervisionRecord[]> {
    return ctx.loaders
      .get<string, SupervisionRecord[]>("SupervisionRecordsByNgo", async (ids) => {
        const rows = await visibleSupervisionRecords(ctx)
          .andWhere("record.ngoId IN (:...ids)", { ids: [...ids] })
          .orderBy("record.recordedOn", "DESC")
          .addOrderBy("record.createdAt", "DESC")
          .getMany();
        return groupByKeys(ids, rows, (row) => row.ngoId);
      })
      .load(ngo.id);
  }
}

/** `LicenceEvent.supervisionRecord`: the other side of the link, when the user may read it. */
@Resolver(() => LicenceEvent)
export class LicenceEventSupervisionResolver {
  @FieldResolver(() => SupervisionRecord, {
    nullable: true,
    description: "The supervision record that justifies this licence action, when readable by the user.",
  })
  supervisionRecord(@Root() event: LicenceEvent, @Ctx() ctx: RequestContext): Promise<SupervisionRecord | null> {
    if (!event.supervisionRecordId) return Promise.resolve(null);
    return ctx.loaders
      .get<string, SupervisionRecord | null>("VisibleSupervisionRecordById", async (ids) =>
        byKeys(
          ids,
          await visibleSupervisionRecords(ctx)
            .andWhere("record.id IN (:...ids)", { ids: [...ids] })
            .getMany(),
          (record) => record.id,
        ),
      )
      .load(event.supervisionRecordId);
  }
}
