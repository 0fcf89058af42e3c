import { types } from "pg";

const TIMESTAMPTZ_OID = 1184;
const defaultTimestamptz = types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date | number | null;

/**
 * A `timestamptz` value as text into a Date. Every Hamafza session runs with `timezone=UTC` (database.ts), so the
 * server writes `YYYY-MM-DD hh:mm:ss[.ffffff]+00`; that shape is read digit by digit into `Date.UTC`, 2–3× cheaper than `pg`'s general `postgres-date` (three
 * regular expressions per value; a visible share of turning hundreds of meeting rows into entities). Anything else (another
 * offset, BC, infinity, a five-digit year) goes to `pg`'s parser, so every value gives the Date it gave before.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length;
  if (
    (length === 22 || (length >= 24 && length <= 29 && text.charCodeAt(19) === 46)) && // "." before fractions
    text.charCodeAt(length - 3) === 43 && // "+"
    text.charCodeAt(length - 2) === 48 && // "0"
    text.charCodeAt(length - 1) === 48 && // "0"
    text.charCodeAt(4) === 45 && // "-"
    text.charCodeAt(7) === 45 && // "-"
    text.charCodeAt(10) === 32 && // " "
    text.charCodeAt(13) === 58 && // ":"
    text.charCodeAt(16) === 58 // ":"
  ) {
    const year = digits(text, 0, 4);
    // Milliseconds: the first three fractional digits, as pg's parser truncates them.
    let ms = 0;
    for (let i = 20, scale = 100; i < 23; i++, scale /= 10) if (i < length - 3) ms += digit(text, i) * scale;
    const time = Date.UTC(
      year,
      digits(text, 5, 7) - 1,
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      ms,
    );
    // Years below 100 would be read as 19xx by Date.UTC; NaN means a character was not a digit.
    if (year >= 100 && !Number.isNaN(time)) return new Date(time);
  }
  return defaultTimestamptz(text);
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + digit(text, i);
  return value;
}

/** `pg` type parsers of a data source: the defaults, with `timestamptz` read by `parseTimestamptz`. */
export const serviceTypeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMPTZ_OID && format !== "binary") return parseTimestamptz;
    return types.getTypeParser(oid, format as "text");
  },
};
