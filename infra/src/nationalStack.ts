import { chmodSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateGatewaySecret, generateTokenKeyPair, login, withClient } from "@hamafza/common";
import { BenchProcess, deployedEnv, freePort, launch, serviceScript, waitForHealth } from "./bench/processes";
import { postgresCpuMs } from "./bench/sql";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { REPO_ROOT, SUPERGRAPH_FILE } from "./paths";
import { describeNationalSeed, nationalScale, seedNational } from "./national";
import { PreparedDatabase } from "./prepare";
import { InProcessStack, startInProcessStack } from "./stack";

/** What a measuring script gets: the seeded database, the running stack, an administrator's token. */
export interface NationalStack {
  prepared: PreparedDatabase;
  stack: Pick<InProcessStack, "gatewayUrl" | "baseUrl" | "stop">;
  /** With `separateProcesses`: the four subgraphs and the gateway, each its own Node.js process (from `dist`). */
  processes: BenchProcess[];
  token: string;
  /** The embedded PostgreSQL's folder (see `postgresCpuSeconds`). */
  workDir: string;
}

/**
 * For the measuring scripts (`measureSnapshot.ts`, `measureRun.ts`): a throw-away embedded PostgreSQL seeded with the
 * national data set at NATIONAL_SCALE, the 1404 cycle OPEN, the in-process stack (every service in this process; or,
 * with `separateProcesses`, every service its own process with its manifest's `NODE_OPTIONS`, as in production and
 * the bench) and the administrator
 * signed in; all stopped after `body`.
 */
export async function withNationalStack<T>(
  name: string,
  log: (line: string) => void,
  body: (national: NationalStack) => Promise<T>,
  { separateProcesses = false }: { separateProcesses?: boolean } = {},
): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), `hamafza-${name}-`));
  chmodSync(workDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its cluster folder
  const pg = await startEmbeddedPostgres({
    baseDir: join(workDir, "pg"),
    // HAMAFZA_PG_PORT when set (several measurements on one machine), else one derived from this process's id.
    port: process.env.HAMAFZA_PG_PORT ? Number(process.env.HAMAFZA_PG_PORT) : 30_000 + (process.pid % 5000),
    persistent: false,
  });
  try {
    const { prepared, summary } = await seedNational(pg.adminUrl, `hamafza_${name}_${Date.now()}`, nationalScale());
    log(describeNationalSeed(summary));
    await withClient(prepared.adminUrl, (c) =>
      c.query(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`),
    );
    const { stack, processes } = separateProcesses
      ? await startProcesses(prepared)
      : { stack: await startInProcessStack(prepared), processes: [] };
    try {
      const token = await login(stack.baseUrl, "admin", prepared.admin.generatedPassword!);
      return await body({ prepared, stack, processes, token, workDir });
    } finally {
      await stack.stop();
    }
  } finally {
    await pg.stop();
  }
}

/** The subgraphs and the gateway as separate processes on free ports (as the bench starts them). */
async function startProcesses(
  prepared: PreparedDatabase,
): Promise<{ stack: NationalStack["stack"]; processes: BenchProcess[] }> {
  const keys = generateTokenKeyPair();
  const shared = {
    HAMAFZA_GATEWAY_SECRET: generateGatewaySecret(),
    HAMAFZA_JWT_PUBLIC_KEY: keys.publicKeyPem,
    HOST: "127.0.0.1",
  };
  const names = ["registry", "engagement", "evaluation", "identity"] as const;
  const urls = {} as Record<(typeof names)[number], string>;
  for (const n of names) urls[n] = `http://127.0.0.1:${await freePort()}/graphql`;
  const port = (url: string) => new URL(url).port;
  const processes: BenchProcess[] = names.map((n) =>
    launch(
      n,
      process.execPath,
      [serviceScript(REPO_ROOT, n)],
      {
        ...shared,
        // Each service's heap cap from its manifest, as the bench runs it (its peak memory depends on it).
        ...deployedEnv(REPO_ROOT, n),
        ...(n === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
        ...(n === "evaluation" ? { REGISTRY_URL: urls.registry, ENGAGEMENT_URL: urls.engagement } : {}),
        ...(n === "engagement" || n === "identity" ? { REGISTRY_URL: urls.registry } : {}),
        ...(n === "registry" ? { ENGAGEMENT_URL: urls.engagement } : {}),
        DATABASE_URL: prepared.serviceUrls[n],
        PORT: port(urls[n]),
      },
      urls[n],
    ),
  );
  const stop = async () => {
    for (const p of [...processes].reverse()) await p.stop();
  };
  try {
    await Promise.all(processes.map((p) => waitForHealth(p.name, p.url.replace(/\/graphql$/, "/health"), 300_000)));
    const gatewayUrl = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = launch(
      "gateway",
      process.execPath,
      [serviceScript(REPO_ROOT, "gateway")],
      {
        ...shared,
        ...deployedEnv(REPO_ROOT, "gateway"),
        SUPERGRAPH_PATH: SUPERGRAPH_FILE,
        REGISTRY_URL: urls.registry,
        ENGAGEMENT_URL: urls.engagement,
        EVALUATION_URL: urls.evaluation,
        IDENTITY_URL: urls.identity,
        PORT: port(gatewayUrl),
      },
      gatewayUrl,
    );
    processes.push(gateway);
    await waitForHealth("gateway", gatewayUrl.replace(/\/graphql$/, "/health"), 300_000);
    return { stack: { gatewayUrl, baseUrl: gatewayUrl.replace(/\/graphql$/, ""), stop }, processes };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** CPU seconds of the embedded PostgreSQL under `workDir` so far (`postgresCpuMs`); NaN when none runs there. */
export function postgresCpuSeconds(workDir: string): number {
  const pidFile = readdirSync(workDir, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith("postmaster.pid"));
  return pidFile ? postgresCpuMs(dirname(join(workDir, pidFile))) / 1000 : NaN;
}
