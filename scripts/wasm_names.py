"""Short names for the release WebAssembly's imports and exports, written
into both the WebAssembly and wasm-bindgen's glue.

wasm-bindgen names each import after what it wraps and a 16-digit hash
(`__wbg_getOwnPropertyDescriptor_91249f9236d5b666`), each under the module
`./support-widget_bg.js`, and the glue spells every import and export out
again. That is about 7 KB of names in each file, much of it hashes that
brotli cannot compress. Here every import and export is named `a`, `b`, …,
`aa`, …, and the import module `a`.
"""

import re
import sys

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
MODULE = "a"


def leb128(data: bytes, at: int) -> tuple[int, int]:
    """The unsigned LEB128 number at `at`, and where it ends."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def to_leb128(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | 0x80 if value else byte)
        if not value:
            return bytes(out)


def short_name(index: int) -> str:
    """`a` … `Z`, then `aa`, `ab`, …"""
    name = ""
    while True:
        name = LETTERS[index % len(LETTERS)] + name
        index = index // len(LETTERS) - 1
        if index < 0:
            return name


def name_bytes(name: str) -> bytes:
    encoded = name.encode("utf-8")
    return to_leb128(len(encoded)) + encoded


def read_name(data: bytes, at: int) -> tuple[str, int]:
    length, at = leb128(data, at)
    return data[at : at + length].decode("utf-8"), at + length


def sections(binary: bytes):
    """Each section of the WebAssembly: its id, where it starts (its id's
    byte), where its content starts, and where it ends."""
    at = 8  # after the magic number and version
    while at < len(binary):
        size, start = leb128(binary, at + 1)
        yield binary[at], at, start, start + size
        at = start + size


def renamed(binary: bytes) -> tuple[bytes, str, dict[str, str], dict[str, str]]:
    """The WebAssembly with short import and export names; the import module
    it replaced, and the new name of each import and each export."""
    out = bytearray(binary[:8])
    modules, imports, exports = set(), {}, {}

    def entries(start: int, names: dict[str, str], is_import: bool) -> bytes:
        """A section of imports or exports, each entry with its short name.
        An entry is an import's module, or nothing, then its name, then a
        descriptor: a kind and an index."""
        count, p = leb128(binary, start)
        body = bytearray(to_leb128(count))
        for _ in range(count):
            if is_import:
                module, p = read_name(binary, p)
                modules.add(module)
            name, p = read_name(binary, p)
            if is_import and binary[p] != 0:
                sys.exit(f"write_loader: the WebAssembly imports {name}, which is not a function")
            _, descriptor_end = leb128(binary, p + 1)
            names[name] = short_name(len(names))
            body += (name_bytes(MODULE) if is_import else b"") + name_bytes(names[name]) + binary[p:descriptor_end]
            p = descriptor_end
        return bytes(body)

    for section_id, at, start, end in sections(binary):
        if section_id in (2, 7):
            body = entries(start, imports, True) if section_id == 2 else entries(start, exports, False)
            out += bytes([section_id]) + to_leb128(len(body)) + body
        else:
            out += binary[at:end]
    if len(modules) > 1:
        sys.exit(f"write_loader: the WebAssembly imports from {sorted(modules)}, not from one module")
    return bytes(out), next(iter(modules), ""), imports, exports


def glue_renamed(glue: str, module: str, imports: dict[str, str], exports: dict[str, str]) -> str:
    """wasm-bindgen's glue (not yet minified) with the same names: each
    import is a key of the object the glue imports with, each export read as
    `wasm.<name>`; less the imports the WebAssembly no longer has. Fails if
    the glue has another shape (a new wasm-bindgen)."""
    glue, found = re.subn(rf'"{re.escape(module)}":', f'"{MODULE}":', glue)
    if found != 1:
        sys.exit(f"write_loader: the glue names the import module {module} {found} times, not once")
    for old, new in imports.items():
        glue, found = re.subn(rf"\b{re.escape(old)}(?=: function\()", new, glue)
        if found != 1 or re.search(rf"\b{re.escape(old)}\b", glue):
            sys.exit(f"write_loader: the glue does not define the import {old} once")
    # Imports that binaryen found unused are gone from the WebAssembly: their
    # functions, the only keys still named as wasm-bindgen names them, go
    # from the glue too. Each ends on the first line as indented as its own.
    glue = re.sub(
        r"^        __wb\w+: function\(.*?^        \}[^\n]*,\n", "", glue, flags=re.MULTILINE | re.DOTALL
    )
    if re.search(r"^ *__wb\w+: function", glue, flags=re.MULTILINE):
        sys.exit("write_loader: the glue defines an import that is not where it was expected")
    for old, new in exports.items():
        glue = re.sub(rf"\bwasm\.{re.escape(old)}\b", f"wasm.{new}", glue)
    unknown = set(re.findall(r"\bwasm\.(\w+)", glue)) - set(exports.values())
    if unknown:
        sys.exit(f"write_loader: the glue reads exports the WebAssembly lacks: {sorted(unknown)}")
    return glue
