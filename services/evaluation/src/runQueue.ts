import {
  AppError,
  collectGarbageSoon,
  ErrorCode,
  setting,
  JobContext,
  jobsSchemaOf,
  logger,
  openUserJobToken,
  QueueDefinition,
  RequestContext,
  UserJobData,
  userJobContext,
  userJobData,
  UserJobs,
  userJobsOf,
  withClient,
} from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { EvaluationRun, RunStatus } from "./entities/Run";
import { executeRun, failRun, RUN_LOST, RUN_ORPHANED } from "./runner";

/**
 * Computation runs on the evaluation service's job queue (docs/jobs.md): `startEvaluationRun` creates the RUNNING row
 * and its job in one transaction; whichever evaluation process takes the job computes the run. While a process
 * computes a run it holds a PostgreSQL advisory lock on it (on a connection of its own), so a retried job never
 * computes a run another live process is still computing; the lock ends with the process. A process that dies
 * mid-run leaves its job active until the run timeout, then the queue retries it (another process, or this one
 * restarted); after the last retry the run is failed with a Persian message by the dead-letter handler.
 */

export const RUN_QUEUE = "evaluation-run";

/** The run, and its caller (userJobs.ts in common): the run reads the upstream facts with the caller's territory. */
interface RunJobData extends UserJobData {
  runId: string;
}

export const runQueueSettings = (env: NodeJS.ProcessEnv = process.env) => ({
  /** A run whose process died is retried after this long (its job's expiry); longer than any run takes. */
  timeoutSeconds: setting("HAMAFZA_EVALUATION_RUN_TIMEOUT_SECONDS", env),
  /** Seconds before the first retry (doubled on each further one). */
  retryDelaySeconds: setting("HAMAFZA_EVALUATION_RUN_RETRY_SECONDS", env),
});

const lockKey = (runId: string) => `evaluation_run:${runId}`;

/**
 * Runs `work` while holding the run's advisory lock; `null` when another live process holds it. The lock lives on a
 * connection of its own (not from the pool, so a small pool cannot starve the run's own queries); PostgreSQL releases
 * it when the connection ends, also when the process is killed.
 */
async function withRunLock<T>(db: DataSource, runId: string, work: () => Promise<T>): Promise<T | null> {
  return withClient((db.options as { url: string }).url, async (client) => {
    const { rows } = await client.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [
      lockKey(runId),
    ]);
    return rows[0].locked ? await work() : null;
  });
}

async function runningRun(db: DataSource, runId: string): Promise<EvaluationRun | null> {
  return db.getRepository(EvaluationRun).findOneBy({ id: runId, status: RunStatus.RUNNING });
}

const jobContext = (db: DataSource, data: RunJobData, token: string | null): RequestContext =>
  userJobContext(db, data, token, { service: "evaluation" });

async function computeRun(db: DataSource, gatewaySecret: string, data: RunJobData, job: JobContext): Promise<void> {
  const done = await withRunLock(db, data.runId, async () => {
    const run = await runningRun(db, data.runId);
    if (!run) return true; // its outcome is recorded already
    logger.info(`[evaluation] run ${run.id} computing (attempt ${job.attempt}, pid ${process.pid})`);
    const token = openUserJobToken(gatewaySecret, data);
    const ctx = jobContext(db, data, token);
    if (!token) {
      await failRun(ctx, run, RUN_ORPHANED, ErrorCode.SERVICE_UNAVAILABLE);
      return true;
    }
    // A failure is recorded on the run by executeRun (FAILED with its message): the job itself is done.
    const stored = await executeRun(ctx, run, job.stopping)
      .then(
        () => true,
        (error) => {
          if (job.stopping.aborted) throw error;
          return false;
        },
      )
      // A whole-country run leaves hundreds of MB of garbage that V8 would keep resident while the process goes on
      // serving small requests: collected once it is over, the pages go back to the system (common/memory.ts).
      .finally(collectGarbageSoon);
    if (stored) await tidyResults(db);
    return true;
  });
  // Another live process holds the run: let the queue try again later (after backoff).
  if (done === null) throw new Error(`run ${data.runId} is being computed by another process`);
}

/**
 * After a run: its results were written in bulk (20,000 rows for the whole country) and the previous current ones
 * rewritten, which autovacuum would get to within minutes. Vacuumed and analysed at once instead — what PostgreSQL's
 * documentation advises after a bulk load — so the scoreboard's counts read its index alone (an index-only scan needs
 * the visibility map a vacuum sets: a province's count read ≈ 670 blocks right after a run, 6 after; issue 13, tenth round) and the planner knows
 * the new rows. The TOAST table (the indicators' text) is left to autovacuum: no query reads it by index. The run is
 * complete and visible already; a failure here is logged, not the run's.
 */
async function tidyResults(db: DataSource): Promise<void> {
  await db.query(`VACUUM (ANALYZE, PROCESS_TOAST FALSE) evaluation_result`).catch((error: unknown) => {
    logger.warn({ err: error }, "[evaluation] results not vacuumed after a run (autovacuum will)");
  });
}

async function failLostRun(db: DataSource, data: RunJobData): Promise<void> {
  const done = await withRunLock(db, data.runId, async () => {
    const run = await runningRun(db, data.runId);
    if (run) await failRun(jobContext(db, data, null), run, RUN_LOST, ErrorCode.SERVICE_UNAVAILABLE);
    return true;
  });
  if (done === null) throw new Error(`run ${data.runId} is still being computed by another process`);
}

/** The queue definition of computation runs (registered by `startEvaluation`). */
export function runQueueDefinition(db: DataSource, gatewaySecret: string): QueueDefinition<RunJobData> {
  const settings = runQueueSettings();
  return {
    name: RUN_QUEUE,
    run: (data, job) => computeRun(db, gatewaySecret, data, job),
    onDead: (data) => failLostRun(db, data),
    retryLimit: 3,
    retryDelaySeconds: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.timeoutSeconds,
  };
}

function queueOf(ctx: RequestContext): UserJobs {
  const registered = userJobsOf(ctx.db);
  if (!registered) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "صف محاسبه راه‌اندازی نشده است.");
  return registered;
}

/** For `beginRun`: adds the run's job in the run's own transaction. */
export const enqueueRun =
  (ctx: RequestContext) =>
  async (em: EntityManager, run: EvaluationRun): Promise<void> => {
    const { queue, gatewaySecret } = queueOf(ctx);
    const data: RunJobData = { runId: run.id, ...userJobData(ctx, gatewaySecret) };
    await queue.send(RUN_QUEUE, data, { em, singletonKey: run.id });
  };

/**
 * Runs left RUNNING without a job that could still finish them (e.g. a database restored from a backup, which does not
 * hold the queue) are failed before a new run starts, so they cannot block the cycle with CONFLICT for ever. A run and
 * its job are created in one transaction, and a job is completed only after its run's outcome is recorded, so a
 * RUNNING run whose job is gone can never finish.
 */
export async function failOrphanedRuns(ctx: RequestContext): Promise<number> {
  const orphans: { id: string }[] = await ctx.db.query(
    `SELECT r.id FROM evaluation_run r
      WHERE r.status = 'RUNNING'
        AND NOT EXISTS (SELECT 1 FROM ${jobsSchemaOf("evaluation")}.job j
                         WHERE j.name IN ($1, $2) AND j.data->>'runId' = r.id::text AND j.state IN ('created', 'retry', 'active'))`,
    [RUN_QUEUE, `${RUN_QUEUE}.dead`],
  );
  for (const { id } of orphans) {
    const run = await runningRun(ctx.db, id);
    if (run) await failRun(ctx, run, RUN_LOST, ErrorCode.SERVICE_UNAVAILABLE);
  }
  return orphans.length;
}

/** After the run's transaction committed: this process's worker looks at once (any process may take it). */
export const wakeRunWorker = (ctx: RequestContext) => queueOf(ctx).queue.wake(RUN_QUEUE);

/** Waits until a run is no longer RUNNING (whichever process computes it); the finished run, or its failure as an error. */
export async function awaitRun(ctx: RequestContext, runId: string): Promise<EvaluationRun> {
  for (let wait = 25; ; wait = Math.min(wait * 2, 250)) {
    const run = await ctx.db.getRepository(EvaluationRun).findOneByOrFail({ id: runId });
    if (run.status === RunStatus.SUCCEEDED) return run;
    if (run.status === RunStatus.FAILED)
      throw new AppError(
        (run.failureCode as ErrorCode | null) ?? ErrorCode.SERVICE_UNAVAILABLE,
        run.failureMessage ?? RUN_LOST,
      );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
