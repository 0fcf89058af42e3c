import { AppError, ErrorCode, tidyDisplayText, toAsciiDigits, Validator } from "@hamafza/common";
import { LicenceState } from "../entities/Licence";
import { NgoStatus } from "../entities/Ngo";
import { normalizeCode } from "../validation";
import { NgoFieldChange, NgoChangeRequestStatus, NgoRegulatedField } from "./NgoChangeRequest";

/** The regulated values of an NGO, as stored. */
export interface RegulatedValues {
  name: string;
  nationalId: string;
  registrationNumber: string | null;
}

/** What a representative asks for: the new values (omitted: unchanged). */
export interface RequestedValues {
  name?: string | null;
  nationalId?: string | null;
  registrationNumber?: string | null;
}

/** How each regulated field is compared and stored (the same normalisation as an official's edit). */
const FIELDS: { field: NgoRegulatedField; key: keyof RegulatedValues; normalise: (value: string) => string }[] = [
  { field: NgoRegulatedField.NAME, key: "name", normalise: (value) => tidyDisplayText(value) },
  { field: NgoRegulatedField.NATIONAL_ID, key: "nationalId", normalise: (value) => toAsciiDigits(value.trim()) },
  {
    field: NgoRegulatedField.REGISTRATION_NUMBER,
    key: "registrationNumber",
    normalise: (value) => normalizeCode(value),
  },
];

/**
 * The fields that really change, each with its current value; BAD_USER_INPUT when nothing would. Values are checked
 * for shape by the NGO's own rules (`checkNgoValues`) before; a blank value is "unchanged" (a regulated field is never
 * cleared by request).
 */
export function requestedChanges(current: RegulatedValues, requested: RequestedValues): NgoFieldChange[] {
  const changes: NgoFieldChange[] = [];
  for (const { field, key, normalise } of FIELDS) {
    const raw = requested[key];
    if (raw === undefined || raw === null || !raw.trim()) continue;
    const value = normalise(raw);
    if (value && value !== current[key]) changes.push({ field, current: current[key], requested: value });
  }
  if (changes.length === 0)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      "مقدار تازه‌ای برای نام، شناسه ملی یا شماره ثبت وارد نشده است؛ دست‌کم یکی را با مقدار درست تازه پر کنید.",
      { fields: [{ field: "name", message: "دست‌کم یکی از مشخصات ثبتی را با مقدار تازه پر کنید." }] },
    );
  return changes;
}

/** The NGO input (`NgoValues`) that applies an approved request's values. */
export function valuesToApply(changes: NgoFieldChange[]): {
  name?: string;
  nationalId?: string;
  registrationNumber?: string;
} {
  const values: { name?: string; nationalId?: string; registrationNumber?: string } = {};
  for (const change of changes) {
    const key = FIELDS.find((f) => f.field === change.field)!.key;
    values[key] = change.requested;
  }
  return values;
}

/** The representative's explanation and document reference. */
export function checkRequestTexts(v: Validator, reason: string, reference: string | null | undefined): void {
  v.text(reason, "reason", "دلیل درخواست", { min: 5, max: 1000 });
  v.text(reference, "reference", "شماره یا مرجع مدرک", { max: 300, required: false });
}

/** Only a PENDING request is decided; a decided one is final. */
export function assertPending(status: NgoChangeRequestStatus): void {
  if (status !== NgoChangeRequestStatus.PENDING)
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      status === NgoChangeRequestStatus.APPROVED
        ? "این درخواست پیش‌تر تأیید و اعمال شده است."
        : "این درخواست پیش‌تر رد شده است؛ در صورت نیاز درخواست تازه‌ای ثبت شود.",
    );
}

/** The official's note: required (3–1000 characters) for a rejection, optional for an approval. */
export function checkedDecisionNote(note: string | null | undefined, rejecting: boolean): string | null {
  const text = note?.trim() ?? "";
  if (rejecting && (text.length < 3 || text.length > 1000))
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      "دلیل رد درخواست را بنویسید (۳ تا ۱۰۰۰ نویسه) تا نماینده سمن بداند چه کند.",
      {
        fields: [{ field: "note", message: "دلیل رد را بنویسید." }],
      },
    );
  if (text.length > 1000)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "یادداشت تصمیم حداکثر ۱۰۰۰ نویسه است.", {
      fields: [{ field: "note", message: "یادداشت را کوتاه‌تر کنید." }],
    });
  return text ? tidyDisplayText(text) : null;
}

/**
 * Whether an NGO's representatives may still change its record (docs/self-service.md, "Decisions"): not once the NGO
 * is dissolved or merged, nor while its licence is revoked — they keep reading it. Returns the Persian refusal, or
 * null when allowed.
 */
export function selfServiceRefusal(status: NgoStatus, licenceState: LicenceState): string | null {
  if (status === NgoStatus.DISSOLVED || status === NgoStatus.MERGED)
    return "این سمن منحل یا ادغام شده است؛ مشخصات آن را دیگر نمی‌توان از این‌جا تغییر داد.";
  if (licenceState === LicenceState.REVOKED)
    return "پروانه این سمن لغو شده است؛ تا صدور پروانه تازه فقط می‌توانید اطلاعات را ببینید. برای پیگیری با استانداری یا فرمانداری تماس بگیرید.";
  return null;
}
