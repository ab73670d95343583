// Usage: node e2e/bench/run.js --site URL --backend URL --dist DIR --out FILE [--runs N] [--network-runs N]
//                               [--before URL --before-name NAME]
//
// The widget's benchmark (scripts/bench starts the servers and runs this):
// the sizes of the files in DIR, then RUNS rounds of timings and memory in
// headless Chromium, each on the widget's pages (URL/index.html inline,
// URL/launcher.html in launcher mode) and on the baseline page
// (URL/baseline.html), each round starting with another; then NETWORK-RUNS
// rounds of the launcher pages on each emulated network (network.js).
// With --before, an earlier build's pages (served at URL) are measured in
// the same rounds, taking their turn with the others, so that the report
// sets each figure beside the same figure before (NAME names that build).
// Prints a table, and writes every figure to FILE (JSON) and the page's
// tables beside it (results.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { measureNetworkRun, networks } from "./network.js";
import { markdownReport, summarize, summarizeNetworks, textReport } from "./report.js";
import { measureRun } from "./scenarios.js";
import { beforeFirstScreen, measureDist, sizesOf } from "./sizes.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: {
    site: { type: "string" },
    backend: { type: "string" },
    dist: { type: "string" },
    out: { type: "string" },
    runs: { type: "string", default: "5" },
    "network-runs": { type: "string", default: "3" },
    before: { type: "string" },
    "before-name": { type: "string" },
  },
});
for (const name of ["site", "backend", "dist", "out"]) {
  if (!options[name]) throw new Error(`run.js needs --${name}`);
}
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${options.runs}`);
const networkRuns = Number(options["network-runs"]);
if (!Number.isInteger(networkRuns) || networkRuns < 1) {
  throw new Error(`--network-runs must be a positive whole number, not ${options["network-runs"]}`);
}

const budget = JSON.parse(fs.readFileSync(path.join(here, "../../budget.json"), "utf-8"));
const dist = measureDist(options.dist);
const sizes = {
  dist,
  first_screen: beforeFirstScreen(dist),
  baseline: sizesOf(fs.readFileSync(path.join(here, "baseline.html"))),
};

const baseline = `${options.site}/baseline.html?backend=${encodeURIComponent(options.backend)}`;
const widgetPages = (site) => ({ inline: `${site}/index.html`, launcher: `${site}/launcher.html` });
const pages = {
  widget: widgetPages(options.site),
  ...(options.before ? { before: widgetPages(options.before) } : {}),
  baseline: { inline: baseline, launcher: `${baseline}&mode=launcher` },
};
// Each round starts with another page, so that none is always measured
// first, and every other cycle of rounds goes the other way round, so that
// no page always comes just before another.
const order = (run) => {
  const names = Object.keys(pages);
  const cycle = Math.floor((run - 1) / names.length) % 2 ? names.reverse() : names;
  return cycle.map((_, i) => cycle[(i + run - 1) % cycle.length]);
};
const perPage = () => Object.fromEntries(Object.keys(pages).map((page) => [page, []]));

const osName = () => {
  try {
    return fs.readFileSync("/etc/os-release", "utf-8").match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
};
const loadAverage = () => os.loadavg().map((load) => Number(load.toFixed(2)));
const startLoad = loadAverage();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // As in e2e/playwright.config.js: the network is closed, so nothing calls home.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
const chromiumVersion = browser.version();
const measured = perPage();
const measuredNetworks = {};
try {
  for (let run = 1; run <= runs; run++) {
    for (const page of order(run)) {
      process.stderr.write(`run ${run}/${runs}: ${page}\n`);
      const figures = await measureRun(browser, pages[page]);
      // A probe that misses how the glue instantiates the module would
      // print 0 for the widget's memory rather than fail.
      if (page !== "baseline" && !(figures.wasm_memory_after_load > 0)) {
        throw new Error("the probe saw no WebAssembly memory: the glue instantiated the module through a call e2e/bench/probe.js does not wrap");
      }
      measured[page].push(figures);
    }
  }
  for (const network of networks) {
    measuredNetworks[network.id] = perPage();
    for (let run = 1; run <= networkRuns; run++) {
      for (const page of order(run)) {
        process.stderr.write(`${network.name}, run ${run}/${networkRuns}: ${page}\n`);
        measuredNetworks[network.id][page].push(await measureNetworkRun(browser, pages[page].launcher, network));
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
}

const results = {
  date: new Date().toISOString(),
  runs,
  machine: {
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    kernel: `${os.type()} ${os.release()}`,
    chromium: chromiumVersion,
    load_average: { start: startLoad, end: loadAverage() },
  },
  budget,
  sizes,
  before: options.before ? { name: options["before-name"] ?? options.before } : null,
  summary: summarize(measured),
  network: { runs: networkRuns, conditions: networks, summary: summarizeNetworks(measuredNetworks) },
};

fs.mkdirSync(path.dirname(options.out), { recursive: true });
fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(path.join(path.dirname(options.out), "results.md"), `${markdownReport(results)}\n`);
console.log(textReport(results));
console.log(`\nwritten to ${options.out} (and results.md beside it)`);
