import { logger } from "@hamafza/common";
import {
  AppError,
  ErrorCode,
  GATEWAY_SECRET_HEADER,
  setting,
  REQUEST_ID_HEADER,
  RequestContext,
  requireUser,
} from "@hamafza/common";
import { RunPhase } from "./entities/Run";
import { FactsSnapshot, QUALIFYING_RULES, SnapshotBuilder, SnapshotManager } from "./scoring";
import { SharedEngagementAnswer, unshareFacts } from "./sharedFacts";
import { shareStrings } from "./shareStrings";

/**
 * The evaluation service's only HTTP client: it reads the facts of a computation run from the registry and
 * engagement subgraphs directly, with the caller's own access token (so the caller's territory applies) and the
 * gateway secret. Calls per run: registry ×2 (managers with tenure + active NGO counts; remaining manager pages by
 * aliases), engagement ×1 per ≈ 2,000 managers (`factsPages`, two at a time, each folded in as it arrives), registry ×1 per ≈ 1.5 MB of licence-state
 * questions (every attending NGO on every meeting day, `licenceStatesOnDays`; two at a time).
 */

/** Reports that a run is `fraction` (0–1) through `phase`. */
export type ProgressReporter = (phase: RunPhase, fraction: number) => Promise<void>;

/**
 * Called by the built-in reader once the snapshot object exists but its `licenceStates` are still being fetched
 * (`licences` resolves when they are in, rejects when fetching them fails): the run packs the rest meanwhile.
 */
export type EarlySnapshot = (snapshot: FactsSnapshot, licences: Promise<void>) => void;

/** Where the facts of a run come from: the subgraphs in production, a function in tests. */
export type FactsSource = (
  ctx: RequestContext,
  year: number,
  progress: ProgressReporter,
  early?: EarlySnapshot,
) => Promise<FactsSnapshot>;

export interface UpstreamConfig {
  registryUrl?: string;
  engagementUrl?: string;
  gatewaySecret: string;
  /** Longest wait for one upstream answer; HAMAFZA_UPSTREAM_TIMEOUT_MS (120 s) by default. */
  timeoutMs?: number;
}

/** The default upstream timeout: a hung subgraph fails the run with a Persian message instead of leaving it RUNNING. */
export const upstreamTimeoutMs = (env: NodeJS.ProcessEnv = process.env) => setting("HAMAFZA_UPSTREAM_TIMEOUT_MS", env);

const UPSTREAM_FAILED = "دریافت داده‌ها از سرویس‌های ثبت یا تعامل ممکن نشد؛ کمی بعد دوباره تلاش کنید.";
const upstreamTooSlow = (ms: number) =>
  `سرویس‌های ثبت یا تعامل در ${Math.round(ms / 1000).toLocaleString("fa-IR")} ثانیه پاسخ ندادند؛ محاسبه متوقف شد. کمی بعد دوباره تلاش کنید.`;

async function call<T>(
  ctx: RequestContext,
  config: UpstreamConfig,
  url: string | undefined,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const token = ctx.accessToken;
  if (!url || !token)
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, UPSTREAM_FAILED, { reason: "upstream not configured" });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const timeoutMs = config.timeoutMs ?? upstreamTimeoutMs();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        [GATEWAY_SECRET_HEADER]: config.gatewaySecret,
        [REQUEST_ID_HEADER]: ctx.requestId,
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    body = (await response.json().catch(() => ({}))) as typeof body;
  } catch (error) {
    logger.error({ err: error }, `[evaluation] upstream ${url} unreachable (request ${ctx.requestId})`);
    throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, signal.aborted ? upstreamTooSlow(timeoutMs) : UPSTREAM_FAILED);
  }
  if (body.errors?.length || !body.data) {
    // The upstream's own user-facing errors (e.g. UNAUTHENTICATED, LOCKED) pass through; anything else is "unavailable".
    const first = body.errors?.[0];
    const code = first?.extensions?.code as ErrorCode | undefined;
    if (first && code && code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values(ErrorCode).includes(code))
      throw new AppError(code, first.message);
    throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, UPSTREAM_FAILED);
  }
  return body.data;
}

const PAGE = 200;
/**
 * Managers per engagement facts request: at national scale 1,000 managers ≈ 11 million characters of answer (agency
 * facts repeated for each manager of the agency). The page bounds both services' memory (two pages in flight): with
 * its deployed heap cap engagement peaked at 392–406 MiB with pages of 2,000, at 232–286 MiB with 1,000, for the
 * same CPU (docs/performance.md, seventh round, h-b).
 */
export const FACTS_PAGE = 1000;
const LICENCE_REQUEST_BYTES = 1_500_000;

/** Splits `items` into consecutive batches whose estimated size stays under `limit` (an item larger than it goes alone). */
export function batchBySize<T>(items: T[], sizeOf: (item: T) => number, limit: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (current.length > 0 && size + itemSize > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs `work` over `items`, at most `concurrency` at a time; after a failure no further item is started. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * The pages of an engagement facts read: every manager exactly once, the managers of an agency in the same page (in
 * order of the agency's first manager), pages filled up to `size` managers; an agency with more than `size`
 * managers is split over pages of its own (correct too: agency facts are merged by id, only sent more than once).
 */
export function factsPages<M extends { id: string; agencyId: string }>(managers: M[], size: number): M[][] {
  const byAgency = new Map<string, M[]>();
  for (const m of managers) {
    const group = byAgency.get(m.agencyId);
    if (group) group.push(m);
    else byAgency.set(m.agencyId, [m]);
  }
  const groups: M[][] = [];
  for (const group of byAgency.values())
    for (let i = 0; i < group.length; i += size) groups.push(group.slice(i, i + size));
  return batchBySize(groups, (g) => g.length, size).map((batch) => batch.flat());
}
const MANAGER_FIELDS = "id name position positionKind agencyId provinceId countyId tenureStart tenureEnd";

/** Managers with tenure in the year (in the caller's territory), all pages. */
async function fetchManagers(ctx: RequestContext, config: UpstreamConfig, year: number) {
  type Page = { items: SnapshotManager[]; totalCount: number };
  const first = await call<{
    managers: Page;
    provinces: { key: string; count: number }[];
    counties: { key: string; count: number }[];
    licensedProvinces: { key: string; count: number }[];
    licensedCounties: { key: string; count: number }[];
    expiringProvinces: { key: string; count: number }[];
    expiringCounties: { key: string; count: number }[];
  }>(
    ctx,
    config,
    config.registryUrl,
    `query ($year: Int!) {
      managers(filter: { tenureInJalaliYear: $year }, offset: 0, limit: ${PAGE}, sort: { field: "id", order: ASC }) { totalCount items { ${MANAGER_FIELDS} } }
      provinces: ngoCounts(groupBy: PROVINCE, filter: { status: ACTIVE }) { key count }
      counties: ngoCounts(groupBy: COUNTY, filter: { status: ACTIVE }) { key count }
      licensedProvinces: ngoCounts(groupBy: PROVINCE, filter: { status: ACTIVE, licenceState: ACTIVE }) { key count }
      licensedCounties: ngoCounts(groupBy: COUNTY, filter: { status: ACTIVE, licenceState: ACTIVE }) { key count }
      expiringProvinces: ngoCounts(groupBy: PROVINCE, filter: { status: ACTIVE, licenceState: EXPIRING }) { key count }
      expiringCounties: ngoCounts(groupBy: COUNTY, filter: { status: ACTIVE, licenceState: EXPIRING }) { key count }
    }`,
    { year },
  );
  const managers = [...first.managers.items];
  const pages = Math.ceil(first.managers.totalCount / PAGE);
  if (pages > 1) {
    const aliases = Array.from(
      { length: pages - 1 },
      (_, i) =>
        `p${i + 1}: managers(filter: { tenureInJalaliYear: $year }, offset: ${(i + 1) * PAGE}, limit: ${PAGE}, sort: { field: "id", order: ASC }) { items { ${MANAGER_FIELDS} } }`,
    );
    const rest = await call<Record<string, Page>>(
      ctx,
      config,
      config.registryUrl,
      `query ($year: Int!) { ${aliases.join("\n")} }`,
      { year },
    );
    for (let i = 1; i < pages; i++) managers.push(...rest[`p${i}`].items);
  }
  const counts = (rows: { key: string; count: number }[]) =>
    Object.fromEntries(rows.filter((r) => r.key).map((r) => [r.key, r.count]));
  // Valid licences (NGO_REACH's denominator under rules version 2): ACTIVE plus EXPIRING, per territory.
  const sum = (a: Record<string, number>, b: Record<string, number>) => {
    const out = { ...a };
    for (const [key, n] of Object.entries(b)) out[key] = (out[key] ?? 0) + n;
    return out;
  };
  return {
    managers,
    activeNgos: { byProvince: counts(first.provinces), byCounty: counts(first.counties) },
    licensedNgos: {
      byProvince: sum(counts(first.licensedProvinces), counts(first.expiringProvinces)),
      byCounty: sum(counts(first.licensedCounties), counts(first.expiringCounties)),
    },
  };
}

/** Fetches and assembles a run's facts snapshot, format 2 (managers, engagement facts, licence states, active NGO counts). */
export async function fetchFactsSnapshot(
  ctx: RequestContext,
  config: UpstreamConfig,
  year: number,
  progress: ProgressReporter,
  early?: EarlySnapshot,
): Promise<FactsSnapshot> {
  requireUser(ctx);
  await progress(RunPhase.FETCHING_MANAGERS, 0);
  const { managers, activeNgos, licensedNgos } = await fetchManagers(ctx, config, year);
  await progress(RunPhase.FETCHING_FACTS, 0);
  // Facts in pages of ≈ FACTS_PAGE managers (an agency's managers in one page, so its facts come once), two at a
  // time, each folded into the snapshot as it arrives and then dropped: neither service holds the whole country's
  // answer at once. `evaluationRows` is the same facts as `managers`, as one JSON value (no per-leaf resolution), with
  // each agency's facts written once (sharedFacts.ts).
  const builder = new SnapshotBuilder();
  const seen = new Map<string, string>();
  const byDate = new Map<string, Set<string>>();
  const pages = factsPages(managers, FACTS_PAGE);
  let asOf: string | undefined;
  let pagesDone = 0;
  await inParallel(pages.length ? pages : [[]], 2, async (page) => {
    const { engagementFacts } = await call<{
      engagementFacts: { asOf: string; evaluationRows: SharedEngagementAnswer };
    }>(
      ctx,
      config,
      config.engagementUrl,
      `query ($year: Int!, $agencies: [ManagerAgencyInput!]!) {
        engagementFacts(year: $year, managerIds: [], managerAgencies: $agencies) {
          asOf
          evaluationRows(shareAgencyFacts: true)
        }
      }`,
      { year, agencies: page.map((m) => ({ managerId: m.id, agencyId: m.agencyId })) },
    );
    // The day the facts are judged on (by the evaluation, when scoring): the first answer's, as one run has one.
    asOf ??= engagementFacts.asOf;
    // Each id and title held once for the whole run, not once per occurrence in the answers (an NGO's id in each of
    // its meetings: ≈ 474,000 for 30,000 NGOs in the whole country).
    for (const m of builder.add(unshareFacts(shareStrings(engagementFacts.evaluationRows, seen))))
      for (const ngo of m.ngoIds) byDate.set(m.date, (byDate.get(m.date) ?? new Set()).add(ngo));
    await progress(RunPhase.FETCHING_FACTS, ++pagesDone / Math.max(1, pages.length));
  });
  seen.clear();
  await progress(RunPhase.FETCHING_LICENCES, 0);
  // Raw facts with the thresholds that will judge them (the rubric's, now); agency facts once per agency. Built
  // before the licence states are in (the same object is filled in below), so `early` can pack the rest meanwhile.
  const licenceStates: Record<string, string> = {};
  const snapshot = builder.build({
    year,
    asOf: asOf!,
    rules: QUALIFYING_RULES,
    managers,
    licenceStates,
    activeNgos,
    licensedNgos,
  });
  const licences = fetchLicenceStates(ctx, config, byDate, licenceStates, progress);
  early?.(snapshot, licences);
  await licences;
  return snapshot;
}

/** Fills `licenceStates` (`ngoId|day` → state) for every attending NGO on every meeting day of `byDate`. */
async function fetchLicenceStates(
  ctx: RequestContext,
  config: UpstreamConfig,
  byDate: Map<string, Set<string>>,
  licenceStates: Record<string, string>,
  progress: ProgressReporter,
): Promise<void> {
  // Licence state of every attending NGO on every meeting day: asks of (day, ≤1000 NGOs), as few requests as the
  // subgraphs' 2 MB body limit allows (≈ 1.5 MB each), two at a time. `licenceStatesOnDays` answers each request as
  // one JSON value (the states aligned to the asked ids), not one GraphQL object per (NGO, day) pair.
  const asks: { date: string; ids: string[] }[] = [];
  for (const [date, ids] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = [...ids].sort();
    for (let i = 0; i < list.length; i += 1000) asks.push({ date, ids: list.slice(i, i + 1000) });
  }
  const batches = batchBySize(asks, (ask) => ask.ids.length * 40 + 150, LICENCE_REQUEST_BYTES);
  const answers: (string | null)[][][] = [];
  let batchesDone = 0;
  await inParallel([...batches.keys()], 2, async (b) => {
    const batch = batches[b];
    const { licenceStatesOnDays } = await call<{ licenceStatesOnDays: (string | null)[][] }>(
      ctx,
      config,
      config.registryUrl,
      `query ($asks: [LicenceStatesAsk!]!) { licenceStatesOnDays(asks: $asks) }`,
      { asks: batch.map((a) => ({ date: a.date, ngoIds: a.ids })) },
    );
    const aligned =
      Array.isArray(licenceStatesOnDays) &&
      licenceStatesOnDays.length === batch.length &&
      batch.every((a, i) => Array.isArray(licenceStatesOnDays[i]) && licenceStatesOnDays[i].length === a.ids.length);
    if (!aligned)
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, UPSTREAM_FAILED, { reason: "licence states not aligned" });
    answers[b] = licenceStatesOnDays;
    await progress(RunPhase.FETCHING_LICENCES, ++batchesDone / batches.length);
  });
  // In the order asked (day, then NGO id), whichever request answered first: the snapshot's text depends on it.
  batches.forEach((batch, b) =>
    batch.forEach((a, i) =>
      a.ids.forEach((id, j) => {
        const state = answers[b][i][j];
        if (state !== null) licenceStates[`${id}|${a.date}`] = state;
      }),
    ),
  );
  await progress(RunPhase.FETCHING_LICENCES, 1);
}

/** Locks the engagement records of the year (for the province, or the whole country) on the engagement subgraph. */
export async function lockEngagementYear(
  ctx: RequestContext,
  config: UpstreamConfig,
  year: number,
  provinceId: string | null,
  reason: string,
): Promise<void> {
  await call(
    ctx,
    config,
    config.engagementUrl,
    `mutation ($year: Int!, $provinceId: ID, $reason: String) { lockEngagementPeriod(year: $year, provinceId: $provinceId, reason: $reason) { id } }`,
    { year, provinceId, reason },
  );
}

/** Per running service (keyed by its data source): where the facts come from. Set by `startEvaluation`. */
const runtimes = new WeakMap<object, { config: UpstreamConfig; factsSource?: FactsSource }>();

export function registerUpstream(db: object, config: UpstreamConfig, factsSource?: FactsSource): void {
  runtimes.set(db, { config, factsSource });
}

/**
 * `jsonFacts`: whether the source's facts are plain parsed JSON (strings, numbers, booleans, null, arrays, plain
 * objects — what a JSON round trip leaves unchanged): true for the built-in reader (`fetchFactsSnapshot` builds them
 * from the subgraphs' JSON answers), false for a source given to the service.
 */
export function upstreamOf(ctx: RequestContext): {
  config: UpstreamConfig;
  factsSource: FactsSource;
  jsonFacts: boolean;
} {
  const runtime = runtimes.get(ctx.db);
  if (!runtime)
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, UPSTREAM_FAILED, { reason: "upstream not configured" });
  return {
    config: runtime.config,
    factsSource:
      runtime.factsSource ??
      ((c, year, progress, early) => fetchFactsSnapshot(c, runtime.config, year, progress, early)),
    jsonFacts: !runtime.factsSource,
  };
}
