import type { Validator } from 'react-admin';

/** Client-side checks matching the registry's (the server checks again and has the last word). */

const toAscii = (value: string) =>
  value
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

/** شناسه ملی of a legal entity: 11 digits with the official check digit. */
export function isLegalNationalId(value: string): boolean {
  const digits = toAscii(value).trim();
  if (!/^\d{11}$/.test(digits)) return false;
  const d = Number(digits[9]) + 2;
  const weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(digits[i]) + d) * weights[i];
  const remainder = sum % 11;
  return Number(digits[10]) === (remainder === 10 ? 0 : remainder);
}

/** کد ملی of a person: 10 digits with the official check digit, not one repeated digit. */
export function isNationalCode(value: string): boolean {
  const digits = toAscii(value).trim();
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  const check = Number(digits[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}

/** A mobile `09xxxxxxxxx` or a landline with its area code (11 digits); spaces, dashes and +98 allowed. */
export function isIranianPhone(value: string): boolean {
  let digits = toAscii(value).replace(/[\s\-()]/g, '');
  if (digits.startsWith('+98')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0098')) digits = `0${digits.slice(4)}`;
  return /^0(9\d{9}|[1-8]\d{9})$/.test(digits);
}

const empty = (value: unknown) => value === null || value === undefined || value === '';

export const validateLegalNationalId: Validator = (value) =>
  empty(value) || isLegalNationalId(String(value)) ? undefined : 'hamafza.ngos.nationalIdRule';

export const validateNationalCode: Validator = (value) =>
  empty(value) || isNationalCode(String(value)) ? undefined : 'hamafza.ngos.nationalCodeRule';

export const validatePhone: Validator = (value) =>
  empty(value) || isIranianPhone(String(value)) ? undefined : 'hamafza.ngos.phoneRule';

export const validatePhones: Validator = (value) =>
  !Array.isArray(value) || value.every((phone) => isIranianPhone(String(phone))) ? undefined : 'hamafza.ngos.phoneRule';
