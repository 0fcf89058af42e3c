import {
  canRead,
  Catalogue,
  isUuid,
  normalizePersian,
  notFound,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
  findForWrite,
  claimForWrite,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { SocialHarm } from "../entities/SocialHarm";
import { socialHarmTable } from "../loaders";
import { checkUuid, trimOrNull } from "./common";
import { AgendaItemCreateInput, AgendaItemUpdateInput } from "./agendaInputs";

/** The social-harm catalogue's outline: an entry named on an agenda item is retired, never deleted. */
export const socialHarms = new Catalogue({
  entity: SocialHarm,
  typeName: "SocialHarm",
  alias: "harm",
  label: "آسیب اجتماعی",
  nameLabel: "نام آسیب",
  codeExample: "ADDICTION",
  constraints: {
    social_harm_code_unique: "آسیبی با همین کد در فهرست هست.",
    social_harm_name_unique: "آسیبی با همین نام در فهرست هست.",
    agenda_item_social_harm_fk:
      "این آسیب در دستور جلسه‌ها به کار رفته است و حذف نمی‌شود؛ به جای حذف، آن را غیرفعال کنید.",
  },
  sortable: {
    sortOrder: "harm.sortOrder",
    name: "harm.nameNormalized",
    code: "harm.code",
    createdAt: "harm.createdAt",
  },
  uses: (em, harm) => em.count(AgendaItem, { where: { socialHarmId: harm.id } }),
  usedBy: "agenda_item_social_harm_fk",
  cache: socialHarmTable,
});

export const AGENDA_SORTABLE = {
  position: "item.position",
  topic: "item.topicNormalized",
  createdAt: "item.createdAt",
  meetingId: "item.meetingId",
};

export const withTerritory = <T extends { id: string }>(row: T, meeting: Meeting) => ({
  ...row,
  provinceId: meeting.provinceId,
  countyId: meeting.countyId,
});

export async function findItemForUpdate(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<{ item: AgendaItem; meeting: Meeting }> {
  const item = isUuid(id) ? await em.findOne(AgendaItem, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!item) throw notFound("دستور جلسه", id);
  const meeting = await em.findOne(Meeting, { where: { id: item.meetingId }, lock: { mode: "pessimistic_write" } });
  if (!meeting || !canRead(requireUser(ctx), meeting)) throw notFound("دستور جلسه", id);
  const writable = await findForWrite(em, ctx, Meeting, meeting.id, "نشست");
  return { item: claimForWrite(item, ctx, expectedVersion, "دستور جلسه"), meeting: writable };
}

export async function applyAgendaInput(
  em: EntityManager,
  ctx: RequestContext,
  item: AgendaItem,
  meeting: Meeting,
  input: AgendaItemCreateInput | AgendaItemUpdateInput,
  creating: boolean,
): Promise<void> {
  const v = new Validator();
  if (creating || input.topic !== undefined) v.text(input.topic, "topic", "موضوع", { min: 3, max: 500 });
  checkUuid(v, input.socialHarmId, "socialHarmId", "آسیب اجتماعی");
  checkUuid(v, input.demandId, "demandId", "مطالبه");
  if (input.position !== undefined && input.position !== null)
    v.check(Number.isInteger(input.position) && input.position >= 1, "position", "ردیف باید عددی صحیح و مثبت باشد.");
  if (input.notes) v.text(input.notes, "notes", "یادداشت", { max: 4000, required: false });
  v.done();
  if (input.socialHarmId && input.socialHarmId !== item.socialHarmId) {
    const harm = await em.findOne(SocialHarm, { where: { id: input.socialHarmId } });
    v.check(harm !== null && harm.active, "socialHarmId", "این آسیب اجتماعی در فهرست فعال نیست.");
  }
  if (input.demandId && input.demandId !== item.demandId) {
    const demand = await em.findOne(Demand, { where: { id: input.demandId } });
    v.check(
      demand !== null && canRead(requireUser(ctx), demand) && demand.provinceId === meeting.provinceId,
      "demandId",
      "مطالبه پیدا نشد یا از استانِ این نشست نیست.",
    );
  }
  v.done();
  if (input.topic !== undefined)
    Object.assign(item, { topic: tidyDisplayText(input.topic!), topicNormalized: normalizePersian(input.topic) });
  if (input.socialHarmId !== undefined) item.socialHarmId = input.socialHarmId || null;
  if (input.demandId !== undefined) item.demandId = input.demandId || null;
  if (input.notes !== undefined) item.notes = trimOrNull(input.notes);
  if (input.position) item.position = input.position;
}
