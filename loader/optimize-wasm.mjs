// Run by scripts/write_loader.py on the release WebAssembly, after
// wasm-bindgen: `node optimize-wasm.mjs <in.wasm> <out.wasm> [Class...]`.
//
// 1. Drops the exports of the named classes, which the glue exports but the
//    widget never uses (wasm-streams' stream adapters, which Leptos brings in
//    through server_fn), so that their code can go too.
// 2. Optimizes with binaryen at -O2 without inlining, for the smallest
//    module with brotli, measured on the widget: shrinking (-Os, -Oz) and
//    inlining leave fewer bytes, but bytes that compress worse (README,
//    "What each size choice saved").
// 3. Puts similar functions side by side (order-functions.mjs), which
//    brotli compresses better.
import fs from 'node:fs';
import binaryen from 'binaryen';
import { namedBySimilarity } from './order-functions.mjs';

const [input, output, ...classes] = process.argv.slice(2);
if (!output) {
  console.error('usage: node optimize-wasm.mjs <in.wasm> <out.wasm> [Class...]');
  process.exit(2);
}

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
function read(binary) {
  const module = binaryen.readBinary(binary);
  module.setFeatures(features);
  return module;
}
const module = read(fs.readFileSync(input));
if (!module.validate()) {
  console.error('optimize-wasm: the WebAssembly uses features beyond the list above');
  process.exit(1);
}

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
    console.error(`optimize-wasm: the WebAssembly exports nothing of ${prefix}*`);
    process.exit(1);
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
ordered.runPasses(['reorder-functions-by-name']);
if (!ordered.validate()) {
  console.error('optimize-wasm: the optimized WebAssembly does not validate');
  process.exit(1);
}
fs.writeFileSync(output, ordered.emitBinary());
