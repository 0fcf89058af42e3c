import {
  createServerMetrics,
  createServiceDataSource,
  JobContext,
  JobQueue,
  openJobSecret,
  QueueDefinition,
  sealJobSecret,
  TEHRAN_TIME_ZONE,
  withClient,
} from "@hamafza/common";
import { createTestDatabase, until } from "@hamafza/common/testing";
import { DataSource } from "typeorm";

/**
 * The job queue on PostgreSQL (pg-boss): its tables in the service role's own `<service>_jobs` schema (the role may
 * not create schemas), two "processes" (two queues on two pools) against one database run each job exactly once,
 * failures are retried with backoff and handed to the dead-letter handler after the last attempt, a stopped
 * process hands its running job back to the other, cron schedules are on Tehran's clock.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const pools: DataSource[] = [];
const queues: JobQueue[] = [];
const fast = { pollMs: 500, maintenanceSeconds: 1, stopGraceMs: 0 };

async function pool(): Promise<DataSource> {
  const db = createServiceDataSource({
    url: database.serviceUrls.registry,
    schema: "registry",
    entities: [],
    migrations: [],
    poolSize: 4,
  });
  await db.initialize();
  pools.push(db);
  return db;
}

async function startProcess(label: string, definitions: QueueDefinition<any>[]): Promise<JobQueue> {
  const queue = await JobQueue.start({ service: "registry", db: await pool(), queues: definitions, settings: fast });
  queues.push(queue);
  void label;
  return queue;
}

beforeAll(async () => {
  database = await createTestDatabase("jobs");
});

afterAll(async () => {
  for (const queue of queues) await queue.stop().catch(() => undefined);
  for (const db of pools) await db.destroy();
  await database?.drop();
});

describe("job queue on PostgreSQL", () => {
  const runs: { id: string; by: string; attempt: number }[] = [];
  const definition = (by: string): QueueDefinition<{ n: number }> => ({
    name: "test-once",
    run: async (_data, job) => {
      runs.push({ id: job.id, by, attempt: job.attempt });
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  });
  let a: JobQueue;
  let b: JobQueue;

  it("installs its tables in the service role's own jobs schema, which the role could not have created", async () => {
    a = await startProcess("A", [definition("A")]);
    b = await startProcess("B", [definition("B")]);
    const rows = await withClient(database.adminUrl, async (client) => {
      const owner = await client.query(
        `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'registry_jobs'`,
      );
      const mayCreate = await client.query(`SELECT has_database_privilege($1, current_database(), 'CREATE') AS ok`, [
        `${database.database}_registry`,
      ]);
      const tables = await client.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'registry_jobs' AND tablename IN ('job', 'queue', 'schedule', 'version')`,
      );
      return { owner: owner.rows[0].owner, mayCreate: mayCreate.rows[0].ok, tables: tables.rows[0].n };
    });
    expect(rows).toEqual({ owner: `${database.database}_registry`, mayCreate: false, tables: 4 });
  });

  it("runs each of 30 jobs exactly once across two processes", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 2 ? a : b).send("test-once", { n })));
    await until(() => new Set(runs.map((r) => r.id)).size === 30, "30 jobs to run");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs).toHaveLength(30);
    expect(new Set(runs.map((r) => r.id))).toEqual(new Set(ids));
    expect(runs.every((r) => r.attempt === 1)).toBe(true);
    const states = await Promise.all(ids.map((id) => a.job("test-once", id!)));
    expect(states.map((job) => job?.state)).toEqual(Array(30).fill("completed"));
  });

  it("retries a failing job with exponential backoff, then calls the dead-letter handler once", async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const dead: JobContext[] = [];
    const queue = await startProcess("C", [
      {
        name: "test-retry",
        retryLimit: 2,
        retryDelaySeconds: 1,
        run: async (_data, job) => {
          attempts.push({ attempt: job.attempt, at: Date.now() });
          throw new Error("always fails");
        },
        onDead: async (data: { n: number }, job) => {
          expect(data).toEqual({ n: 7 });
          dead.push(job);
        },
      },
    ]);
    await queue.send("test-retry", { n: 7 });
    await until(() => dead.length === 1, "the dead-letter handler", 30_000);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Backoff: the second wait is longer than the first (1 s, then about 2 s; pg-boss adds jitter).
    const [first, second] = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThan(first);
    expect(dead[0].name).toBe("test-retry.dead");
  });

  it("a process that stops hands its running job back; the other process finishes it", async () => {
    const seen: { by: string; attempt: number; stopping: AbortSignal }[] = [];
    let release: () => void = () => undefined;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const handover = (by: string): QueueDefinition<object> => ({
      name: "test-handover",
      retryDelaySeconds: 1,
      run: async (_data, job) => {
        seen.push({ by, attempt: job.attempt, stopping: job.stopping });
        if (by === "D") await hang;
      },
    });
    const d = await startProcess("D", [handover("D")]);
    await d.send("test-handover", {});
    await until(() => seen.length === 1, "D to take the job");
    const e = await startProcess("E", [handover("E")]);
    await d.stop();
    expect(seen[0].stopping.aborted).toBe(true);
    await until(() => seen.length === 2, "E to take the job over");
    expect(seen.map(({ by, attempt }) => ({ by, attempt }))).toEqual([
      { by: "D", attempt: 1 },
      { by: "E", attempt: 2 },
    ]);
    release();
    await e.stop();
  });

  it("two processes starting together create the same new queues without a deadlock", async () => {
    const definitions = Array.from({ length: 6 }, (_, i) => ({ name: `together-${i}`, run: async () => undefined }));
    const started = await Promise.all([startProcess("a", definitions), startProcess("b", definitions)]);
    expect(started).toHaveLength(2);
    const rows = await pools[0].query(
      `SELECT count(*)::int AS n FROM registry_jobs.queue WHERE name LIKE 'together-%'`,
    );
    expect(rows[0].n).toBe(6);
  });

  it("reports the queue's depth by queue and state as a metric", async () => {
    const queue = await startProcess("depth", [{ name: "depth-probe", run: async () => undefined }]);
    for (let i = 0; i < 3; i++) await queue.send("depth-probe", { i }, { startAfterSeconds: 3600 });
    const metrics = createServerMetrics("registry");
    metrics.watchJobQueue("registry_jobs", pools[pools.length - 1]);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/hamafza_job_queue_jobs\{queue="depth-probe",state="created",service="registry"\} 3/);
  });

  it("keeps cron schedules on Tehran's clock and at most one active job of a singleton queue", async () => {
    const active = { now: 0, max: 0 };
    const single = (): QueueDefinition<object> => ({
      name: "test-single",
      singleton: true,
      cron: "30 7 * * *",
      run: async () => {
        active.now++;
        active.max = Math.max(active.max, active.now);
        await new Promise((resolve) => setTimeout(resolve, 300));
        active.now--;
      },
    });
    const f = await startProcess("F", [single()]);
    const g = await startProcess("G", [single()]);
    for (let i = 0; i < 4; i++) await (i % 2 ? f : g).send("test-single", { i });
    const done = async () =>
      Number(
        (
          await pools[0].query(
            `SELECT count(*) AS n FROM registry_jobs.job WHERE name = 'test-single' AND state = 'completed'`,
          )
        )[0].n,
      ) === 4;
    await until(done, "four singleton jobs");
    expect(active.max).toBe(1);
    const schedules = await pools[0].query(
      `SELECT cron, timezone FROM registry_jobs.schedule WHERE name = 'test-single'`,
    );
    expect(schedules).toEqual([{ cron: "30 7 * * *", timezone: TEHRAN_TIME_ZONE }]);
  });
});

describe("sealed job secrets", () => {
  it("open only under the same gateway secret and refuse tampering", () => {
    const sealed = sealJobSecret("a-gateway-secret-of-the-deployment", "token.value");
    expect(sealed).not.toContain("token.value");
    expect(openJobSecret("a-gateway-secret-of-the-deployment", sealed)).toBe("token.value");
    expect(openJobSecret("another-secret-after-a-restart!!", sealed)).toBeNull();
    const [iv, tag, body] = sealed.split(".");
    expect(
      openJobSecret("a-gateway-secret-of-the-deployment", [iv, tag, body.slice(0, -2) + "AA"].join(".")),
    ).toBeNull();
    expect(openJobSecret("a-gateway-secret-of-the-deployment", "garbage")).toBeNull();
  });
});
