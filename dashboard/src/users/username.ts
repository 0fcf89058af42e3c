import { toAsciiDigits } from "../common/persianDigits";

/** Usernames are compared lower-case with ASCII digits (as the server does); Persian or Arabic digits become ASCII. */
export function parseUsername(value: string): string {
  return toAsciiDigits(value).trim().toLowerCase();
}
