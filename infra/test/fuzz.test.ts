import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { domainSnapshot, formatCounts, runFuzz } from "../src/fuzz/run";

/**
 * Hostile input through the gateway over every mutation and every list filter of the live supergraph, as all
 * five roles and anonymously (fast-check, fixed seeds; `npm run fuzz` runs ≥ 20,000 with a random seed).
 * 1. Poisoned: every request carries a value that must be refused (control characters, broken Unicode, unreadable
 *    days and instants) — every answer is a documented typed error and the database is exactly as before.
 * 2. Hostile but well-formed values that reach the resolvers (SQL-looking text, extremes, unknown ids, empty
 *    strings, 100,001-character names) — never INTERNAL_SERVER_ERROR, never HTTP 5xx.
 */
jest.setTimeout(240_000);

let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  prepared = await prepareTestDatabase("fuzz", { demo: true });
  stack = await startInProcessStack(prepared);
  for (const user of ["demo.admin", "demo.province", "demo.county", "demo.evaluator", "demo.analyst"])
    tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
});

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

it("refuses 2,000 poisoned requests with typed errors and leaves every domain table as it was", async () => {
  const before = await domainSnapshot(prepared.adminUrl);
  const report = await runFuzz({ baseUrl: stack.baseUrl, tokens, seed: 1404, runs: 2000, poisoned: true });
  console.log(`poisoned: ${report.requests} requests over ${report.operations} operations\n${formatCounts(report)}`);
  expect(report.findings).toEqual([]);
  expect(report.byCode.OK ?? 0).toBe(0);
  expect(await domainSnapshot(prepared.adminUrl)).toEqual(before);
});

it("answers 1,500 hostile well-formed requests without INTERNAL_SERVER_ERROR or HTTP 5xx, and every service still answers", async () => {
  const report = await runFuzz({ baseUrl: stack.baseUrl, tokens, seed: 1405, runs: 1500, poisoned: false });
  console.log(`hostile: ${report.requests} requests over ${report.operations} operations\n${formatCounts(report)}`);
  expect(report.findings).toEqual([]);
  const health = await fetch(`${stack.baseUrl}/health`);
  expect(await health.json()).toEqual({ status: "up" });
});
