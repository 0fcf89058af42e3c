import { format } from "date-fns-jalali";
import { toPersianDigits } from "./persianDigits";

export const TEHRAN_TIME_ZONE = "Asia/Tehran";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const tehranParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TEHRAN_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
});

export function tehranWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(tehranParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

function parseWallClock(value: string | Date): WallClock | undefined {
  const dateOnly = typeof value === "string" ? DATE_ONLY.exec(value) : null;
  if (dateOnly) {
    const [, year, month, day] = dateOnly.map(Number);
    return { year, month, day, hour: 0, minute: 0 };
  }
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : tehranWallClock(instant);
}

function jalaliDate({ year, month, day }: WallClock): string {
  return format(new Date(year, month - 1, day, 12), "yyyy/MM/dd");
}

function clockTime({ hour, minute }: WallClock): string {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export interface JalaliFormatOptions {
  showTime?: boolean;
}

export function formatJalali(value: unknown, { showTime = false }: JalaliFormatOptions = {}): string {
  if (typeof value !== "string" && !(value instanceof Date)) return "";
  const wallClock = parseWallClock(value);
  if (!wallClock) return "";
  const text = showTime ? `${jalaliDate(wallClock)} ${clockTime(wallClock)}` : jalaliDate(wallClock);
  return toPersianDigits(text);
}
