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
  #waiting = [];

  connectedCallback() {
    const connection = ++this.#connection;
    load()
      .then((glue) => {
        if (this.isConnected && connection === this.#connection && !this.#handle) {
          this.#handle = glue.mount(this, here(files.style));
          for (const call of this.#waiting.splice(0)) call();
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

  // The page's API. Each method returns a promise, settled once the widget
  // has loaded and applied the call (rejected when the call is refused).
  #call(apply) {
    return new Promise((resolve, reject) => {
      const run = () => {
        try {
          resolve(apply(this.#handle));
        } catch (error) {
          reject(error);
        }
      };
      if (this.#handle) run();
      else this.#waiting.push(run);
    });
  }

  /** Shows "partner-center", "customer", or the start screen. */
  open(flow) {
    return this.#call((widget) => widget.open(flow ?? undefined));
  }

  /** Back to the start screen. */
  close() {
    return this.#call((widget) => widget.close());
  }

  /** Fills in { contact, customer, service, category, title }. */
  prefill(values) {
    return this.#call((widget) => widget.prefill(JSON.stringify(values ?? {})));
  }

  /** Switches the language, as the locale attribute does. */
  setLocale(locale) {
    this.setAttribute("locale", String(locale));
    return this.#call(() => undefined);
  }

  /** Headers for every request to the backend, such as { Authorization }. */
  setRequestHeaders(headers) {
    return this.#call((widget) => widget.setRequestHeaders(JSON.stringify(headers ?? {})));
  }
}

if (!customElements.get("support-widget")) {
  customElements.define("support-widget", SupportWidgetElement);
}
