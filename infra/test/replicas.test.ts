import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import {
  bearer,
  dropProvisionedDatabase,
  generateGatewaySecret,
  generateTokenKeyPair,
  postGraphQL,
  withClient,
  withDatabase,
} from "@hamafza/common";
import { createTestDatabase, testAdminUrl } from "@hamafza/common/testing";

/**
 * Scale-out: the built processes as a deployment runs them. The one-shot migration commands provision and migrate
 * a fresh database; then TWO processes each of identity, registry and engagement (one evaluation: its runs stay
 * single-process until the job queue) behind TWO gateway processes, replica set A behind gateway A and set B behind
 * gateway B, all against one database. Sessions, login throttling and writes must be shared through the database.
 */
const ROOT = join(__dirname, "..", "..");
const script = (service: string, file: string) => join(ROOT, "services", service, "dist", file);
const database = `t_replicas_${randomBytes(4).toString("hex")}`;
const ADMIN_PASSWORD = "Two-Replicas-Pass-2025";
const keys = generateTokenKeyPair();
const shared = { HAMAFZA_GATEWAY_SECRET: generateGatewaySecret(), HAMAFZA_JWT_PUBLIC_KEY: keys.publicKeyPem };
const children: ChildProcess[] = [];

function roleUrl(service: string): string {
  const url = new URL(withDatabase(testAdminUrl(), database));
  url.username = `${database}_${service}`;
  url.password = `pw-${service}-${randomBytes(6).toString("hex")}`;
  return url.toString();
}
const serviceUrls = Object.fromEntries(
  ["identity", "registry", "engagement", "evaluation"].map((s) => [s, roleUrl(s)]),
);

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    APOLLO_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: "0",
    ...extra,
  };
}

/** Runs a one-shot command to its end; resolves with its exit code and output. */
function run(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Starts a server process and resolves with its URL once it prints "ready at". */
function serve(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let output = "";
    const onData = (d: Buffer) => {
      output += d;
      const ready = /ready at ([^\s"]+)/.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => reject(new Error(`${file} exited (${code}) before it was ready:\n${output}`)));
  });
}

async function serviceProcess(service: string): Promise<string> {
  return serve(
    script(service, "main.js"),
    baseEnv({
      ...shared,
      DATABASE_URL: serviceUrls[service],
      HAMAFZA_DB_POOL_SIZE: "3",
      ...(service === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
    }),
  );
}

let gatewayA: string;
let gatewayB: string;
let migrationOutput = "";

/** The messages of the JSON log lines (pino) a process wrote, one per line. */
const logMessages = (output: string) =>
  output
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      try {
        return (JSON.parse(line) as { msg?: string }).msg ?? line;
      } catch {
        return line;
      }
    })
    .join("\n") + "\n";

beforeAll(async () => {
  const migrateEnv = (service: string) =>
    baseEnv({ DATABASE_URL: serviceUrls[service], HAMAFZA_DATABASE_ADMIN_URL: testAdminUrl(), ADMIN_PASSWORD });
  const identity = await run(script("identity", "migrate.js"), migrateEnv("identity"));
  const others = await Promise.all(
    ["registry", "engagement", "evaluation"].map((s) => run(script(s, "migrate.js"), migrateEnv(s))),
  );
  for (const result of [identity, ...others]) {
    migrationOutput += logMessages(result.output);
    if (result.code !== 0) throw new Error(`migration failed:\n${result.output}`);
  }
  const [identityA, identityB, registryA, registryB, engagementA, engagementB] = await Promise.all(
    ["identity", "identity", "registry", "registry", "engagement", "engagement"].map(serviceProcess),
  );
  const evaluation = await serve(
    script("evaluation", "main.js"),
    baseEnv({ ...shared, DATABASE_URL: serviceUrls.evaluation, REGISTRY_URL: registryA, ENGAGEMENT_URL: engagementA }),
  );
  const gateway = (identity: string, registry: string, engagement: string) =>
    serve(
      script("gateway", "main.js"),
      baseEnv({
        ...shared,
        SUPERGRAPH_PATH: join(ROOT, "schema", "supergraph.graphql"),
        IDENTITY_URL: identity,
        REGISTRY_URL: registry,
        ENGAGEMENT_URL: engagement,
        EVALUATION_URL: evaluation,
      }),
    );
  [gatewayA, gatewayB] = (
    await Promise.all([gateway(identityA, registryA, engagementA), gateway(identityB, registryB, engagementB)])
  ).map((url) => url.replace(/\/graphql$/, ""));
}, 240_000);

afterAll(async () => {
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((done) => (child.once("exit", done), child.kill("SIGTERM"))) : undefined,
    ),
  );
  await dropProvisionedDatabase(testAdminUrl(), database);
}, 60_000);

async function signIn(base: string, username: string, password: string) {
  const response = await fetch(`${base}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as { token?: string; error?: { code?: string } } };
}
const gql = (base: string, token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(`${base}/graphql`, query, variables, bearer(token));

describe("one-shot migration commands", () => {
  it("created one role per service owning its schema, applied the migrations and the reference data", async () => {
    expect(migrationOutput).toMatch(/\[identity-migrate\] applied /);
    expect(migrationOutput).toMatch(/\[registry-migrate\] reference data: 31 provinces/);
    expect(migrationOutput).toMatch(/\[identity-migrate\] created "admin" with ADMIN_PASSWORD/);
    const owners = await withClient(withDatabase(testAdminUrl(), database), (c) =>
      c.query(
        "SELECT nspname AS schema, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname IN ('identity','registry','engagement','evaluation') ORDER BY 1",
      ),
    );
    expect(owners.rows).toEqual(
      ["engagement", "evaluation", "identity", "registry"].map((s) => ({ schema: s, owner: `${database}_${s}` })),
    );
  });

  it("is idempotent: a second run applies nothing", async () => {
    const again = await run(
      script("registry", "migrate.js"),
      baseEnv({ DATABASE_URL: serviceUrls.registry, HAMAFZA_DATABASE_ADMIN_URL: testAdminUrl() }),
    );
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/no pending migrations/);
  });

  it("a service refuses to start on a database with pending migrations", async () => {
    const empty = await createTestDatabase("pending");
    try {
      const result = await run(
        script("registry", "main.js"),
        baseEnv({ ...shared, DATABASE_URL: empty.serviceUrls.registry }),
      );
      expect(result.code).toBe(2);
      expect(result.output).toMatch(/pending migrations; run `node services\/registry\/dist\/migrate.js` first/);
    } finally {
      await empty.drop();
    }
  });
});

describe("two replicas of each stateless service against one database", () => {
  let token: string;

  it("a session opened through replica set A works through replica set B, and sign-out ends it there", async () => {
    const signedIn = await signIn(gatewayA, "admin", ADMIN_PASSWORD);
    expect(signedIn.status).toBe(200);
    token = signedIn.body.token!;
    const viaB = await gql(gatewayB, token, `{ users(limit: 5) { totalCount } }`);
    expect(viaB.errors).toBeUndefined();

    const session = (await signIn(gatewayB, "admin", ADMIN_PASSWORD)).body.token!;
    expect((await gql(gatewayA, session, `{ users(limit: 5) { totalCount } }`)).errors).toBeUndefined();
    const out = await fetch(`${gatewayB}/auth/logout`, { method: "POST", headers: bearer(session) });
    expect(out.status).toBeLessThan(300);
    // Gateway A remembers an open session for at most 5 s (SessionChecker), then asks identity again.
    const deadline = Date.now() + 10_000;
    let code: string | undefined;
    while (Date.now() < deadline && code !== "UNAUTHENTICATED") {
      const result = await gql(gatewayA, session, `{ users(limit: 5) { totalCount } }`);
      code = result.errors?.[0]?.extensions?.code;
      if (code !== "UNAUTHENTICATED") await new Promise((r) => setTimeout(r, 500));
    }
    expect(code).toBe("UNAUTHENTICATED");
  }, 20_000);

  it("writes through either replica set are read through the other", async () => {
    const ngo = await gql(gatewayA, token, `mutation($input: NgoCreateInput!) { createNgo(input: $input) { id } }`, {
      input: { name: "انجمن آزمون دو نسخه", nationalId: "14905484270", countyId: "1901" },
    });
    expect(ngo.errors).toBeUndefined();
    const readB = await gql(gatewayB, token, `query($id: ID!) { ngo(id: $id) { name } }`, {
      id: ngo.data!.createNgo.id,
    });
    expect(readB.data).toEqual({ ngo: { name: "انجمن آزمون دو نسخه" } });

    const user = await gql(gatewayB, token, `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`, {
      input: {
        username: "replica.user",
        displayName: "کاربر آزمون",
        role: "ANALYST",
        password: "Replica-User-Pass-2025",
      },
    });
    expect(user.errors).toBeUndefined();
    const readA = await gql(gatewayA, token, `query($id: ID!) { user(id: $id) { username } }`, {
      id: user.data!.createUser.id,
    });
    expect(readA.data).toEqual({ user: { username: "replica.user" } });
  });

  it("login failures are counted across replicas: five spread over A and B lock the account on both", async () => {
    const bases = [gatewayA, gatewayB, gatewayA, gatewayB, gatewayA];
    for (const base of bases) expect((await signIn(base, "replica.user", "wrong-password-123")).status).toBe(401);
    const onB = await signIn(gatewayB, "replica.user", "Replica-User-Pass-2025");
    expect(onB.status).toBe(429);
    expect(onB.body.error?.code).toBe("LOCKED");
    expect((await signIn(gatewayA, "replica.user", "Replica-User-Pass-2025")).status).toBe(429);
  }, 30_000);
});
