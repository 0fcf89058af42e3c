import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import express from "express";
import { createServerMetrics, login, metricsRoute, mountMetrics } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { freePort } from "../src/processStack";

/** Prometheus metrics on the gateway and every subgraph, behind HAMAFZA_METRICS_TOKEN. */
const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let token: string;

beforeAll(async () => {
  process.env.HAMAFZA_METRICS_TOKEN = METRICS_TOKEN;
  prepared = await prepareTestDatabase("metrics", { demo: true });
  stack = await startInProcessStack(prepared);
  token = await login(stack.baseUrl, "demo.province", DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  delete process.env.HAMAFZA_METRICS_TOKEN;
  await stack?.stop();
  await prepared?.drop();
});

const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "/metrics");

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Parses the Prometheus text exposition; throws on any line that is not a comment or a sample. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
    // Values as Go's ParseFloat reads them (NaN in any case; prom-client writes "Nan").
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(graphqlUrl: string): Promise<Sample[]> {
  const response = await fetch(metricsUrl(graphqlUrl), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return parseExposition(await response.text());
}

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

async function graphql(query: string, variables: object = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe("metrics", () => {
  it("are not reachable without the token, on the gateway or a subgraph", async () => {
    for (const url of [stack.gatewayUrl, stack.subgraphUrls.registry]) {
      expect((await fetch(metricsUrl(url))).status).toBe(401);
      const wrong = await fetch(metricsUrl(url), { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
      expect(wrong.status).toBe(401);
      // a user's access token is not the metrics token either
      expect((await fetch(metricsUrl(url), { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    }
  });

  it("are off (404) when HAMAFZA_METRICS_TOKEN is unset", async () => {
    const app = express();
    app.get("/metrics", metricsRoute(createServerMetrics("probe"), null));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status).toBe(404);
    } finally {
      server.close();
    }
  });

  it("move to a port of their own with HAMAFZA_METRICS_PORT (for a NetworkPolicy), off the main one", async () => {
    const app = express();
    app.get("/", (_req, res) => res.send("main"));
    const main = createServer(app);
    await new Promise<void>((resolve) => main.listen(0, "127.0.0.1", resolve));
    const port = await freePort();
    const stop = await mountMetrics(app, createServerMetrics("probe"), "127.0.0.1", port);
    try {
      const auth = { authorization: `Bearer ${METRICS_TOKEN}` };
      const own = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: auth });
      expect(own.status).toBe(200);
      expect(parseExposition(await own.text()).some((s) => s.name === "process_cpu_seconds_total")).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const mainPort = (main.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${mainPort}/metrics`, { headers: auth })).status).toBe(404);
    } finally {
      await stop();
      main.close();
    }
  });

  it("count a request by operation and outcome, errors by code, subgraph calls, pools and the process", async () => {
    const probe = { operation: "MetricsProbe", outcome: "ok" };
    const beforeGateway = await scrape(stack.gatewayUrl);
    const beforeRegistry = await scrape(stack.subgraphUrls.registry);
    const answer = await graphql(`
      query MetricsProbe {
        ngos(limit: 2) {
          items {
            id
            meetings {
              id
            }
          }
        }
      }
    `);
    expect(answer.errors).toBeUndefined();
    const refused = await graphql(`
      query MetricsRefused {
        ngos(limit: 100000) {
          totalCount
        }
      }
    `);
    expect(refused.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    await new Promise((resolve) => setTimeout(resolve, 50)); // counted when the answer has been sent
    const gateway = await scrape(stack.gatewayUrl);
    const registry = await scrape(stack.subgraphUrls.registry);
    const delta = (after: Sample[], before: Sample[], name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);

    expect(delta(gateway, beforeGateway, "hamafza_requests_total", { ...probe, service: "gateway" })).toBe(1);
    expect(delta(gateway, beforeGateway, "hamafza_request_duration_seconds_count", probe)).toBe(1);
    expect(
      delta(gateway, beforeGateway, "hamafza_requests_total", { operation: "MetricsRefused", outcome: "error" }),
    ).toBe(1);
    expect(delta(gateway, beforeGateway, "hamafza_request_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(
      delta(gateway, beforeGateway, "hamafza_subgraph_fetch_duration_seconds_count", { subgraph: "engagement" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      delta(gateway, beforeGateway, "hamafza_subgraph_fetch_duration_seconds_count", {
        subgraph: "registry",
        outcome: "ok",
      }),
    ).toBeGreaterThanOrEqual(1);
    // The registry counted its part under the operation name the gateway's query plan gave it.
    const registryOk = registry.filter(
      (s) => s.name === "hamafza_requests_total" && s.labels.operation.startsWith("MetricsProbe"),
    );
    expect(registryOk.length).toBeGreaterThan(0);
    expect(delta(registry, beforeRegistry, "hamafza_request_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(value(registry, "hamafza_db_pool_connections", { pool: "primary", state: "max" })).toBe(10);
    expect(value(registry, "hamafza_db_pool_connections", { pool: "primary", state: "total" })).toBeGreaterThan(0);
    for (const samples of [gateway, registry]) {
      expect(value(samples, "process_resident_memory_bytes", {})).toBeGreaterThan(0);
      expect(samples.some((s) => s.name === "nodejs_eventloop_lag_seconds")).toBe(true);
    }
  });
});
