import { invalidInput, isUuid, RequestContext } from "@hamafza/common";
import { DemandCategory } from "../entities/Demand";
import { DemandTopic } from "../entities/DemandTopic";
import { demandTopicById, demandTopicTable } from "../loaders";
import { enumCategoryOf } from "./demandTopicRules";

/** Catalogue categories by code (reference data, no territory), from the in-memory copy (`demandTopicTable`). */
export const demandTopicByCode = (ctx: RequestContext) =>
  ctx.loaders.get<string, DemandTopic | null>("demandTopicByCode", async (codes) => {
    const byCode = new Map([...(await demandTopicTable.rows(ctx.db)).values()].map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });

/** A demand's category after a write: the catalogue row and the enum value that goes with it. */
export interface DemandTopicChoice {
  topicId: string | null;
  category: DemandCategory;
}

/**
 * The category a demand input chooses: `topicId` (an active category of the catalogue; the enum follows its code) or,
 * without it, `category` (the catalogue row of the same code). Creating needs one of them; an update without either
 * keeps the demand's category (undefined).
 */
export async function chosenDemandTopic(
  ctx: RequestContext,
  input: { category?: DemandCategory | null; topicId?: string | null },
  creating: boolean,
): Promise<DemandTopicChoice | undefined> {
  if (input.topicId) {
    const topic = isUuid(input.topicId) ? await demandTopicById(ctx).load(input.topicId) : null;
    if (!topic || !topic.active)
      throw invalidInput([
        { field: "topicId", message: topic ? `دسته «${topic.name}» دیگر انتخاب‌شدنی نیست.` : "دسته مطالبه پیدا نشد." },
      ]);
    return { topicId: topic.id, category: enumCategoryOf(topic.code) };
  }
  if (input.category) {
    const topic = await demandTopicByCode(ctx).load(input.category);
    return { topicId: topic?.id ?? null, category: input.category };
  }
  if (creating || input.topicId === null || input.category === null)
    throw invalidInput([{ field: "topicId", message: "دسته مطالبه را انتخاب کنید." }]);
  return undefined;
}
