// The shipped files' sizes as a CDN would send them: raw, gzip (level 9) and
// brotli (quality 11), each file compressed on its own.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Sizes in bytes of one file's contents. */
export function sizesOf(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const hashed = "support-widget-[0-9a-f]+";
const parts = [
  ["loader", /^support-widget\.js$/],
  ["wasm", new RegExp(`^${hashed}\\.wasm$`)],
  ["glue", new RegExp(`^${hashed}\\.js$`)],
  // JavaScript that wasm-bindgen copies beside the glue, imported by it.
  ["glue", /^snippets\//],
  ["style", new RegExp(`^${hashed}\\.css$`)],
  // The first screen, drawn before the WebAssembly runs.
  ["home", new RegExp(`^${hashed}\\.home\\.js$`)],
  // A locale's messages, fetched only when that locale is asked for.
  ["messages", /^support-widget-[0-9a-f]+\.[a-z]{2}-[A-Z]{2}\.js$/],
];

/** What a file in dist/ is: the loader, a part of the widget, or the demo page. */
export function partOf(name) {
  return parts.find(([, pattern]) => pattern.test(name))?.[0] ?? "demo";
}

// The build's files, less their precompressed copies (FILE.br, FILE.gz):
// the sizes here are each file's own, compressed as above.
const listFiles = (dir, prefix = "") =>
  fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) return listFiles(dir, name);
    return /\.(br|gz)$/.test(name) ? [] : [name];
  });

const sum = (files) =>
  files.reduce((total, file) => ({ raw: total.raw + file.raw, gzip: total.gzip + file.gzip, brotli: total.brotli + file.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

/**
 * Every file in a build's dist/, with the loader and the widget (the
 * WebAssembly module, its glue and its styles; the default locale's
 * messages are compiled into the WebAssembly, the others' are fetched on
 * demand) totalled apart. Throws when a
 * part is missing, as after a failed build.
 */
export function measureDist(dir) {
  const files = listFiles(dir)
    .sort()
    .map((name) => ({ name, part: partOf(name), ...sizesOf(fs.readFileSync(path.join(dir, name))) }));
  for (const part of ["loader", "wasm", "glue", "style", "home"]) {
    if (!files.some((file) => file.part === part)) throw new Error(`${dir} has no ${part} file: build the release first`);
  }
  return {
    files,
    loader: sum(files.filter((file) => file.part === "loader")),
    widget: sum(files.filter((file) => widgetParts.includes(file.part))),
  };
}

/** The widget's own files, in every locale: what the total ceiling counts. */
const widgetParts = ["wasm", "glue", "style", "home"];

/**
 * The bytes before the first screen, with brotli: what the loader fetches
 * for a partner's home screen to be drawn and take a choice, in en-US. (A
 * customer's first screen, or a home with a draft, waits for the
 * WebAssembly: the widget's total.) The first
 * screen is drawn by its own module (loader/first-screen.js), which carries
 * its words in en-US, with the widget's styles; a choice made on it is kept
 * until the WebAssembly runs. The styles count although the launcher fetched
 * them before the click (it is drawn with them), because an inline widget's
 * first screen waits for them. The loader itself is not counted: it has a
 * budget of its own, and the page had it before the click. In another
 * locale the first screen reads its words from that locale's messages,
 * which the loader fetches alongside: `locales` adds each.
 */
export function beforeFirstScreen(measured) {
  const files = measured.files.filter((file) => ["style", "home"].includes(file.part));
  const locales = Object.fromEntries(
    measured.files.filter((file) => file.part === "messages").map((file) => [file.name.match(/\.([A-Za-z-]+)\.js$/)[1], file.brotli]),
  );
  return { files: files.map((file) => file.name), brotli: sum(files).brotli, locales };
}

/** Bytes as KiB with one decimal. */
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export const partNames = {
  loader: "loader",
  wasm: "WebAssembly module",
  glue: "wasm-bindgen glue",
  style: "styles",
  home: "the first screen, drawn before the WebAssembly runs",
  messages: "one locale's messages, fetched when it is asked for",
  demo: "demo page, not loaded by the widget",
};
