import { join } from "node:path";
import {
  generateGatewaySecret,
  generateTokenKeyPair,
  loadConfigOrExit,
  runnerShape,
  SUBGRAPH_SERVICES,
  subgraphPortName,
  SubgraphService,
} from "@hamafza/common";
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from "./embeddedPostgres";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { DATA_DIR } from "./paths";
import { prepareDatabase } from "./prepare";
import { ProcessStack, startProcessStack } from "./processStack";

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, reference and demo data, the `admin`
 * account, then the four subgraphs and the gateway, each as its own process, supervised: one that crashes is started
 * again with a growing delay while the others keep serving (supervisor.ts). Ctrl-C stops them all and PostgreSQL.
 * The gateway secret and the token key pair come from the environment or are generated for this run (then a
 * restart signs everyone out).
 */
const env = loadConfigOrExit("runner", runnerShape());
const config = {
  databaseUrl: env.DATABASE_URL,
  embeddedPort: env.HAMAFZA_PG_PORT,
  gatewayPort: env.PORT,
  servicePorts: Object.fromEntries(
    SUBGRAPH_SERVICES.map((name) => [name, env[subgraphPortName(name)] as number]),
  ) as Record<SubgraphService, number>,
  host: env.HOST,
  demo: env.HAMAFZA_DEMO,
};

/** Secrets given to the processes that need them, and kept out of the others' environment. */
const SECRET_VARIABLES = ["HAMAFZA_JWT_PRIVATE_KEY", "ADMIN_PASSWORD", "DATABASE_URL"];

function securityMaterial() {
  const generated = env.HAMAFZA_JWT_PRIVATE_KEY ? null : generateTokenKeyPair();
  if (!generated && !env.HAMAFZA_JWT_PUBLIC_KEY)
    throw new Error("HAMAFZA_JWT_PRIVATE_KEY is set without HAMAFZA_JWT_PUBLIC_KEY.");
  return {
    HAMAFZA_GATEWAY_SECRET: env.HAMAFZA_GATEWAY_SECRET ?? generateGatewaySecret(),
    HAMAFZA_JWT_PUBLIC_KEY: generated?.publicKeyPem ?? env.HAMAFZA_JWT_PUBLIC_KEY!,
    privateKeyPem: generated?.privateKeyPem ?? env.HAMAFZA_JWT_PRIVATE_KEY!,
  };
}

let stack: ProcessStack | null = null;
let postgres: EmbeddedPostgresHandle | null = null;
let stopping = false;

async function main() {
  const { adminUrl, database } = await databaseTarget();
  log("runner", `preparing database "${database}"${config.demo ? " (demo mode)" : ""}`);
  const prepared = await prepareDatabase(adminUrl, database, {
    demo: config.demo,
    adminPassword: env.ADMIN_PASSWORD,
    log: (line) => log("runner", line),
  });
  const { privateKeyPem, ...shared } = securityMaterial();
  stack = await startProcessStack(prepared, {
    host: config.host,
    gatewayPort: config.gatewayPort,
    servicePorts: config.servicePorts,
    shared,
    privateKeyPem,
    baseEnv: withoutSecrets(process.env),
    log,
  });
  const { baseUrl: base, serviceUrls } = stack;
  console.log(
    [
      "",
      "Hamafza is up:",
      `  dashboard   ${base}/`,
      `  GraphQL     ${base}/graphql`,
      `  health      ${base}/health`,
      ...Object.entries(serviceUrls).map(([name, url]) => `  ${name.padEnd(11)} ${url}`),
      ...adminNotice(prepared.admin.generatedPassword),
      ...(config.demo
        ? [`  demo users  ${demoUsers.map((u) => u.username).join(", ")} (password ${DEMO_PASSWORD}; demo mode only)`]
        : []),
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
  postgres = await startEmbeddedPostgres({
    baseDir: join(DATA_DIR, "postgres"),
    port: config.embeddedPort,
    persistent: true,
  });
  return { adminUrl: postgres.adminUrl, database: "hamafza" };
}

function withoutSecrets(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...environment };
  for (const name of SECRET_VARIABLES) delete copy[name];
  return copy;
}

async function shutdown(exitCode: number, reason: string) {
  if (stopping) return;
  stopping = true;
  log("runner", `stopping (${reason})…`);
  await stack?.stop();
  if (postgres) await postgres.stop().catch((error) => log("runner", `PostgreSQL stop failed: ${error}`, true));
  log("runner", "stopped");
  process.exit(exitCode);
}

/** A line for the console: the processes log JSON (pino); the runner shows their message and error readably. */
function log(source: string, line: string, error = false) {
  const text = readableLogLine(line);
  const prefixed = text.startsWith(`[${source}]`) ? text : `[${source}] ${text}`;
  (error ? process.stderr : process.stdout).write(`${prefixed}\n`);
}

function readableLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } } & Record<string, unknown>;
    if (entry.msg === "request")
      return `${entry.operation ?? "-"} ${entry.status} ${entry.outcome}${entry.errorCodes ? ` ${String(entry.errorCodes)}` : ""} ${entry.durationMs} ms (${entry.requestId})`;
    return entry.msg ? `${entry.msg}${entry.err?.message ? `: ${entry.err.message}` : ""}` : line;
  } catch {
    return line;
  }
}

process.on("SIGINT", () => void shutdown(0, "SIGINT"));
process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));
main().catch((error) => {
  log("runner", error instanceof Error ? (error.stack ?? error.message) : String(error), true);
  void shutdown(1, "start-up failed");
});
