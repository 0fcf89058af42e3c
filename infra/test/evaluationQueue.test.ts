import { ChildProcess, spawn } from "node:child_process";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import { generateServiceSecurity, postGraphQL, Role, withClient } from "@hamafza/common";
import { subgraphHeaders, untilValue } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";

/**
 * Evaluation runs on the job queue with TWO evaluation processes (the built `dist/main.js`, as a deployment runs
 * them) against one demo database, beside one registry and one engagement process. The registry is reached through
 * a small relay in this test that can hold requests, so a run can be caught half-way (in FETCHING_MANAGERS) and its
 * process killed with SIGKILL. A run must be computed exactly once; a killed process's run is retried and finished
 * by the other process.
 */
const ROOT = join(__dirname, "..", "..");
const security = generateServiceSecurity();
const shared = { HAMAFZA_GATEWAY_SECRET: security.gatewaySecret, HAMAFZA_JWT_PUBLIC_KEY: security.publicKeyPem };
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;

interface Child {
  name: string;
  process: ChildProcess;
  url: string;
  output: () => string;
}
const children: Child[] = [];

function serve(name: string, service: string, env: Record<string, string>): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "services", service, "dist", "main.js")], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        APOLLO_TELEMETRY_DISABLED: "1",
        HOST: "127.0.0.1",
        PORT: "0",
        HAMAFZA_DB_POOL_SIZE: "4",
        ...shared,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const record = (data: Buffer) => {
      output += data;
      const ready = /ready at ([^\s"]+)/.exec(output);
      if (ready && !children.some((c) => c.process === child)) {
        const entry = { name, process: child, url: ready[1], output: () => output };
        children.push(entry);
        resolve(entry);
      }
    };
    child.stdout.on("data", record);
    child.stderr.on("data", record);
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Relays requests to the registry; while `holding`, requests wait until `release()`. */
let registryUrl = "";
let holding = false;
const held: (() => void)[] = [];
let relay: Server;
function release() {
  holding = false;
  held.splice(0).forEach((go) => go());
}
async function relayRequest(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (holding) await new Promise<void>((go) => held.push(go));
  try {
    const upstream = await fetch(registryUrl, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k)),
      ) as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    res.destroy();
  }
}

let evaluationA: Child;
let evaluationB: Child;
let asEvaluator: Record<string, string>;

beforeAll(async () => {
  database = await prepareTestDatabase("evalqueue", { demo: true });
  const registry = await serve("registry", "registry", { DATABASE_URL: database.serviceUrls.registry });
  registryUrl = registry.url;
  const engagement = await serve("engagement", "engagement", {
    DATABASE_URL: database.serviceUrls.engagement,
    REGISTRY_URL: registry.url,
  });
  relay = createServer((req, res) => void relayRequest(req, res));
  await new Promise<void>((done) => relay.listen(0, "127.0.0.1", done));
  const relayUrl = `http://127.0.0.1:${(relay.address() as { port: number }).port}/graphql`;
  const evaluationEnv = {
    DATABASE_URL: database.serviceUrls.evaluation,
    REGISTRY_URL: relayUrl,
    ENGAGEMENT_URL: engagement.url,
    HAMAFZA_JOBS_POLL_MS: "500",
    HAMAFZA_JOBS_MAINTENANCE_SECONDS: "1",
    HAMAFZA_EVALUATION_RUN_TIMEOUT_SECONDS: "8",
    HAMAFZA_EVALUATION_RUN_RETRY_SECONDS: "1",
  };
  [evaluationA, evaluationB] = await Promise.all([
    serve("evaluation A", "evaluation", evaluationEnv),
    serve("evaluation B", "evaluation", evaluationEnv),
  ]);
  asEvaluator = await subgraphHeaders(security, { role: Role.EVALUATOR, username: "queue.evaluator" });
}, 240_000);

afterAll(async () => {
  release();
  await Promise.all(
    children.map((child) =>
      child.process.exitCode === null && child.process.signalCode === null
        ? new Promise((done) => (child.process.once("exit", done), child.process.kill("SIGTERM")))
        : undefined,
    ),
  );
  await new Promise((done) => relay?.close(done));
  await database?.drop();
}, 60_000);

const gql = (child: Child, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(child.url, query, variables, asEvaluator);

/** The runs here take seconds; a loaded machine gets a minute. */
const until = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string) =>
  untilValue(probe, ok, what, { ms: 60_000 });

const runOn = async (child: Child, id: string) =>
  (
    await gql(child, `query ($id: ID!) { evaluationRun(id: $id) { id status phase managersScored failureMessage } }`, {
      id,
    })
  ).data!.evaluationRun;

/** Per evaluation process, the attempts at computing a run it logged. */
const attempts = (runId: string) =>
  [evaluationA, evaluationB].map((child) =>
    [...child.output().matchAll(new RegExp(`run ${runId} computing \\(attempt (\\d+)`, "g"))].map((m) => Number(m[1])),
  );

async function facts(runId: string) {
  return withClient(database.adminUrl, async (client) => {
    const one = async (sql: string) => (await client.query(sql, [runId])).rows[0];
    return {
      audited: (
        await one(
          `SELECT count(*)::int AS n FROM identity.audit_entry WHERE action = 'runEvaluation' AND entity_id = $1`,
        )
      ).n,
      results: (await one(`SELECT count(*)::int AS n FROM evaluation.evaluation_result WHERE run_id = $1`)).n,
      job: await one(
        `SELECT state, retry_count AS "retryCount" FROM evaluation_jobs.job WHERE name = 'evaluation-run' AND data->>'runId' = $1`,
      ),
    };
  });
}

describe("evaluation runs on the job queue, two evaluation processes", () => {
  it("a run started on one process is computed exactly once", async () => {
    const started = await gql(evaluationA, `mutation { startEvaluationRun(year: 1404) { id status } }`);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startEvaluationRun.id;
    const done = await until(
      () => runOn(evaluationB, id),
      (run) => run.status !== "RUNNING",
      "the run to finish",
    );
    expect(done.status).toBe("SUCCEEDED");
    expect(done.managersScored).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(attempts(id).flat()).toEqual([1]);
    expect(await facts(id)).toEqual({
      audited: 1,
      results: done.managersScored,
      job: { state: "completed", retryCount: 0 },
    });
  });

  it("the synchronous runEvaluation waits for the run, whichever process computes it", async () => {
    const result = await gql(evaluationB, `mutation { runEvaluation(year: 1404) { id status managersScored } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.runEvaluation).toMatchObject({ status: "SUCCEEDED" });
    expect(attempts(result.data!.runEvaluation.id).flat()).toEqual([1]);
  });

  it("a process killed mid-run (SIGKILL): the other process retries the run and finishes it once", async () => {
    holding = true;
    const started = await gql(evaluationA, `mutation { startEvaluationRun(year: 1404) { id } }`);
    const id = started.data!.startEvaluationRun.id;
    await until(
      async () => held.length,
      (n) => n > 0,
      "the run to ask the registry",
    );
    const computing = await until(
      async () => attempts(id),
      (seen) => seen.flat().length === 1,
      "a process to log the run",
    );
    const [victim, survivor] = computing[0].length ? [evaluationA, evaluationB] : [evaluationB, evaluationA];
    expect((await runOn(survivor, id)).phase).toBe("FETCHING_MANAGERS");
    const exited = new Promise((done) => victim.process.once("exit", done));
    victim.process.kill("SIGKILL");
    await exited;
    release();
    const done = await until(
      () => runOn(survivor, id),
      (run) => run.status !== "RUNNING",
      "the survivor to finish the run",
    );
    expect(done.status).toBe("SUCCEEDED");
    const seen = attempts(id);
    const index = (child: Child) => [evaluationA, evaluationB].indexOf(child);
    expect(seen[index(victim)]).toEqual([1]);
    expect(seen[index(survivor)]).toEqual([2]);
    expect(await facts(id)).toEqual({
      audited: 1,
      results: done.managersScored,
      job: { state: "completed", retryCount: 1 },
    });
  }, 120_000);
});
