import {
  byKeys,
  groupByKeys,
  isUuid,
  RequestContext,
  requireUser,
  territoryCondition,
  uuidKeyedLoader,
  whereInTerritory,
  namedQuery,
} from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { Licence, LicenceState } from "../entities/Licence";
import { LicenceEvent } from "../entities/LicenceEvent";
import { Ngo } from "../entities/Ngo";
import { licenceStateParams } from "./licenceState";
import { NgoLicenceStateOn } from "./licenceInputs";

/** Officials: the NGO's territory; an NGO representative: their own NGO's licences (docs/self-service.md). */
const TERRITORY = { province: "ngo.provinceId", county: "ngo.countyId", ngo: "licence.ngoId" };

/** Licences of visible NGOs by id. */
export const licenceById = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence | null>(
    ctx,
    "LicenceById",
    async (ids) =>
      byKeys(ids, await licenceQuery(ctx).andWhere("licence.id IN (:...ids)", { ids }).getMany(), (row) => row.id),
    null,
  );

/** Each visible NGO's current licence (the latest issued), one `DISTINCT ON` statement per batch. */
export const currentLicenceByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence | null>(
    ctx,
    "CurrentLicenceByNgo",
    async (ids) => {
      const rows = await licenceQuery(ctx)
        .andWhere("licence.ngoId IN (:...ids)", { ids })
        .distinctOn(["licence.ngoId"])
        .orderBy("licence.ngoId")
        .addOrderBy("licence.issuedOn", "DESC")
        .addOrderBy("licence.createdAt", "DESC")
        .getMany();
      return byKeys(ids, rows, (row) => row.ngoId);
    },
    null,
  );

export const licencesByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Licence[]>(
    ctx,
    "LicencesByNgo",
    async (ids) => {
      const rows = await licenceQuery(ctx)
        .andWhere("licence.ngoId IN (:...ids)", { ids })
        .orderBy("licence.issuedOn", "DESC")
        .addOrderBy("licence.createdAt", "DESC")
        .getMany();
      return groupByKeys(ids, rows, (row) => row.ngoId);
    },
    [],
  );

export const eventsByLicence = (ctx: RequestContext) =>
  uuidKeyedLoader<LicenceEvent[]>(
    ctx,
    "LicenceEventsByLicence",
    async (ids) => {
      const query = ctx.db
        .getRepository(LicenceEvent)
        .createQueryBuilder("event")
        .innerJoin(Ngo, "ngo", "ngo.id = event.ngoId")
        .where("event.licenceId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), TERRITORY);
      const rows = await query.orderBy("event.effectiveOn", "ASC").addOrderBy("event.seq", "ASC").getMany();
      return groupByKeys(ids, rows, (row) => row.licenceId);
    },
    [],
  );

/**
 * State of many NGOs' licences on many days (keys `ngoId|date`) in one statement per batch, whatever the number of
 * distinct days, from the licence history. Limited to the user's territory, except with `anyTerritory` (evaluators
 * judging meetings attended by NGOs of other provinces).
 */
export const licenceStateOnLoader = (ctx: RequestContext, options: { anyTerritory?: boolean } = {}) =>
  ctx.loaders.get<string, NgoLicenceStateOn | null>(
    options.anyTerritory ? "LicenceStateOnAnyTerritory" : "LicenceStateOn",
    async (keys) => {
      const pairs: Array<{ key: string; ngoId: string; date: string }> = [];
      for (const key of new Set(keys)) {
        const [ngoId, date] = key.split("|");
        if (isUuid(ngoId) && date) pairs.push({ key, ngoId, date });
      }
      const found = new Map<string, NgoLicenceStateOn>();
      for (const row of await licenceStatesOnDates(ctx, pairs, options.anyTerritory ?? false))
        found.set(`${row.ngoId}|${row.date}`, row);
      return keys.map((key) => found.get(key) ?? null);
    },
  );

/**
 * One set-based statement for all (NGO, day) pairs: for each visible NGO and day, the licence current that day (the
 * latest issued by then) and its last history step by then, whose recorded status, expiry and suspension give the
 * state that day. Each NGO's licences and each licence's steps are read once and turned into day ranges (a licence is
 * current from its issue until the next one's; a step holds from its day until the next step's), which the pairs
 * join by hash — not two index probes per pair (issue 13: 40,934 pairs in a tenth of the national run, 410,000 in all).
 */
export async function licenceStatesOnDates(
  ctx: RequestContext,
  pairs: ReadonlyArray<{ ngoId: string; date: string }>,
  anyTerritory: boolean,
): Promise<NgoLicenceStateOn[]> {
  return (await licenceStateRows(ctx, pairs, anyTerritory)).map((row) => {
    const pair = pairs[row.index];
    return Object.assign(new NgoLicenceStateOn(), {
      ngoId: pair.ngoId,
      date: pair.date,
      state: row.state,
      licenceId: row.licenceId,
    });
  });
}

/**
 * `licenceStatesOnDates` as plain rows: for each pair of a visible NGO (absent NGOs and, without `anyTerritory`,
 * those outside the user's territory give no row), its index in `pairs`, the licence current that day and its state.
 */
export async function licenceStateRows(
  ctx: RequestContext,
  pairs: ReadonlyArray<{ ngoId: string; date: string }>,
  anyTerritory: boolean,
): Promise<Array<{ index: number; licenceId: string | null; state: LicenceState }>> {
  if (!pairs.length) return [];
  const user = requireUser(ctx);
  const scope = anyTerritory ? null : territoryCondition(user, { province: "n.province_id", county: "n.county_id" });
  const rows = await namedQuery<{ ord: string; licence_id: string | null; state: LicenceState }>(
    ctx.db,
    `WITH current_from AS (
            -- Of licences issued the same day, the one recorded last is current (as ORDER BY issued_on, created_at DESC).
            SELECT DISTINCT ON (l.ngo_id, l.issued_on) l.ngo_id, l.id AS licence_id, l.issued_on
              FROM licence l WHERE l.ngo_id = ANY(CAST(:distinctNgoIds AS uuid[]))
             ORDER BY l.ngo_id, l.issued_on, l.created_at DESC),
          current_range AS (
            SELECT c.*, lead(c.issued_on) OVER (PARTITION BY c.ngo_id ORDER BY c.issued_on) AS until FROM current_from c),
          step_from AS (
            -- Of steps effective the same day, the last in sequence holds.
            SELECT DISTINCT ON (e.licence_id, e.effective_on) e.licence_id, e.effective_on, e.status, e.suspended_until, e.expires_on
              FROM licence_event e WHERE e.licence_id IN (SELECT licence_id FROM current_from)
             ORDER BY e.licence_id, e.effective_on, e.seq DESC),
          step_range AS (
            SELECT s.*, lead(s.effective_on) OVER (PARTITION BY s.licence_id ORDER BY s.effective_on) AS until FROM step_from s)
     SELECT k.ord, cur.licence_id,
            licence_state(step.status, step.suspended_until, step.expires_on, k.on_date, CAST(:licenceWindow AS integer)) AS state
       FROM unnest(CAST(:ngoIds AS uuid[]), CAST(:dates AS date[])) WITH ORDINALITY AS k(ngo_id, on_date, ord)
       JOIN ngo n ON n.id = k.ngo_id ${scope ? `AND ${scope.sql}` : ""}
       LEFT JOIN current_range cur ON cur.ngo_id = k.ngo_id AND cur.issued_on <= k.on_date AND (cur.until IS NULL OR k.on_date < cur.until)
       LEFT JOIN step_range step ON step.licence_id = cur.licence_id AND step.effective_on <= k.on_date
                                AND (step.until IS NULL OR k.on_date < step.until)`,
    {
      licenceWindow: licenceStateParams().licenceWindow,
      ngoIds: pairs.map((p) => p.ngoId),
      distinctNgoIds: [...new Set(pairs.map((p) => p.ngoId))],
      dates: pairs.map((p) => p.date),
      ...(scope?.params ?? {}),
    },
  );
  return rows.map((row) => ({ index: Number(row.ord) - 1, licenceId: row.licence_id, state: row.state }));
}

/** Licences joined with their NGO, limited to the user's territory. */
export function licenceQuery(ctx: RequestContext): SelectQueryBuilder<Licence> {
  const query = ctx.db
    .getRepository(Licence)
    .createQueryBuilder("licence")
    .innerJoin(Ngo, "ngo", "ngo.id = licence.ngoId");
  return whereInTerritory(query, requireUser(ctx), TERRITORY);
}
