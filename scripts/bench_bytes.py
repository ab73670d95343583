"""What the widget's WebAssembly is made of: run by scripts/bench-bytes.

    python3 scripts/bench_bytes.py --top TOP_JSON --wasm NAMED_WASM \
        --metadata METADATA_JSON --input PATH --twiggy VERSION --commit COMMIT \
        [--shipped DIST_WASM] [--page docs/benchmarks.md]

TOP_JSON is `twiggy top -f json` of NAMED_WASM, the release WebAssembly as
the build ships it but with its name section kept; METADATA_JSON is `cargo
metadata`'s, for which crates are the project's and which depends on which.
Prints the tables, and writes them to their section of the page.

Every item twiggy lists (a function, a data segment, an import...) goes to
one row, by its demangled name (rustc's v0 names, which keep each generic
function's type arguments):

- a function to the crate whose source, or macro expansion, holds its code:
  a path's first segment; an inherent method's type; a trait method's type
  or trait, whichever crate depends on the other (the orphan rule puts the
  impl there), or the trait's when neither does (a blanket impl); a
  closure's trait method (a blanket impl) the trait's, but its own `Fn*`
  call its crate's; drop glue the first crate named in the dropped type that
  is not the standard library;
- library code instantiated for a type of the project's stays the
  library's, and is counted again in a column of its own;
- by module, the project's own function goes to its own path; library code
  to the innermost of the project's closures its name names (whose body it
  runs), else to the first of the project's types it names; both cut at two
  modules below the crate.
"""

import argparse
import collections
import datetime
import json
import pathlib
import re
import subprocess
import sys
import textwrap

# The standard library's crates, as -Zbuild-std compiles them, from the
# most depended on: each depends on the ones before it.
STD = ["core", "compiler_builtins", "alloc", "dlmalloc", "std", "panic_abort", "__rustc"]
# Shown as one row.
STD_ROW = "core, alloc, std"
STD_ROW_CRATES = {"core", "compiler_builtins", "alloc", "std", "panic_abort", "__rustc"}

DISAMBIGUATOR = re.compile(r"\[[0-9a-f]{5,}\]")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A path's first segment, its crate: not after another segment's `::`.
PATH_START = re.compile(r"(?<![A-Za-z0-9_:])([A-Za-z_][A-Za-z0-9_]*)::")
# Module depth of the project's table: crate::a::b.
MODULE_DEPTH = 2
# The modules the project's table shows.
SHOWN_MODULES = 25


class Crates:
    """Which crates are the project's, and which depends on which."""

    def __init__(self, project: set, depends_on: dict):
        self.project = project
        # Every crate's dependencies, direct and indirect.
        self.depends_on = depends_on

    @classmethod
    def from_metadata(cls, metadata: dict) -> "Crates":
        lib_name = {}
        for package in metadata["packages"]:
            libs = [t["name"] for t in package["targets"] if "lib" in t["kind"] or "proc-macro" in t["kind"]]
            lib_name[package["id"]] = (libs[0] if libs else package["name"]).replace("-", "_")
        direct = {}
        for node in metadata["resolve"]["nodes"]:
            deps = direct.setdefault(lib_name[node["id"]], set())
            # What the code uses: not its tests' or build scripts' crates.
            deps.update(
                lib_name[dep["pkg"]] for dep in node["deps"] if any(k["kind"] is None for k in dep["dep_kinds"])
            )
        closed = {}

        def closure(crate, seen=()):
            if crate not in closed:
                found = set()
                for dep in direct.get(crate, ()):
                    if dep not in seen:
                        found.add(dep)
                        found |= closure(dep, seen + (crate,))
                closed[crate] = found
            return closed[crate]

        for crate in direct:
            closure(crate)
        project = {lib_name[member] for member in metadata["workspace_members"]}
        return cls(project, closed)

    def depends(self, a: str, b: str) -> bool:
        """Whether crate `a` depends, directly or not, on crate `b`."""
        if b in STD:
            return a not in STD or STD.index(a) > STD.index(b)
        return b in self.depends_on.get(a, ())


def clean(name: str) -> str:
    """A twiggy item's name without crate disambiguators or twiggy's own
    `[N]` for a repeated name."""
    return re.sub(r"\[\d+\]$", "", DISAMBIGUATOR.sub("", name))


def closing(text: str, start: int) -> int:
    """The index of the bracket closing the one at `start` (`<`, `(`, `[`
    or `{`), skipping the `>` of `->`."""
    level = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "-" and text.startswith("->", i):
            i += 2
            continue
        if ch in "<([{":
            level += 1
        elif ch in ">)]}":
            level -= 1
            if level == 0:
                return i
        i += 1
    return len(text)


def split_as(inner: str):
    """`A as B` (the inside of `<A as B>`) as (A, B); (A, None) for `<A>`."""
    i = 0
    while i < len(inner):
        if inner.startswith("->", i):
            i += 2
            continue
        if inner[i] in "<([{":
            i = closing(inner, i) + 1
            continue
        if inner.startswith(" as ", i):
            return inner[:i], inner[i + 4 :]
        i += 1
    return inner, None


def without_prefixes(text: str) -> str:
    """A type without references, pointers, `dyn`, `impl` and `for<'a>`."""
    while True:
        before = text
        text = text.strip()
        text = re.sub(r"^for<[^>]*>\s*", "", text)
        text = re.sub(r"^&('\w+\s+)?(mut\s+)?", "", text)
        text = re.sub(r"^\*(const|mut)\s+", "", text)
        text = re.sub(r"^(dyn|impl|unsafe|extern\s+\"[^\"]*\")\s+", "", text)
        if text == before:
            return text


def is_closure(text: str) -> bool:
    """Whether a type is a closure (its path ends in `{closure#N}`)."""
    return bool(re.search(r"::\{closure#\d+\}$", text.strip()))


def type_crate(text: str, crates: Crates):
    """The crate of a type or path: its first segment's; `core` for a
    primitive, a tuple, an array or a function pointer; None for `_`."""
    text = without_prefixes(text)
    if text.startswith("<"):
        return code_crate(text, crates)
    if text.startswith(("(", "[", "fn(", "fn ")):
        return "core"
    match = IDENT.match(text)
    if not match:
        return None
    if text[match.end() :].startswith("::"):
        return match.group()
    return None if match.group() == "_" else "core"


def impl_crate(self_type: str, trait: str, crates: Crates):
    """The crate of a trait method's code, from its `<self_type as trait>`."""
    trait_crate = type_crate(trait, crates)
    if is_closure(without_prefixes(self_type)):
        # A closure has no impls of its own but the compiler's Fn* ones.
        return type_crate(self_type, crates) if trait_crate in STD else trait_crate
    self_crate = type_crate(self_type, crates)
    if self_crate is None or self_crate == trait_crate:
        return trait_crate
    if crates.depends(self_crate, trait_crate):
        return self_crate
    return trait_crate


def code_crate(name: str, crates: Crates):
    """The crate whose source (or macro expansion) holds a function's code."""
    name = name.strip()
    if name.startswith("<"):
        end = closing(name, 0)
        self_type, trait = split_as(name[1:end])
        if trait is None:
            return type_crate(self_type, crates)
        return impl_crate(self_type, trait, crates)
    if name.startswith("core::ptr::drop_in_place::<"):
        dropped = name[len("core::ptr::drop_in_place::") :]
        named = [c for c in named_crates(dropped) if c not in STD]
        return named[0] if named else "core"
    match = IDENT.match(name)
    return match.group() if match else None


def named_crates(text: str) -> list:
    """The crates a name names, in order."""
    return [m.group(1) for m in PATH_START.finditer(text)]


def read_path(text: str, start: int) -> list:
    """The segments of the path at `start`, without their generic
    arguments: `a::b<T>::{closure#0}` is [a, b, {closure#0}]; a segment with
    generic arguments ends with `<>`."""
    segments = []
    i = start
    while i < len(text):
        if text[i] == "{":
            end = closing(text, i)
            segments.append(text[i : end + 1])
            i = end + 1
        else:
            match = IDENT.match(text, i)
            if not match:
                break
            segments.append(match.group())
            i = match.end()
        while text.startswith("<", i) or text.startswith("::<", i):
            i = closing(text, text.index("<", i)) + 1
            segments[-1] += "<>"
        if not text.startswith("::", i):
            break
        i += 2
    return segments


def module_of(segments: list) -> str:
    """A path's module, at most MODULE_DEPTH below its crate: the segments
    before the first that is not a module (a type, a function, a closure,
    or the last)."""
    modules = [segments[0]]
    for index, segment in enumerate(segments[1:], start=1):
        last = index == len(segments) - 1
        follows = segments[index + 1] if not last else ""
        if (
            last
            or not re.fullmatch(r"[a-z][a-z0-9_]*", segment)
            or follows.startswith("{")
            or len(modules) > MODULE_DEPTH
        ):
            break
        modules.append(segment)
    return "::".join(modules[: MODULE_DEPTH + 1])


def depth(text: str, at: int) -> int:
    """How many brackets are open at `at`."""
    open_ = 0
    i = 0
    while i < at:
        if text.startswith("->", i):
            i += 2
            continue
        if text[i] in "<([{":
            open_ += 1
        elif text[i] in ">)]}":
            open_ -= 1
        i += 1
    return open_


def project_paths(name: str, crates: Crates) -> list:
    """Each of the project's paths a name names, in order, as (depth,
    segments); a path in `<...>` as a qualified path's type goes on with
    the segments after the `>`: `<a::T>::run::{closure#0}` is a, T, run,
    {closure#0}."""
    paths = []
    for match in PATH_START.finditer(name):
        if match.group(1) not in crates.project:
            continue
        at = match.start()
        segments = read_path(name, at)
        # `<` after a name or `::` opens generic arguments; elsewhere, a
        # qualified path.
        if at > 0 and name[at - 1] == "<" and not re.search(r"[A-Za-z0-9_:]$", name[: at - 1]):
            close = closing(name, at - 1)
            if name.startswith("::", close + 1):
                segments += read_path(name, close + 3)
            at -= 1
        paths.append((depth(name, at), segments))
    return paths


def project_module(name: str, crates: Crates, own: bool):
    """The module a function goes to in the project's table: for its own
    code, the first of the project's paths its name names (its own); for
    library code, the innermost of the project's closures it names, whose
    body it runs (often inlined into it), else the first of its types. None
    when it names none."""
    paths = project_paths(name, crates)
    if not paths:
        return None
    closures = [p for p in paths if any(segment.startswith("{closure") for segment in p[1])]
    if own or not closures:
        return module_of(paths[0][1])
    innermost = max(p[0] for p in closures)
    return module_of(next(segments for level, segments in closures if level == innermost))


# The crate table's rows that are not a crate.
DATA = "data segments (strings, vtables, type ids)"
IMPORTS = "imports (the glue's functions, by name)"
EXPORTS = "exports"
STRUCTURE = "tables and other structure"
UNNAMED = "unnamed functions"
GENERATED = "functions wasm-bindgen wrote"
NOT_CRATES = {DATA, IMPORTS, EXPORTS, STRUCTURE, UNNAMED, GENERATED, STD_ROW}


def row_of(name: str, crates: Crates):
    """The crate table's row of one twiggy item, and whether it is Rust code
    (None: not shipped, the name section's own bytes)."""
    if name.startswith('"') and name.endswith("subsection"):
        return None, False
    if name.startswith("data segment "):
        return DATA, False
    if name.startswith("import "):
        return IMPORTS, False
    if name.startswith("export "):
        return EXPORTS, False
    if re.fullmatch(r"(elem|table|memory|global|type|start)\[\d+\]", name) or name.endswith(" headers"):
        return STRUCTURE, False
    if re.fullmatch(r"code\[\d+\]", name):
        return UNNAMED, False
    rust = clean(name)
    rust = re.sub(r"( (externref|multivalue) shim)+$", "", rust)
    if not (DISAMBIGUATOR.search(name) or rust.startswith("<")):
        # Named by wasm-bindgen itself: the exports' and closures' shims,
        # its allocator and table entry points.
        return GENERATED, False
    crate = code_crate(rust, crates) or UNNAMED
    return (STD_ROW if crate in STD_ROW_CRATES else crate), True


def brotli_sizes(blobs: list) -> list:
    """Each blob's size compressed as the build compresses
    (scripts/precompress.mjs: brotli, quality 11), by node's zlib."""
    script = r"""
const zlib = require('zlib');
const input = require('fs').readFileSync(0);
const sizes = [];
for (let at = 0; at < input.length; ) {
  const length = input.readUInt32LE(at);
  const bytes = input.subarray(at + 4, at + 4 + length);
  at += 4 + length;
  sizes.push(zlib.brotliCompressSync(bytes, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length);
}
console.log(JSON.stringify(sizes));
"""
    framed = b"".join(len(blob).to_bytes(4, "little") + blob for blob in blobs)
    out = subprocess.run(["node", "-e", script], input=framed, capture_output=True, check=True).stdout
    return json.loads(out)


def leb128(data: bytes, at: int):
    """An unsigned LEB128 number at `at`, and where it ends."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def wasm_pieces(data: bytes):
    """Where each function body, data segment and import lies in a
    WebAssembly module, by the names its name section gives them: a list of
    (name, start, end), the names as twiggy spells them (`data segment
    ".rodata.7"`, `import module::field`); and the module's bytes without
    its name section."""
    at = 8
    imported = 0
    functions, segments, imports = [], [], []
    function_names, data_names = {}, {}
    shipped = bytearray(data[:8])
    while at < len(data):
        section = at
        kind = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if kind == 2:
            count, i = leb128(data, at)
            for _ in range(count):
                start = i
                length, i = leb128(data, i)
                module = data[i : i + length].decode()
                length, i = leb128(data, i + length)
                field = data[i : i + length].decode()
                i += length
                if data[i] != 0:
                    sys.exit(f"bench_bytes: an import other than a function ({field})")
                _, i = leb128(data, i + 1)
                imports.append((f"import {module}::{field}", start, i))
                imported += 1
        elif kind == 10:
            count, i = leb128(data, at)
            for index in range(count):
                length, body = leb128(data, i)
                functions.append((imported + index, i, body + length))
                i = body + length
        elif kind == 11:
            count, i = leb128(data, at)
            for index in range(count):
                start = i
                mode, i = leb128(data, i)
                if mode != 0:
                    sys.exit("bench_bytes: a data segment other than an active one in memory 0")
                i = data.index(0x0B, i) + 1  # its offset: i32.const N, end
                length, i = leb128(data, i)
                segments.append((index, start, i + length))
                i += length
        name_section = False
        if kind == 0:
            length, i = leb128(data, at)
            name_section = data[i : i + length] == b"name"
            i += length
            while name_section and i < end:
                subsection = data[i]
                length, i = leb128(data, i + 1)
                if subsection in (1, 9):
                    names = function_names if subsection == 1 else data_names
                    count, j = leb128(data, i)
                    for _ in range(count):
                        index, j = leb128(data, j)
                        length_, j = leb128(data, j)
                        names[index] = data[j : j + length_].decode("utf-8", "replace")
                        j += length_
                i += length
        if not name_section:
            shipped += data[section:end]
        at = end
    # Offsets into `shipped`: every section before the name section is the
    # same, and the name section comes after code and data.
    pieces = [(name, start, end) for name, start, end in imports]
    pieces += [(function_names.get(index, f"code[{index}]"), start, end) for index, start, end in functions]
    pieces += [(f'data segment "{data_names.get(index, index)}"', start, end) for index, start, end in segments]
    return pieces, bytes(shipped)


def kib(size: float) -> str:
    if 0 < size < 0.05 * 1024:
        return "< 0.1 KiB"
    return f"{size / 1024:,.1f} KiB"


def label(row: str) -> str:
    """A crate table's row as the page names it: a crate as code."""
    return row if row in NOT_CRATES else f"`{row}`"


def wrapped(text: str) -> str:
    """Paragraphs (blank-line separated) wrapped at 76 columns; tables and
    headings as they are."""
    out = []
    for block in text.split("\n\n"):
        if block.startswith(("|", "#")):
            out.append(block)
        else:
            out.append(textwrap.fill(" ".join(block.split()), 76, break_on_hyphens=False, break_long_words=False))
    return "\n\n".join(out)


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f} %"


def slow_4g_mbps(root: pathlib.Path) -> float:
    """The download speed of scripts/bench's Slow 4G (e2e/bench/network.js)."""
    text = (root / "e2e" / "bench" / "network.js").read_text(encoding="utf-8")
    match = re.search(r'id: "slow_4g"[^}]*download_mbps: ([\d.]+)', text)
    if not match:
        sys.exit("bench_bytes: no Slow 4G download speed in e2e/bench/network.js")
    return float(match.group(1))


class Picture:
    """The module's bytes by row of the crate table and by module: twiggy's
    raw sizes, and each group's bytes, as they lie in the file, for brotli."""

    def __init__(self, items: list, pieces: list, shipped: bytes, crates: Crates):
        self.raw = collections.Counter()
        # Library code instantiated for the project: by crate row, by module.
        self.for_project = collections.Counter()
        self.instantiated = collections.Counter()
        # The project's own code, by module.
        self.own = collections.Counter()
        for item in items:
            row, module = self.place(item["name"], crates)
            if row is None:
                continue
            size = item["shallow_size"]
            self.raw[row] += size
            if module and row in crates.project:
                self.own[module] += size
            elif module:
                self.for_project[row] += size
                self.instantiated[module] += size
        self.total = sum(self.raw.values())
        self.row_bytes = collections.defaultdict(bytearray)
        self.module_bytes = collections.defaultdict(bytearray)
        for name, start, end in pieces:
            row, module = self.place(name, crates)
            self.row_bytes[row] += shipped[start:end]
            if module:
                self.module_bytes[module] += shipped[start:end]
        self.rows = sorted(self.raw, key=lambda r: -self.raw[r])
        self.modules = sorted(set(self.own) | set(self.instantiated), key=lambda m: -self.together(m))

    @staticmethod
    def place(name: str, crates: Crates):
        """An item's crate row (None: the name section), and its module in
        the project's table (None: none)."""
        row, rust = row_of(name, crates)
        module = project_module(clean(name), crates, own=row in crates.project) if rust else None
        return row, module

    def together(self, module: str) -> int:
        return self.own[module] + self.instantiated[module]


def crate_table(picture: Picture, brotli: dict, shipped_brotli: int) -> str:
    """A row of each crate of 1 KiB or more, the rest in one."""
    raw, total = picture.raw, picture.total
    lines = [
        "| crate | raw | share | brotli, alone | of it, library code for the project's types |",
        "|---|---|---|---|---|",
    ]
    small = [r for r in picture.rows if raw[r] < 1024]
    for row in picture.rows:
        if row not in small:
            lines.append(
                f"| {label(row)} | {kib(raw[row])} | {percent(raw[row], total)} "
                f"| {kib(brotli[row]) if row in brotli else '–'} "
                f"| {kib(picture.for_project[row]) if picture.for_project[row] else '–'} |"
            )
    if small:
        rest = sum(raw[r] for r in small)
        lines.append(
            f"| {len(small)} others under 1 KiB each: {', '.join(label(r) for r in small)} "
            f"| {kib(rest)} | {percent(rest, total)} | {kib(sum(brotli.get(r, 0) for r in small))} "
            f"| {kib(sum(picture.for_project[r] for r in small))} |"
        )
    lines.append(
        f"| **the module** | **{kib(total)}** | 100 % "
        f"| {kib(sum(brotli.values()))} (the file: {kib(shipped_brotli)}) "
        f"| {kib(sum(picture.for_project.values()))} |"
    )
    return "\n".join(lines)


def module_table(picture: Picture, shown: list, brotli: dict) -> str:
    """The `shown` modules, the rest in one, and the project's in all."""
    own, instantiated, total = picture.own, picture.instantiated, picture.total
    lines = [
        "| module | its own code | library code for it | together | share | brotli, alone |",
        "|---|---|---|---|---|---|",
    ]
    for module in shown:
        lines.append(
            f"| `{module}` | {kib(own[module])} | {kib(instantiated[module])} "
            f"| {kib(picture.together(module))} | {percent(picture.together(module), total)} "
            f"| {kib(brotli[module])} |"
        )
    rest = [m for m in picture.modules if m not in shown]
    if rest:
        own_rest, lib_rest = sum(own[m] for m in rest), sum(instantiated[m] for m in rest)
        lines.append(
            f"| {len(rest)} other modules | {kib(own_rest)} | {kib(lib_rest)} "
            f"| {kib(own_rest + lib_rest)} | {percent(own_rest + lib_rest, total)} | |"
        )
    own_all, lib_all = sum(own.values()), sum(instantiated.values())
    lines.append(
        f"| **the project's, in all** | **{kib(own_all)}** | **{kib(lib_all)}** "
        f"| **{kib(own_all + lib_all)}** | {percent(own_all + lib_all, total)} | |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", required=True, help="twiggy top -f json of --wasm")
    parser.add_argument("--wasm", required=True, help="the shipped WebAssembly, its name section kept")
    parser.add_argument("--metadata", required=True, help="cargo metadata's JSON")
    parser.add_argument("--input", required=True, help="the WebAssembly read, as the page names it")
    parser.add_argument("--shipped", help="the shipped .wasm in the build's dist/, to compare with")
    parser.add_argument("--twiggy", required=True, help="twiggy's version")
    parser.add_argument("--commit", required=True)
    parser.add_argument("--page", help="the page whose section to write: docs/benchmarks.md")
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent

    crates = Crates.from_metadata(json.loads(pathlib.Path(args.metadata).read_text(encoding="utf-8")))
    items = json.loads(pathlib.Path(args.top).read_text(encoding="utf-8"))
    pieces, shipped = wasm_pieces(pathlib.Path(args.wasm).read_bytes())
    picture = Picture(items, pieces, shipped, crates)

    # One node process compresses every group, and the file.
    shown = picture.modules[:SHOWN_MODULES]
    rows = [r for r in picture.rows if r in picture.row_bytes]
    groups = [bytes(picture.row_bytes[r]) for r in rows] + [bytes(picture.module_bytes[m]) for m in shown]
    *compressed, shipped_brotli = brotli_sizes(groups + [shipped])
    row_brotli = dict(zip(rows, compressed))
    module_brotli = dict(zip(shown, compressed[len(rows) :]))

    if not args.shipped:
        compared = "There was no build's `dist/` to compare it with."
    elif pathlib.Path(args.shipped).read_bytes() == shipped:
        compared = (
            f"Without its name section it is, byte for byte, the shipped "
            f"`dist/{pathlib.Path(args.shipped).name}`: {len(shipped):,} B, "
            f"{kib(shipped_brotli)} with brotli -q 11."
        )
    else:
        compared = (
            f"Without its name section it is {len(shipped):,} B, {kib(shipped_brotli)} with brotli -q 11; "
            f"`dist/{pathlib.Path(args.shipped).name}` is another build's, "
            f"{pathlib.Path(args.shipped).stat().st_size:,} B: run `scripts/build` so that both come "
            "from the same sources."
        )
    mbps = slow_4g_mbps(root)
    ms_per_kib = 1024 * 8 / (mbps * 1e6) * 1000
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    body = f"""## What the WebAssembly is made of

`scripts/bench-bytes` takes the release WebAssembly as `scripts/build`'s
wasm-bindgen wrote it (`{args.input}`), optimizes it as the build does
(`loader/optimize-wasm.mjs`) but keeps its names (`--keep-names`), and sizes
it with {args.twiggy}. Measured {date} on commit {args.commit}. {compared}
Run `scripts/build`, then `scripts/bench-bytes`, to measure again; it
rewrites this section.

On Slow 4G as `scripts/bench` emulates it ({mbps:g} Mbps down), each KiB
that comes with brotli costs {ms_per_kib:.1f} ms: the `.wasm`'s
{kib(shipped_brotli)}, {shipped_brotli / 1024 * ms_per_kib / 1000:.2f} s before
the round trips.

### By crate

{crate_table(picture, row_brotli, shipped_brotli)}

"raw" is twiggy's count of each function's, data segment's and import's
bytes ({picture.total:,} B in all: twiggy counts a few bytes of the
sections' headers differently from the file). "brotli, alone" is those
bytes, as they lie in the file, compressed by themselves: an estimate of
the row's part of the shipped file's brotli bytes, closer for a large row
than for a small one. One generic function instantiated for many types
repeats itself, and compresses better than the project's own code or the
data.

### The project's code by module

{module_table(picture, shown, module_brotli)}

"its own code" is the functions of the project's crates; "library code for
it" is a library's generic code instantiated for one of the module's types
or closures, which the crate table counts for the library. Such code often
holds the project's closure itself, inlined into it: a component's view
inside `untrack_with_diagnostics`, an async block inside `Abortable`'s
`try_poll`, a derived `Deserialize` visitor inside `serde_json`'s
`deserialize_any`.

How a function finds its row: it goes to the crate whose source, or macro
expansion, holds its code, read from its demangled name (rustc's v0 names,
which keep a generic function's type arguments). A path goes to its first
segment; an inherent method to its type's crate; a trait method to the
crate of its type or of its trait, whichever depends on the other (where
the orphan rule puts the impl), else the trait's (a blanket impl), and a
closure's trait method to the trait's but its own call to the closure's
crate; drop glue to the first crate other than the standard library's
named in the dropped type. By module, the project's own function goes to
its own path; library code to the innermost of the project's closures its
name names (whose body it runs), else the first of the project's types it
names; both cut at two modules below the crate."""
    body = wrapped(body)
    print(body)
    if args.page:
        write_section(pathlib.Path(args.page), body)


BEGIN, END = "<!-- bench-bytes: begin -->", "<!-- bench-bytes: end -->"


def write_section(page: pathlib.Path, body: str) -> None:
    """Puts the section in the page: where it was, else before
    scripts/bench-load's section, else at the end."""
    section = f"{BEGIN}\n<!-- Written by scripts/bench-bytes: do not edit by hand. -->\n{body}\n{END}"
    text = page.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    elif "<!-- bench-load: begin -->" in text:
        at = text.index("<!-- bench-load: begin -->")
        text = text[:at] + section + "\n\n" + text[at:]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
