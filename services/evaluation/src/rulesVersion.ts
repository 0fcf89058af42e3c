/**
 * The version of the scoring rules a run was computed with (stored with the run, `evaluation_run.rules_version`), so
 * recomputing a run applies the rules it was made with and gives its stored results byte for byte.
 *
 * - 1: the first rules. An indicator with no occasion (0 of 0) scores 0; NGO_REACH divides the attending NGOs with a
 *   valid licence by the ACTIVE NGOs of the territory, licensed or not.
 * - 2 (issue 15): an indicator with no occasion — PROBLEM_FOCUS without counted meetings, NGO_REACH without licensed
 *   NGOs in the territory, FOLLOW_THROUGH without resolutions due, RESPONSIVENESS without proposals or demands due —
 *   is not applicable: it scores nothing and its weight is spread over the applicable indicators in proportion to
 *   their weights (`redistributeWeights`). NGO_REACH's denominator counts the territory's ACTIVE NGOs with a valid
 *   licence (ACTIVE or EXPIRING), the same NGOs its numerator counts.
 */
export type RulesVersion = 1 | 2;

/** What new runs are computed with. */
export const CURRENT_RULES_VERSION: RulesVersion = 2;

export const RULES_VERSIONS: readonly RulesVersion[] = [1, 2];

/**
 * The weights applied under rules version 2: a not-applicable indicator gets 0, each applicable one its weight ×
 * (sum of all weights ÷ sum of the applicable weights), so the applied weights still sum to the rubric's total.
 * Nothing applicable: every applied weight is 0.
 */
export function redistributeWeights(weights: number[], applicable: boolean[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const applicableTotal = weights.reduce((s, w, i) => s + (applicable[i] ? w : 0), 0);
  if (applicableTotal <= 0) return weights.map(() => 0);
  return weights.map((w, i) => (applicable[i] ? (w * total) / applicableTotal : 0));
}

/** The Persian reason shown for an indicator that does not apply (rules version 2), by indicator code. */
export const NOT_APPLICABLE_REASON: Record<string, string> = {
  PROBLEM_FOCUS:
    "نشست فصلی مسئله‌محوری با حضور سمن شمارش نشد؛ این شاخص موضوعیت ندارد و وزن آن بین شاخص‌های دیگر تقسیم شد.",
  NGO_REACH:
    "در قلمرو مدیر سمن فعال دارای مجوز معتبر نبود؛ این شاخص موضوعیت ندارد و وزن آن بین شاخص‌های دیگر تقسیم شد.",
  FOLLOW_THROUGH: "مصوبه‌ای که مهلتش رسیده باشد نبود؛ این شاخص موضوعیت ندارد و وزن آن بین شاخص‌های دیگر تقسیم شد.",
  RESPONSIVENESS:
    "پیشنهاد یا مطالبه‌ای از سمن‌ها به دستگاه مدیر ارجاع نشد (یا مهلت پاسخ هیچ‌کدام نرسیده بود)؛ این شاخص موضوعیت ندارد و وزن آن بین شاخص‌های دیگر تقسیم شد.",
};

/** A stored run's rules version, checked (a version this code does not know is a programming error). */
export function asRulesVersion(value: number): RulesVersion {
  if (!(RULES_VERSIONS as readonly number[]).includes(value)) throw new Error(`Unknown scoring rules version ${value}`);
  return value as RulesVersion;
}
