import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkIsoDate(value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) {
    throw new GraphQLError("تاریخ باید به شکل YYYY-MM-DD (میلادی) باشد.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`تاریخ «${value}» وجود ندارد.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return value;
}

/**
 * A calendar day without time zone, as the Gregorian ISO string `YYYY-MM-DD` (a founding date, a deadline).
 * The dashboard shows it in Jalali; instants use `DateTimeISO` (UTC).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar day, `YYYY-MM-DD` in the Gregorian calendar (shown in Jalali by the dashboard).",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : checkIsoDate(value)),
  parseValue: checkIsoDate,
  parseLiteral: (ast) => checkIsoDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
