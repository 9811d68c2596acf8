// Copies the browser builds of the pinned libraries (package-lock.json) into the API's wwwroot/lib,
// where they are committed: the API serves them as they are, no bundler runs at build time.
//   npm ci && npm run vendor      refresh the copies after changing a version
//   npm ci && npm run check       fail when a committed copy differs from the locked package
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "Cnucnm.Api", "wwwroot", "lib");
const files = [
  ["vue/dist/vue.global.prod.js", "vue.global.prod.js"],
  ["vue/LICENSE", "vue.LICENSE.txt"],
  ["vue-router/dist/vue-router.global.prod.js", "vue-router.global.prod.js"],
  ["vue-router/LICENSE", "vue-router.LICENSE.txt"],
  ["vue-i18n/dist/vue-i18n.global.prod.js", "vue-i18n.global.prod.js"],
  ["vue-i18n/LICENSE", "vue-i18n.LICENSE.txt"],
  ["echarts/dist/echarts.min.js", "echarts.min.js"],
  ["echarts/LICENSE", "echarts.LICENSE.txt"],
];

const check = process.argv.includes("--check");
let differs = 0;
mkdirSync(target, { recursive: true });
for (const [from, to] of files) {
  const source = join(here, "node_modules", from);
  const destination = join(target, to);
  if (check) {
    let committed = null;
    try { committed = readFileSync(destination); } catch { /* missing */ }
    if (committed === null || !committed.equals(readFileSync(source))) {
      console.error(`differs from node_modules/${from}: ${destination}`);
      differs++;
    }
  } else {
    copyFileSync(source, destination);
    console.log(`${from} -> wwwroot/lib/${to}`);
  }
}
process.exit(differs ? 1 : 0);
