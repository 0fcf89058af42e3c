import { verifyIranianLegalId, verifyIranianNationalId } from "@persian-tools/persian-tools";
import type { Validator } from "react-admin";
import { toAsciiDigits } from "../common/persianDigits";

/** Client-side checks matching the registry's (the server checks again and has the last word). */

const toAscii = toAsciiDigits;

/** شناسه ملی of a legal entity: 11 digits with the official check digit (the same library as the registry). */
export function isLegalNationalId(value: string): boolean {
  const digits = toAscii(value).trim();
  return /^\d{11}$/.test(digits) && verifyIranianLegalId(digits) === true;
}

/** کد ملی of a person: 10 digits with the official check digit (the same library as the registry). */
export function isNationalCode(value: string): boolean {
  const digits = toAscii(value).trim();
  return /^\d{10}$/.test(digits) && verifyIranianNationalId(digits) === true;
}

/** A mobile `09xxxxxxxxx` or a landline with its area code (11 digits); spaces, dashes and +98 allowed. */
export function isIranianPhone(value: string): boolean {
  let digits = toAscii(value).replace(/[\s\-()]/g, "");
  if (digits.startsWith("+98")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("0098")) digits = `0${digits.slice(4)}`;
  return /^0(9\d{9}|[1-8]\d{9})$/.test(digits);
}

const empty = (value: unknown) => value === null || value === undefined || value === "";

export const validateLegalNationalId: Validator = (value) =>
  empty(value) || isLegalNationalId(String(value)) ? undefined : "hamafza.ngos.nationalIdRule";

export const validateNationalCode: Validator = (value) =>
  empty(value) || isNationalCode(String(value)) ? undefined : "hamafza.ngos.nationalCodeRule";

export const validatePhone: Validator = (value) =>
  empty(value) || isIranianPhone(String(value)) ? undefined : "hamafza.ngos.phoneRule";

export const validatePhones: Validator = (value) =>
  !Array.isArray(value) || value.every((phone) => isIranianPhone(String(phone))) ? undefined : "hamafza.ngos.phoneRule";
