import { LicenceState, LicenceStatus } from "../entities/Licence";
import { addDays, licenceExpiringDays, tehranToday } from "../validation";

/**
 * A licence's state on a day; the twin of the SQL function `licence_state` (migration 1764000000000), which
 * filters and groups by the same rule in the database. A test keeps the two in agreement.
 */
export function deriveLicenceState(
  licence: { status: LicenceStatus; suspendedUntil: string | null; expiresOn: string } | null | undefined,
  onDate: string = tehranToday(),
  windowDays: number = licenceExpiringDays(),
): LicenceState {
  if (!licence) return LicenceState.NONE;
  if (licence.status === LicenceStatus.REVOKED) return LicenceState.REVOKED;
  if (
    licence.status === LicenceStatus.SUSPENDED &&
    (licence.suspendedUntil === null || licence.suspendedUntil >= onDate)
  )
    return LicenceState.SUSPENDED;
  if (licence.expiresOn < onDate) return LicenceState.EXPIRED;
  if (licence.expiresOn <= windowEnd(onDate, windowDays)) return LicenceState.EXPIRING;
  return LicenceState.ACTIVE;
}

/** The last day of the EXPIRING window from `onDate`; a page of NGOs asks the same day and window each time. */
let lastWindow = { onDate: "", windowDays: NaN, end: "" };
function windowEnd(onDate: string, windowDays: number): string {
  if (lastWindow.onDate !== onDate || lastWindow.windowDays !== windowDays)
    lastWindow = { onDate, windowDays, end: addDays(onDate, windowDays) };
  return lastWindow.end;
}

/** Named parameters of the SQL state expressions: today on Tehran's clock and the EXPIRING window. */
export function licenceStateParams(onDate: string = tehranToday()): { licenceToday: string; licenceWindow: number } {
  return { licenceToday: onDate, licenceWindow: licenceExpiringDays() };
}

/** SQL state of a `licence` row aliased `alias`, with the parameters of `licenceStateParams`. */
export function licenceStateSql(alias: string): string {
  return `licence_state(${alias}.status, ${alias}.suspended_until, ${alias}.expires_on, CAST(:licenceToday AS date), CAST(:licenceWindow AS integer))`;
}

/** Whether a `licence` row aliased `alias` is its NGO's current licence (the latest issued). */
export function isCurrentLicenceSql(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM licence newer WHERE newer.ngo_id = ${alias}.ngo_id AND (newer.issued_on, newer.created_at) > (${alias}.issued_on, ${alias}.created_at))`;
}

/**
 * SQL state of the current licence of an `ngo` row aliased `alias`, from the columns the licence triggers keep on the
 * row (migration NgoCurrentLicence): an expression on the row, no subquery. 'NONE' without a licence. Equal to
 * `currentLicenceStateSql(alias + ".id")` (tested).
 */
export function ngoLicenceStateSql(alias: string): string {
  return `licence_state(${alias}.current_licence_status, ${alias}.current_licence_suspended_until, ${alias}.current_licence_expires_on, CAST(:licenceToday AS date), CAST(:licenceWindow AS integer))`;
}

/** SQL state of an NGO's current licence (the latest issued), 'NONE' without one, read from `licence`. */
export function currentLicenceStateSql(ngoIdExpression: string): string {
  return `coalesce((SELECT ${licenceStateSql("cur")} FROM licence cur WHERE cur.ngo_id = ${ngoIdExpression} ORDER BY cur.issued_on DESC, cur.created_at DESC LIMIT 1), 'NONE')`;
}
