// Run by scripts/write_loader.py on the release WebAssembly, after
// wasm-bindgen: `node optimize-wasm.mjs [--keep-names] <in.wasm> <out.wasm>`.
//
// Optimizes it with binaryen (npm's: Debian's writes a module that fails to
// load) at -O2 with inlining off, which measured smallest with brotli on the
// widget (docs/development.md, "Size choices"), and drops its custom
// sections (names, producers, target features), which a browser does not
// need. --keep-names keeps the name section and changes nothing else, so
// that scripts/bench-bytes sizes the shipped code by its functions' names.
import fs from 'node:fs';
import binaryen from 'binaryen';

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

/** `wasm` optimized, as bytes, with its name section if `keepNames`. */
function optimized(wasm, keepNames) {
  const module = binaryen.readBinary(wasm);
  module.setFeatures(features);
  if (!module.validate()) throw new Error('optimize-wasm: the WebAssembly uses features beyond the list above');
  binaryen.setDebugInfo(keepNames);
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(0);
  binaryen.setAlwaysInlineMaxSize(0);
  binaryen.setFlexibleInlineMaxSize(0);
  binaryen.setOneCallerInlineMaxSize(0);
  module.optimize();
  module.runPasses([...(keepNames ? [] : ['strip-debug']), 'strip-producers', 'strip-target-features']);
  if (!module.validate()) throw new Error('optimize-wasm: the optimized WebAssembly does not validate');
  const binary = module.emitBinary();
  module.dispose();
  return binary;
}

const args = process.argv.slice(2);
const keepNames = args[0] === '--keep-names';
const [input, output] = keepNames ? args.slice(1) : args;
if (!output) {
  console.error('usage: node optimize-wasm.mjs [--keep-names] <in.wasm> <out.wasm>');
  process.exit(2);
}
fs.writeFileSync(output, optimized(fs.readFileSync(input), keepNames));
