import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * The gateway's start loads only what serving GraphQL needs: the PDF renderer (playwright-core), the XLSX writer
 * (exceljs) and the S3 client are loaded on their first use. Together they held ≈ 40 MB of heap (their bundled
 * sources) in every gateway process (docs/performance.md, issue 13 fifth round). Runs the built gateway
 * (`npm run build:services`) in a child process, as a deployment does, and reads its module cache.
 */
const ROOT = join(__dirname, "..", "..", "..");
const LAZY = ["playwright-core", "exceljs", "@aws-sdk/client-s3"];

const script = `
const common = require(${JSON.stringify(join(ROOT, "services", "common", "dist", "index.js"))});
const { startGateway } = require(${JSON.stringify(join(ROOT, "services", "gateway", "dist", "index.js"))});
const { readFileSync } = require("node:fs");
(async () => {
  const keys = common.generateTokenKeyPair();
  const server = await startGateway({
    port: 0,
    supergraphSdl: readFileSync(${JSON.stringify(join(ROOT, "schema", "supergraph.graphql"))}, "utf8"),
    security: common.securityFromPem(common.generateGatewaySecret(), keys.publicKeyPem),
  });
  const loaded = ${JSON.stringify(LAZY)}.filter((name) =>
    Object.keys(require.cache).some((file) => file.includes("/node_modules/" + name + "/")),
  );
  await server.stop();
  process.stdout.write("LOADED " + JSON.stringify(loaded) + "\\n");
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

test("a started gateway has not loaded playwright-core, exceljs or the S3 client", () => {
  const result = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, HAMAFZA_S3_BUCKET: "", LOG_LEVEL: "error" },
    timeout: 60_000,
  });
  const line = /^LOADED (.*)$/m.exec(result.stdout)?.[1];
  if (line === undefined) throw new Error(`the gateway did not start: ${result.stderr}`);
  expect(JSON.parse(line)).toEqual([]);
});
