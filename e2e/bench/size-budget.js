// Usage: node e2e/bench/size-budget.js [DIST] [BUDGET]
//
// Checks a release build's sizes (brotli, quality 11) against budget.json:
// fails when the loader is over loader_brotli_max, the widget (wasm, glue,
// styles, first screen) over widget_brotli_ceiling, or the bytes before the
// first screen (sizes.js, beforeFirstScreen) over first_screen_brotli_ceiling.
// The ceilings are ratchets set just above today's sizes; the widget's may
// never pass its fixed maximum, widget_brotli_max.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeFirstScreen, kib, measureDist, partNames } from "./sizes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
const budget = JSON.parse(fs.readFileSync(process.argv[3] ?? path.join(root, "budget.json"), "utf-8"));

const sizes = measureDist(dist);
const shown = path.relative(process.cwd(), dist);
console.log(`size budget of ${shown.startsWith("..") ? dist : shown || "."}, in bytes with brotli (quality 11)`);
for (const file of sizes.files.filter((file) => file.part !== "demo")) {
  console.log(`  ${file.name.padEnd(44)} ${String(file.brotli).padStart(8)}  ${kib(file.brotli).padStart(10)}  ${partNames[file.part]}`);
}

const failures = [];
const loader = sizes.loader.brotli;
console.log(`  loader: ${loader} bytes, max ${budget.loader_brotli_max}: ${loader <= budget.loader_brotli_max ? "ok" : "OVER"}`);
if (loader > budget.loader_brotli_max) failures.push(`the loader is ${loader - budget.loader_brotli_max} bytes over its maximum`);

const widget = sizes.widget.brotli;
const ceiling = budget.widget_brotli_ceiling;
if (!(ceiling <= budget.widget_brotli_max)) {
  throw new Error(`budget.json: widget_brotli_ceiling (${ceiling}) must be at most widget_brotli_max (${budget.widget_brotli_max})`);
}
console.log(`  widget (wasm, glue, styles, first screen): ${widget} bytes (${kib(widget)}), ceiling ${ceiling} (${kib(ceiling)}): ${widget <= ceiling ? "ok" : "OVER"}`);
if (widget > ceiling) {
  failures.push(`the widget is ${widget - ceiling} bytes over its ceiling in budget.json: a change made it larger (make it smaller, or raise the ceiling knowingly)`);
}

const first = beforeFirstScreen(sizes);
const firstCeiling = budget.first_screen_brotli_ceiling;
if (!Number.isInteger(firstCeiling)) throw new Error("budget.json has no first_screen_brotli_ceiling (bytes)");
console.log(
  `  before the first screen, en-US: ${first.brotli} bytes (${kib(first.brotli)}), ceiling ${firstCeiling} (${kib(firstCeiling)}): ${first.brotli <= firstCeiling ? "ok" : "OVER"}`,
);
console.log(`    the files the home screen waits for: ${first.files.join(", ")}`);
for (const [tag, bytes] of Object.entries(first.locales)) console.log(`    in ${tag}, its messages add ${bytes} bytes`);
if (first.brotli > firstCeiling) {
  failures.push(`the bytes before the first screen are ${first.brotli - firstCeiling} over their ceiling in budget.json: a change made the first screen wait for more (move it out of the first screen's files, or raise the ceiling knowingly)`);
}

for (const failure of failures) console.error(`size budget: ${failure}`);
process.exit(failures.length ? 1 : 0);
