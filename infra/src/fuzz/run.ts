import fc from "fast-check";
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery } from "graphql";
import { withClient } from "@hamafza/common";
import { documentOf, fuzzedOperations, Operation, poison, variablesArbitrary } from "./inputs";

/** The codes a client may receive (README, "Errors"); anything else — INTERNAL above all — is a finding. */
export const DOCUMENTED_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_TRANSITION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "LOCKED",
  "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

export interface FuzzOptions {
  baseUrl: string;
  /** Bearer tokens by caller name; `anonymous` is added without a token. */
  tokens: Record<string, string>;
  seed: number;
  /** How many requests in all. */
  runs: number;
  /** Poisoned: every request carries a value that must be refused, so the database must not change. */
  poisoned: boolean;
  concurrency?: number;
}

export interface Finding {
  operation: string;
  caller: string;
  status: number;
  code: string | undefined;
  message: string;
  variables: string;
}

export interface FuzzReport {
  requests: number;
  /** Answers by `extensions.code` (`OK` for an answer without errors). */
  byCode: Record<string, number>;
  /** Answers that were not a documented typed error: INTERNAL, HTTP 5xx, unknown codes, no JSON. */
  findings: Finding[];
  operations: number;
}

export async function liveSchema(baseUrl: string, token: string): Promise<GraphQLSchema> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data: IntrospectionQuery };
  return buildClientSchema(body.data);
}

interface Case {
  operation: Operation;
  caller: string;
  variables: Record<string, unknown>;
}

/** Draws `runs` cases with fast-check from the seed: operation, caller, variables (poisoned when asked). */
export function drawCases(
  schema: GraphQLSchema,
  callers: string[],
  options: Pick<FuzzOptions, "seed" | "runs" | "poisoned">,
): Case[] {
  const operations = fuzzedOperations(schema);
  const arbitrary = fc.integer({ min: 0, max: operations.length - 1 }).chain((index) =>
    fc.record({
      index: fc.constant(index),
      caller: fc.constantFrom(...callers),
      variables: variablesArbitrary(operations[index]),
      pick: fc.nat(),
      choice: fc.nat(),
    }),
  );
  const cases: Case[] = [];
  for (const drawn of fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs })) {
    const operation = operations[drawn.index];
    if (options.poisoned && !poison(operation, drawn.variables, drawn.pick, drawn.choice)) {
      // nothing text-like to poison: an Int outside GraphQL's range, refused by the gateway before it runs
      const intArg = operation.field.args.find((arg) => /^Int!?$/.test(arg.type.toString()));
      if (!intArg) continue;
      drawn.variables[intArg.name] = 2 ** 40;
    }
    cases.push({ operation, caller: drawn.caller, variables: drawn.variables });
  }
  return cases;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const callers = [...Object.keys(options.tokens), "anonymous"];
  const schema = await liveSchema(options.baseUrl, Object.values(options.tokens)[0]);
  const cases = drawCases(schema, callers, options);
  const report: FuzzReport = { requests: 0, byCode: {}, findings: [], operations: fuzzedOperations(schema).length };
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const item = cases[next++];
      const outcome = await send(options.baseUrl, options.tokens[item.caller], item);
      report.requests += 1;
      report.byCode[outcome.code ?? "OK"] = (report.byCode[outcome.code ?? "OK"] ?? 0) + 1;
      if (outcome.finding) report.findings.push(outcome.finding);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return report;
}

async function send(
  baseUrl: string,
  token: string | undefined,
  item: Case,
): Promise<{ code?: string; finding?: Finding }> {
  const finding = (status: number, code: string | undefined, message: string): Finding => ({
    operation: item.operation.field.name,
    caller: item.caller,
    status,
    code,
    message: message.slice(0, 300),
    variables: JSON.stringify(item.variables).slice(0, 500),
  });
  let status = 0;
  let text = "";
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: documentOf(item.operation), variables: item.variables }),
      signal: AbortSignal.timeout(30_000),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return { code: "NO_ANSWER", finding: finding(0, undefined, String(error)) };
  }
  let body: { errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return { code: "NOT_JSON", finding: finding(status, undefined, text) };
  }
  const error = body.errors?.find((e) => !DOCUMENTED_CODES.has(e.extensions?.code ?? "")) ?? body.errors?.[0];
  const code = error?.extensions?.code;
  if (status >= 500 || (error && !DOCUMENTED_CODES.has(code ?? "")))
    return { code: code ?? `HTTP_${status}`, finding: finding(status, code, error?.message ?? text) };
  return { code };
}

/** Row count and content hash of every table of the four service schemas but the append-only logs. */
export async function domainSnapshot(adminUrl: string): Promise<Record<string, string>> {
  return withClient(adminUrl, async (client) => {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('registry', 'engagement', 'evaluation', 'identity') AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('migrations', 'audit_entry', 'login_throttle', 'session')
        ORDER BY 1, 2`,
    );
    const snapshot: Record<string, string> = {};
    for (const { schema, name } of tables.rows) {
      const row = await client.query<{ n: string; hash: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${schema}"."${name}" t`,
      );
      snapshot[`${schema}.${name}`] = `${row.rows[0].n}:${row.rows[0].hash ?? "-"}`;
    }
    return snapshot;
  });
}

/** One line per code, most frequent first. */
export function formatCounts(report: FuzzReport): string {
  return Object.entries(report.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code.padEnd(30)} ${n}`)
    .join("\n");
}
