import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { toAsciiDigits } from "./digits";

/**
 * A scalar value that could not be read. The scalars below never throw while GraphQL coerces arguments: a throw
 * there refuses the whole request before any resolver runs, so a caller without the right would learn about the
 * shape of the input before being told FORBIDDEN, and the gateway would only see an HTTP 400 from the subgraph.
 * Instead the value becomes this marker; the access check (access.ts) runs first and then refuses the request
 * with one BAD_USER_INPUT that names every marked argument (see `invalidArgumentProblems`).
 */
export class InvalidScalarValue {
  constructor(readonly message: string) {}
}

/** Oldest and newest Gregorian years Hamafza accepts in a `Date` or `DateTimeISO`. */
export const DATE_YEARS = { min: 1900, max: 9999 } as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

export const DATE_FORMAT_MESSAGE = "تاریخ باید میلادی و به شکل YYYY-MM-DD باشد، مثلاً 2025-03-21 (۱ فروردین ۱۴۰۴).";
export const INSTANT_FORMAT_MESSAGE =
  "زمان باید به شکل ISO 8601 با منطقهٔ زمانی باشد، مثلاً 2025-03-21T08:30:00Z یا 2025-03-21T12:00:00+03:30.";
const JALALI_LOOKING_MESSAGE =
  "به نظر می‌رسد تاریخ شمسی وارد شده است؛ تاریخ باید میلادی و به شکل YYYY-MM-DD باشد، مثلاً 2025-03-21 (۱ فروردین ۱۴۰۴).";

function yearProblem(year: number): string | null {
  if (year >= 1300 && year < 1500) return JALALI_LOOKING_MESSAGE;
  if (year < DATE_YEARS.min || year > DATE_YEARS.max)
    return `سال ${year} پذیرفته نیست؛ سال میلادی باید بین ${DATE_YEARS.min} و ${DATE_YEARS.max} باشد.`;
  return null;
}

/** Reads a calendar day: `YYYY-MM-DD` (Gregorian; Persian or Arabic-Indic digits accepted). */
export function readIsoDay(value: unknown): string | InvalidScalarValue {
  if (typeof value !== "string") return new InvalidScalarValue(DATE_FORMAT_MESSAGE);
  const text = toAsciiDigits(value.trim());
  const match = ISO_DAY.exec(text);
  if (!match) return new InvalidScalarValue(DATE_FORMAT_MESSAGE);
  const yearIssue = yearProblem(Number(match[1]));
  if (yearIssue) return new InvalidScalarValue(yearIssue);
  const parsed = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    return new InvalidScalarValue(`تاریخ «${text}» در تقویم وجود ندارد. ${DATE_FORMAT_MESSAGE}`);
  }
  return text;
}

/** Reads an instant: ISO 8601 with a time zone (`Z` or `±HH:MM`); Persian or Arabic-Indic digits accepted. */
export function readInstant(value: unknown): Date | InvalidScalarValue {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? new InvalidScalarValue(INSTANT_FORMAT_MESSAGE) : value;
  if (typeof value !== "string") return new InvalidScalarValue(INSTANT_FORMAT_MESSAGE);
  const text = toAsciiDigits(value.trim());
  const match = ISO_INSTANT.exec(text);
  if (!match) return new InvalidScalarValue(INSTANT_FORMAT_MESSAGE);
  const yearIssue = yearProblem(Number(match[1]));
  if (yearIssue) return new InvalidScalarValue(yearIssue.replace("تاریخ باید", "زمان باید"));
  const day = readIsoDay(`${match[1]}-${match[2]}-${match[3]}`);
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (day instanceof InvalidScalarValue || hours > 23 || minutes > 59 || seconds > 59) {
    return new InvalidScalarValue(`زمان «${text}» وجود ندارد. ${INSTANT_FORMAT_MESSAGE}`);
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime()))
    return new InvalidScalarValue(`زمان «${text}» وجود ندارد. ${INSTANT_FORMAT_MESSAGE}`);
  return parsed;
}

const literalString = (ast: ValueNode): unknown => (ast.kind === Kind.STRING ? ast.value : undefined);

function serializeDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && ISO_DAY.test(value)) return value;
  throw new TypeError(`Not a calendar day: ${String(value)}`);
}

function serializeInstant(value: unknown): string {
  const instant = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(instant.getTime())) throw new TypeError(`Not an instant: ${String(value)}`);
  return instant.toISOString();
}

/**
 * A calendar day without time zone, as the Gregorian ISO string `YYYY-MM-DD` (a founding date, a deadline).
 * The dashboard shows it in Jalali; instants use `DateTimeISO` (UTC).
 */
export const DateScalar = new GraphQLScalarType<string | InvalidScalarValue, string>({
  name: "Date",
  description: "A calendar day, `YYYY-MM-DD` in the Gregorian calendar (shown in Jalali by the dashboard).",
  serialize: serializeDay,
  parseValue: readIsoDay,
  parseLiteral: (ast) => readIsoDay(literalString(ast)),
});

/** An instant, ISO 8601 with a time zone; answers are always in UTC (`…Z`). Replaces type-graphql's default. */
export const DateTimeISOScalar = new GraphQLScalarType<Date | InvalidScalarValue, string>({
  name: "DateTimeISO",
  description:
    "An instant in ISO 8601 with a time zone, e.g. `2025-03-21T08:30:00Z` or `2025-03-21T12:00:00+03:30`; answers are in UTC (shown in Jalali on Tehran's clock by the dashboard).",
  serialize: serializeInstant,
  parseValue: readInstant,
  parseLiteral: (ast) => readInstant(literalString(ast)),
});

/** The names of the scalars that mark invalid input instead of throwing. */
export const MARKING_SCALARS = new Set([DateScalar.name, DateTimeISOScalar.name]);
