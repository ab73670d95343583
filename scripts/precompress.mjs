// Usage: node scripts/precompress.mjs PATH...
//
// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) beside
// each compressible file in PATH (a file, or a folder, searched through), as
// a CDN keeps them, so that a server sends them as they are
// (scripts/static_server.py) rather than compressing each response. The
// same file always gives the same bytes: gzip's header carries no time or
// name. A compressed copy that would not be smaller is not written, and an
// old one is removed: the server then sends the file itself.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// Text and WebAssembly; images and fonts are compressed already.
const compressible = /\.(js|mjs|wasm|css|html|json|ftl|svg|txt|map)$/;

const variants = {
  br: (bytes) =>
    zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gz: (bytes) => zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

const filesIn = (entry) =>
  fs.statSync(entry).isDirectory() ? fs.readdirSync(entry).sort().flatMap((name) => filesIn(path.join(entry, name))) : [entry];

const paths = process.argv.slice(2);
if (!paths.length) {
  console.error("usage: node scripts/precompress.mjs PATH...");
  process.exit(2);
}
let written = 0;
for (const file of paths.flatMap(filesIn).filter((name) => compressible.test(name))) {
  const bytes = fs.readFileSync(file);
  for (const [suffix, compress] of Object.entries(variants)) {
    const compressed = compress(bytes);
    if (compressed.length < bytes.length) {
      fs.writeFileSync(`${file}.${suffix}`, compressed);
      written++;
    } else {
      fs.rmSync(`${file}.${suffix}`, { force: true });
    }
  }
}
console.log(`precompress: ${written} .br and .gz files written`);
