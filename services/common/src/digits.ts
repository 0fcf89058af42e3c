/**
 * Digit conversion by code point, the one implementation for the services and the dashboard (which imports this
 * file directly). It depends on nothing, so it can sit in the dashboard's first load: the i18nProvider applies
 * `toPersianDigits` to every text it shows.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const NON_ASCII_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/;
const NON_ASCII_DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;
const ASCII_DIGITS = /[0-9]/g;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, for identifiers, years and phones typed on a Persian keyboard. */
export function toAsciiDigits(input: string): string {
  // Most text has none (a bulk import calls this several times per row): skip the replacing pass then. Values that
  // are not text (untyped JSON reaching a validator) pass through for the validator to refuse.
  if (typeof input !== "string" || !NON_ASCII_DIGIT.test(input)) return input;
  return input.replace(NON_ASCII_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
}

/** ASCII digits of a number or text to Persian digits, for text shown to users. */
export function toPersianDigits(input: string | number): string {
  return String(input).replace(ASCII_DIGITS, (digit) => String.fromCharCode(PERSIAN_ZERO + Number(digit)));
}
