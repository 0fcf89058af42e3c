import { createServerMetrics, createServiceDataSource, JobQueue, QueueDefinition, withClient } from "@hamafza/common";
import { createTestDatabase, until } from "@hamafza/common/testing";
import { DataSource } from "typeorm";

/**
 * A job that keeps failing ends visibly failed, on real pg-boss: after its last retry the job's own state is `failed`
 * with the error it failed with and its retry count, its data is handed to the `<queue>.dead` queue (the dead-letter
 * handler runs once, and when that handler fails too, its dead-letter job is retried, never completed), and the queue-depth
 * metric an operator watches shows the failed jobs by queue — nothing is silently dropped or retried for ever.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let queue: JobQueue;
const fast = { pollMs: 500, maintenanceSeconds: 1, stopGraceMs: 0 };

const attempts = { failing: 0, deadHandled: 0, noHandler: 0, deadFails: 0, deadFailsDead: 0 };
const definitions: QueueDefinition<any>[] = [
  {
    name: "dl-failing",
    retryLimit: 1,
    retryDelaySeconds: 1,
    retryBackoff: false,
    run: async () => {
      attempts.failing++;
      throw new Error("upstream refused: 503");
    },
    onDead: async () => {
      attempts.deadHandled++;
    },
  },
  {
    name: "dl-no-handler",
    retryLimit: 1,
    retryDelaySeconds: 1,
    retryBackoff: false,
    run: async () => {
      attempts.noHandler++;
      throw new Error("always broken");
    },
  },
  {
    name: "dl-dead-fails",
    retryLimit: 0,
    run: async () => {
      attempts.deadFails++;
      throw new Error("first failure");
    },
    onDead: async () => {
      attempts.deadFailsDead++;
      throw new Error("the dead-letter handler fails too");
    },
  },
];

/** The stored jobs of a queue (pg-boss keeps failed jobs in its job table until its retention ends). */
const jobsOf = (name: string) =>
  withClient(database.adminUrl, async (client) => {
    const result = await client.query(
      `SELECT id, state, retry_count, output, data FROM registry_jobs.job WHERE name = $1 ORDER BY created_on`,
      [name],
    );
    return result.rows as { id: string; state: string; retry_count: number; output: any; data: any }[];
  });

beforeAll(async () => {
  database = await createTestDatabase("jobsdead");
  db = createServiceDataSource({
    url: database.serviceUrls.registry,
    schema: "registry",
    entities: [],
    migrations: [],
    poolSize: 4,
  });
  await db.initialize();
  queue = await JobQueue.start({ service: "registry", db, queues: definitions, settings: fast });
});

afterAll(async () => {
  await queue?.stop().catch(() => undefined);
  await db?.destroy();
  await database?.drop();
});

describe("a job that keeps failing", () => {
  it("ends failed after its last retry, with its error, and its data in the dead-letter queue", async () => {
    const id = await queue.send("dl-failing", { ngoId: "n-1" });
    await until(async () => (await queue.job("dl-failing", id!))?.state === "failed", "the job to fail");
    const job = await queue.job("dl-failing", id!);
    expect(job).toMatchObject({ state: "failed", retryCount: 1, data: { ngoId: "n-1" } });
    expect(JSON.stringify(job?.output)).toContain("upstream refused: 503");
    expect(attempts.failing).toBe(2);
    await until(async () => (await jobsOf("dl-failing.dead")).some((j) => j.state === "completed"), "the dead letter");
    const dead = await jobsOf("dl-failing.dead");
    expect(dead.map((j) => ({ state: j.state, data: j.data }))).toEqual([
      { state: "completed", data: { ngoId: "n-1" } },
    ]);
    expect(attempts.deadHandled).toBe(1);
    // Stays failed: no further attempt once it is dead.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(attempts.failing).toBe(2);
    expect((await queue.job("dl-failing", id!))?.state).toBe("failed");
  });

  it("without a dead-letter handler it still ends failed (not retried for ever)", async () => {
    const id = await queue.send("dl-no-handler", { n: 1 });
    await until(async () => (await queue.job("dl-no-handler", id!))?.state === "failed", "the job to fail");
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(attempts.noHandler).toBe(2);
    const rows = await jobsOf("dl-no-handler");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "failed", retry_count: 1 });
    expect(JSON.stringify(rows[0].output)).toContain("always broken");
  });

  it("a failing dead-letter handler is retried, never marked done; the metric shows the failed jobs by queue", async () => {
    const id = await queue.send("dl-dead-fails", { n: 2 });
    await until(async () => (await queue.job("dl-dead-fails", id!))?.state === "failed", "the job to fail");
    expect(attempts.deadFails).toBe(1);
    // The dead-letter queue retries its handler (3 retries, 10 s apart, doubling): the handler ran at least once and
    // its job is not completed.
    await until(() => attempts.deadFailsDead >= 1, "the dead-letter handler");
    const dead = await jobsOf("dl-dead-fails.dead");
    expect(dead).toHaveLength(1);
    expect(["retry", "active", "failed"]).toContain(dead[0].state);
    const metrics = createServerMetrics("registry");
    metrics.watchJobQueue("registry_jobs", db);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/hamafza_job_queue_jobs\{queue="dl-failing",state="failed",service="registry"\} 1/);
    expect(text).toMatch(/hamafza_job_queue_jobs\{queue="dl-no-handler",state="failed",service="registry"\} 1/);
    expect(text).toMatch(/hamafza_job_queue_jobs\{queue="dl-dead-fails",state="failed",service="registry"\} 1/);
  });
});
