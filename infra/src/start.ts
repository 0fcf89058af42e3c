import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { generateGatewaySecret, generateTokenKeyPair } from "@hamafza/common";
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from "./embeddedPostgres";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { DASHBOARD_DIST, DATA_DIR, REPO_ROOT, SUPERGRAPH_FILE } from "./paths";
import { prepareDatabase } from "./prepare";

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, reference and demo data, the `admin`
 * account, then the four subgraphs and the gateway, each as its own process. Ctrl-C stops them all and PostgreSQL.
 * The gateway secret and the token key pair come from the environment or are generated for this run (then a
 * restart signs everyone out).
 */
const env = process.env;
const config = {
  databaseUrl: env.DATABASE_URL,
  embeddedPort: Number(env.HAMAFZA_PG_PORT ?? 54329),
  gatewayPort: Number(env.PORT ?? 4000),
  servicePorts: {
    registry: Number(env.REGISTRY_PORT ?? 4001),
    engagement: Number(env.ENGAGEMENT_PORT ?? 4002),
    evaluation: Number(env.EVALUATION_PORT ?? 4003),
    identity: Number(env.IDENTITY_PORT ?? 4004),
  },
  host: env.HOST ?? "127.0.0.1",
  demo: env.HAMAFZA_DEMO !== "0",
};

/** Secrets given to the processes that need them, and kept out of the others' environment. */
const SECRET_VARIABLES = ["HAMAFZA_JWT_PRIVATE_KEY", "ADMIN_PASSWORD", "DATABASE_URL"];

function securityMaterial() {
  const generated = env.HAMAFZA_JWT_PRIVATE_KEY ? null : generateTokenKeyPair();
  if (!generated && !env.HAMAFZA_JWT_PUBLIC_KEY) throw new Error("HAMAFZA_JWT_PRIVATE_KEY is set without HAMAFZA_JWT_PUBLIC_KEY.");
  return {
    HAMAFZA_GATEWAY_SECRET: env.HAMAFZA_GATEWAY_SECRET ?? generateGatewaySecret(),
    HAMAFZA_JWT_PUBLIC_KEY: generated?.publicKeyPem ?? env.HAMAFZA_JWT_PUBLIC_KEY!,
    privateKeyPem: generated?.privateKeyPem ?? env.HAMAFZA_JWT_PRIVATE_KEY!,
  };
}

const children: ChildProcess[] = [];
let postgres: EmbeddedPostgresHandle | null = null;
let stopping = false;

async function main() {
  const { adminUrl, database } = await databaseTarget();
  log("runner", `preparing database "${database}"${config.demo ? " (demo mode)" : ""}`);
  const prepared = await prepareDatabase(adminUrl, database, { demo: config.demo, adminPassword: env.ADMIN_PASSWORD, log: (line) => log("runner", line) });
  const { privateKeyPem, ...shared } = securityMaterial();
  const serviceUrls: Record<string, string> = {};
  for (const [name, port] of Object.entries(config.servicePorts)) {
    serviceUrls[name] = `http://${config.host}:${port}/graphql`;
    launch(name, join(REPO_ROOT, "services", name, "dist", "main.js"), {
      ...shared,
      ...(name === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: privateKeyPem } : {}),
      // The evaluation service reads the facts of a computation run from these subgraphs directly.
      ...(name === "evaluation"
        ? { REGISTRY_URL: `http://${config.host}:${config.servicePorts.registry}/graphql`, ENGAGEMENT_URL: `http://${config.host}:${config.servicePorts.engagement}/graphql` }
        : {}),
      DATABASE_URL: prepared.serviceUrls[name as keyof typeof prepared.serviceUrls],
      PORT: String(port),
    });
  }
  await Promise.all(Object.entries(serviceUrls).map(([name, url]) => waitForHealth(name, url.replace(/\/graphql$/, "/health"))));
  launch("gateway", join(REPO_ROOT, "services", "gateway", "dist", "main.js"), {
    PORT: String(config.gatewayPort),
    HOST: config.host,
    SUPERGRAPH_PATH: SUPERGRAPH_FILE,
    DASHBOARD_DIR: DASHBOARD_DIST,
    REGISTRY_URL: serviceUrls.registry,
    ENGAGEMENT_URL: serviceUrls.engagement,
    EVALUATION_URL: serviceUrls.evaluation,
    IDENTITY_URL: serviceUrls.identity,
    ...shared,
  });
  const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.gatewayPort}`;
  await waitForHealth("gateway", `${base}/health`);
  console.log(
    [
      "",
      "Hamafza is up:",
      `  dashboard   ${base}/`,
      `  GraphQL     ${base}/graphql`,
      `  health      ${base}/health`,
      ...Object.entries(serviceUrls).map(([name, url]) => `  ${name.padEnd(11)} ${url}`),
      ...adminNotice(prepared.admin.generatedPassword),
      ...(config.demo ? [`  demo users  ${demoUsers.map((u) => u.username).join(", ")} (password ${DEMO_PASSWORD}; demo mode only)`] : []),
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

/** The generated admin password, shown this once (it is stored only as an argon2id hash). */
function adminNotice(password: string | null): string[] {
  if (!password) return [];
  return [
    "",
    `  Created the "admin" account with the password  ${password}`,
    "  It is shown only now: sign in and change it (or set ADMIN_PASSWORD before the first start).",
    "",
  ];
}

async function databaseTarget(): Promise<{ adminUrl: string; database: string }> {
  if (config.databaseUrl) {
    const database = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)) || "hamafza";
    log("runner", `using DATABASE_URL (database "${database}")`);
    return { adminUrl: config.databaseUrl, database };
  }
  log("runner", `starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPort} (data in .data/postgres)`);
  postgres = await startEmbeddedPostgres({ baseDir: join(DATA_DIR, "postgres"), port: config.embeddedPort, persistent: true });
  return { adminUrl: postgres.adminUrl, database: "hamafza" };
}

function launch(name: string, script: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, [script], {
    env: { ...withoutSecrets(process.env), ...extraEnv, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: process.env.NODE_ENV ?? "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const relay = (stream: NodeJS.ReadableStream, write: (line: string) => void) =>
    stream.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(write));
  relay(child.stdout!, (line) => log(name, line));
  relay(child.stderr!, (line) => log(name, line, true));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(name, `exited unexpectedly (code ${code}, signal ${signal}); stopping everything`, true);
    void shutdown(1);
  });
  children.push(child);
}

function withoutSecrets(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...environment };
  for (const name of SECRET_VARIABLES) delete copy[name];
  return copy;
}

async function waitForHealth(name: string, url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  log("runner", "stopping…");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  if (postgres) await postgres.stop().catch((error) => log("runner", `PostgreSQL stop failed: ${error}`, true));
  log("runner", "stopped");
  process.exit(exitCode);
}

function log(source: string, line: string, error = false) {
  const prefixed = line.startsWith(`[${source}]`) ? line : `[${source}] ${line}`;
  (error ? process.stderr : process.stdout).write(`${prefixed}\n`);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error) => {
  log("runner", error instanceof Error ? error.stack ?? error.message : String(error), true);
  void shutdown(1);
});
