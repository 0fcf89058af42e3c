import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ConfigError, parseConfig, portVar, subgraphConfigShape } from "@hamafza/common";

describe("configuration parsed once at start", () => {
  it("accepts good values and fills defaults", () => {
    expect(
      parseConfig("test", subgraphConfigShape(4001), { DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db" }),
    ).toEqual({
      DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
      PORT: 4001,
    });
    expect(parseConfig("test", { PORT: portVar(4000) }, { PORT: "48000" })).toEqual({ PORT: 48000 });
  });

  it("names every bad variable and the expected form", () => {
    expect(() => parseConfig("registry", subgraphConfigShape(4001), { PORT: "abc" })).toThrow(ConfigError);
    let message = "";
    try {
      parseConfig("registry", subgraphConfigShape(4001), { PORT: "abc", DATABASE_URL: "mysql://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT: expected a port number from 0 to 65535, got "abc"');
    expect(message).toContain("DATABASE_URL: expected a PostgreSQL URL");
    expect(() => parseConfig("t", { PORT: portVar(1) }, { PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseConfig("t", { PORT: portVar(1) }, { PORT: "12.5" })).toThrow(/PORT/);
  });

  it("stops a subgraph process with a bad PORT before it touches the database", () => {
    const main = join(__dirname, "..", "..", "registry", "dist", "main.js");
    const run = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, PORT: "abc", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[registry] invalid configuration");
    expect(run.stderr).toContain('PORT: expected a port number from 0 to 65535, got "abc"');
  });
});
