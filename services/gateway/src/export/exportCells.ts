import { toJalali, toPersianDigits } from "@hamafza/common";

/** A cell as written: text, a number, or empty. */
export type Cell = string | number | null;

/** How a leaf field's values are written, from its GraphQL type. */
export type CellKind = "text" | "number" | "boolean" | "date" | "dateTime" | "enum";

const TEHRAN_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Tehran",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const pad = (value: number) => String(value).padStart(2, "0");

/** A Jalali day `۱۴۰۴/۰۱/۱۵` (from `YYYY-MM-DD` or an instant, on Tehran's clock). */
export function jalaliDayText(value: string | Date): string {
  const instant = value instanceof Date ? value : new Date(`${value}T12:00:00+03:30`);
  const { year, month, day } = toJalali(instant);
  return toPersianDigits(`${year}/${pad(month)}/${pad(day)}`);
}

/** A Jalali day and Tehran wall-clock time `۱۴۰۴/۰۱/۱۵ ۱۴:۳۰`. */
export function jalaliDateTimeText(value: string | Date): string {
  const instant = value instanceof Date ? value : new Date(value);
  return `${jalaliDayText(instant)} ${toPersianDigits(TEHRAN_TIME.format(instant))}`;
}

const LIST_SEPARATOR = "، ";

/**
 * One value as a cell: Jalali dates and Tehran times in Persian digits, «بله»/«خیر», codes through the labels the
 * caller gave (the code itself when it gave none), lists joined with the Persian comma, numbers as numbers.
 */
export function toCell(value: unknown, kind: CellKind, labels?: Record<string, string>): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const parts = value.map((item) => toCell(item, kind, labels)).filter((part) => part !== null);
    return parts.length === 0 ? null : parts.map(String).join(LIST_SEPARATOR);
  }
  switch (kind) {
    case "number":
      return typeof value === "number" ? value : Number(value);
    case "boolean":
      return value ? "بله" : "خیر";
    case "date":
      return jalaliDayText(String(value));
    case "dateTime":
      return jalaliDateTimeText(String(value));
    case "enum":
      return labels?.[String(value)] ?? String(value);
    default:
      return labels?.[String(value)] ?? String(value);
  }
}
