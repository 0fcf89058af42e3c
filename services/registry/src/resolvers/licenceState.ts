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

/** SQL expressions of a licence's three columns, as `licenceStatesSql` reads them. */
export interface LicenceColumnsSql {
  status: string;
  suspendedUntil: string;
  expiresOn: string;
}

/** The columns of a `licence` row aliased `alias`. */
export const licenceColumnsSql = (alias: string): LicenceColumnsSql => ({
  status: `${alias}.status`,
  suspendedUntil: `${alias}.suspended_until`,
  expiresOn: `${alias}.expires_on`,
});

/** The current licence's columns kept on an `ngo` row aliased `alias` (migration NgoCurrentLicence). */
export const ngoLicenceColumnsSql = (alias: string): LicenceColumnsSql => ({
  status: `${alias}.current_licence_status`,
  suspendedUntil: `${alias}.current_licence_suspended_until`,
  expiresOn: `${alias}.current_licence_expires_on`,
});

/** SQL state (`licence_state`) of the licence whose columns are `c`, with the parameters of `licenceStateParams`. */
export function licenceStateOfSql(c: LicenceColumnsSql): string {
  return `licence_state(${c.status}, ${c.suspendedUntil}, ${c.expiresOn}, CAST(:licenceToday AS date), CAST(:licenceWindow AS integer))`;
}

/** SQL state of a `licence` row aliased `alias`, with the parameters of `licenceStateParams`. */
export function licenceStateSql(alias: string): string {
  return licenceStateOfSql(licenceColumnsSql(alias));
}

/**
 * SQL condition "the licence of `columns` is in one of `states`", with the parameters of `licenceStateParams`: the
 * rows where `licence_state(…) IN (states)`, written as comparisons of the columns themselves. PostgreSQL estimates
 * those from the columns' statistics and can answer them from an index holding the columns; of the function's result
 * it knows nothing, and guessed 0.5 % where 80 % of a province's NGOs were ACTIVE, so it read and sorted all of them
 * for a page of 25 (issue 13). A WHERE condition: true for exactly the rows the function puts in `states`, on every
 * combination of its inputs (tested); for the others false or NULL, so never negate it. No states: false.
 */
export function licenceStatesSql(c: LicenceColumnsSql, states: readonly LicenceState[]): string {
  const today = "CAST(:licenceToday AS date)";
  const windowEnd = `${today} + CAST(:licenceWindow AS integer)`;
  const suspended = `(${c.status} = 'SUSPENDED' AND (${c.suspendedUntil} IS NULL OR ${c.suspendedUntil} >= ${today}))`;
  // Issued, neither revoked nor suspended: the dates decide (a missing end date counts as ACTIVE, as in the function).
  const running = `${c.status} IS NOT NULL AND ${c.status} <> 'REVOKED' AND NOT ${suspended}`;
  const one: Record<LicenceState, string> = {
    [LicenceState.NONE]: `${c.status} IS NULL`,
    [LicenceState.REVOKED]: `${c.status} = 'REVOKED'`,
    [LicenceState.SUSPENDED]: suspended,
    [LicenceState.EXPIRED]: `${running} AND ${c.expiresOn} < ${today}`,
    [LicenceState.EXPIRING]: `${running} AND ${c.expiresOn} >= ${today} AND ${c.expiresOn} <= ${windowEnd}`,
    [LicenceState.ACTIVE]: `${running} AND (${c.expiresOn} > ${windowEnd} OR ${c.expiresOn} IS NULL)`,
  };
  const distinct = [...new Set(states)];
  if (!distinct.length) return "FALSE";
  return `(${distinct.map((state) => `(${one[state]})`).join(" OR ")})`;
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
  return licenceStateOfSql(ngoLicenceColumnsSql(alias));
}

/** SQL state of an NGO's current licence (the latest issued), 'NONE' without one, read from `licence`. */
export function currentLicenceStateSql(ngoIdExpression: string): string {
  return `coalesce((SELECT ${licenceStateSql("cur")} FROM licence cur WHERE cur.ngo_id = ${ngoIdExpression} ORDER BY cur.issued_on DESC, cur.created_at DESC LIMIT 1), 'NONE')`;
}

/**
 * NGO rows read with their current licence's columns (the NGO list selects them): `Ngo.licenceState` derives the
 * state from those columns only for these rows. Any other row — loaded without them, or written and returned by a
 * mutation, where TypeORM may leave them null — goes through the current-licence loader.
 */
const readWithCurrentLicence = new WeakSet<object>();

/** Marks `rows` as read with their current licence's columns; returns them. */
export function withCurrentLicenceColumns<T extends object>(rows: T[]): T[] {
  for (const row of rows) readWithCurrentLicence.add(row);
  return rows;
}

/** Whether `row` was read with its current licence's columns (by the NGO list). */
export const hasCurrentLicenceColumns = (row: object): boolean => readWithCurrentLicence.has(row);
