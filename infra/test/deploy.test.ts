import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { deployedEnv } from "../src/bench/processes";

/**
 * Deployment files: the compose file against the compose-spec schema, every Kustomize overlay rendered with
 * `kubectl kustomize` and each object validated against the Kubernetes / CloudNativePG schemas
 * (infra/scripts/validate-manifests.mjs), and the NetworkPolicies evaluated against the labels of every workload.
 * Nothing here needs a container engine or a cluster: the files are validated, not run.
 */
const ROOT = join(__dirname, "..", "..");
const INFRA = join(ROOT, "infra");
const VALIDATOR = join(INFRA, "scripts", "validate-manifests.mjs");
const OVERLAYS = ["staging", "production"].map((name) => join(INFRA, "k8s", "overlays", name));
const SUBGRAPHS = ["registry", "engagement", "evaluation", "identity"];

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
};
type Report = { dirs: Record<string, { objects: Obj[]; errors: string[] }> };

function runValidator(dirs: string[]): { status: number | null; report: Report } {
  const result = spawnSync(process.execPath, [VALIDATOR, ...dirs], {
    encoding: "utf8",
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!result.stdout) throw new Error(`validator failed: ${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) };
}

/** infra/compose.yaml with its YAML merge keys applied. */
const readCompose = () => parse(readFileSync(join(INFRA, "compose.yaml"), "utf8"), { merge: true });

/** The `NODE_OPTIONS` of a container's environment (a Kubernetes env list). */
const nodeOptionsOf = (container: { env?: { name: string; value?: string }[] }) =>
  container.env?.find((e) => e.name === "NODE_OPTIONS")?.value;

/** The runtime settings of a container's environment: `NODE_OPTIONS` and the allocator's `MALLOC_*` variables. */
const runtimeOf = (environment: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(environment).filter(([name]) => name === "NODE_OPTIONS" || name.startsWith("MALLOC_")),
  );

describe("compose", () => {
  const compose = readCompose();
  const services = compose.services as Record<string, any>;

  // The vendored schema (compose-spec/compose-spec, schema/compose-spec.json) is draft-07, ajv's default dialect.
  const composeValidator = () => {
    const { $schema: _dialect, ...schema } = JSON.parse(
      readFileSync(join(INFRA, "schemas", "compose-spec.json"), "utf8"),
    );
    return new Ajv({ strict: false, allErrors: true }).compile(schema);
  };

  it("is valid against the compose-spec JSON schema", () => {
    const validate = composeValidator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it("the schema rejects a broken file (the check can fail)", () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    broken.services.gateway.depends_on.identity.condition = "service_ready";
    expect(validate(broken)).toBe(false);
  });

  it("migrates each service once, before it starts, identity first; the gateway waits for healthy subgraphs", () => {
    expect(services.postgres.healthcheck).toBeDefined();
    for (const name of SUBGRAPHS) {
      expect(services[`${name}-migrate`].command).toEqual(["node", `services/${name}/dist/migrate.js`]);
      expect(services[name].depends_on[`${name}-migrate`]).toEqual({ condition: "service_completed_successfully" });
      expect(services[name].command).toBeUndefined();
      if (name !== "identity")
        expect(services[`${name}-migrate`].depends_on["identity-migrate"].condition).toBe(
          "service_completed_successfully",
        );
      expect(services.gateway.depends_on[name]).toEqual({ condition: "service_healthy" });
    }
    expect(services["identity-migrate"].depends_on.postgres.condition).toBe("service_healthy");
  });

  it("publishes only the gateway and takes every secret from the env file", () => {
    const published = Object.entries(services)
      .filter(([, s]) => s.ports)
      .map(([name]) => name);
    expect(published).toEqual(["gateway"]);
    const text = readFileSync(join(INFRA, "compose.yaml"), "utf8");
    const used = new Set([...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    const documented = new Set(
      [...readFileSync(join(INFRA, ".env.example"), "utf8").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]),
    );
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
    expect(readFileSync(join(INFRA, ".env.example"), "utf8")).not.toMatch(/(PASSWORD|SECRET|KEY)=\S/);
  });
});

describe("images", () => {
  it.each(["service.Dockerfile", "gateway.Dockerfile"])(
    "%s: multi-stage, production deps only, non-root, health check",
    (file) => {
      const text = readFileSync(join(INFRA, "docker", file), "utf8");
      expect(text.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
      expect(text).toMatch(/npm ci --omit=dev/);
      expect(text).toMatch(/^USER node$/m);
      expect(text).toMatch(/^HEALTHCHECK /m);
      expect(readFileSync(join(ROOT, ".dockerignore"), "utf8")).toMatch(/node_modules/);
    },
  );
});

describe("Kubernetes manifests", () => {
  const { status, report } = runValidator([...OVERLAYS, join(INFRA, "k8s", "secret-templates")]);

  it("every overlay renders and every object passes the Kubernetes / CNPG schema", () => {
    for (const [dir, result] of Object.entries(report.dirs))
      expect({ dir, errors: result.errors }).toEqual({ dir, errors: [] });
    expect(status).toBe(0);
  });

  it("the validator reports broken objects (the check can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "hamafza-k8s-"));
    try {
      writeFileSync(join(dir, "kustomization.yaml"), "resources: [bad.yaml]\n");
      writeFileSync(
        join(dir, "bad.yaml"),
        [
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: a, image: 7, ports: [{ containerPort: http }] }] }",
          "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: { name: db }\nspec: { instances: three }",
          "apiVersion: example.org/v1\nkind: Unknown\nmetadata: { name: u }",
        ].join("\n---\n"),
      );
      const bad = runValidator([dir]);
      expect(bad.status).toBe(1);
      const errors = bad.report.dirs[dir].errors.join("\n");
      expect(errors).toMatch(/Deployment\/x: .*containerPort must be integer/);
      expect(errors).toMatch(/Cluster\/db: \/spec\/instances must be integer/);
      expect(errors).toMatch(/Unknown\/u: no schema/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(OVERLAYS)(
    "%s has every part: deployments, probes, limits, HPA, PDB, jobs, CNPG cluster with backups, ingress",
    (dir) => {
      const objects = report.dirs[dir].objects;
      const names = (kind: string) =>
        objects
          .filter((o) => o.kind === kind)
          .map((o) => o.metadata.name)
          .sort();
      const workloads = ["gateway", ...SUBGRAPHS].sort();
      expect(names("Deployment")).toEqual(workloads);
      expect(names("Service")).toEqual(workloads);
      // Every workload scales: evaluation's runs are jobs on the queue, safe with several processes.
      expect(names("HorizontalPodAutoscaler")).toEqual(workloads);
      expect(names("PodDisruptionBudget")).toEqual(workloads);
      expect(names("Job")).toEqual(SUBGRAPHS.map((s) => `${s}-migrate`).sort());
      expect(names("Ingress")).toEqual(["gateway"]);
      expect(names("Secret")).toEqual([]);
      for (const deployment of objects.filter((o) => o.kind === "Deployment")) {
        const container = deployment.spec.template.spec.containers[0];
        expect(container.readinessProbe.httpGet.path).toBe("/health");
        expect(container.livenessProbe).toBeDefined();
        expect(container.resources.requests).toBeDefined();
        expect(container.resources.limits).toBeDefined();
        // V8's heap is capped at most at 80 % of the memory limit: it collects before the kernel kills the pod.
        const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(nodeOptionsOf(container) ?? "")?.[1]);
        expect(heapMiB).toBeGreaterThan(0);
        expect(heapMiB).toBeLessThanOrEqual(0.8 * mebibytes(container.resources.limits.memory));
        expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      }
      const cluster = objects.find((o) => o.kind === "Cluster")!;
      expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
      expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
      expect(objects.find((o) => o.kind === "ScheduledBackup")!.spec.cluster.name).toBe(cluster.metadata.name);
      expect(new Set(objects.map((o) => o.metadata.namespace)).size).toBe(1);
    },
  );

  it.each(OVERLAYS)(
    "%s: each workload's NODE_OPTIONS (heap cap) and allocator settings are the ones compose gives the service, and the ones the bench runs it with",
    (dir) => {
      const services = readCompose().services as Record<string, { environment?: Record<string, string> }>;
      const deployed = Object.fromEntries(
        report.dirs[dir].objects
          .filter((o) => o.kind === "Deployment")
          .map((o) => {
            const env: { name: string; value?: string }[] = o.spec.template.spec.containers[0].env ?? [];
            return [o.metadata.name, runtimeOf(Object.fromEntries(env.map((e) => [e.name, e.value])))];
          }),
      );
      expect(Object.keys(deployed).sort()).toEqual(["gateway", ...SUBGRAPHS].sort());
      for (const runtime of Object.values(deployed)) expect(runtime.NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
      expect(deployed.evaluation.MALLOC_MMAP_THRESHOLD_).toBe("131072");
      const composed = Object.fromEntries(
        Object.keys(deployed).map((name) => [name, runtimeOf(services[name]?.environment ?? {})]),
      );
      expect(composed).toEqual(deployed);
      for (const [name, runtime] of Object.entries(deployed))
        expect(deployedEnv(join(INFRA, ".."), name, {})).toEqual(runtime);
    },
  );

  describe.each(OVERLAYS)("NetworkPolicies of %s", (dir) => {
    const objects = report.dirs[dir].objects;
    const namespace = objects[0].metadata.namespace!;
    const policies = objects.filter((o) => o.kind === "NetworkPolicy");
    // Every pod that can exist in the namespace, by the labels of its template, plus a stranger and the outside.
    const pods: Pod[] = [
      ...objects
        .filter((o) => o.kind === "Deployment" || o.kind === "Job")
        .map((o) => ({ name: o.metadata.name, namespace, labels: o.spec.template.metadata.labels })),
      ...objects
        .filter((o) => o.kind === "Cluster")
        .map((o) => ({
          name: "postgres",
          namespace,
          labels: { "cnpg.io/cluster": o.metadata.name, "cnpg.io/instanceRole": "primary" },
        })),
      { name: "stranger", namespace, labels: { app: "debug" } },
      { name: "ingress-controller", namespace: "ingress-nginx", labels: { "app.kubernetes.io/name": "ingress-nginx" } },
      { name: "prometheus", namespace: "monitoring", labels: { "app.kubernetes.io/name": "prometheus" } },
      { name: "monitoring-stranger", namespace: "monitoring", labels: { app: "grafana" } },
      {
        name: "elsewhere",
        namespace: "other",
        labels: { "app.kubernetes.io/component": "gateway", "app.kubernetes.io/name": "hamafza" },
      },
    ];
    const reach = (target: string, port: number) =>
      pods
        .filter(
          (source) =>
            source.name !== target &&
            admits(
              policies,
              pods.find((p) => p.name === target)!,
              source,
              port,
            ),
        )
        .map((p) => p.name)
        .sort();

    it("only the gateway reaches identity and evaluation; registry and engagement also from evaluation", () => {
      expect(reach("identity", 4000)).toEqual(["gateway"]);
      expect(reach("evaluation", 4000)).toEqual(["gateway"]);
      expect(reach("registry", 4000)).toEqual(["evaluation", "gateway"]);
      expect(reach("engagement", 4000)).toEqual(["evaluation", "gateway"]);
    });

    it("only the ingress controller reaches the gateway", () => {
      expect(reach("gateway", 4000)).toEqual(["ingress-controller"]);
    });

    it("only Prometheus reaches the metrics port of the gateway and the subgraphs, and nothing else there", () => {
      for (const target of ["gateway", ...SUBGRAPHS]) expect(reach(target, 9464)).toEqual(["prometheus"]);
      expect(reach("postgres", 9464)).toEqual([]);
    });

    it("the metrics port is the one the services listen on, with the token from the secret", () => {
      for (const name of ["gateway", ...SUBGRAPHS]) {
        const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === name)!;
        const container = deployment.spec.template.spec.containers[0];
        const env = Object.fromEntries(container.env.map((e: any) => [e.name, e]));
        expect(container.ports).toContainEqual({
          name: "metrics",
          containerPort: Number(env.HAMAFZA_METRICS_PORT.value),
        });
        expect(env.HAMAFZA_METRICS_TOKEN.valueFrom.secretKeyRef).toMatchObject({
          name: "hamafza-auth",
          key: "metrics-token",
        });
      }
    });

    it("only the services and the migration jobs reach PostgreSQL", () => {
      expect(reach("postgres", 5432)).toEqual([...SUBGRAPHS, ...SUBGRAPHS.map((s) => `${s}-migrate`)].sort());
      expect(reach("postgres", 4000)).toEqual([]);
    });
  });
});

// --- a small NetworkPolicy evaluator (ingress rules; enough for the selectors these manifests use) ----------------
type Pod = { name: string; namespace: string; labels: Record<string, string> };
type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

/** A Kubernetes memory quantity (`512Mi`, `3Gi`) in MiB. */
function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(match[1]) * (match[2] === "Gi" ? 1024 : 1);
}

function matches(selector: Selector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const ok =
      operator === "In"
        ? key in labels && values.includes(labels[key])
        : operator === "NotIn"
          ? !(key in labels) || !values.includes(labels[key])
          : operator === "Exists"
            ? key in labels
            : operator === "DoesNotExist"
              ? !(key in labels)
              : (() => {
                  throw new Error(`unknown operator ${operator}`);
                })();
    if (!ok) return false;
  }
  return true;
}

function peerAdmits(peer: any, policyNamespace: string, source: Pod): boolean {
  if (peer.ipBlock) return true;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, { "kubernetes.io/metadata.name": source.namespace })
    : source.namespace === policyNamespace;
  return namespaceOk && matches(peer.podSelector, source.labels);
}

/** Kubernetes semantics: a pod selected by any ingress policy admits only what one of their rules allows. */
function admits(policies: Obj[], target: Pod, source: Pod, port: number): boolean {
  const selecting = policies.filter(
    (p) =>
      p.metadata.namespace === target.namespace &&
      matches(p.spec.podSelector, target.labels) &&
      (p.spec.policyTypes ?? ["Ingress"]).includes("Ingress"),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule: any) =>
        (!rule.ports || rule.ports.some((p: any) => p.port === port)) &&
        (!rule.from || rule.from.some((peer: any) => peerAdmits(peer, target.namespace, source))),
    ),
  );
}
