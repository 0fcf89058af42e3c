import { Validator } from "@hamafza/common";

/** Evaluators' adjustments of a computed score (pure rules): at most ±10 points, two decimals. */
export const MAX_ADJUSTMENT = 10;

/** An adjustment's points: within ±`MAX_ADJUSTMENT`, at most two decimals. */
export function checkAdjustmentPoints(v: Validator, points: number | null, field: string): Validator {
  return v.check(
    points !== null &&
      Number.isFinite(points) &&
      Math.abs(points) <= MAX_ADJUSTMENT &&
      Math.round(points * 100) === points * 100,
    field,
    `اصلاح امتیاز باید بین ${"−۱۰"} و ${"+۱۰"} امتیاز (حداکثر دو رقم اعشار) باشد.`,
  );
}
