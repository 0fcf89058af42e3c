import { createServer, Server, Socket } from "node:net";
import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEvaluationDataSource, startEvaluation } from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/**
 * A hung upstream (a registry that accepts the connection and never answers, as a frozen process does) fails the
 * run cleanly after HAMAFZA_UPSTREAM_TIMEOUT_MS with a Persian message, instead of leaving it RUNNING.
 */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
let hung: Server;
const sockets: Socket[] = [];
const security = generateServiceSecurity();

beforeAll(async () => {
  process.env.HAMAFZA_UPSTREAM_TIMEOUT_MS = "500";
  hung = createServer((socket) => sockets.push(socket)); // reads the request, never answers
  await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(hung.address() as { port: number }).port}/graphql`;
  database = await prepareTestDatabase("evaltimeout", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  await db.query(`UPDATE evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
  server = await startEvaluation({ db, port: 0, security, registryUrl: url, engagementUrl: url });
});

afterAll(async () => {
  delete process.env.HAMAFZA_UPSTREAM_TIMEOUT_MS;
  sockets.forEach((socket) => socket.destroy());
  hung?.close();
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

it("fails the run with a Persian message when an upstream does not answer in time", async () => {
  const headers = await subgraphHeaders(security, { role: Role.EVALUATOR, username: "nat.evaluator" });
  const started = await postGraphQL(
    server.url,
    `mutation { startEvaluationRun(year: 1404) { id status } }`,
    {},
    headers,
  );
  expect(started.errors).toBeUndefined();
  const id = started.data!.startEvaluationRun.id;
  let run: { status: string; failureMessage: string | null } | undefined;
  for (let i = 0; i < 100; i++) {
    run = (
      await postGraphQL(
        server.url,
        `query($id: ID!) { evaluationRun(id: $id) { status failureMessage } }`,
        { id },
        headers,
      )
    ).data!.evaluationRun;
    if (run!.status !== "RUNNING") break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(run).toEqual({ status: "FAILED", failureMessage: expect.stringMatching(/پاسخ ندادند/) });
  expect(Number((await db.query(`SELECT count(*) AS n FROM evaluation_result`))[0].n)).toBe(0);
});
