// node --test: the image Dockerfiles stay in step with the repository (no docker daemon in CI: the
// images themselves are built by the release pipeline, docs/operations.md).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { render } from "./validate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const images = [
  { dockerfile: "silo/Cnucnm.Silo/Dockerfile", project: "silo/Cnucnm.Silo/Cnucnm.Silo.csproj", assembly: "Cnucnm.Silo.dll", image: "cnucnm/silo" },
  { dockerfile: "api/Cnucnm.Api/Dockerfile", project: "api/Cnucnm.Api/Cnucnm.Api.csproj", assembly: "Cnucnm.Api.dll", image: "cnucnm/api" },
];

/** Project references of a csproj, transitively, as repository-relative directories. */
function projectDirectories(project, seen = new Set()) {
  const directory = dirname(project);
  if (seen.has(directory)) {
    return seen;
  }
  seen.add(directory);
  const text = readFileSync(join(root, project), "utf8");
  for (const match of text.matchAll(/ProjectReference Include="([^"]+)"/g)) {
    const reference = join(directory, match[1].replaceAll("\\", "/"));
    projectDirectories(reference, seen);
  }
  return seen;
}

for (const { dockerfile, project, assembly, image } of images) {
  test(`${dockerfile} copies what ${project} needs, publishes it and runs it as a non-root user`, () => {
    const text = readFileSync(join(root, dockerfile), "utf8");
    const lines = text.split("\n").map((l) => l.trim());
    assert.ok(lines.filter((l) => l.startsWith("FROM ")).length >= 2, "multi-stage build");
    const copied = lines.filter((l) => l.startsWith("COPY ") && !l.includes("--from"))
      .flatMap((l) => l.slice(5).split(/\s+/).slice(0, -1));
    for (const source of copied) {
      assert.ok(existsSync(join(root, source)), `${source} does not exist`);
    }
    for (const directory of projectDirectories(project)) {
      assert.ok(copied.some((source) => directory.startsWith(source.replace(/\/$/, ""))), `${directory} is not copied into the build stage`);
    }
    assert.ok(lines.some((l) => l.startsWith("RUN dotnet publish " + project)), `publishes ${project}`);
    assert.ok(lines.includes(`ENTRYPOINT ["dotnet", "${assembly}"]`), `runs ${assembly}`);
    const user = lines.filter((l) => l.startsWith("USER ")).at(-1);
    assert.ok(user && !/root|\b0\b/.test(user), "the final stage runs as a non-root user");
  });
}

test("the production overlay deploys the images these Dockerfiles build", () => {
  const documents = render(join(root, "k8s", "overlays", "production"));
  const used = new Set(documents.flatMap((d) => [...(d.spec?.template?.spec?.containers ?? []), ...(d.spec?.template?.spec?.initContainers ?? [])])
    .map((c) => c.image.replace(/^[^/]+\//, "").replace(/:.*$/, "")));
  assert.deepEqual([...used].sort(), images.map((i) => i.image).sort());
});
