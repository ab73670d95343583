// Run by scripts/write_loader.py on the release WebAssembly, after
// wasm-bindgen: `node optimize-wasm.mjs <in.wasm> <out.wasm> [Class...]`.
//
// 1. Drops the exports of the named classes, which the glue exports but the
//    widget never uses (wasm-streams' stream adapters, which Leptos brings in
//    through server_fn), so that their code can go too.
// 2. Optimizes with binaryen at -O2 without inlining, for the smallest
//    module with brotli, measured on the widget: shrinking (-Os, -Oz) and
//    inlining leave fewer bytes, but bytes that compress worse
//    (docs/development.md, "Size choices").
// 3. Puts similar functions side by side (order-functions.mjs), which
//    brotli compresses better.
// loader/size-by-feature.mjs imports `read` and `optimized` to measure the
// module the same way.
import fs from 'node:fs';
import { runAsCommand } from './run-as-command.mjs';
import binaryen from 'binaryen';
import { namedBySimilarity } from './order-functions.mjs';

// The features rustc's wasm32-unknown-unknown target enables by default (its
// "generic" CPU), which the browsers the widget supports all have. Not
// binaryen's `All`: that would let it write newer encodings browsers refuse.
const { Features } = binaryen;
const features =
  Features.MutableGlobals |
  Features.SignExt |
  Features.NontrappingFPToInt |
  Features.BulkMemory |
  Features.BulkMemoryOpt |
  Features.CallIndirectOverlong |
  Features.Multivalue |
  Features.ReferenceTypes;
export function read(binary) {
  const module = binaryen.readBinary(binary);
  module.setFeatures(features);
  return module;
}

/** Stops the build with `message`. */
function fail(message) {
  console.error(`optimize-wasm: ${message}`);
  process.exit(1);
}

/**
 * `module` (read by `read`) without the named classes' exports, optimized
 * and ordered, as bytes. The module is used up (disposed of).
 */
export function optimized(module, classes) {
  if (!module.validate()) fail('the WebAssembly uses features beyond the list above');

  // wasm-bindgen names a class's exports `<class>_<method>` and its destructor
  // `__wbg_<class>_free`, in lower case.
  const prefixes = classes.flatMap((name) => {
    const lower = name.toLowerCase();
    return [`${lower}_`, `__wbg_${lower}_`];
  });
  const unused = [];
  for (let i = 0; i < module.getNumExports(); i++) {
    const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
    if (prefixes.some((prefix) => name.startsWith(prefix))) unused.push(name);
  }
  for (const prefix of prefixes.filter((p) => !p.startsWith('__wbg_'))) {
    if (!unused.some((name) => name.startsWith(prefix))) {
      fail(`the WebAssembly exports nothing of ${prefix}*`);
    }
  }
  for (const name of unused) module.removeExport(name);

  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(0);
  binaryen.setAlwaysInlineMaxSize(0);
  binaryen.setFlexibleInlineMaxSize(0);
  binaryen.setOneCallerInlineMaxSize(0);
  module.optimize();
  const ordered = read(namedBySimilarity(module.emitBinary()));
  module.dispose();
  ordered.runPasses(['reorder-functions-by-name']);
  if (!ordered.validate()) fail('the optimized WebAssembly does not validate');
  const binary = ordered.emitBinary();
  ordered.dispose();
  return binary;
}

if (runAsCommand(import.meta.url)) {
  const [input, output, ...classes] = process.argv.slice(2);
  if (!output) {
    console.error('usage: node optimize-wasm.mjs <in.wasm> <out.wasm> [Class...]');
    process.exit(2);
  }
  fs.writeFileSync(output, optimized(read(fs.readFileSync(input)), classes));
}
