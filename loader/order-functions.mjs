// Names a WebAssembly module's functions by where they should go so that
// similar functions sit side by side; binaryen's reorder-functions-by-name
// pass then moves them there (binaryen.js cannot rename a function, so the
// order travels in the module's name section).
//
// Why: most of the widget's code is the same generic code (signals, memos,
// effects, views) instantiated for many types, and brotli encodes a function
// that repeats its neighbour far more cheaply than one that repeats code
// hundreds of kilobytes away. The compiler's order scatters those copies.
// On the widget this order makes the module about 6 % smaller with brotli
// (docs/development.md, "Size choices").

/** Neighbours looked at on either side in each sorted list. */
const SEARCH_WINDOW = 100;

/**
 * The module's bytes with a name section that names every defined function
 * by its rank in the similarity order (`f000000`, `f000001`, …) and every
 * imported one by its index, so that sorting by name sorts by similarity.
 */
export function namedBySimilarity(binary) {
  const imported = importedFunctionCount(binary);
  const bodies = functionBodies(binary);
  const order = similarityOrder(bodies);
  const names = [];
  for (let i = 0; i < imported; i++) names.push([i, `i${String(i).padStart(6, '0')}`]);
  const rank = new Array(bodies.length);
  order.forEach((position, r) => (rank[position] = r));
  for (let f = 0; f < bodies.length; f++) names.push([imported + f, `f${String(rank[f]).padStart(6, '0')}`]);
  return withFunctionNames(binary, names);
}

/**
 * Each function follows the one most like it (the most 4-byte windows in
 * common, Jaccard) among those not yet placed near it in three sorted lists;
 * when all those are placed, the next in byte order.
 */
function similarityOrder(bodies) {
  const code = bodies.map(withoutLocals);
  const shingles = code.map(shingleSet);
  const positions = bodies.map((_, i) => i);
  // Lists in which similar functions tend to be near each other: by their
  // bytes from the start, by their bytes from the end, and by length.
  const byBytes = [...positions].sort((a, b) => compareBytes(bodies[a], bodies[b]));
  const ends = code.map((bytes) => Uint8Array.from(bytes).reverse());
  const byEnd = [...positions].sort((a, b) => compareBytes(ends[a], ends[b]));
  const byLength = [...positions].sort((a, b) => code[a].length - code[b].length || compareBytes(code[a], code[b]));
  const lists = [byBytes, byEnd, byLength];
  const where = lists.map((list) => {
    const at = new Int32Array(list.length);
    list.forEach((position, i) => (at[position] = i));
    return at;
  });

  const placed = new Uint8Array(bodies.length);
  const order = [];
  let next = 0; // the first function of byBytes not yet placed
  let current = byBytes[0];
  while (current !== undefined) {
    order.push(current);
    placed[current] = 1;
    let best;
    let bestSimilarity = -1;
    lists.forEach((list, l) => {
      const at = where[l][current];
      const end = Math.min(list.length, at + SEARCH_WINDOW + 1);
      for (let i = Math.max(0, at - SEARCH_WINDOW); i < end; i++) {
        const candidate = list[i];
        if (placed[candidate]) continue;
        const similarity = jaccard(shingles[current], shingles[candidate]);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = candidate;
        }
      }
    });
    if (best === undefined) {
      while (next < byBytes.length && placed[byBytes[next]]) next++;
      best = byBytes[next];
    }
    current = best;
  }
  return order;
}

/** The distinct 4-byte windows of the code, sorted. */
function shingleSet(code) {
  if (code.length < 4) return Uint32Array.of(code.reduce((sum, byte) => sum * 256 + byte, code.length));
  const all = new Uint32Array(code.length - 3);
  for (let i = 0; i < all.length; i++) {
    all[i] = (code[i] | (code[i + 1] << 8) | (code[i + 2] << 16) | (code[i + 3] << 24)) >>> 0;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i];
  return all.subarray(0, distinct);
}

function jaccard(a, b) {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

function compareBytes(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

// The binary format (https://webassembly.github.io/spec/core/binary/).

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function* sections(bytes) {
  let at = 8; // after the magic number and version
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    yield { id, from: at, start, end: start + size };
    at = start + size;
  }
}

function section(bytes, id) {
  for (const s of sections(bytes)) if (s.id === id) return s;
  return undefined;
}

function skipLimits(bytes, at) {
  const flags = bytes[at];
  [, at] = readLeb(bytes, at + 1);
  if (flags & 1) [, at] = readLeb(bytes, at);
  return at;
}

function importedFunctionCount(bytes) {
  const imports = section(bytes, 2);
  if (!imports) return 0;
  let [count, at] = readLeb(bytes, imports.start);
  let functions = 0;
  for (let i = 0; i < count; i++) {
    for (let name = 0; name < 2; name++) {
      let length;
      [length, at] = readLeb(bytes, at);
      at += length;
    }
    const kind = bytes[at++];
    if (kind === 0) {
      [, at] = readLeb(bytes, at);
      functions++;
    } else if (kind === 1) at = skipLimits(bytes, at + 1); // table: reftype, limits
    else if (kind === 2) at = skipLimits(bytes, at); // memory: limits
    else if (kind === 3) at += 2; // global: valtype, mutability
    else throw new Error(`order-functions: unknown import kind ${kind}`);
  }
  return functions;
}

function functionBodies(bytes) {
  const code = section(bytes, 10);
  if (!code) return [];
  let [count, at] = readLeb(bytes, code.start);
  const bodies = [];
  for (let i = 0; i < count; i++) {
    let size;
    [size, at] = readLeb(bytes, at);
    bodies.push(bytes.subarray(at, at + size));
    at += size;
  }
  return bodies;
}

/** A body's instructions, without its declaration of locals. */
function withoutLocals(body) {
  let [groups, at] = readLeb(body, 0);
  for (let i = 0; i < groups; i++) {
    [, at] = readLeb(body, at); // how many locals
    at += 1; // of which type
  }
  return body.subarray(at);
}

/** The module with its name section replaced by one naming only functions. */
function withFunctionNames(bytes, names) {
  const encoder = new TextEncoder();
  const entries = [...leb(names.length)];
  for (const [index, name] of names) {
    const text = encoder.encode(name);
    entries.push(...leb(index), ...leb(text.length), ...text);
  }
  const content = [...leb(4), ...encoder.encode('name'), 1, ...leb(entries.length), ...entries];
  const nameSection = Uint8Array.from([0, ...leb(content.length), ...content]);
  const kept = [];
  let from = 0;
  for (const s of sections(bytes)) {
    if (s.id !== 0) continue;
    const [length, at] = readLeb(bytes, s.start);
    if (new TextDecoder().decode(bytes.subarray(at, at + length)) !== 'name') continue;
    kept.push(bytes.subarray(from, s.from));
    from = s.end;
  }
  kept.push(bytes.subarray(from), nameSection);
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
