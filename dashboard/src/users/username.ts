/** Usernames are compared lower-case with ASCII digits (as the server does); Persian or Arabic digits become ASCII. */
export function parseUsername(value: string): string {
  return value
    .replace(/[۰-۹]/g, (digit) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(digit)))
    .replace(/[٠-٩]/g, (digit) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(digit)))
    .trim()
    .toLowerCase();
}
