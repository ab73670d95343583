// support-widget loader: defines <support-widget> and loads the widget from
// the files next to this one, wherever this file is served from. The build
// (scripts/write_loader.py) fills in the content-hashed file names.
const files = { glue: "__GLUE__", wasm: "__WASM__", style: "__STYLE__" };
const here = (file) => new URL(file, import.meta.url).href;

// The WebAssembly comes as a module of its own (one character per byte), so
// that a strict CSP's script-src covers it and connect-src need not.
const bytes = (text) => {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
let loading;
const load = () =>
  (loading ??= Promise.all([import(here(files.glue)), import(here(files.wasm))]).then(
    async ([glue, wasm]) => {
      await glue.default({ module_or_path: bytes(wasm.default) });
      return glue;
    },
  ));

class SupportWidgetElement extends HTMLElement {
  static observedAttributes = ["backend", "audience", "locale", "mode"];
  #handle = null;
  #connection = 0;

  connectedCallback() {
    const connection = ++this.#connection;
    load()
      .then((glue) => {
        if (this.isConnected && connection === this.#connection && !this.#handle) {
          this.#handle = glue.mount(this, here(files.style));
        }
      })
      .catch((error) => console.error("<support-widget> could not load:", error));
  }

  disconnectedCallback() {
    this.#connection++;
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
  }

  attributeChangedCallback(name, _old, value) {
    this.#handle?.setAttribute(name, value);
  }
}

if (!customElements.get("support-widget")) {
  customElements.define("support-widget", SupportWidgetElement);
}
