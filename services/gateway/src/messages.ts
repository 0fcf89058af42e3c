import { formatError } from "@hamafza/common";
import { GraphQLFormattedError } from "graphql";

/** A number in Persian digits, without grouping (limits, line and column numbers). */
export const faNumber = (n: number) => n.toLocaleString("fa-IR", { useGrouping: false });

type Translation = [RegExp, (...groups: string[]) => string];

const n = (text: string) => faNumber(Number(text));

/**
 * Persian versions of the messages GraphQL validation, variable coercion and the query limits (graphql-armor)
 * produce in English. The English text stays in `extensions.originalMessage` for analysts who search for it.
 */
const TRANSLATIONS: Translation[] = [
  [
    /^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/,
    (max, found) => `پرسش بیش از حد تودرتو است: ${n(found)} سطح دارد و حداکثر ${n(max)} سطح مجاز است.`,
  ],
  [
    /^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)\.$/,
    (max, found) => `پرسش ${n(found)} نام مستعار (alias) دارد و حداکثر ${n(max)} مجاز است.`,
  ],
  [
    /^Syntax Error: Query Cost limit of (\d+) exceeded, found (\d+)\.$/,
    (max, found) =>
      `پرسش بیش از حد سنگین است: هزینهٔ آن ${n(found)} و حداکثر ${n(max)} است؛ آن را به چند پرسش کوچک‌تر بشکنید یا صفحه‌بندی کنید.`,
  ],
  [
    /^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)\.$/,
    (max, found) => `پرسش ${n(found)} رهنمود (directive) دارد و حداکثر ${n(max)} مجاز است.`,
  ],
  [
    /^Syntax Error: Token limit of (\d+) exceeded\.$/,
    (max) => `پرسش بیش از حد بلند است؛ حداکثر ${n(max)} نشانه مجاز است.`,
  ],
  [
    /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    (field, type) => `فیلد «${field}» در نوع «${type}» وجود ندارد؛ فهرست فیلدها را در مستندات طرح (schema) ببینید.`,
  ],
  [
    /^Unknown argument "([^"]+)" on field "([^"]+)"\./,
    (arg, field) => `فیلد «${field}» آرگومانی به نام «${arg}» ندارد.`,
  ],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\./,
    (field, arg, type) => `آرگومان «${arg}» (از نوع ${type}) برای فیلد «${field}» لازم است.`,
  ],
  [
    /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./,
    (field, type) => `برای فیلد «${field}» (از نوع ${type}) باید زیرفیلدهایی را انتخاب کنید.`,
  ],
  [
    /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    (field, type) => `فیلد «${field}» از نوع ${type} زیرفیلد ندارد؛ انتخاب زیرفیلد را بردارید.`,
  ],
  [/^Unknown type "([^"]+)"\./, (type) => `نوعی به نام «${type}» در طرح وجود ندارد.`],
  [/^Unknown fragment "([^"]+)"\./, (name) => `قطعه‌ای (fragment) به نام «${name}» تعریف نشده است.`],
  [/^Fragment "([^"]+)" is never used\./, (name) => `قطعهٔ «${name}» تعریف شده ولی به کار نرفته است.`],
  [/^Variable "\$([^"]+)" is never used/, (name) => `متغیر «$${name}» تعریف شده ولی به کار نرفته است.`],
  [/^Variable "\$([^"]+)" is not defined/, (name) => `متغیر «$${name}» به کار رفته ولی تعریف نشده است.`],
  [
    /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\./,
    (name, type) => `مقدار متغیر لازم «$${name}» (از نوع ${type}) فرستاده نشده است.`,
  ],
  [
    /^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\./,
    (name, type) => `متغیر «$${name}» (از نوع ${type}) نمی‌تواند خالی (null) باشد.`,
  ],
  [
    /^Variable "\$([^"]+)" got invalid value (.*)$/s,
    (name) => `مقدار متغیر «$${name}» با نوع آن نمی‌خواند؛ نوع هر ورودی را در مستندات طرح ببینید.`,
  ],
  [
    /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    (name, type, expected) => `متغیر «$${name}» از نوع ${type} است ولی این‌جا نوع ${expected} لازم است.`,
  ],
  [
    /^Expected value of type "([^"]+)", found (.*?)(?:;.*)?\.?$/s,
    (type, found) => `مقدار ${found} از نوع ${type} نیست.`,
  ],
  [
    /^Enum "([^"]+)" cannot represent non-enum value: (.*?)\./s,
    (type, found) => `مقدار ${found} از گزینه‌های ${type} نیست.`,
  ],
  [
    /^There can be only one (?:operation|fragment|argument|variable) named "([^"]+)"\./,
    (name) => `نام «${name}» بیش از یک بار تعریف شده است.`,
  ],
  [
    /^Value "([^"]+)" does not exist in "([^"]+)" enum\./,
    (value, type) => `«${value}» از گزینه‌های ${type} نیست؛ گزینه‌ها را در مستندات طرح ببینید.`,
  ],
  [
    /^(Int|Float|String|Boolean|ID) cannot represent (?:a )?(?:non[- ][a-z]+|[a-z]+) value: (.*)$/s,
    (type, found) => `مقدار ${found} از نوع ${type} نیست.`,
  ],
  [/^Unknown directive "@([^"]+)"\./, (name) => `رهنمود «@${name}» شناخته نیست.`],
  [
    /^Anonymous operation must be the only defined operation\./,
    () => "عملیات بی‌نام باید تنها عملیات پرسش باشد؛ به هر عملیات نامی بدهید.",
  ],
  [
    /^Field "([^"]+)" is not defined by type "([^"]+)"\./,
    (field, type) => `ورودی «${type}» فیلدی به نام «${field}» ندارد.`,
  ],
  [
    /^Field "([^"]+)" of required type "([^"]+)" was not provided\./,
    (field, type) => `فیلد لازم «${field}» (از نوع ${type}) در ورودی نیست.`,
  ],
  [
    /^Fields "([^"]+)" conflict because/,
    (alias) => `پاسخ «${alias}» دو بار با معناهای متفاوت خواسته شده است؛ برای یکی نام مستعار (alias) بگذارید.`,
  ],
  [/^Must provide query string\./, () => "متن پرسش (query) فرستاده نشده است."],
  [
    /^Must provide operation name if query contains multiple operations\./,
    () => "پرسش چند عملیات دارد؛ نام عملیاتی را که باید اجرا شود در operationName بفرستید.",
  ],
];

/** The Persian message for an English GraphQL/limit message, or null when there is none. */
export function persianMessage(message: string): string | null {
  for (const [pattern, render] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return null;
}

const TRANSLATED_CODES = new Set([
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** The gateway's `formatError`: the shared masking, then English GraphQL messages in Persian. */
export function formatGatewayError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const masked = formatError(formatted, original);
  const code = masked.extensions?.code;
  if (typeof code !== "string" || !TRANSLATED_CODES.has(code)) return masked;
  const persian = persianMessage(masked.message);
  if (persian)
    return { ...masked, message: persian, extensions: { ...masked.extensions, originalMessage: masked.message } };
  if (code === "GRAPHQL_VALIDATION_FAILED" && !/[^\u0020-\u007E\s]/.test(masked.message)) {
    return {
      ...masked,
      message: "پرسش با طرح (schema) هم‌افزا نمی‌خواند؛ متن اصلی خطا را در originalMessage ببینید.",
      extensions: { ...masked.extensions, originalMessage: masked.message },
    };
  }
  return masked;
}
