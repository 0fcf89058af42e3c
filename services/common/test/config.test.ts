import { spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  ConfigError,
  gatewayShape,
  generateServiceSecurity,
  integerSetting,
  parseConfig,
  portVar,
  runnerShape,
  setting,
  subgraphShape,
} from "@hamafza/common";

const ROOT = join(__dirname, "..", "..", "..");
const keys = generateServiceSecurity();
const SECRETS = { HAMAFZA_GATEWAY_SECRET: keys.gatewaySecret, HAMAFZA_JWT_PUBLIC_KEY: keys.publicKeyPem };

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

/** Runs a process entry with `env` only (plus PATH) and returns its exit status and stderr. */
function runEntry(script: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(ROOT, script)], {
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr };
}

describe("configuration parsed once at start", () => {
  it("accepts good values and fills defaults", () => {
    const config = parseConfig("registry", subgraphShape("registry", 4001), {
      ...SECRETS,
      DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
    });
    expect(config).toMatchObject({
      DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
      PORT: 4001,
      HOST: "127.0.0.1",
      HAMAFZA_DB_POOL_SIZE: 10,
      HAMAFZA_LICENCE_EXPIRING_DAYS: 60,
      HAMAFZA_MIGRATE_ON_START: false,
    });
    expect(config.REGISTRY_READ_DATABASE_URL).toBeUndefined();
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(parseConfig("test", { PORT: portVar(4000) }, { PORT: "48000" })).toEqual({ PORT: 48000 });
    expect(parseConfig("gateway", gatewayShape(), { ...SECRETS, HAMAFZA_COMPRESSION: "0" })).toMatchObject({
      PORT: 4000,
      HAMAFZA_COMPRESSION: false,
      HAMAFZA_GATEWAY_DEDUP: true,
    });
    expect(parseConfig("runner", runnerShape(), {})).toMatchObject({ PORT: 4000, HAMAFZA_DEMO: true });
  });

  it("names every bad variable and the expected form", () => {
    const message = messageOf(() =>
      parseConfig("registry", subgraphShape("registry", 4001), {
        ...SECRETS,
        PORT: "abc",
        DATABASE_URL: "mysql://x",
        REGISTRY_READ_DATABASE_URL: "replica",
        HAMAFZA_DB_POOL_SIZE: "0",
        OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
        HAMAFZA_METRICS_TOKEN: "short",
        HAMAFZA_MIGRATE_ON_START: "yes",
      }),
    );
    expect(message).toContain("[registry] invalid configuration");
    expect(message).toContain('PORT: expected a port number from 0 to 65535, got "abc"');
    expect(message).toContain("DATABASE_URL: expected a PostgreSQL URL");
    expect(message).toContain("REGISTRY_READ_DATABASE_URL: expected a PostgreSQL URL");
    expect(message).toContain('HAMAFZA_DB_POOL_SIZE: expected a whole number from 1 to 200, got "0"');
    expect(message).toContain('OTEL_EXPORTER_OTLP_ENDPOINT: expected an http(s) URL, got "collector:4318"');
    expect(message).toContain("HAMAFZA_METRICS_TOKEN: is too short");
    expect(message).toContain('HAMAFZA_MIGRATE_ON_START: expected 1 or 0, got "yes"');
    expect(message).not.toContain('short"'); // a secret's value is never echoed
    expect(messageOf(() => parseConfig("gateway", gatewayShape(), {}))).toContain("HAMAFZA_GATEWAY_SECRET: is not set");
    expect(() => parseConfig("t", { PORT: portVar(1) }, { PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseConfig("t", { PORT: portVar(1) }, { PORT: "12.5" })).toThrow(/PORT/);
    expect(messageOf(() => parseConfig("runner", runnerShape(), { HAMAFZA_DEMO: "no", PORT: "0" }))).toMatch(
      /HAMAFZA_DEMO: expected 1 or 0[\s\S]*PORT: expected a whole number from 1 to 65535/,
    );
  });

  it("library code reads one variable through the same declaration", () => {
    expect(setting("HAMAFZA_DB_POOL_SIZE", {})).toBe(10);
    expect(setting("HAMAFZA_DB_POOL_SIZE", { HAMAFZA_DB_POOL_SIZE: "3" })).toBe(3);
    for (const value of ["-1", "2.5", "ten", "201"])
      expect(() => setting("HAMAFZA_DB_POOL_SIZE", { HAMAFZA_DB_POOL_SIZE: value })).toThrow(
        `HAMAFZA_DB_POOL_SIZE: expected a whole number from 1 to 200, got "${value}"`,
      );
    expect(integerSetting("FUZZ_RUNS", 7, { min: 1, max: 9 }, {})).toBe(7);
    expect(() => integerSetting("FUZZ_RUNS", 7, { min: 1, max: 9 }, { FUZZ_RUNS: "1e3" })).toThrow(/FUZZ_RUNS/);
  });

  it.each([
    ["a subgraph", "services/registry/dist/main.js", "registry"],
    ["the gateway", "services/gateway/dist/main.js", "gateway"],
    ["`npm start`", "infra/dist/start.js", "runner"],
  ])("stops %s started with PORT=abc, naming PORT, before it does anything", (_what, script, name) => {
    const run = runEntry(script, { ...SECRETS, PORT: "abc", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`[${name}] invalid configuration`);
    expect(run.stderr).toMatch(/PORT: expected a (port number from 0|whole number from 1) to 65535, got "abc"/);
  });

  it("stops the gateway on a bad timeout and a subgraph on a bad setting of its own", () => {
    const gateway = runEntry("services/gateway/dist/main.js", { ...SECRETS, EVALUATION_TIMEOUT_MS: "2min" });
    expect(gateway.status).toBe(2);
    expect(gateway.stderr).toContain('EVALUATION_TIMEOUT_MS: expected a whole number from 100 to 3600000, got "2min"');
    const identity = runEntry("services/identity/dist/main.js", {
      ...SECRETS,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      HAMAFZA_TOKEN_TTL_SECONDS: "0",
    });
    expect(identity.status).toBe(2);
    expect(identity.stderr).toContain("HAMAFZA_JWT_PRIVATE_KEY: is not set");
    expect(identity.stderr).toContain('HAMAFZA_TOKEN_TTL_SECONDS: expected a whole number from 10 to 86400, got "0"');
  });
});

describe("settings read on hot paths", () => {
  it("reuses a variable's parsed value while its text is unchanged, and parses a new text again", () => {
    const env: Record<string, string | undefined> = { HAMAFZA_LICENCE_EXPIRING_DAYS: "30" };
    expect(setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env)).toBe(30);
    expect(setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env)).toBe(30);
    env.HAMAFZA_LICENCE_EXPIRING_DAYS = "45";
    expect(setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env)).toBe(45);
    delete env.HAMAFZA_LICENCE_EXPIRING_DAYS;
    const fallback = setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env);
    expect(fallback).toBeGreaterThan(0);
    // A bad text is refused every time, and does not replace the last good value.
    env.HAMAFZA_LICENCE_EXPIRING_DAYS = "soon";
    expect(messageOf(() => setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env))).toContain("HAMAFZA_LICENCE_EXPIRING_DAYS");
    expect(messageOf(() => setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env))).toContain("HAMAFZA_LICENCE_EXPIRING_DAYS");
    env.HAMAFZA_LICENCE_EXPIRING_DAYS = "30";
    expect(setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env)).toBe(30);
    delete env.HAMAFZA_LICENCE_EXPIRING_DAYS;
    expect(setting("HAMAFZA_LICENCE_EXPIRING_DAYS", env)).toBe(fallback);
  });
});
