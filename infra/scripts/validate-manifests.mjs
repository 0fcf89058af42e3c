#!/usr/bin/env node
// Renders Kustomize directories with `kubectl kustomize` and validates every object: Kubernetes kinds against the
// OpenAPI schemas that ship with the `kubernetes-models` package, CloudNativePG kinds against the CRD schemas
// vendored in infra/schemas/cnpg-crds.json (with ajv). ESM because kubernetes-models is ESM-only; used by
// infra/test/deploy.test.ts and by hand:  node infra/scripts/validate-manifests.mjs infra/k8s/overlays/staging
// Prints JSON {dirs: {<dir>: {objects, errors}}}; exits 1 if any object is invalid.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const crds = JSON.parse(readFileSync(join(here, "..", "schemas", "cnpg-crds.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const crdValidators = new Map(Object.entries(crds.kinds).map(([key, schema]) => [key, ajv.compile(schema)]));

export function render(dir) {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseAllDocuments(out)
    .map((doc) => doc.toJSON())
    .filter(Boolean);
}

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  try {
    const mod = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    return mod[kind] ?? null;
  } catch {
    return null;
  }
}

export async function validate(object) {
  const { apiVersion, kind } = object;
  const name = `${kind}/${object.metadata?.name}`;
  const crd = crdValidators.get(`${kind}/${apiVersion}`);
  if (crd) return crd(object) ? [] : crd.errors.map((e) => `${name}: ${e.instancePath} ${e.message}`);
  const Model = await modelClass(apiVersion, kind);
  if (!Model) return [`${name}: no schema for ${apiVersion} ${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${name}: ${error.message}`];
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = { cnpgSchema: crds.source, dirs: {} };
  let failed = false;
  for (const dir of process.argv.slice(2)) {
    const objects = render(dir);
    const errors = [];
    for (const object of objects) errors.push(...(await validate(object)));
    if (errors.length) failed = true;
    report.dirs[dir] = { objects, errors };
  }
  process.stdout.write(JSON.stringify(report));
  process.exit(failed ? 1 : 0);
}
