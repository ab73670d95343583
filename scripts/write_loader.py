"""Trunk post-build hook: writes the embeddable loader, support-widget.js.

Trunk builds the wasm and its JavaScript glue with content-hashed names and
injects a loader of its own into index.html that assumes the page is the app.
An embedded widget instead needs a stable-named loader that finds the hashed
files next to itself, so this hook
  - wraps the WebAssembly in a JavaScript module (so that a page's strict
    CSP needs no connect-src for the widget's own files: scripts from the
    page's script-src are enough),
  - copies style/widget.css under a content-hashed name,
  - writes the messages of each locale but en-US (compiled by
    support-messages) as modules the widget imports when it needs them,
  - writes support-widget.js from loader/support-widget.js with those names
    and the launcher's words (from the same compiled messages),
  - removes Trunk's own loader from the demo page, which embeds the widget
    exactly as a deployer does.
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


glue = only("support-widget-*.js")
wasm_file = staging / only("support-widget-*_bg.wasm")


def as_module(binary: bytes) -> str:
    """The bytes as a JavaScript template literal, one character per byte.

    Only backslash, backtick, dollar and carriage return need escaping, so
    the module compresses almost as well as the raw WebAssembly (about 2 %
    larger with brotli; base64 would be about 35 % larger)."""
    escapes = {"\\": "\\\\", "`": "\\`", "$": "\\$", "\r": "\\r"}
    text = "".join(escapes.get(ch, ch) for ch in binary.decode("latin-1"))
    return f"// support-widget's WebAssembly, one character per byte.\nexport default `{text}`;\n"


binary = wasm_file.read_bytes()
wasm = f"support-widget-{hashlib.sha256(binary).hexdigest()[:16]}.wasm.js"
(staging / wasm).write_text(as_module(binary), encoding="utf-8")
wasm_file.unlink()

style = (root / "style" / "widget.css").read_bytes()
style_name = f"support-widget-{hashlib.sha256(style).hexdigest()[:16]}.css"
(staging / style_name).write_bytes(style)

def compiled_messages() -> dict:
    """Every locale's messages as support-messages compiles them: the JSON
    text of each, by tag."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["cargo", "run", "--quiet", "--locked", "-p", "support-messages", "--", out],
            cwd=root,
            check=True,
        )
        compiled = {path.stem: path.read_text(encoding="utf-8") for path in sorted(pathlib.Path(out).glob("*.json"))}
    if "en-US" not in compiled or len(compiled) < 2:
        sys.exit(f"write_loader: support-messages wrote {sorted(compiled)}")
    return compiled


def locale_messages(compiled: dict) -> str:
    """Writes support-widget-messages-HASH.TAG.js for each locale but en-US
    (which the WebAssembly carries): a module whose default export is the
    JSON text of its messages, and returns HASH, which covers them all."""
    modules = {
        tag: "// support-widget's messages in one locale, as JSON.\n"
        f"export default {json.dumps(text, ensure_ascii=False)};\n"
        for tag, text in compiled.items()
        if tag != "en-US"
    }
    digest = hashlib.sha256("".join(modules.values()).encode("utf-8")).hexdigest()[:16]
    for tag, module in modules.items():
        (staging / f"support-widget-messages-{digest}.{tag}.js").write_text(module, encoding="utf-8")
    return digest


def launcher_labels(compiled: dict) -> str:
    """The launcher's words in each locale, from the compiled messages, so
    that the loader can draw the button before the widget itself loads."""
    labels = {}
    for tag, text in compiled.items():
        messages = dict(json.loads(text))
        words = {}
        for key in ("open", "close"):
            parts = messages.get(f"launcher-{key}")
            if not parts or len(parts) != 1 or "Text" not in parts[0]:
                sys.exit(f"write_loader: {tag} has no launcher-{key} message of plain text")
            words[key] = parts[0]["Text"]
        labels[tag] = words
    return json.dumps(labels, ensure_ascii=False)


def shrink(script: str) -> str:
    """Drops whole-line comments and indentation: the loader is the one file
    every page view pays for, so it stays small without a minifier."""
    kept = []
    for line in script.splitlines():
        line = line.strip()
        if line and not line.startswith(("//", "/**", "*")):
            kept.append(line)
    return "\n".join(kept) + "\n"


compiled = compiled_messages()
loader = shrink((root / "loader" / "support-widget.js").read_text(encoding="utf-8"))
loader = (
    loader.replace("__GLUE__", glue)
    .replace("__WASM__", wasm)
    .replace("__STYLE__", style_name)
    .replace("__LABELS__", launcher_labels(compiled))
    .replace("__MESSAGES__", locale_messages(compiled))
)
(staging / "support-widget.js").write_text(loader, encoding="utf-8")

page = staging / "index.html"
html = page.read_text(encoding="utf-8")
html = re.sub(r"<script type=\"?module\"?[^>]*>[^<]*TrunkApplicationStarted.*?</script>", "", html, flags=re.S)
html = re.sub(r"<link[^>]*rel=\"?(modulepreload|preload)\"?[^>]*>", "", html)
page.write_text(html, encoding="utf-8")

print(f"write_loader: support-widget.js -> {glue}, {wasm}, {style_name}")
