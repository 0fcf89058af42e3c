import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import express from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import type { RequestOutcome, RequestRecord } from "./requestLog";
import { setting } from "./settings";

/**
 * Prometheus metrics of one server (gateway or subgraph), served at `/metrics` to whoever presents
 * `HAMAFZA_METRICS_TOKEN` as a bearer token (404 when the variable is unset, 401 without the token):
 *
 * - `hamafza_requests_total{service, operation, outcome}` and `hamafza_request_duration_seconds{…}`;
 * - `hamafza_request_errors_total{service, code}` — every error code in an answer;
 * - `hamafza_subgraph_fetch_duration_seconds{subgraph, outcome}` (gateway) — each call to a subgraph;
 * - `hamafza_db_pool_connections{service, pool, state}` — total, idle, waiting and max per database pool;
 * - `hamafza_job_queue_jobs{service, queue, state}` — the depth of the service's job queue by queue and state;
 * - Node.js process metrics (`process_*`, `nodejs_*`: CPU, memory, event-loop lag, GC).
 */
export interface ServerMetrics {
  registry: Registry;
  /** Counts a finished request (passed to requestLogging). */
  observeRequest: NonNullable<RequestRecord["onFinish"]>;
  /** The gateway's subgraph calls. */
  observeSubgraphFetch(subgraph: string, seconds: number, outcome: "ok" | "error"): void;
  /** Reports a database pool's use at every scrape. */
  watchPool(pool: string, db: DataSource): void;
  /** Reports the depth of the service's job queue (pg-boss tables in `schema`) at every scrape. */
  watchJobQueue(schema: string, db: DataSource): void;
}

/** Operation names come from clients: past this many distinct names per process they are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createServerMetrics(service: string): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "hamafza_requests_total",
    help: "Requests answered, by GraphQL operation name and outcome.",
    labelNames: ["operation", "outcome"],
    registers: [registry],
  });
  const durations = new Histogram({
    name: "hamafza_request_duration_seconds",
    help: "Time from request to the end of the answer, by GraphQL operation name and outcome.",
    labelNames: ["operation", "outcome"],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "hamafza_request_errors_total",
    help: "Errors in answers, by extensions.code.",
    labelNames: ["code"],
    registers: [registry],
  });
  const subgraphFetches = new Histogram({
    name: "hamafza_subgraph_fetch_duration_seconds",
    help: "The gateway's calls to a subgraph, by subgraph and outcome.",
    labelNames: ["subgraph", "outcome"],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const pools = new Map<string, DataSource>();
  new Gauge({
    name: "hamafza_db_pool_connections",
    help: "Database pool connections by state: total (open), idle, waiting (requests queued for one), max.",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [name, db] of pools) {
        const pool = poolOf(db);
        if (!pool) continue;
        this.set({ pool: name, state: "total" }, pool.totalCount);
        this.set({ pool: name, state: "idle" }, pool.idleCount);
        this.set({ pool: name, state: "waiting" }, pool.waitingCount);
        this.set({ pool: name, state: "max" }, pool.options.max);
      }
    },
  });
  const queues: { schema: string; db: DataSource }[] = [];
  new Gauge({
    name: "hamafza_job_queue_jobs",
    help: "Jobs in the service's queue by queue name and state (created, retry, active; completed, cancelled and failed until they are archived).",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { schema, db } of queues) {
        if (!db.isInitialized) continue;
        const [{ table }] = await db.query(`SELECT to_regclass($1) AS table`, [`${schema}.job`]);
        if (!table) continue;
        const rows: { name: string; state: string; count: number }[] = await db.query(
          `SELECT name, state::text AS state, count(*)::int AS count FROM ${table} GROUP BY 1, 2`,
        );
        for (const row of rows) this.set({ queue: row.name, state: row.state }, row.count);
      }
    },
  });
  const operations = new Set<string>();
  const operationLabel = (name: string | undefined) => {
    if (!name) return "anonymous";
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATION_NAMES) return "other";
    operations.add(name);
    return name;
  };
  return {
    registry,
    observeRequest(record: RequestRecord, outcome: RequestOutcome) {
      const labels = { operation: operationLabel(record.operationName), outcome: outcome.outcome };
      requests.inc(labels);
      durations.observe(labels, outcome.durationMs / 1000);
      for (const code of record.errorCodes) errors.inc({ code });
    },
    observeSubgraphFetch(subgraph, seconds, outcome) {
      subgraphFetches.observe({ subgraph, outcome }, seconds);
    },
    watchPool(pool, db) {
      pools.set(pool, db);
    },
    watchJobQueue(schema, db) {
      queues.push({ schema, db });
    },
  };
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

/** The pg Pool behind a TypeORM postgres DataSource (undefined before it is initialised). */
function poolOf(db: DataSource): PgPool | undefined {
  if (!db.isInitialized) return undefined;
  return (db.driver as unknown as { master?: PgPool }).master;
}

/** Equal strings, compared in constant time (hashes of equal length, so the length does not leak either). */
export function constantTimeEquals(expected: string, given: string): boolean {
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * GET /metrics: 404 while HAMAFZA_METRICS_TOKEN is unset (metrics off), 401 without that bearer token, else the
 * Prometheus text exposition.
 */
export function metricsRoute(
  metrics: ServerMetrics,
  /** null: off; by default HAMAFZA_METRICS_TOKEN. */
  token: string | null | undefined = setting("HAMAFZA_METRICS_TOKEN"),
): express.RequestHandler {
  return async (req, res) => {
    res.setHeader("cache-control", "no-store");
    if (!token) {
      res.status(404).type("text/plain").send("metrics are off (HAMAFZA_METRICS_TOKEN is not set)\n");
      return;
    }
    const header = req.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
    if (!constantTimeEquals(token, given)) {
      res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      res.status(401).type("text/plain").send("a bearer token is needed\n");
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/**
 * Serves `/metrics`: on the server's own app, or — with HAMAFZA_METRICS_PORT — on a port of its own, so that a
 * NetworkPolicy can admit Prometheus to that port only. Returns what stops the extra listener.
 */
export async function mountMetrics(
  app: express.Express,
  metrics: ServerMetrics,
  host: string,
  port = setting("HAMAFZA_METRICS_PORT"),
): Promise<() => Promise<void>> {
  if (port === undefined) {
    app.get("/metrics", metricsRoute(metrics));
    return async () => undefined;
  }
  const own = express();
  own.disable("x-powered-by");
  own.get("/metrics", metricsRoute(metrics));
  const server = createServer(own);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
