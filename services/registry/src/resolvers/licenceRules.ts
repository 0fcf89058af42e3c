import {
  assertCanWrite,
  canRead,
  containsPattern,
  inTransaction,
  isUuid,
  notFound,
  recordAudit,
  RequestContext,
  requireUser,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  claimForWrite,
  invalidTransition,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { LICENCE_STATE_LABELS, Licence, LicenceState, LicensingAuthority } from "../entities/Licence";
import { LicenceAction, LicenceEvent } from "../entities/LicenceEvent";
import { Ngo } from "../entities/Ngo";
import { isNotInFuture, normalizeCode, tehranToday } from "../validation";
import {
  deriveLicenceState,
  isCurrentLicenceSql,
  licenceColumnsSql,
  licenceStateParams,
  licenceStatesSql,
} from "./licenceState";
import { LicenceFilter } from "./licenceInputs";
import { licenceQuery } from "./licenceLoaders";
import { linkRecordToEvent, lockJustifyingRecord } from "../supervision/supervisionLink";

export const LICENCE_CONSTRAINTS = {
  licence_number_unique: "پروانه‌ای با همین شماره برای این سمن قبلاً ثبت شده است.",
  licence_dates_check: "تاریخ انقضا باید پس از تاریخ صدور باشد.",
  licence_authority_name_check: "نام مرجع صدور را وارد کنید.",
};

export const LICENCE_SORTABLE = {
  expiresOn: "licence.expiresOn",
  issuedOn: "licence.issuedOn",
  number: "licence.number",
  status: "licence.status",
  createdAt: "licence.createdAt",
  updatedAt: "licence.updatedAt",
};

/** The licences of `filter`, for `licences` and `expiringLicences`. */
export function filteredLicences(ctx: RequestContext, filter: LicenceFilter | undefined): SelectQueryBuilder<Licence> {
  const query = licenceQuery(ctx);
  if (filter?.ids) query.andWhere("licence.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.ngoId) query.andWhere("licence.ngoId = :ngoId", { ngoId: uuidsForFilter([filter.ngoId])[0] });
  if (filter?.q) query.andWhere("lower(licence.number) LIKE :q", { q: containsPattern(normalizeCode(filter.q)) });
  if (filter?.authority) query.andWhere("licence.authority = :authority", { authority: filter.authority });
  if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.expiresFrom) query.andWhere("licence.expiresOn >= :expiresFrom", { expiresFrom: filter.expiresFrom });
  if (filter?.expiresTo) query.andWhere("licence.expiresOn <= :expiresTo", { expiresTo: filter.expiresTo });
  if (filter?.currentOnly) query.andWhere(isCurrentLicenceSql("licence"));
  if (filter?.states)
    query.andWhere(licenceStatesSql(licenceColumnsSql("licence"), filter.states), licenceStateParams());
  return query;
}

/** Which states each transition may start from. */
const ALLOWED_FROM: Record<Exclude<LicenceAction, LicenceAction.ISSUE>, LicenceState[]> = {
  [LicenceAction.RENEW]: [LicenceState.ACTIVE, LicenceState.EXPIRING, LicenceState.EXPIRED],
  [LicenceAction.SUSPEND]: [LicenceState.ACTIVE, LicenceState.EXPIRING],
  [LicenceAction.REINSTATE]: [LicenceState.SUSPENDED],
  [LicenceAction.REVOKE]: [LicenceState.ACTIVE, LicenceState.EXPIRING, LicenceState.EXPIRED, LicenceState.SUSPENDED],
};

const ACTION_LABELS: Record<LicenceAction, string> = {
  ISSUE: "صدور",
  RENEW: "تمدید",
  SUSPEND: "تعلیق",
  REINSTATE: "رفع تعلیق",
  REVOKE: "لغو",
};

/**
 * The shape of every transition but issue: lock the licence and its NGO (territory), check the effective day and
 * that the transition may start from the licence's state that day, let `prepare` check its input and return the
 * change, apply it, and record the history entry and the audit entry — all in one transaction.
 */
export async function transition(
  ctx: RequestContext,
  id: string,
  action: Exclude<LicenceAction, LicenceAction.ISSUE>,
  effectiveOnInput: string | null | undefined,
  prepare: (licence: Licence, v: Validator, effectiveOn: string) => () => string | null,
  justifiedBy?: string | null,
): Promise<Licence> {
  return inTransaction(ctx.db, LICENCE_CONSTRAINTS, async (em) => {
    const { licence, ngo } = await lockLicence(em, ctx, id);
    const before = { ...licence };
    const effectiveOn = effectiveOnInput ?? tehranToday();
    const last = await em.findOne(LicenceEvent, {
      where: { licenceId: id },
      order: { effectiveOn: "DESC", seq: "DESC" },
    });
    const fromState = deriveLicenceState(licence, effectiveOn);
    if (!ALLOWED_FROM[action].includes(fromState)) {
      throw invalidTransition(
        `${ACTION_LABELS[action]} پروانه‌ای با وضعیت «${LICENCE_STATE_LABELS[fromState]}» ممکن نیست.`,
        { state: fromState },
      );
    }
    const v = new Validator();
    v.check(isNotInFuture(effectiveOn), "effectiveOn", "تاریخ اثر نمی‌تواند در آینده باشد.");
    v.check(
      effectiveOn >= (last?.effectiveOn ?? licence.issuedOn),
      "effectiveOn",
      `تاریخ اثر نمی‌تواند پیش از آخرین رویداد ثبت‌شده پروانه (${last?.effectiveOn ?? licence.issuedOn}) باشد.`,
    );
    const apply = prepare(licence, v, effectiveOn);
    v.done();
    const record = justifiedBy ? await lockJustifyingRecord(em, licence, action, justifiedBy) : null;
    const previousExpiresOn = licence.expiresOn;
    const reason = apply();
    const saved = await em.save(licence);
    const eventId = await recordEvent(
      em,
      ctx,
      saved,
      action,
      fromState,
      effectiveOn,
      reason,
      action === LicenceAction.RENEW ? previousExpiresOn : null,
      record?.id ?? null,
    );
    if (record) await linkRecordToEvent(em, ctx, record, eventId);
    await auditLicence(em, ctx, `${action.toLowerCase()}Licence`, ngo, before as Licence, saved);
    return saved;
  });
}

export async function recordEvent(
  em: EntityManager,
  ctx: RequestContext,
  licence: Licence,
  action: LicenceAction,
  fromState: LicenceState,
  effectiveOn: string,
  reason: string | null,
  previousExpiresOn: string | null,
  supervisionRecordId: string | null = null,
): Promise<string> {
  const user = requireUser(ctx);
  const inserted = await em.insert(LicenceEvent, {
    licenceId: licence.id,
    ngoId: licence.ngoId,
    action,
    fromState,
    toState: deriveLicenceState(licence, effectiveOn),
    effectiveOn,
    reason,
    status: licence.status,
    expiresOn: licence.expiresOn,
    previousExpiresOn,
    suspendedUntil: licence.suspendedUntil,
    supervisionRecordId,
    actorId: user.id,
    actorUsername: user.username,
  });
  return (inserted.identifiers[0] as { id: string }).id;
}

/** The audit entry of a licence change, with its NGO's territory. */
export function auditLicence(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  ngo: Ngo,
  before: Licence | null,
  after: Licence | null,
) {
  return recordAudit(em, ctx, {
    action,
    entityType: "Licence",
    entityId: (after ?? before)!.id,
    provinceId: ngo.provinceId,
    countyId: ngo.countyId,
    before,
    after,
  });
}

/** The NGO of a licence being issued, locked; outside the territory "not found", outside the write scope forbidden. */
export async function lockNgo(em: EntityManager, ctx: RequestContext, ngoId: string): Promise<Ngo> {
  const user = requireUser(ctx);
  const ngo = isUuid(ngoId)
    ? await em.findOne(Ngo, { where: { id: ngoId }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!ngo || !canRead(user, ngo)) throw notFound("سمن", ngoId);
  assertCanWrite(user, ngo);
  return ngo;
}

/** A licence and its NGO, locked, with the NGO's territory checked. */
/** The licence, locked and claimed for a write (version check, version + 1, writer), with its NGO. */
export async function lockLicence(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<{ licence: Licence; ngo: Ngo }> {
  const user = requireUser(ctx);
  const licence = isUuid(id) ? await em.findOne(Licence, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  const ngo = licence ? await em.findOne(Ngo, { where: { id: licence.ngoId } }) : null;
  if (!licence || !ngo || !canRead(user, ngo)) throw notFound("پروانه", id);
  assertCanWrite(user, ngo);
  claimForWrite(licence, ctx, expectedVersion, "پروانه");
  return { licence, ngo };
}

export function checkLicenceIdentity(
  v: Validator,
  input: { number?: string; authority?: LicensingAuthority; authorityName?: string | null },
): void {
  if (input.number !== undefined)
    v.check(
      /^[\p{L}\p{N}][\p{L}\p{N}\s/._-]{0,49}$/u.test(normalizeCode(input.number ?? "")),
      "number",
      "شماره پروانه را درست وارد کنید (حداکثر ۵۰ نویسه از حروف، رقم و / - _ .).",
    );
  const needsName = input.authority === LicensingAuthority.OTHER;
  v.text(input.authorityName, "authorityName", "نام مرجع صدور", { min: 2, max: 200, required: needsName });
}

export function assignLicenceIdentity(
  licence: Licence,
  input: { number?: string; authority?: LicensingAuthority; authorityName?: string | null },
): void {
  if (input.number !== undefined) licence.number = normalizeCode(input.number);
  if (input.authority !== undefined && input.authority !== null) licence.authority = input.authority;
  if (input.authorityName !== undefined)
    licence.authorityName = input.authorityName ? tidyDisplayText(input.authorityName) : null;
}
