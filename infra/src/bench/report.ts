import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LoadResult } from "./load";

export interface Row extends LoadResult {
  scenario: string;
  title: string;
  /** ours | ours-nodedup | hive | hive-nodedup */
  target: string;
  concurrency: number;
  statementsPerRequest: number;
  /** CPU ms per request by process (gateways, subgraphs, postgres = the cluster's processes together). */
  cpuMsPerRequest: Record<string, number>;
  extra?: Record<string, unknown>;
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

/** The table `npm run bench` prints: one line per scenario × gateway × concurrency, then ours ÷ Hive and memory. */
export function printTable(
  rows: Row[],
  memory: Record<string, { rss: number; peak: number } | null>,
  peakByScenario: Record<string, Record<string, number>> = {},
): void {
  const header = [
    "scen",
    "target",
    "c",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "SQL/req",
    "CPU ms/req (all)",
    "CPU by process",
  ];
  const lines = rows.map((r) => {
    const cpuTotal = Object.values(r.cpuMsPerRequest).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
    const byProcess = Object.entries(r.cpuMsPerRequest)
      .filter(([, v]) => Number.isFinite(v) && v >= 0.05)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(", ");
    return [
      r.scenario,
      r.target,
      String(r.concurrency),
      fmt(r.reqPerSec),
      fmt(r.p50),
      fmt(r.p95),
      fmt(r.p99),
      String(r.errors),
      fmt(r.statementsPerRequest),
      fmt(cpuTotal),
      byProcess,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  "));
  console.log("");
  print(header);
  lines.forEach(print);
  console.log("");
  for (const scenario of [...new Set(rows.filter((r) => r.target.startsWith("hive")).map((r) => r.scenario))]) {
    const at = (target: string) =>
      rows.find((r) => r.scenario === scenario && r.target === target && r.concurrency === 32)?.reqPerSec ?? NaN;
    console.log(
      `${scenario} c=32 req/s ours ÷ Hive: dedup off ${fmt(at("ours-nodedup") / at("hive-nodedup"), 2)}, dedup on ${fmt(at("ours") / at("hive"), 2)}`,
    );
  }
  for (const r of rows.filter((r) => r.extra))
    console.log(`${r.scenario} ${r.title}: ${fmt(r.p50, 0)} ms ${JSON.stringify(r.extra)}`);
  console.log(
    "peak RSS (MB): " +
      Object.entries(memory)
        .map(([name, m]) => `${name} ${m ? fmt(m.peak, 0) : "–"}`)
        .join(", "),
  );
  // A process's resident memory rarely shrinks: a scenario's figure is at least what the ones before it left.
  for (const [scenario, peaks] of Object.entries(peakByScenario))
    console.log(
      `peak RSS during ${scenario} (MB): ` +
        Object.entries(peaks)
          .map(([name, mb]) => `${name} ${fmt(mb, 0)}`)
          .join(", "),
    );
}

export function writeResults(dir: string, results: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  return file;
}
