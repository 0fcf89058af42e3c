import { FieldProblem } from "./errors";

/**
 * Text that can never be meant: NUL and the other C0 control characters except tab, line feed and carriage return,
 * DEL, and UTF-16 surrogates without their pair (broken Unicode; PostgreSQL refuses both NUL and lone surrogates).
 * Such input is refused before any operation runs, for every caller (docs/security.md, "Input text").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). They can make a name
 * display differently from what it is (spoofing) and carry no meaning of their own, so they are removed from all
 * input; the marks LRM/RLM and the joiners ZWNJ/ZWJ that Persian text needs are kept.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const CONTROL_CHARACTER_MESSAGE = "متن شامل نویسهٔ کنترلی نامعتبر (مانند NUL) است؛ متن را دوباره تایپ کنید.";
export const BROKEN_UNICODE_MESSAGE = "متن شامل نویسهٔ ناقص یونیکد است؛ متن را دوباره تایپ یا از منبع درست کپی کنید.";

/** What is wrong with one string, or null. */
export function unsafeTextMessage(text: string): string | null {
  if (CONTROL.test(text)) return CONTROL_CHARACTER_MESSAGE;
  if (LONE_SURROGATE.test(text)) return BROKEN_UNICODE_MESSAGE;
  return null;
}

/** Every string (and object key) in a JSON value that holds unsafe text, named by its path (`input.name`). */
export function unsafeTextProblems(value: unknown, path = ""): FieldProblem[] {
  if (typeof value === "string") {
    const message = unsafeTextMessage(value);
    return message ? [{ field: path, message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeTextProblems(item, `${path}[${index}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      const keyPath = path ? `${path}.${key}` : key;
      const keyMessage = unsafeTextMessage(key);
      return keyMessage ? [{ field: keyPath, message: keyMessage }] : unsafeTextProblems(item, keyPath);
    });
  }
  return [];
}

/** The JSON value with bidirectional controls removed from every string. */
export function withoutBidiControls<T>(value: T): T {
  if (typeof value === "string") return value.replace(BIDI_CONTROLS, "") as T;
  if (Array.isArray(value)) return value.map((item) => withoutBidiControls(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutBidiControls(item)])) as T;
  }
  return value;
}
