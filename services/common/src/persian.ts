import { toAsciiDigits } from "./digits";

/**
 * Persian text normalisation for search, uniqueness and duplicate detection (DOMAIN.md, "Persian text").
 * What the user typed is kept for display; this form goes into search columns.
 */
const CHAR_MAP: Record<string, string> = {
  "\u064A": "\u06CC", // Arabic yeh -> Persian yeh
  "\u0649": "\u06CC", // alef maksura -> Persian yeh
  "\u0643": "\u06A9", // Arabic kaf -> Persian keheh
  "\u0629": "\u0647", // teh marbuta -> heh
  "\u06C0": "\u0647", // heh with yeh above -> heh
  "\u0623": "\u0627", // alef with hamza above -> alef
  "\u0625": "\u0627", // alef with hamza below -> alef
  "\u0671": "\u0627", // alef wasla -> alef
  "\u0624": "\u0648", // waw with hamza -> waw
};

const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g; // harakat, tanwin, shadda, sukun, superscript alef
const TATWEEL = /\u0640/g;
// eslint-disable-next-line no-misleading-character-class -- ZWNJ/ZWJ are removed one by one on purpose
const INVISIBLE_JOINERS = /[\u200C\u200D\u200E\u200F\u00AD\uFEFF]/g; // ZWNJ, ZWJ, direction marks, soft hyphen, BOM

/** Lower-cased, single-spaced, Persian letters, ASCII digits, no diacritics/tatweel, ZWNJ and spaces removed. */
export function normalizePersian(input: string | null | undefined): string {
  if (!input) return "";
  return input
    .normalize("NFC")
    .replace(/[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671\u0624]/g, (ch) => CHAR_MAP[ch] ?? ch)
    .replace(DIACRITICS, "")
    .replace(TATWEEL, "")
    .replace(/[\u06F0-\u06F9\u0660-\u0669]+/g, toAsciiDigits)
    .replace(INVISIBLE_JOINERS, "")
    .replace(/[\s\u00A0]+/g, "")
    .toLowerCase();
}

/** Trim and collapse runs of spaces in what the user typed, keeping ZWNJ and letters as they were. */
export function tidyDisplayText(input: string): string {
  return input.replace(/[\s\u00A0]+/g, " ").trim();
}

/** Tidied text (as `tidyDisplayText`), or null when there is none (absent, null or only spaces). */
export function trimOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return tidyDisplayText(value) || null;
}

/** A `LIKE` pattern matching the normalised form of `q` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(q: string): string {
  return `%${normalizePersian(q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
