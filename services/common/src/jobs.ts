import PgBoss from "pg-boss";
import { DataSource, EntityManager } from "typeorm";
import { logger } from "./logger";
import { setting } from "./settings";

/**
 * Scheduled and background jobs of a service, on the PostgreSQL it already has (pg-boss 10, pure JavaScript): the
 * queue's tables live in the service's own schema `<service>_jobs` (owned by the service's role, created by the
 * provisioning in postgres.ts), the queue shares the service's connection pool, and every process of a service runs
 * the same workers — a job is fetched with `FOR UPDATE SKIP LOCKED`, so it runs in exactly one process at a time.
 * Cron schedules are on Tehran's clock; a failed or expired job (its process killed) is retried with exponential
 * backoff, and after its last attempt handed to the queue's `onDead` handler. See docs/jobs.md.
 */

export const TEHRAN_TIME_ZONE = "Asia/Tehran";

/** What a job handler knows about the job it runs. */
export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first execution, 2 on the first retry, … */
  attempt: number;
  /** Aborted when this process stops its queue: the handler should stop without recording an outcome (the job is retried). */
  stopping: AbortSignal;
}

export interface QueueDefinition<T extends object = object> {
  /** Queue name: lower-case letters, digits, `-` and `.` (e.g. `evaluation-run`). */
  name: string;
  run: (data: T, job: JobContext) => Promise<void>;
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 10); doubled on each further retry when `retryBackoff` (default true). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A job still active this long is considered lost (its process died) and is retried (default 900). */
  expireInSeconds?: number;
  /** At most one job of this queue active at a time, across every process (pg-boss `singleton` policy). */
  singleton?: boolean;
  /** A cron expression on Tehran's clock (e.g. `0 8 * * *`, 08:00 Tehran time): the queue gets a job at those times. */
  cron?: string;
  /** Data of the scheduled jobs. */
  cronData?: T;
  /** Called (as a job of `<name>.dead`) once a job failed its last attempt. */
  onDead?: (data: T, job: JobContext) => Promise<void>;
}

export interface JobQueueSettings {
  /** How often an idle worker looks for jobs (HAMAFZA_JOBS_POLL_MS, 2000; at least 500). */
  pollMs: number;
  /** How often expired jobs are found and retried, and old ones removed (HAMAFZA_JOBS_MAINTENANCE_SECONDS, 60). */
  maintenanceSeconds: number;
  /** How long `stop` waits for running jobs before handing them back to the queue (HAMAFZA_SHUTDOWN_GRACE_MS). */
  stopGraceMs: number;
}

export const jobQueueSettings = (env: NodeJS.ProcessEnv = process.env): JobQueueSettings => ({
  pollMs: setting("HAMAFZA_JOBS_POLL_MS", env),
  maintenanceSeconds: setting("HAMAFZA_JOBS_MAINTENANCE_SECONDS", env),
  stopGraceMs: setting("HAMAFZA_SHUTDOWN_GRACE_MS", env),
});

/** The schema holding a service's queue tables. */
export const jobsSchemaOf = (service: string) => `${service}_jobs`;

const DEAD_SUFFIX = ".dead";

type PgPool = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's database adapter over the service's own pool (same role, same session settings, same budget). */
function poolAdapter(db: DataSource): PgBoss.Db {
  const pool = (db.driver as unknown as { master: PgPool }).master;
  return { executeSql: (text, values) => pool.query(text, values) as Promise<{ rows: any[] }> };
}

/** pg-boss's adapter over a TypeORM transaction, so a job is created in the same transaction as the rows it is about. */
function transactionAdapter(em: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const rows = await em.query(text, values);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

/**
 * Installs pg-boss's tables in a schema that already exists (made by the provisioning, owned by the service's role,
 * which may not create schemas itself). Several processes may try at once: pg-boss's own advisory lock serialises
 * them, and the loser's "already exists" is expected.
 */
async function installInExistingSchema(db: DataSource, schema: string): Promise<void> {
  const [{ installed }] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS installed`, [`${schema}.version`]);
  if (installed) return;
  const [{ exists }] = await db.query(`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists`, [
    schema,
  ]);
  if (!exists) {
    // pg-boss creates it when the role may create schemas (the admin role, without per-service roles).
    const [{ may }] = await db.query(`SELECT has_database_privilege(current_database(), 'CREATE') AS may`);
    if (!may)
      throw new Error(
        `The job queue's schema "${schema}" does not exist and this role may not create it: run the service's migrate.js with HAMAFZA_DATABASE_ADMIN_URL (it creates the schema), or create it owned by the service's role.`,
      );
    return;
  }
  const plans = PgBoss.getConstructionPlans(schema).replace(
    new RegExp(`CREATE SCHEMA IF NOT EXISTS ${schema}\\s*;`),
    "",
  );
  try {
    await poolAdapter(db).executeSql(plans, []);
  } catch (error) {
    if (!String((error as Error).message).includes("already exists")) throw error;
  }
}

export class JobQueue {
  private readonly workers = new Map<string, string>();
  private readonly stopController = new AbortController();

  private constructor(
    readonly service: string,
    readonly schema: string,
    private readonly boss: PgBoss,
    private readonly settings: JobQueueSettings,
    private readonly db: DataSource,
  ) {}

  /** Starts the queue of a service: installs or upgrades its tables, creates the queues, schedules and workers. */
  static async start(options: {
    service: string;
    db: DataSource;
    queues: QueueDefinition<any>[];
    settings?: Partial<JobQueueSettings>;
  }): Promise<JobQueue> {
    const settings = { ...jobQueueSettings(), ...options.settings };
    const schema = jobsSchemaOf(options.service);
    await installInExistingSchema(options.db, schema);
    const boss = new PgBoss({
      db: poolAdapter(options.db),
      schema,
      supervise: true,
      schedule: options.queues.some((q) => q.cron),
      migrate: true,
      maintenanceIntervalSeconds: settings.maintenanceSeconds,
      pollingIntervalSeconds: settings.pollMs / 1000,
    });
    boss.on("error", (error) => logger.error({ err: error }, `[${options.service}] job queue error`));
    await boss.start();
    const queue = new JobQueue(options.service, schema, boss, settings, options.db);
    try {
      for (const definition of options.queues) await queue.register(definition);
    } catch (error) {
      await boss.stop({ graceful: false, close: false });
      throw error;
    }
    return queue;
  }

  /**
   * Creates or updates one queue. Creating a queue adds a partition table to pg-boss's job table, and two processes
   * creating queues at once (replicas starting together) deadlock on it: creation is serialised across the
   * service's processes by an advisory lock, and the queue is looked up again once the lock is held.
   */
  private async ensureQueue(name: string, options: PgBoss.Queue): Promise<void> {
    if (await this.boss.getQueue(name)) return this.boss.updateQueue(name, options);
    const runner = this.db.createQueryRunner();
    const key = `${this.schema}:create-queue`;
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
      if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
      else await this.boss.createQueue(name, options);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]).catch(() => undefined);
      await runner.release();
    }
  }

  private async register(definition: QueueDefinition<any>): Promise<void> {
    const dead = definition.onDead ? `${definition.name}${DEAD_SUFFIX}` : undefined;
    if (dead) await this.ensureQueue(dead, { name: dead, retryLimit: 3, retryDelay: 10, retryBackoff: true });
    await this.ensureQueue(definition.name, {
      name: definition.name,
      policy: definition.singleton ? "singleton" : "standard",
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 10,
      retryBackoff: definition.retryBackoff ?? true,
      expireInSeconds: definition.expireInSeconds ?? 900,
      ...(dead ? { deadLetter: dead } : {}),
    });
    if (definition.cron)
      await this.boss.schedule(definition.name, definition.cron, definition.cronData ?? {}, { tz: TEHRAN_TIME_ZONE });
    else await this.boss.unschedule(definition.name);
    await this.work(definition.name, definition.run);
    if (dead && definition.onDead) await this.work(dead, definition.onDead);
  }

  private async work(name: string, run: (data: any, job: JobContext) => Promise<void>): Promise<void> {
    const id = await this.boss.work(name, { batchSize: 1, includeMetadata: true }, async ([job]) => {
      const context: JobContext = {
        id: job.id,
        name,
        attempt: job.retryCount + 1,
        stopping: this.stopController.signal,
      };
      try {
        await run(job.data, context);
      } catch (error) {
        logger.warn({ err: error }, `[${this.service}] job ${name} ${job.id} failed (attempt ${context.attempt})`);
        throw error;
      }
    });
    this.workers.set(name, id);
  }

  /**
   * Adds a job. With `em` it is created in that transaction (it exists exactly when the transaction commits; call
   * `wake` after the commit). `singletonKey` makes the send idempotent while a job with that key is queued.
   */
  async send<T extends object>(
    name: string,
    data: T,
    options: { em?: EntityManager; singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<string | null> {
    const id = await this.boss.send(name, data, {
      db: options.em ? transactionAdapter(options.em) : undefined,
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    });
    if (!options.em) this.wake(name);
    return id;
  }

  /** Lets this process's worker of `name` look for jobs now instead of at its next poll. */
  wake(name: string): void {
    const worker = this.workers.get(name);
    if (worker) this.boss.notifyWorker(worker);
  }

  /** pg-boss's own state of a job (tests, diagnostics). */
  async job(name: string, id: string): Promise<PgBoss.JobWithMetadata | null> {
    return this.boss.getJobById(name, id, { includeArchive: true });
  }

  /**
   * Stops fetching, waits up to the grace period for running jobs, then hands unfinished ones back to the queue
   * (failed now, so they are retried — by another process of the service if one runs).
   */
  async stop(): Promise<void> {
    const graceMs = this.settings.stopGraceMs;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: Math.max(1000, graceMs) });
    this.stopController.abort();
  }
}
