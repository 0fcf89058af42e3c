import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { setting } from "./settings";

/**
 * OpenTelemetry tracing of a process, on only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (nothing is sent
 * anywhere otherwise): spans of every HTTP request served and sent (node:http, and undici for the gateway's subgraph
 * calls) and of every SQL statement (pg, without its parameters), exported over OTLP/HTTP (JSON) to
 * `<endpoint>/v1/traces`. The W3C `traceparent` header carries the trace from the gateway to the subgraphs (and
 * from the evaluation service to the subgraphs it reads), so one request is one trace across processes.
 */
export interface Tracing {
  /** Sends the spans still buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

export function startTracing(
  service: string,
  endpoint: string | undefined = setting("OTEL_EXPORTER_OTLP_ENDPOINT"),
): Tracing | null {
  if (!endpoint) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": `hamafza-${service}`, "service.namespace": "hamafza" }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` })),
    ],
  });
  // The global context manager (AsyncLocalStorage) and the W3C trace-context propagator.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not requests worth a trace.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)\b/.test(request.url ?? ""),
        // The OTLP exporter's own POSTs must not be traced (they would trace themselves).
        ignoreOutgoingRequestHook: (options) => String(options.path ?? "").startsWith("/v1/traces"),
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  // node:http may have been loaded before the hook was set: loading it again lets the instrumentation patch it.
  require("node:http");
  require("http");
  return {
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
