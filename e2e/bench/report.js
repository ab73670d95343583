// The benchmark's figures: which ones, their statistics over the runs, and
// the printed table (plain text for the terminal, Markdown for the README).
import { networkMetrics, networks } from "./network.js";
import { cycles, median } from "./scenarios.js";
import { kib, partNames } from "./sizes.js";

/** [id, label, unit] in the order they are printed. */
export const metrics = [
  ["intent_cold", "launcher: intent → interactive panel, cold cache", "ms"],
  ["intent_warm", "launcher: intent → interactive panel, warm cache", "ms"],
  ["first_render_cold", "inline: first render, cold cache", "ms"],
  ["first_render_warm", "inline: first render, warm cache", "ms"],
  ["longest_task_load", "longest main-thread task: load", "ms"],
  ["longest_task_submit", "longest main-thread task: submit", "ms"],
  ["click_open_form", "input latency: click to open the form", "ms"],
  ["click_category", "input latency: click a category (median of 6)", "ms"],
  ["typing_median", "input latency: keystroke (median)", "ms"],
  ["typing_slowest", "input latency: keystroke (slowest)", "ms"],
  ["heap_after_load", "JS heap after load", "MiB"],
  ["heap_after_cycles", `JS heap after ${cycles} cycles`, "MiB"],
  ["wasm_memory_after_load", "WebAssembly memory after load", "MiB"],
  ["wasm_memory_after_cycles", `WebAssembly memory after ${cycles} cycles`, "MiB"],
];

/** The widget's median over the earlier build's, less one: +0.12 is 12 % slower or larger. */
const change = (widget, before) => {
  if (!before) return null;
  if (before.median > 0) return widget.median / before.median - 1;
  return widget.median > 0 ? Infinity : 0;
};

/**
 * Per metric: each page's runs, min and median, the widget's ratio to the
 * baseline, and, when an earlier build was measured too, its figures and the
 * widget's change from them.
 */
export function summarize(runs) {
  const summary = {};
  for (const [id, label, unit] of metrics) {
    const stats = (page) => {
      const values = runs[page].map((run) => run[id]);
      return { runs: values, min: Math.min(...values), median: median(values) };
    };
    const widget = stats("widget");
    const baseline = stats("baseline");
    const before = runs.before ? stats("before") : null;
    const ratio = (stat) => (baseline[stat] > 0 ? widget[stat] / baseline[stat] : null);
    summary[id] = {
      label,
      unit: unit === "ms" ? "ms" : "bytes",
      widget,
      baseline,
      ratio: { min: ratio("min"), median: ratio("median") },
      ...(before ? { before, change: change(widget, before) } : {}),
    };
  }
  return summary;
}

/** Per network and metric: each page's runs and their median, the widget's ratio to the baseline, and its change from an earlier build. */
export function summarizeNetworks(measured) {
  const summary = {};
  for (const network of networks) {
    const runs = measured[network.id];
    summary[network.id] = {};
    for (const [id, label, unit] of networkMetrics) {
      const stats = (page) => {
        const values = runs[page].map((run) => run[id]);
        return { runs: values, median: median(values) };
      };
      const widget = stats("widget");
      const baseline = stats("baseline");
      const before = runs.before ? stats("before") : null;
      const ratio = baseline.median > 0 ? widget.median / baseline.median : null;
      summary[network.id][id] = {
        label,
        unit: unit === "ms" ? "ms" : "bytes",
        widget,
        baseline,
        ratio,
        ...(before ? { before, change: change(widget, before) } : {}),
      };
    }
  }
  return summary;
}

const networkFigure = (value, unit) => (unit === "ms" ? value.toFixed(0) : (value / 1024).toFixed(1));
const networkUnit = (metric) => (metric.unit === "ms" ? "ms" : "KiB");
const conditions = (network) =>
  `${network.name}: ${network.rtt} ms RTT, ${network.download_mbps} Mbps down, ${network.upload_mbps} Mbps up`;

function networkLines(results) {
  const { network } = results;
  const lines = [`Emulated networks, launcher mode: median of ${network.runs} runs; ×N is the widget's median over the baseline's`];
  for (const emulated of networks) {
    const summary = Object.values(network.summary[emulated.id]);
    const width = Math.max(...summary.map((m) => labelWithUnit(m, networkUnit(m)).length));
    lines.push(`  ${conditions(emulated).padEnd(width)} ${"widget".padStart(16)} ${"baseline".padStart(10)}`);
    for (const metric of summary) {
      const widget = `${networkFigure(metric.widget.median, metric.unit)} ${times(metric.ratio)}`.trimEnd();
      lines.push(
        `  ${labelWithUnit(metric, networkUnit(metric)).padEnd(width)} ${widget.padStart(16)} ${networkFigure(metric.baseline.median, metric.unit).padStart(10)}`,
      );
    }
  }
  return lines;
}

function networkMarkdown(results) {
  const { network } = results;
  const lines = [];
  for (const emulated of networks) {
    lines.push(
      "",
      `**${conditions(emulated)}** (median of ${network.runs} runs)`,
      "",
      "| figure | widget | baseline |",
      "|---|---|---|",
      ...Object.values(network.summary[emulated.id]).map(
        (metric) =>
          `| ${labelWithUnit(metric, networkUnit(metric))} | ${`${networkFigure(metric.widget.median, metric.unit)} ${times(metric.ratio)}`.trimEnd()} | ${networkFigure(metric.baseline.median, metric.unit)} |`,
      ),
    );
  }
  return lines;
}

const percent = (change) => {
  if (change === null) return "";
  if (change === Infinity) return "new";
  const rounded = Math.round(change * 100);
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded)} %`;
};

/**
 * With an earlier build measured in the same rounds: every figure's median
 * before and now, and the change, as [label, before, now, change] rows.
 */
function comparisonRows(results) {
  const rows = Object.values(results.summary).map((metric) => {
    const unit = metric.unit === "ms" ? "ms" : "MiB";
    return [labelWithUnit(metric, unit), figure(metric.before.median, metric.unit), figure(metric.widget.median, metric.unit), percent(metric.change)];
  });
  for (const emulated of networks) {
    for (const metric of Object.values(results.network.summary[emulated.id])) {
      rows.push([
        `${emulated.name}, ${labelWithUnit(metric, networkUnit(metric))}`,
        networkFigure(metric.before.median, metric.unit),
        networkFigure(metric.widget.median, metric.unit),
        percent(metric.change),
      ]);
    }
  }
  return rows;
}

function comparisonLines(results) {
  const rows = comparisonRows(results);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `Before and after: the medians of ${results.before.name} and of this build, measured in the same rounds`,
    `  ${"".padEnd(width)} ${"before".padStart(10)} ${"now".padStart(10)} ${"change".padStart(8)}`,
    ...rows.map(([label, before, now, diff]) => `  ${label.padEnd(width)} ${before.padStart(10)} ${now.padStart(10)} ${diff.padStart(8)}`),
  ];
}

function comparisonMarkdown(results) {
  return [
    "",
    `**Before and after**: the medians of ${results.before.name} and of this build, measured in the same rounds`,
    "",
    "| figure | before | now | change |",
    "|---|---|---|---|",
    ...comparisonRows(results).map((row) => `| ${row.join(" | ")} |`),
  ];
}

const figure = (value, unit) => (unit === "ms" ? value.toFixed(1) : (value / 1024 / 1024).toFixed(2));
const times = (ratio) => (ratio === null ? "" : `×${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}`);
const labelWithUnit = (metric, unit) => `${metric.label} (${unit})`;

function sizeLines(sizes, budget) {
  // Columns as wide as their longest entry, so every row lines up.
  const nameWidth = Math.max(34, ...sizes.dist.files.map((file) => file.name.length));
  const partWidth = Math.max(24, ...sizes.dist.files.map((file) => partNames[file.part].length));
  const row = (name, part, s) =>
    `  ${name.padEnd(nameWidth)} ${part.padEnd(partWidth)} ${kib(s.raw).padStart(11)} ${kib(s.gzip).padStart(11)} ${kib(s.brotli).padStart(11)}`;
  const lines = [
    `  ${"file".padEnd(nameWidth)} ${"part".padEnd(partWidth)} ${"raw".padStart(11)} ${"gzip -9".padStart(11)} ${"brotli -q11".padStart(11)}`,
    ...sizes.dist.files.map((file) => row(file.name, partNames[file.part], file)),
    row("widget total (wasm, glue, styles)", "", sizes.dist.widget),
    row("baseline.html", "the baseline page, whole", sizes.baseline),
  ];
  const widget = sizes.dist.widget.brotli;
  const loader = sizes.dist.loader.brotli;
  const first = sizes.first_screen.brotli;
  const within = (size, limit) => `${kib(limit)}: ${size <= limit ? "ok" : "OVER"}`;
  lines.push(
    "",
    `  loader ${kib(loader)} brotli, budget ${within(loader, budget.loader_brotli_max)}`,
    `  widget ${kib(widget)} brotli, ceiling ${within(widget, budget.widget_brotli_ceiling)}`,
    `  before the first screen (en-US) ${kib(first)} brotli, ceiling ${within(first, budget.first_screen_brotli_ceiling)}`,
    `  loader and widget ${times((loader + widget) / sizes.baseline.brotli)} the baseline page (brotli)`,
  );
  return lines;
}

/** The table printed at the end of a run. */
export function textReport(results) {
  const { machine, summary } = results;
  const width = Math.max(...Object.values(summary).map((m) => labelWithUnit(m, m.unit === "ms" ? "ms" : "MiB").length));
  const cell = (value, unit, ratio) => `${figure(value, unit)} ${times(ratio)}`.trimEnd().padStart(16);
  const lines = [
    `support-widget benchmark, ${results.date}: ${results.runs} runs, ${machine.cores} cores, ${machine.memory_gib} GiB, ${machine.os}, Chromium ${machine.chromium} headless`,
    `load average ${machine.load_average.start.join(" ")} at the start, ${machine.load_average.end.join(" ")} at the end`,
    "",
    "Shipped files (dist/)",
    ...sizeLines(results.sizes, results.budget),
    "",
    `Timings and memory: min and median of ${results.runs} runs; ×N is the widget's figure over the baseline's`,
    `  ${"".padEnd(width)} ${"widget min".padStart(16)} ${"widget median".padStart(16)} ${"baseline min".padStart(13)} ${"baseline median".padStart(16)}`,
  ];
  for (const metric of Object.values(summary)) {
    const unit = metric.unit === "ms" ? "ms" : "MiB";
    lines.push(
      `  ${labelWithUnit(metric, unit).padEnd(width)} ${cell(metric.widget.min, metric.unit, metric.ratio.min)} ${cell(metric.widget.median, metric.unit, metric.ratio.median)} ${figure(metric.baseline.min, metric.unit).padStart(13)} ${figure(metric.baseline.median, metric.unit).padStart(16)}`,
    );
  }
  lines.push("", ...networkLines(results));
  if (results.before) lines.push("", ...comparisonLines(results));
  return lines.join("\n");
}

/** The same figures as Markdown tables, for the README. */
export function markdownReport(results) {
  const { sizes, summary } = results;
  const lines = [
    "| file | part | raw | gzip -9 | brotli -q 11 |",
    "|---|---|---|---|---|",
    ...sizes.dist.files.map((f) => `| \`${f.name}\` | ${partNames[f.part]} | ${kib(f.raw)} | ${kib(f.gzip)} | ${kib(f.brotli)} |`),
    `| widget total | wasm, glue, styles, first screen | ${kib(sizes.dist.widget.raw)} | ${kib(sizes.dist.widget.gzip)} | **${kib(sizes.dist.widget.brotli)}** |`,
    `| before the first screen | what the home screen waits for, en-US | | | ${kib(sizes.first_screen.brotli)} |`,
    `| \`baseline.html\` | the baseline page, whole | ${kib(sizes.baseline.raw)} | ${kib(sizes.baseline.gzip)} | ${kib(sizes.baseline.brotli)} |`,
    "",
    `**On loopback** (min and median of ${results.runs} runs)`,
    "",
    "| figure | widget min | widget median | baseline min | baseline median |",
    "|---|---|---|---|---|",
  ];
  for (const metric of Object.values(summary)) {
    const unit = metric.unit === "ms" ? "ms" : "MiB";
    const cell = (stat) => `${figure(metric.widget[stat], metric.unit)} ${times(metric.ratio[stat])}`.trimEnd();
    lines.push(`| ${labelWithUnit(metric, unit)} | ${cell("min")} | ${cell("median")} | ${figure(metric.baseline.min, metric.unit)} | ${figure(metric.baseline.median, metric.unit)} |`);
  }
  lines.push(...networkMarkdown(results));
  if (results.before) lines.push(...comparisonMarkdown(results));
  return lines.join("\n");
}
