import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { generateGatewaySecret, generateTokenKeyPair, login, REQUEST_ID_HEADER } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { freePort, ProcessStack, startProcessStack } from "../src/processStack";

/**
 * Tracing across processes: the real gateway and subgraph processes with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an
 * OTLP/HTTP receiver started here (a small node:http server collecting the exporters' JSON POSTs). One GraphQL
 * request must give one trace id spanning the gateway's spans, the subgraphs' spans and their SQL statements.
 */
jest.setTimeout(180_000);

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: ProcessStack;
let receiver: Server;
const spans: Span[] = [];
const posts: { path: string; contentType: string }[] = [];
const logLines: string[] = [];

/** Flattens an OTLP/JSON ExportTraceServiceRequest into spans with their process's service.name. */
function collect(body: any) {
  for (const resourceSpans of body.resourceSpans ?? []) {
    const service = resourceSpans.resource?.attributes?.find((a: any) => a.key === "service.name")?.value?.stringValue;
    for (const scope of resourceSpans.scopeSpans ?? [])
      for (const span of scope.spans ?? [])
        spans.push({
          service,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          kind: span.kind,
          attributes: Object.fromEntries(
            (span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value ?? {})[0]]),
          ),
        });
  }
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      posts.push({ path: req.url ?? "", contentType: String(req.headers["content-type"]) });
      if (req.url === "/v1/traces") collect(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  prepared = await prepareTestDatabase("tracing", { demo: true });
  const pair = generateTokenKeyPair();
  const ports = await Promise.all([0, 1, 2, 3, 4].map(() => freePort()));
  stack = await startProcessStack(prepared, {
    host: "127.0.0.1",
    gatewayPort: ports[0],
    servicePorts: { registry: ports[1], engagement: ports[2], evaluation: ports[3], identity: ports[4] },
    shared: { HAMAFZA_GATEWAY_SECRET: generateGatewaySecret(), HAMAFZA_JWT_PUBLIC_KEY: pair.publicKeyPem },
    privateKeyPem: pair.privateKeyPem,
    baseEnv: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "info", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
    log: (source, line) => logLines.push(`[${source}] ${line}`),
  });
});

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
  receiver?.close();
});

async function waitFor<T>(find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not found in ${timeoutMs} ms; ${spans.length} spans received`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("one request is one trace across the gateway, the subgraphs it asks and their SQL", async () => {
  const token = await login(stack.baseUrl, "demo.province", DEMO_PASSWORD);
  const response = await fetch(`${stack.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `query Traced { ngos(limit: 2) { items { id name meetings { id } } } }` }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  expect(requestId).toBeTruthy();

  // The gateway's server span of the GraphQL request (SpanKind SERVER = 2; the sign-in before it is its own trace),
  // the parent of Apollo Gateway's own `gateway.request` span.
  const root = await waitFor(() => {
    const request = spans.find((s) => s.service === "hamafza-gateway" && s.name === "gateway.request");
    return spans.find((s) => s.spanId === request?.parentSpanId && s.kind === 2);
  });
  const inTrace = () => spans.filter((s) => s.traceId === root.traceId);
  await waitFor(() => {
    const services = new Set(inTrace().map((s) => s.service));
    return ["hamafza-registry", "hamafza-engagement"].every((name) => services.has(name)) &&
      inTrace().some((s) => s.service === "hamafza-engagement" && s.kind === 3 && /pg|SELECT/i.test(s.name))
      ? true
      : undefined;
  });
  const trace = inTrace();
  expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(root.parentSpanId).toBeUndefined();
  // The subgraphs' server spans are children of the gateway's client spans (traceparent crossed the wire).
  const gatewayClients = trace.filter((s) => s.service === "hamafza-gateway" && s.kind === 3);
  for (const service of ["hamafza-registry", "hamafza-engagement"]) {
    const server = trace.find((s) => s.service === service && s.kind === 2);
    expect(server).toBeDefined();
    expect(gatewayClients.map((s) => s.spanId)).toContain(server!.parentSpanId);
  }
  // SQL statements of the subgraphs are in the same trace, without their parameters.
  const sql = trace.filter((s) => s.service === "hamafza-registry" && s.kind === 3);
  expect(sql.length).toBeGreaterThan(0);
  expect(JSON.stringify(trace)).not.toContain(token);
  // Each process's request log line of this request carries the request id and the trace id.
  const requestLines = logLines
    .map((line) => line.slice(line.indexOf("{")))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === "request" && entry.requestId === requestId);
  for (const service of ["gateway", "registry", "engagement"])
    expect(requestLines.find((entry) => entry.service === service)).toMatchObject({ traceId: root.traceId });
  expect(posts.every((p) => p.path === "/v1/traces" && p.contentType.startsWith("application/json"))).toBe(true);
});
