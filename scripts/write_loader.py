"""Trunk post-build hook: writes the embeddable loader, support-widget.js.

Trunk builds the wasm and its JavaScript glue with content-hashed names and
injects a loader of its own into index.html that assumes the page is the app.
An embedded widget instead needs a stable-named loader that finds the hashed
files next to itself, so this hook
  - minifies wasm-bindgen's glue (terser), as wasm-bindgen writes it: its
    default init fetches the WebAssembly and compiles it as it streams in
    (WebAssembly.instantiateStreaming, with its fallback for a server that
    sends another type than application/wasm),
  - optimizes the release WebAssembly (binaryen, from npm:
    loader/optimize-wasm.mjs), which ships as a .wasm file,
  - writes style/widget.css, minified (csso),
  - writes the messages of each locale but en-US (compiled by
    support-messages) as modules the widget imports when it needs them,
  - names all of these by one hash of them all (a build's hash: the loader
    carries it once, where each file's own would cost it a random string
    each),
  - writes the first screen (loader/first-screen.js: the partner's home,
    drawn while the WebAssembly is on its way) with its words in en-US and
    their numbers, by which it reads another locale's from that locale's
    messages, minified by terser,
  - writes support-widget.js from loader/support-widget.js with those names
    and the words the loader shows itself (the launcher's, and the notice
    when the widget cannot load; from the same compiled messages),
    minified by terser,
  - removes Trunk's own loader from the demo page, which embeds the widget
    exactly as a deployer does,
  - writes a brotli and a gzip copy beside each text file and the
    WebAssembly (scripts/precompress.mjs), which a server sends as they are.
"""

import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", root / "dist"))


def only(pattern: str) -> str:
    found = sorted(p.name for p in staging.glob(pattern))
    if len(found) != 1:
        sys.exit(f"write_loader: expected one {pattern} in {staging}, found {found}")
    return found[0]


def hashed(data: bytes) -> str:
    """The content hash in the files' names: 8 hex digits of a SHA-256, short
    because the loader, which every page view pays for, carries the names.
    They only tell one build of the files from the next, for caches: 32 bits
    are plenty for that."""
    return hashlib.sha256(data).hexdigest()[:8]


def node_module(name: str) -> pathlib.Path:
    """A tool installed in loader/ by scripts/setup."""
    path = root / "loader" / "node_modules" / name
    if not path.exists():
        sys.exit(f"write_loader: {path} is missing: run scripts/setup")
    return path


def node(arguments: list[str], stdin: str) -> str:
    """What node prints when run with `arguments`, given `stdin`."""
    return subprocess.run(
        ["node", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout


def minify(script: str) -> str:
    """A JavaScript module minified by terser."""
    terser = node_module("terser") / "bin" / "terser"
    return node([str(terser), "--module", "--compress", "--mangle"], script)


def minify_style(style: str) -> str:
    """Styles minified by csso, rules kept in their order (no restructuring,
    which could change which of two equal rules wins)."""
    script = (
        "const css = require('fs').readFileSync(0, 'utf8');"
        "process.stdout.write(require(process.argv[1]).minify(css, { restructure: false }).css);"
    )
    return node(["-e", script, str(node_module("csso"))], style)


def optimized(wasm_path: pathlib.Path) -> bytes:
    """The WebAssembly optimized by binaryen (loader/optimize-wasm.mjs)."""
    node_module("binaryen")
    with tempfile.TemporaryDirectory() as scratch:
        output = pathlib.Path(scratch) / "optimized.wasm"
        script = root / "loader" / "optimize-wasm.mjs"
        subprocess.run(["node", str(script), str(wasm_path), str(output)], check=True)
        return output.read_bytes()


wasm_file = staging / only("support-widget-*_bg.wasm")
trunk_glue = staging / only("support-widget-*.js")


# Only the release, which is what ships and what the size budget checks:
# binaryen takes a while, and `trunk serve` rebuilds on every change.
release = os.environ.get("TRUNK_PROFILE") == "release"
binary = optimized(wasm_file) if release else wasm_file.read_bytes()
wasm_file.unlink()
glue_module = minify(trunk_glue.read_text(encoding="utf-8")).encode("utf-8")
trunk_glue.unlink()
style = minify_style((root / "style" / "widget.css").read_text(encoding="utf-8")).encode("utf-8")

def compiled_messages() -> tuple:
    """Every locale's messages as support-messages compiles them: the JSON
    text of each, by tag (each message at its number), and the message IDs
    in the order that numbers them."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["cargo", "run", "--quiet", "--locked", "-p", "support-messages", "--", out],
            cwd=root,
            check=True,
        )
        ids = json.loads((pathlib.Path(out) / "ids.json").read_text(encoding="utf-8"))
        compiled = {
            path.stem: path.read_text(encoding="utf-8")
            for path in sorted(pathlib.Path(out).glob("*.json"))
            if path.name != "ids.json"
        }
    if "en-US" not in compiled or len(compiled) < 2:
        sys.exit(f"write_loader: support-messages wrote {sorted(compiled)}")
    return compiled, ids


def locale_messages(compiled: dict) -> dict:
    """For each locale but en-US (which the WebAssembly carries), by tag: a
    module whose default export is the JSON text of its messages."""
    return {
        tag: "// support-widget's messages in one locale, as JSON.\n"
        f"export default {json.dumps(text, ensure_ascii=False)};\n".encode("utf-8")
        for tag, text in compiled.items()
        if tag != "en-US"
    }


# The words the loader shows itself, before (or without) the widget: the
# launcher's, and the notice when the widget cannot load.
# In the order the loader reads them: [open, close, failed, retry].
LOADER_WORDS = ["launcher-open", "launcher-close", "widget-unavailable", "load-retry"]
# The launcher's name with its badge's count, which the loader reads last:
# the text before and after $count.
LOADER_COUNTED = "launcher-open-unread"


# The words of the first screen drawn before the widget (first-screen.js),
# in the order it reads them.
HOME_WORDS = [
    "widget-title",
    "widget-subtitle",
    "widget-language-label",
    "home-heading",
    "home-partner-center-title",
    "home-partner-center-text",
    "home-customer-title",
    "home-customer-text",
    "home-inbox-title",
    "home-inbox-text",
    "home-escalation-title",
    "home-escalation-text",
]


def words_of(compiled: dict, ids: list, wanted: list) -> str:
    """The `wanted` messages in each locale, from the compiled messages, as
    JSON: a list by tag."""
    labels = {}
    for tag, text in compiled.items():
        messages = dict(zip(ids, json.loads(text)))
        words = []
        for message in wanted:
            parts = messages.get(message)
            if not parts or len(parts) != 1 or "Text" not in parts[0]:
                sys.exit(f"write_loader: {tag} has no {message} message of plain text")
            words.append(parts[0]["Text"])
        labels[tag] = words
    return json.dumps(labels, ensure_ascii=False, separators=(",", ":"))


def counted_words(compiled: dict, ids: list, message: str) -> dict:
    """`message`, a text around one `$count`, in each locale: by tag, the
    text before it and the text after it, without the marks that isolate
    the variable (a count is digits, which need none)."""
    halves = {}
    for tag, text in compiled.items():
        parts = dict(zip(ids, json.loads(text))).get(message)
        kinds = [next(iter(part)) for part in parts or []]
        if kinds != ["Text", "Var", "Text"] or parts[1]["Var"] != "count":
            sys.exit(f"write_loader: {tag} has no {message} message of text around one {{ $count }}")
        halves[tag] = [parts[0]["Text"].removesuffix("\u2068"), parts[2]["Text"].removeprefix("\u2069")]
    return halves


def loader_words(compiled: dict, ids: list) -> str:
    """The loader's words, by tag, as JSON: those of LOADER_WORDS, then the
    two halves of LOADER_COUNTED."""
    words = json.loads(words_of(compiled, ids, LOADER_WORDS))
    for tag, halves in counted_words(compiled, ids, LOADER_COUNTED).items():
        words[tag].append(halves)
    return json.dumps(words, ensure_ascii=False, separators=(",", ":"))


# The widget's languages in its picker's order (messages/src/lib.rs, LOCALES).
LANGUAGES = ["en-US", "zh-CN", "zh-TW", "es-ES"]


def language_names(compiled: dict, ids: list) -> str:
    """Each language's name in its own language (the same in every locale),
    by tag, as JSON."""
    if sorted(LANGUAGES) != sorted(compiled):
        sys.exit(f"write_loader: LANGUAGES lists {LANGUAGES}, support-messages wrote {sorted(compiled)}")
    names = json.loads(words_of(compiled, ids, [f"language-{tag.lower()}" for tag in LANGUAGES]))["en-US"]
    return json.dumps(dict(zip(LANGUAGES, names)), ensure_ascii=False, separators=(",", ":"))


compiled, message_ids = compiled_messages()
messages = locale_messages(compiled)
home_text = (root / "loader" / "first-screen.js").read_text(encoding="utf-8")
# Every locale must have each of them as plain text (words_of checks); the
# first screen carries en-US's, and reads another's by number.
home_words = json.loads(words_of(compiled, message_ids, HOME_WORDS))
home_text = (
    home_text.replace("__HOME_WORDS__", json.dumps(home_words["en-US"], ensure_ascii=False))
    .replace("__HOME_NUMBERS__", json.dumps([message_ids.index(m) for m in HOME_WORDS]))
    .replace("__LANGUAGES__", language_names(compiled, message_ids))
)
if re.search(r"__[A-Z_]+__", home_text):
    sys.exit("write_loader: loader/first-screen.js has a placeholder this script does not fill in")
home_module = minify(home_text).encode("utf-8")
# Every file the loader names, by the hash of them all.
build = hashed(b"".join([binary, glue_module, style, home_module, *messages.values()]))
wasm = f"support-widget-{build}.wasm"
glue = f"support-widget-{build}.js"
style_name = f"support-widget-{build}.css"
(staging / wasm).write_bytes(binary)
(staging / glue).write_bytes(glue_module)
(staging / style_name).write_bytes(style)
(staging / f"support-widget-{build}.home.js").write_bytes(home_module)
for tag, module in messages.items():
    (staging / f"support-widget-{build}.{tag}.js").write_bytes(module)

loader = (root / "loader" / "support-widget.js").read_text(encoding="utf-8")
loader = (
    # The loader spells out the names above once, as a pattern around the
    # build's hash (cheaper than the three names).
    loader.replace("__BUILD__", build)
    .replace("__LABELS__", loader_words(compiled, message_ids))
)
# The loader is the one file every page view pays for, within 2 KB with
# brotli.
(staging / "support-widget.js").write_text(minify(loader), encoding="utf-8")

page = staging / "index.html"
html = page.read_text(encoding="utf-8")
html = re.sub(r"<script type=\"?module\"?[^>]*>[^<]*TrunkApplicationStarted.*?</script>", "", html, flags=re.S)
html = re.sub(r"<link[^>]*rel=\"?(modulepreload|preload)\"?[^>]*>", "", html)
page.write_text(html, encoding="utf-8")

# Last, once every file is final.
subprocess.run(["node", str(root / "scripts" / "precompress.mjs"), str(staging)], check=True)

print(f"write_loader: support-widget.js -> {glue}, {wasm}, {style_name}")
