import { AppError, ErrorCode } from "@hamafza/common";

/**
 * The rules of merging duplicate NGO records (docs/merging.md), without a database: which merges are refused and
 * with what code and Persian message. A merge never chains: the survivor is not itself an alias, and an NGO that
 * others were merged into is not merged away (merge in the other direction instead), so undoing one merge never
 * depends on another.
 */

export interface MergeSide {
  id: string;
  name: string;
  status: string;
  /** Whether the caller may change records of this NGO's territory. */
  writable: boolean;
  /** The active merge this NGO was merged away by, if any (its survivor). */
  mergedInto: string | null;
  /** How many NGOs are merged into this one now. */
  aliases: number;
}

/** A pair of NGO ids in the order the registry stores pairs (smaller id first). */
export const orderedPair = (first: string, second: string): [string, string] => {
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  return a < b ? [a, b] : [b, a];
};

/** Reasons are required and short. */
export function reasonProblem(reason: string | null | undefined): string | null {
  const text = (reason ?? "").trim();
  if (text.length < 3) return "دلیل را بنویسید (دست‌کم ۳ حرف).";
  if (text.length > 1000) return "دلیل حداکثر ۱۰۰۰ حرف باشد.";
  return null;
}

/**
 * Refuses a merge of `merged` into `survivor`, or answers `"already"` when exactly this merge is in effect (the
 * mutation is idempotent), or null when it may go ahead.
 */
export function mergeRefusal(merged: MergeSide, survivor: MergeSide): AppError | "already" | null {
  if (merged.mergedInto === survivor.id) return "already";
  if (!merged.writable || !survivor.writable)
    return new AppError(
      ErrorCode.FORBIDDEN,
      "هر دو سمن باید در قلمرو (استان یا شهرستان) شما باشند تا بتوانید آن‌ها را ادغام کنید.",
    );
  if (survivor.mergedInto)
    return new AppError(
      ErrorCode.CONFLICT,
      `سمن «${survivor.name}» خود در سمن دیگری ادغام شده است؛ سمن باقی‌مانده اصلی را انتخاب کنید.`,
      { survivorOf: survivor.mergedInto },
    );
  if (merged.mergedInto)
    return new AppError(
      ErrorCode.CONFLICT,
      `سمن «${merged.name}» پیش‌تر در سمن دیگری ادغام شده است؛ اگر ادغام نادرست بوده، مدیر سامانه باید آن را برگرداند.`,
    );
  if (merged.aliases > 0)
    return new AppError(
      ErrorCode.CONFLICT,
      `سمن‌های دیگری در «${merged.name}» ادغام شده‌اند؛ آن را سمن باقی‌مانده بگیرید و «${survivor.name}» را در آن ادغام کنید.`,
    );
  return null;
}
