import { logger } from "@hamafza/common";
import {
  AppError,
  ErrorCode,
  inTransaction,
  provinceScopeOf,
  recordAudit,
  RequestContext,
  requireUser,
  claimForWrite,
  collectOnHeapGrowth,
  copyFrom,
} from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { CycleState, EvaluationCycle } from "./entities/Cycle";
import { EvaluationRun, RunPhase, RunStatus } from "./entities/Run";
import { cycleOfYear } from "./resolvers/cycle";
import { asRulesVersion, CURRENT_RULES_VERSION, FactsSnapshot, ManagerResultData } from "./scoring";
import { planResults, ResultsHasher, scoredResults } from "./scoredResults";
import type { PackedSnapshotHeader } from "./scoringTypes";
import { RESULTS_COPY_SQL, resultCopyLine, resultValues } from "./resultRows";
import { slicesInTurns } from "./turns";
import { packSnapshot, packSnapshotWhenReady } from "./snapshotPacking";
import { ProgressReporter, upstreamOf } from "./upstream";

/**
 * A computation run as a background job: `beginRun` validates and creates the RUNNING row (its own short
 * transaction, so pollers see it at once); `executeRun` fetches the facts, scores and stores, reporting the phase
 * and progress on the row as it goes, and ends SUCCEEDED (results in one transaction) or FAILED (Persian message).
 */

export const COMPUTING_STATES = [CycleState.OPEN, CycleState.UNDER_REVIEW];

/** Where each phase sits on the 0–100 progress bar (start, end). */
const PHASE_SPAN: Record<RunPhase, [number, number]> = {
  QUEUED: [0, 0],
  FETCHING_MANAGERS: [0, 10],
  FETCHING_FACTS: [10, 55],
  FETCHING_LICENCES: [55, 70],
  SCORING: [70, 80],
  STORING: [80, 99],
  DONE: [100, 100],
};

export const RUN_CONSTRAINTS = {
  evaluation_run_one_running:
    "محاسبه دیگری برای همین چرخه و همین قلمرو در حال اجراست؛ پایان آن را در فهرست اجراها ببینید.",
};
/**
 * Results per chunk written to the results' COPY (≈ 8 KB of indicators' text a result for the whole country, so a chunk
 * of ≈ 100 KB): large enough that the stream's own work per chunk does not count, small enough that little of a run's
 * output waits in the process at any moment.
 */
const RESULTS_PER_CHUNK = 8;

/**
 * How far a run's heap may grow past what the last collection left before it is collected (`collectOnHeapGrowth`):
 * the whole-country run stays near 500 MB resident instead of 950, for a few collections more.
 */
export const RUN_HEAP_GROWTH_MB = 64;

const RUN_FAILED =
  "محاسبه با خطای داخلی متوقف شد و نتیجه‌ای ثبت نشد؛ دوباره اجرا کنید و اگر تکرار شد به پشتیبانی خبر دهید.";
const INTERRUPTED = "محاسبه با راه‌اندازی دوباره سرویس ارزیابی نیمه‌کاره ماند و نتیجه‌ای ثبت نشد؛ دوباره اجرا کنید.";
/** A run whose job could not be finished after its retries (its processes kept dying or stopping). */
export const RUN_LOST =
  "محاسبه پس از چند تلاش با توقف سرویس ارزیابی نیمه‌کاره ماند و نتیجه‌ای ثبت نشد؛ دوباره اجرا کنید.";
/** A queued run whose sealed access token can no longer be opened (the system restarted with a new gateway secret). */
export const RUN_ORPHANED =
  "محاسبه پیش از راه‌اندازی دوباره سامانه در صف مانده بود و دیگر قابل ادامه نیست؛ دوباره اجرا کنید.";

export function stateRefusal(cycle: EvaluationCycle): AppError {
  return new AppError(
    ErrorCode.INVALID_TRANSITION,
    `محاسبه و اصلاح امتیاز فقط در وضعیت «باز» یا «در حال بازبینی» ممکن است؛ چرخه ${cycle.year} اکنون در این وضعیت نیست.`,
    { state: cycle.state },
  );
}

/** The province a user's runs cover: none (the whole country) for administrators and national evaluators. */
export const runScopeOf = (ctx: RequestContext): string | null => provinceScopeOf(requireUser(ctx));

/**
 * Validates and creates the RUNNING run (CONFLICT while another run of the same cycle and scope is running);
 * `enqueue` adds its job in the same transaction, so a run exists exactly when its job does.
 */
export function beginRun(
  ctx: RequestContext,
  year: number,
  enqueue: (em: EntityManager, run: EvaluationRun) => Promise<void>,
): Promise<EvaluationRun> {
  return inTransaction(ctx.db, RUN_CONSTRAINTS, (em) => beginRunIn(em, ctx, year, enqueue));
}

/** `beginRun` inside the caller's transaction (whose constraint messages must include `RUN_CONSTRAINTS`). */
export async function beginRunIn(
  em: EntityManager,
  ctx: RequestContext,
  year: number,
  enqueue: (em: EntityManager, run: EvaluationRun) => Promise<void>,
): Promise<EvaluationRun> {
  const user = requireUser(ctx);
  const provinceId = runScopeOf(ctx);
  const cycle = await cycleOfYear(em, year, true);
  if (!COMPUTING_STATES.includes(cycle.state)) throw stateRefusal(cycle);
  const run = await em.save(
    em.create(EvaluationRun, {
      cycleId: cycle.id,
      year: cycle.year,
      provinceId,
      rubric: cycle.indicators,
      rulesVersion: CURRENT_RULES_VERSION,
      status: RunStatus.RUNNING,
      phase: RunPhase.QUEUED,
      progress: 0,
      failureMessage: null,
      snapshot: null,
      resultsHash: null,
      factsAsOf: null,
      managersScored: 0,
      managersWithoutTenure: 0,
      computedBy: user.username,
      durationMs: null,
      finishedAt: null,
    }),
  );
  await recordAudit(em, ctx, {
    action: "startEvaluationRun",
    entityType: "EvaluationRun",
    entityId: run.id,
    provinceId,
    after: { id: run.id, year: run.year, provinceId, status: run.status },
  });
  await enqueue(em, run);
  return run;
}

/** Writes phase and progress on the run row (outside any transaction, so pollers see it); only forward, only while RUNNING. */
function progressReporter(db: DataSource, runId: string): ProgressReporter {
  let last = { phase: RunPhase.QUEUED, percent: 0 };
  return async (phase, fraction) => {
    const [from, to] = PHASE_SPAN[phase];
    const percent = Math.floor(from + (to - from) * Math.min(1, Math.max(0, fraction)));
    if (phase === last.phase && percent === last.percent) return;
    last = { phase, percent };
    await db.query(
      `UPDATE evaluation_run SET phase = $2, progress = GREATEST(progress, $3) WHERE id = $1 AND status = 'RUNNING'`,
      [runId, phase, percent],
    );
  };
}

/** A JSON round trip: the snapshot exactly as it is stored and read back (dates as strings), so runs and recomputations see the same input. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Fetches, scores and stores a begun run; resolves with the SUCCEEDED run, or marks it FAILED and rejects. When
 * `stopping` is aborted (the process is stopping and its job was handed back to the queue) nothing is recorded: the
 * queue retries the run.
 */
export async function executeRun(
  ctx: RequestContext,
  run: EvaluationRun,
  stopping?: AbortSignal,
): Promise<EvaluationRun> {
  const startedAt = run.computedAt.getTime();
  const progress = progressReporter(ctx.db, run.id);
  // The run's live data (the facts, ≈ 175 MB for the whole country) stays about level while each phase makes garbage
  // that outlives V8's young generation (storing: every result in flight, ≈ 30 MB a second), which V8 would let grow
  // to several times the live data before a full collection. Looked at every 200 ms (the run gives the event loop a
  // turn every few milliseconds) and collected once it has grown by RUN_HEAP_GROWTH_MB (common/memory.ts).
  const collect = collectOnHeapGrowth(RUN_HEAP_GROWTH_MB);
  const collecting = setInterval(collect, 200);
  try {
    // The facts are packed piece by piece (never one whole JSON text) and compressed in the thread pool while this
    // thread scores them. What is scored is what a recomputation reads back: the facts as JSON gives them — the
    // built-in reader's facts are parsed JSON already; a facts source given to the service (tests) goes through a
    // JSON round trip (dates become strings).
    // The built-in reader hands the snapshot over before its licence states are in: packed meanwhile, the registry
    // answering on the other core.
    const { factsSource, jsonFacts } = upstreamOf(ctx);
    const early: { packing?: ReturnType<typeof packSnapshot>; compressing?: Promise<void> } = {};
    let snapshot: FactsSnapshot = await factsSource(ctx, run.year, progress, (facts, licences) => {
      let compressing!: () => void;
      early.compressing = new Promise<void>((resolve) => (compressing = resolve));
      early.packing = packSnapshotWhenReady(facts, "licenceStates", licences, compressing);
      early.packing.catch(() => undefined); // awaited below, or the fetch's own failure is what the run reports
    });
    if (!jsonFacts) snapshot = asStored(snapshot);
    const packing = jsonFacts && early.packing ? early.packing : packSnapshot(snapshot);
    packing.catch(() => undefined); // awaited below; a scoring failure must not leave it unhandled
    // The packing's last part (the licence states' text, on this thread) before the rank pass, so that the
    // compression of what remains (the text is compressed in the thread pool as it is made, the id table at the end)
    // runs beside the rank pass on the other core. A packing failure is reported here as it was below.
    if (packing === early.packing) await Promise.race([early.compressing, packing]);
    collect(); // the rank pass runs without a turn of the event loop
    await progress(RunPhase.SCORING, 0);
    // Ranks first (a pass without evidence), then each result scored as it is hashed and stored: the facts are held
    // until the end, but never every result with its evidence (for the whole country larger than the facts).
    const rubric = asStored(run.rubric);
    const rulesVersion = asRulesVersion(run.rulesVersion);
    const plan = planResults(snapshot, rubric, rulesVersion);
    collect();
    const scoring = {
      asOf: snapshot.asOf,
      managers: snapshot.managers.length,
      managerIds: plan.managers.map((m) => m.manager.id),
      results: scoredResults(snapshot, rubric, rulesVersion, plan),
    };
    await progress(RunPhase.STORING, 0);
    return await storeResults(ctx, run, scoring, await packing, startedAt, progress);
  } catch (error) {
    if (stopping?.aborted) throw error;
    const shown = error instanceof AppError && error.code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (!shown) logger.error({ err: error }, `[evaluation] run ${run.id} failed (request ${ctx.requestId})`);
    await failRun(
      ctx,
      run,
      shown ? error.message : RUN_FAILED,
      shown ? error.code : ErrorCode.INTERNAL_SERVER_ERROR,
      startedAt,
    );
    throw error;
  } finally {
    clearInterval(collecting);
  }
}

/** Marks a run still RUNNING as FAILED with a Persian message and its error code, and audits it. */
export async function failRun(
  ctx: RequestContext,
  run: EvaluationRun,
  message: string,
  code: ErrorCode,
  startedAt = run.computedAt.getTime(),
): Promise<void> {
  const [updated]: [unknown[], number] = await ctx.db.query(
    `UPDATE evaluation_run SET status = 'FAILED', phase = 'DONE', failure_message = $2, failure_code = $3, finished_at = now(), duration_ms = $4 WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
    [run.id, message, code, Date.now() - startedAt],
  );
  if (updated.length === 0) return;
  await recordAudit(ctx.db.manager, ctx, {
    action: "failEvaluationRun",
    entityType: "EvaluationRun",
    entityId: run.id,
    provinceId: run.provinceId,
    after: { id: run.id, status: RunStatus.FAILED, failureMessage: message },
  });
}

/** Stores the results and completes the run in one transaction; keeps `manager_score` (managerScores, Manager.scores) fed by the latest run. */
async function storeResults(
  ctx: RequestContext,
  run: EvaluationRun,
  facts: { asOf: string; managers: number; managerIds: string[]; results: Iterable<ManagerResultData> },
  { header, packed }: { header: PackedSnapshotHeader; packed: Buffer },
  startedAt: number,
  progress: ProgressReporter,
): Promise<EvaluationRun> {
  // The snapshot arrives packed (format 3, by executeRun before the transaction), so no lock waits for brotli.
  return inTransaction(ctx.db, {}, async (em) => {
    const cycle = await cycleOfYear(em, run.year, true);
    if (!COMPUTING_STATES.includes(cycle.state)) throw stateRefusal(cycle);
    // This run's results become the current ones of its managers (the cycle row is locked: runs complete one by
    // one): the managers' current results of the cycle stop being current, and the new rows are written current —
    // not written and then rewritten (an UPDATE of every row just inserted, 20,000 for the whole country).
    await em.query(
      `UPDATE evaluation_result SET is_current = false WHERE cycle_id = $1 AND is_current AND manager_id = ANY($2::uuid[])`,
      [cycle.id, facts.managerIds],
    );
    // The results go to PostgreSQL as they are scored: one COPY (`RESULTS_COPY_SQL`), fed a few results at a time,
    // PostgreSQL taking each chunk on the other core while this thread scores, hashes and writes the next; the event
    // loop gets a turn every few milliseconds (`slicesInTurns`), so progress is reported and requests answered.
    const hasher = new ResultsHasher();
    const total = facts.managerIds.length;
    const lineOf = (r: ManagerResultData) => {
      hasher.add(r);
      return resultCopyLine(run.id, cycle.id, cycle.year, resultValues(r));
    };
    async function* chunks() {
      let stored = 0;
      for await (const lines of slicesInTurns(facts.results, RESULTS_PER_CHUNK, lineOf)) {
        yield lines.join("");
        // The rows reference the run row with a key-share lock, which a progress UPDATE of other columns does not wait for.
        await progress(RunPhase.STORING, (stored += lines.length) / total);
      }
    }
    const copied = await copyFrom(em, RESULTS_COPY_SQL, chunks());
    if (copied !== total) throw new Error(`run ${run.id}: ${copied} results copied for ${total} managers`);
    // The managers' latest scores (managerScores, Manager.scores), from the rows just written.
    await em.query(
      `INSERT INTO manager_score (manager_id, year, total, grade, province_id, county_id, published_at, computed_at)
       SELECT manager_id, year, total, grade, province_id, county_id, NULL, now() FROM evaluation_result WHERE run_id = $1
       ON CONFLICT (manager_id, year) DO UPDATE SET total = EXCLUDED.total, grade = EXCLUDED.grade, province_id = EXCLUDED.province_id,
         county_id = EXCLUDED.county_id, published_at = NULL, computed_at = now()`,
      [run.id],
    );
    const hash = hasher.digest();
    const completion = {
      status: RunStatus.SUCCEEDED,
      phase: RunPhase.DONE,
      progress: 100,
      snapshot: header,
      snapshotPacked: packed,
      resultsHash: hash,
      factsAsOf: facts.asOf,
      managersScored: total,
      managersWithoutTenure: facts.managers - total,
      durationMs: Date.now() - startedAt,
      finishedAt: new Date(),
    };
    // Only a run still RUNNING completes (a restarted service may have failed it meanwhile): otherwise roll back.
    const { affected } = await em.update(EvaluationRun, { id: run.id, status: RunStatus.RUNNING }, completion as never);
    if (affected !== 1) throw new AppError(ErrorCode.CONFLICT, INTERRUPTED, { runId: run.id });
    // The duration includes writing the snapshot (tens of MB for the whole country), measured after it.
    Object.assign(completion, { durationMs: Date.now() - startedAt, finishedAt: new Date() });
    await em.update(
      EvaluationRun,
      { id: run.id },
      { durationMs: completion.durationMs, finishedAt: completion.finishedAt },
    );
    Object.assign(run, completion, { snapshotPacked: undefined });
    cycle.currentRunId = run.id;
    claimForWrite(cycle, ctx, null, "چرخه ارزیابی");
    await em.save(cycle);
    await recordAudit(em, ctx, {
      action: "runEvaluation",
      entityType: "EvaluationRun",
      entityId: run.id,
      provinceId: run.provinceId,
      after: {
        id: run.id,
        year: run.year,
        provinceId: run.provinceId,
        status: run.status,
        managersScored: run.managersScored,
        resultsHash: hash,
        factsAsOf: run.factsAsOf,
      },
    });
    return run;
  });
}
