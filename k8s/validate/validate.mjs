// Renders kustomize directories and checks every document offline, three ways:
//  1. the Kubernetes JSON schema of its kind (npm kubernetes-models: required fields, types, formats);
//  2. no unknown fields (the schemas allow them, so a misspelt `readinesProbe` would pass): each
//     document is type-checked by TypeScript against the kubernetes-models interfaces, whose
//     excess-property check rejects any field Kubernetes does not define;
//  3. CNUCNM's deployment rules (probes, resources, non-root, read-only root, selectors that match,
//     secrets only by reference, never a Secret in production).
// Usage: node k8s/validate/validate.mjs DIR...   (exit 1 when any document fails)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

/** `kubectl kustomize DIR` as a list of plain objects. */
export function render(directory) {
  const text = execFileSync("kubectl", ["kustomize", directory], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return parseDocuments(text);
}

export function parseDocuments(text) {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) {
        throw new Error(`YAML: ${document.errors[0].message}`);
      }
      return document.toJS();
    })
    .filter((document) => document !== null);
}

/** kubernetes-models module of an apiVersion: "v1" → "kubernetes-models/v1", "apps/v1" → "kubernetes-models/apps/v1". */
function modulePath(apiVersion) {
  return `kubernetes-models/${apiVersion}`;
}

function describe(document) {
  return `${document?.kind ?? "?"}/${document?.metadata?.name ?? "?"}`;
}

/** kustomize folds long base64 values of generated Secrets over several lines; the API server's
 * base64 decoder skips line breaks, the schema's "byte" format does not. */
function normalise(document) {
  if (document.kind !== "Secret" || !document.data) {
    return document;
  }
  const data = Object.fromEntries(Object.entries(document.data).map(([key, value]) => [key, String(value).replace(/\s+/g, "")]));
  return { ...document, data };
}

/** 1. JSON schema of the kind. */
export async function schemaErrors(document) {
  if (typeof document?.apiVersion !== "string" || typeof document?.kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  let models;
  try {
    models = await import(modulePath(document.apiVersion));
  } catch {
    return [`unknown apiVersion ${document.apiVersion}`];
  }
  const Model = models[document.kind];
  if (typeof Model !== "function") {
    return [`unknown kind ${document.kind} in ${document.apiVersion}`];
  }
  try {
    new Model(normalise(document)).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

/** 2. Unknown fields, by TypeScript's excess-property check against the models' interfaces. */
export function unknownFieldErrors(documents) {
  const directory = mkdtempSync(join(here, ".check-"));
  try {
    const lines = [];
    documents.forEach((document, index) => {
      lines.push(`import type { I${document.kind} as T${index} } from "${modulePath(document.apiVersion)}/${document.kind}";`);
      lines.push(`export const d${index}: T${index} = ${JSON.stringify(document)};`);
    });
    writeFileSync(join(directory, "documents.ts"), lines.join("\n") + "\n");
    writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022",
        skipLibCheck: true, types: [],
      },
      files: ["documents.ts"],
    }));
    try {
      execFileSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "-p", directory], { encoding: "utf8" });
      return [];
    } catch (error) {
      // tsc reports "documents.ts(LINE,COL): error TS…": line 2k and 2k+1 belong to document k.
      return (error.stdout || error.message).split("\n").filter((line) => line.includes("error TS")).map((line) => {
        const match = /documents\.ts\((\d+),\d+\): (.*)$/.exec(line);
        return match ? `${describe(documents[Math.floor((Number(match[1]) - 1) / 2)])}: ${match[2]}` : line;
      });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const workloadKinds = new Set(["Deployment", "StatefulSet", "Job"]);

function podSpec(document) {
  return document.spec?.template?.spec;
}

function matches(selector, labels) {
  const wanted = selector?.matchLabels ?? {};
  return Object.keys(wanted).length > 0 && Object.entries(wanted).every(([key, value]) => labels?.[key] === value);
}

/** 3. CNUCNM's rules for a rendered environment (all documents together). */
export function policyErrors(documents, { production = false } = {}) {
  // An environment that generates no Secret expects the operator to create cnucnm-secrets.
  const errors = [];
  const fail = (document, message) => errors.push(`${describe(document)}: ${message}`);
  const byKind = (kind) => documents.filter((d) => d.kind === kind);
  const secrets = new Set(byKind("Secret").map((d) => d.metadata.name));
  const configMaps = new Set(byKind("ConfigMap").map((d) => d.metadata.name));
  const workloads = documents.filter((d) => workloadKinds.has(d.kind));

  for (const document of workloads) {
    const spec = podSpec(document);
    const labels = document.spec?.template?.metadata?.labels;
    if (document.kind !== "Job" && !matches(document.spec?.selector, labels)) {
      fail(document, "spec.selector.matchLabels must select the pod template's labels");
    }
    if (spec?.securityContext?.runAsNonRoot !== true) {
      fail(document, "pods must run as non-root (securityContext.runAsNonRoot: true)");
    }
    for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
      const where = `container ${container.name}`;
      const limits = container.resources?.limits ?? {};
      const requests = container.resources?.requests ?? {};
      if (!limits.cpu || !limits.memory || !requests.cpu || !requests.memory) {
        fail(document, `${where} needs cpu and memory requests and limits`);
      }
      if (container.securityContext?.readOnlyRootFilesystem !== true) {
        fail(document, `${where} needs a read-only root filesystem`);
      }
      if (container.securityContext?.allowPrivilegeEscalation !== false) {
        fail(document, `${where} must not allow privilege escalation`);
      }
      for (const variable of container.env ?? []) {
        if (/password|secret|signingkey|connection/i.test(variable.name) && variable.value !== undefined) {
          fail(document, `${where}: ${variable.name} must come from a Secret, not a literal`);
        }
        const secret = variable.valueFrom?.secretKeyRef;
        if (secret && !secret.optional && !secrets.has(secret.name) && !(secrets.size === 0 && secret.name === "cnucnm-secrets")) {
          fail(document, `${where}: Secret ${secret.name} is not part of this environment`);
        }
      }
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
          fail(document, `${where}: ConfigMap ${source.configMapRef.name} is not part of this environment`);
        }
      }
    }
    if (document.kind === "Deployment" && document.metadata.labels?.["app.kubernetes.io/part-of"] === "cnucnm") {
      for (const container of spec?.containers ?? []) {
        for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
          if (!container[probe]) {
            fail(document, `container ${container.name} needs a ${probe}`);
          }
        }
        // Liveness must never depend on PostgreSQL or the cluster: only /health/live does not.
        if (container.livenessProbe && container.livenessProbe.httpGet?.path !== "/health/live") {
          fail(document, `container ${container.name}: the liveness probe must be /health/live`);
        }
      }
      if (!(spec?.terminationGracePeriodSeconds >= 30)) {
        fail(document, "terminationGracePeriodSeconds must leave time for a graceful shutdown (≥ 30 s)");
      }
    }
  }

  const pods = workloads.map((d) => ({ labels: d.spec?.template?.metadata?.labels ?? {}, workload: d }));
  for (const service of byKind("Service")) {
    const selector = service.spec?.selector ?? {};
    if (!pods.some((p) => Object.entries(selector).every(([k, v]) => p.labels[k] === v))) {
      fail(service, "selects no pod of this environment");
    }
  }
  for (const budget of byKind("PodDisruptionBudget")) {
    if (!pods.some((p) => matches(budget.spec?.selector, p.labels))) {
      fail(budget, "selects no pod of this environment");
    }
  }
  for (const autoscaler of byKind("HorizontalPodAutoscaler")) {
    const target = autoscaler.spec?.scaleTargetRef;
    if (!documents.some((d) => d.kind === target?.kind && d.metadata.name === target?.name)) {
      fail(autoscaler, `scales ${target?.kind}/${target?.name}, which is not part of this environment`);
    }
  }
  for (const ingress of byKind("Ingress")) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const name = path.backend?.service?.name;
        if (!byKind("Service").some((s) => s.metadata.name === name)) {
          fail(ingress, `backend Service ${name} is not part of this environment`);
        }
      }
    }
  }
  if (production) {
    for (const secret of byKind("Secret")) {
      fail(secret, "production never carries a Secret in the repository; the operator creates it");
    }
  }
  return errors;
}

/** All checks of one rendered directory; returns the list of problems (empty: valid). */
export async function validateDirectory(directory) {
  const documents = render(directory);
  const production = /production/.test(directory);
  const errors = [];
  for (const document of documents) {
    for (const error of await schemaErrors(document)) {
      errors.push(`${describe(document)}: ${error}`);
    }
  }
  errors.push(...unknownFieldErrors(documents));
  errors.push(...policyErrors(documents, { production }));
  return { documents, errors };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const directories = process.argv.slice(2);
  if (directories.length === 0) {
    console.error("usage: node validate.mjs KUSTOMIZE_DIR...");
    process.exit(2);
  }
  let failed = 0;
  for (const directory of directories) {
    const { documents, errors } = await validateDirectory(directory);
    console.log(`${directory}: ${documents.length} documents, ${errors.length} problems`);
    for (const error of errors) {
      console.log(`  ${error}`);
    }
    failed += errors.length;
  }
  process.exit(failed === 0 ? 0 : 1);
}
