// Run by scripts/write_loader.py on the release WebAssembly, after
// wasm-bindgen: `node optimize-wasm.mjs <in.wasm> <out.wasm>`.
//
// Optimizes it with binaryen (npm's: Debian's writes a module that fails to
// load) at -O2 with inlining off, which measured smallest with brotli on the
// widget (docs/development.md, "Size choices"), and drops its custom
// sections (names, producers, target features), which a browser does not
// need.
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

/** `wasm` optimized, as bytes. */
function optimized(wasm) {
  const module = binaryen.readBinary(wasm);
  module.setFeatures(features);
  if (!module.validate()) throw new Error('optimize-wasm: the WebAssembly uses features beyond the list above');
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(0);
  binaryen.setAlwaysInlineMaxSize(0);
  binaryen.setFlexibleInlineMaxSize(0);
  binaryen.setOneCallerInlineMaxSize(0);
  module.optimize();
  module.runPasses(['strip-debug', 'strip-producers', 'strip-target-features']);
  if (!module.validate()) throw new Error('optimize-wasm: the optimized WebAssembly does not validate');
  const binary = module.emitBinary();
  module.dispose();
  return binary;
}

const [input, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node optimize-wasm.mjs <in.wasm> <out.wasm>');
  process.exit(2);
}
fs.writeFileSync(output, optimized(fs.readFileSync(input)));
