import { Validator } from "@hamafza/common";
import { DemandCategory } from "../entities/Demand";
import { DemandTopicCreateInput, DemandTopicUpdateInput } from "./demandTopicInputs";

/** Demand categories' pure rules: input checks and how a catalogue category and the fixed enum agree. */

export const TOPIC_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export const DEMAND_TOPIC_CONSTRAINTS = {
  demand_topic_code_unique: "دسته‌ای با همین کد در فهرست هست.",
  demand_topic_name_unique: "دسته‌ای با همین نام در فهرست هست.",
  demand_topic_fk: "این دسته در مطالبه‌ها به کار رفته است و حذف نمی‌شود؛ به جای حذف، آن را غیرفعال کنید.",
};

/** Checks a category's fields (every problem at once). */
export function checkTopicInput(input: DemandTopicCreateInput | DemandTopicUpdateInput, creating: boolean): void {
  const v = new Validator();
  if (creating) {
    const code = (input as DemandTopicCreateInput).code ?? "";
    v.check(TOPIC_CODE.test(code.trim()), "code", "کد باید با حروف بزرگ لاتین، رقم و _ نوشته شود (مثل FUNDING).");
  }
  if (creating || input.name !== undefined) v.text(input.name, "name", "نام دسته", { min: 2, max: 120 });
  v.text(input.description, "description", "شرح", { max: 1000, required: false });
  v.nonNegativeInt(input.sortOrder, "sortOrder", "ترتیب");
  v.done();
}

/** SQL: the demand (alias `demand`) is of the catalogue category `:topicId` (its own, or that of its enum's code). */
export const DEMAND_TOPIC_FILTER =
  "(demand.topic_id = :topicId OR (demand.topic_id IS NULL AND demand.category = (SELECT t.code FROM demand_topic t WHERE t.id = :topicId)))";

const ENUM_CODES = new Set<string>(Object.values(DemandCategory));

/** The fixed enum value of a catalogue category: its code when the enum has it, else OTHER. */
export function enumCategoryOf(topicCode: string): DemandCategory {
  return ENUM_CODES.has(topicCode) ? (topicCode as DemandCategory) : DemandCategory.OTHER;
}
