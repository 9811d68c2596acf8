// node --test: every kustomize directory renders and validates, and each check rejects what it must.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { policyErrors, render, schemaErrors, unknownFieldErrors, validateDirectory } from "./validate.mjs";

const k8s = join(dirname(fileURLToPath(import.meta.url)), "..");
const production = render(join(k8s, "overlays", "production"));

function silo(documents) {
  const copy = structuredClone(documents);
  return { documents: copy, silo: copy.find((d) => d.kind === "Deployment" && d.metadata.name === "cnucnm-silo") };
}

for (const directory of ["base", "overlays/dev", "overlays/production"]) {
  test(`${directory} renders and every document is valid`, async () => {
    const { documents, errors } = await validateDirectory(join(k8s, directory));
    assert.ok(documents.length >= 15, `${documents.length} documents`);
    assert.deepEqual(errors, []);
  });
}

test("environments render the silo, API, migration Job, autoscalers, budgets and network policies", () => {
  const kinds = production.map((d) => `${d.kind}/${d.metadata.name}`);
  for (const expected of ["Deployment/cnucnm-silo", "Deployment/cnucnm-api", "Job/cnucnm-migrate", "Ingress/cnucnm-api",
    "HorizontalPodAutoscaler/cnucnm-silo", "HorizontalPodAutoscaler/cnucnm-api", "PodDisruptionBudget/cnucnm-silo",
    "NetworkPolicy/cnucnm-silo", "NetworkPolicy/cnucnm-postgresql", "Role/cnucnm-silo-pods"]) {
    assert.ok(kinds.includes(expected), `${expected} missing from ${kinds.join(", ")}`);
  }
});

test("the silo cluster id label follows the overlay's configuration", () => {
  const { silo: deployment } = silo(production);
  const config = production.find((d) => d.kind === "ConfigMap");
  assert.equal(config.data.Cnucnm__ClusterId, "cnucnm-prod");
  assert.equal(deployment.spec.template.metadata.labels["orleans/clusterId"], "cnucnm-prod");
});

test("a misspelt field is rejected", () => {
  const { documents, silo: deployment } = silo(production);
  const container = deployment.spec.template.spec.containers[0];
  container.readinesProbe = container.readinessProbe;
  const errors = unknownFieldErrors(documents);
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0], /Deployment\/cnucnm-silo: .*readinesProbe/);
});

test("a value of the wrong type is rejected by the schema", async () => {
  const { silo: deployment } = silo(production);
  deployment.spec.replicas = "three";
  assert.match((await schemaErrors(deployment)).join(), /replicas/);
});

test("a container without a name is rejected by the schema", async () => {
  const { silo: deployment } = silo(production);
  delete deployment.spec.template.spec.containers[0].name;
  assert.match((await schemaErrors(deployment)).join(), /name/);
});

test("an unknown kind is rejected", async () => {
  assert.match((await schemaErrors({ apiVersion: "apps/v1", kind: "Deplyment", metadata: { name: "x" } })).join(), /unknown kind/);
});

test("a liveness probe that checks the database is rejected", () => {
  const { documents, silo: deployment } = silo(production);
  deployment.spec.template.spec.containers[0].livenessProbe.httpGet.path = "/health/ready";
  assert.match(policyErrors(documents, { production: true }).join("\n"), /liveness probe must be \/health\/live/);
});

test("a container without limits or with a writable root filesystem is rejected", () => {
  const { documents, silo: deployment } = silo(production);
  const container = deployment.spec.template.spec.containers[0];
  delete container.resources.limits;
  container.securityContext.readOnlyRootFilesystem = false;
  const errors = policyErrors(documents, { production: true }).join("\n");
  assert.match(errors, /requests and limits/);
  assert.match(errors, /read-only root filesystem/);
});

test("a password written into a manifest is rejected", () => {
  const { documents, silo: deployment } = silo(production);
  deployment.spec.template.spec.containers[0].env.push({ name: "ConnectionStrings__Cnucnm", value: "Host=db;Password=hunter2" });
  assert.match(policyErrors(documents, { production: true }).join("\n"), /must come from a Secret/);
});

test("a Secret in the production overlay is rejected", () => {
  const documents = [...structuredClone(production), { apiVersion: "v1", kind: "Secret", metadata: { name: "cnucnm-secrets" }, data: {} }];
  assert.match(policyErrors(documents, { production: true }).join("\n"), /never carries a Secret/);
});

test("a Service or budget that selects no pod is rejected", () => {
  const documents = structuredClone(production);
  documents.find((d) => d.kind === "Service" && d.metadata.name === "cnucnm-api").spec.selector["app.kubernetes.io/component"] = "apl";
  documents.find((d) => d.kind === "PodDisruptionBudget").spec.selector.matchLabels["app.kubernetes.io/component"] = "sllo";
  const errors = policyErrors(documents, { production: true }).join("\n");
  assert.match(errors, /Service\/cnucnm-api: selects no pod/);
  assert.match(errors, /PodDisruptionBudget\/.*: selects no pod/);
});
