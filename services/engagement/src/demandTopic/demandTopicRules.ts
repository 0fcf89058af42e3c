import { Catalogue } from "@hamafza/common";
import { Demand, DemandCategory } from "../entities/Demand";
import { DemandTopic } from "../entities/DemandTopic";
import { demandTopicTable } from "../loaders";

/** Demand categories' rules: the catalogue's outline and how a catalogue category and the fixed enum agree. */

/** The demand-category catalogue's outline: a category a demand has (its own or its enum's) is retired, never deleted. */
export const demandTopics = new Catalogue({
  entity: DemandTopic,
  typeName: "DemandTopic",
  alias: "topic",
  label: "دسته مطالبه",
  nameLabel: "نام دسته",
  codeExample: "FUNDING",
  constraints: {
    demand_topic_code_unique: "دسته‌ای با همین کد در فهرست هست.",
    demand_topic_name_unique: "دسته‌ای با همین نام در فهرست هست.",
    demand_topic_fk: "این دسته در مطالبه‌ها به کار رفته است و حذف نمی‌شود؛ به جای حذف، آن را غیرفعال کنید.",
  },
  sortable: { sortOrder: "topic.sortOrder", name: "topic.nameNormalized", code: "topic.code" },
  uses: (em, topic) =>
    em
      .createQueryBuilder(Demand, "demand")
      .where("demand.topicId = :id OR (demand.topicId IS NULL AND demand.category = :code)", {
        id: topic.id,
        code: topic.code,
      })
      .getCount(),
  usedBy: "demand_topic_fk",
  cache: demandTopicTable,
});

/** SQL: the demand (alias `demand`) is of the catalogue category `:topicId` (its own, or that of its enum's code). */
export const DEMAND_TOPIC_FILTER =
  "(demand.topic_id = :topicId OR (demand.topic_id IS NULL AND demand.category = (SELECT t.code FROM demand_topic t WHERE t.id = :topicId)))";

const ENUM_CODES = new Set<string>(Object.values(DemandCategory));

/** The fixed enum value of a catalogue category: its code when the enum has it, else OTHER. */
export function enumCategoryOf(topicCode: string): DemandCategory {
  return ENUM_CODES.has(topicCode) ? (topicCode as DemandCategory) : DemandCategory.OTHER;
}
