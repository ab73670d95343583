// support-widget loader: defines <support-widget> and loads the widget from
// the files next to this one, wherever this file is served from. The build
// (scripts/write_loader.py) fills in the build's hash, which names every file
// it loads, and the words it shows itself in each locale (from
// locales/*/widget.ftl): the launcher's, and those of the notice when the
// widget cannot load.
// By locale: [open, close, failed, retry, [before, after]], the last the
// launcher's name with a count of what is new between its two halves (a
// list, not an object: the keys repeated for each locale cost more than the
// lookups by position).
const labels = __LABELS__;
// The build's file with this suffix, next to this one; a retry's URL is new
// (the page remembers failed imports by URL).
const here = (suffix, retry) => new URL(`support-widget-__BUILD__${suffix}${retry ? "?" + retry : ""}`, import.meta.url);

let loading;
let tries = 0;
// A refused token provider has been warned of (once a page load).
let warned;
// The glue and the WebAssembly, fetched side by side (not one round trip
// after the other), or taken from the idle hints; the glue's init
// (wasm-bindgen's own) compiles the WebAssembly as it streams in. A failed
// fetch is not remembered: only the glue needs a new URL to try again.
const loadWidget = () =>
  (loading ??= Promise.all([import(here(".js", tries)), Promise.resolve(hinted).then((wasm) => wasm ?? fetch(here(".wasm")))])
    .then(([glue, wasm]) => glue.default({ module_or_path: wasm }).then(() => glue))
    .catch((error) => {
      // The next try loads again, from new URLs.
      loading = null;
      tries++;
      throw error;
    })
    .finally(unhint));

// The locale to expect before the widget (and its own negotiation) loads:
// the first of the element's locale, the page's and the browser's languages
// that the widget speaks. It picks the launcher's words and the messages
// fetched alongside the widget.
const localeOf = (element) => {
  const wanted = [element.getAttribute("locale"), document.documentElement.lang, ...navigator.languages];
  for (const tag of wanted.map((t) => (t ?? "").trim().toLowerCase())) {
    // As the widget reads them: a script decides, else the region.
    if (tag.startsWith("zh")) return /hant|^zh.(tw|hk|mo)/.test(tag) ? "zh-TW" : "zh-CN";
    if (tag.startsWith("es")) return "es-ES";
    if (tag.startsWith("en")) break;
  }
  return "en-US";
};

// The messages of a locale other than en-US, which the widget asks for by
// tag: a module of their JSON, imported once however often it is asked for.
const messages = (tag, retry) =>
  import(here(`.${tag}.js`, retry)).then((m) => m.default);
// Starts loading the widget, and the messages the element will likely want;
// until the widget has drawn, a small module draws its first screen in
// front of the element's container (first-screen.js).
const load = (element) => {
  const tag = localeOf(element);
  if (tag != "en-US") messages(tag).catch(() => {});
  import(here(".home.js")).then((home) => home.default(element)).catch(() => {});
  return loadWidget();
};

const make = (tag, props) => Object.assign(document.createElement(tag), props);
// The page hears what went wrong as support-widget:error, as from the widget.
const report = (element, code, message) =>
  element.dispatchEvent(new CustomEvent("support-widget:error", { bubbles: true, composed: true, detail: { code, message } }));

// Hints for an idle page: they fetch the glue into the page's module map
// (a modulepreload link in the page's <head>, under the CSP's script-src)
// and the WebAssembly into a Blob (a fetch at low priority, under
// connect-src), evaluating and compiling nothing, so that load() then has
// both without fetching: it compiles the Blob as a Response of its own,
// whatever the server lets the HTTP cache keep. Not a preload: a launcher
// may never be clicked, and a preload left unused is what Chromium's
// console warns of; nor a prefetch link, which a strict CSP's default-src
// refuses in Firefox. Once for all launchers, until the widget has loaded
// or the last launcher has gone, which ends a fetch still under way.
// The glue's link, the WebAssembly's fetch (to abort), and the Response it
// gives (null if it failed), while hinted.
let preload;
let prefetch;
let hinted;
let launchers = 0;
// The launcher whose panel was opened last: one panel shows at a time.
let shown;
const hint = () => {
  if (loading || preload || !launchers) return;
  preload = make("link", { rel: "modulepreload", href: here(".js") });
  preload.setAttribute("data-support-widget", "");
  document.head.append(preload);
  prefetch = new AbortController();
  hinted = fetch(here(".wasm"), { priority: "low", signal: prefetch.signal })
    .then((response) => (response.ok ? response.blob() : null))
    .then((blob) => blob && new Response(blob, { headers: { "content-type": "application/wasm" } }))
    .catch(() => null);
};
const unhint = () => {
  preload?.remove();
  prefetch?.abort();
  preload = prefetch = hinted = null;
};
// Runs `run` once the page is idle.
const idle = (run) => (window.requestIdleCallback ?? ((run) => setTimeout(run, 2000)))(run);

class SupportWidgetElement extends HTMLElement {
  static observedAttributes = ["backend", "audience", "locale", "mode", "open-request"];
  #handle;
  #connection = 0;
  #waiting = [];
  // [container, launcher, panel, close] (inline: [container]); a list, not
  // an object, for the loader's size, as the words are.
  #parts;
  #headers;
  #provider;
  // The widget's last support-widget:unread detail, for the page's getter.
  #unread = null;

  constructor() {
    super();
    // The widget counts what is new for its user: the launcher shows it.
    this.addEventListener("support-widget:unread", (event) => {
      this.#unread = event.detail;
      this.#badge();
    });
  }

  connectedCallback() {
    this.#connect();
    // The request the attribute names opens with the element, and again
    // when a move or a new mode starts the widget anew.
    this.attributeChangedCallback("open-request", null, this.getAttribute("open-request"));
  }

  #connect() {
    const connection = ++this.#connection;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    // A stylesheet refused (a CSP whose style-src lacks this origin) or lost:
    // the page hears it. A launcher is then never drawn, rather than appear
    // unstyled in the page's flow.
    const style = make("link", {
      rel: "stylesheet",
      href: here(".css"),
      onerror: () => report(this, "styles_unavailable", style.href),
    });
    const container = make("div", { className: "sw-host" });
    if (this.getAttribute("mode") !== "launcher") {
      shadow.replaceChildren(style, container);
      this.#parts = [container];
      this.#mount(connection);
      return;
    }
    // Launcher: a button drawn without any WebAssembly; the widget loads when
    // the user shows intent (hover, focus, click). When the page is idle, its
    // files are only fetched, with hints.
    const intent = () => load(this).catch(() => {});
    // Escape closes the panel, from the launcher too (the panel shows before
    // its widget has loaded), unless a control inside used it (a list), or
    // it ends an input method's composition. (A handler property that
    // returns false cancels the event: this one returns nothing.)
    const escape = (event) => {
      if (event.key === "Escape" && !event.defaultPrevented && !event.isComposing) this.#hide();
    };
    // ARIA through its reflected properties (ariaExpanded, role, ariaLabel);
    // the panel follows the launcher, in reading order as in Tab's, so it
    // needs no aria-controls (which only one screen reader ever used);
    // events through the elements' own handler properties, which nothing
    // else inside the shadow root sets.
    const launcher = make("button", {
      type: "button",
      className: "sw-launcher",
      ariaExpanded: "false",
      onpointerenter: intent,
      onfocus: intent,
      onkeydown: escape,
      onclick: () => (panel.hidden ? this.#show() : this.#hide()),
    });
    // Its words, and the badge: the count of what is new, none at 0. The
    // space keeps its visible text ("Help and support 2") within its name
    // ("Help and support, 2 new") for those who speak what they see.
    launcher.append(make("span", { className: "sw-launcher-words" }), " ", make("span", { className: "sw-launcher-badge", ariaHidden: "true" }));
    const close = make("button", { type: "button", className: "sw-panel-close", onclick: () => this.#hide() });
    const panel = make("div", {
      className: "sw-panel",
      hidden: true,
      role: "dialog",
      onkeydown: escape,
    });
    panel.append(make("div", { className: "sw-panel-bar" }), container);
    panel.firstChild.append(close);
    // The launcher and its panel join the shadow root once styled, so that
    // they never appear unstyled in the page's flow (a stylesheet that cannot
    // be had keeps them out); a panel opened before then shows as they join.
    // A stylesheet the element has since replaced (moved meanwhile) adds none.
    // Only a launcher drawn starts its widget or hints its files: one never
    // drawn is never clicked, and what it fetched would go unused.
    style.onload = () => {
      if (!style.parentNode) return;
      shadow.append(launcher, panel);
      this.#whenIdle();
    };
    shadow.replaceChildren(style);
    launchers++;
    this.#parts = [container, launcher, panel, close];
    this.#label();
    // Calls made while the element was out of the page are intent too.
    if (this.#waiting.length) this.#mount(connection);
  }

  disconnectedCallback() {
    this.#connection++;
    if (this.#parts?.[1] && !--launchers) unhint();
    this.#parts = null;
    // Freed, the widget's handle removes its UI and ends its tasks; it is
    // let go of first (the argument is evaluated before the call), so that
    // a free() that throws leaves none to call.
    this.#handle?.free((this.#handle = null));
  }

  // Once the page is idle, a drawn launcher whose page has signed its user
  // in (given a token provider) starts its widget, unseen (its panel stays
  // closed), so that its badge counts what is new before anyone opens it;
  // another only hints its files. Nothing, for an element gone or moved
  // meanwhile.
  #whenIdle() {
    const connection = this.#connection;
    idle(() => {
      if (connection != this.#connection) return;
      this.#provider ? this.#handle || this.#mount(connection) : hint();
    });
  }

  // The launcher's words in the element's language, until the widget has
  // loaded (it then keeps them in the language it shows).
  #label() {
    const [, launcher, panel, close] = this.#parts;
    const tag = localeOf(this);
    const [open, closeWord] = labels[tag];
    launcher.firstChild.textContent = panel.ariaLabel = open;
    // Read in their own language's voice where the page speaks another.
    launcher.lang = panel.lang = tag;
    close.textContent = closeWord;
    this.#badge();
  }

  // The badge: the count as text, and in the launcher's name, in the
  // language the launcher speaks (the widget's, once it has relabelled it).
  #badge() {
    const launcher = this.#parts?.[1];
    if (!launcher) return;
    const count = this.#unread?.count;
    const [before, after] = labels[launcher.lang][4];
    launcher.lastChild.textContent = count || "";
    launcher.ariaLabel = count ? before + count + after : null;
  }

  /** The widget's last count of what is new for its user, { count, requests: [{ id, reference }] }, or null until known. */
  get unread() {
    return this.#unread;
  }

  attributeChangedCallback(name, old, value) {
    if (name === "locale" && this.#parts?.[3] && !this.#handle) this.#label();
    if (name === "mode" && old !== value && this.#parts) {
      // Inline and launcher are built differently: rebuild.
      this.disconnectedCallback();
      this.connectedCallback();
      return;
    }
    // open-request opens its request when set or changed, as open() does
    // (the last of the two wins); in the page only (connectedCallback
    // opens what it holds then). A refused id rejects, which the browser
    // reports.
    if (name === "open-request" && value && value !== old && this.#parts) this.open("request", value);
    this.#handle?.setAttribute(name, value);
  }

  #mount(connection, focus) {
    // Focus moves only if it is where it was (the launcher, or the page's
    // button that called open()), or nowhere: a user who went on to
    // another field while the widget loaded keeps their place.
    const was = document.activeElement;
    return load(this)
      .finally(() => (focus &&= [was, null, document.body].includes(document.activeElement)))
      .then((glue) => {
        if (this.isConnected && connection === this.#connection && !this.#handle) {
          this.#parts[0].replaceChildren();
          // The token provider and headers outlive a move of the element,
          // which mounts it anew.
          this.#handle = glue.mount(this, this.#parts[0], messages, focus, this.#provider, this.#headers);
          for (const call of this.#waiting.splice(0)) call();
        }
      })
      .catch((error) => {
        console.error("<support-widget>:", error);
        for (const call of this.#waiting.splice(0)) call(error);
        // Says so in the element's language, with Try again, once per failure.
        const container = this.#parts?.[0];
        // The flows asked for went with the failure: Try again draws the
        // early home again.
        container?.classList.remove("sw-opening");
        if (connection !== this.#connection || !container || container.firstChild) return;
        const tag = localeOf(this);
        const [, , failed, retryWord] = labels[tag];
        const notice = make("div", { className: "sw-unavailable", role: "alert", lang: tag });
        const retry = make("button", {
          type: "button",
          className: "sw-button sw-button-secondary",
          textContent: retryWord,
          onclick: () => {
            container.replaceChildren();
            this.#mount(this.#connection, true);
          },
        });
        notice.append(make("p", { textContent: failed }), retry);
        container.replaceChildren(notice);
        report(this, "widget_unavailable", `${error}`);
      })
      // On the user's request: to the widget's heading, or to Try again.
      .then(() => focus && this.shadowRoot.querySelector(".sw-heading, .sw-unavailable button")?.focus());
  }

  #show() {
    const [, launcher, panel] = this.#parts ?? [];
    if (!panel) return;
    // Another launcher's panel closes, leaving focus to this one's.
    if (shown != this) shown?.#hide(true);
    shown = this;
    panel.hidden = false;
    launcher.ariaExpanded = "true";
    return this.#mount(this.#connection, true);
  }

  #hide(other) {
    const [, launcher, panel] = this.#parts ?? [];
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    launcher.ariaExpanded = "false";
    other || launcher.focus();
  }

  // The page's API. Each method returns a promise, settled once the widget
  // has loaded and applied the call (rejected when the call is refused, or
  // the widget could not load). A call is intent enough: in launcher mode it
  // loads the widget, unseen, and after a failure it tries again.
  #call(apply) {
    if (!this.#handle && this.#parts) this.#mount(this.#connection);
    // Applied at once when loaded (so that a call followed by a move or a
    // change of attribute in the same task comes first), else once loaded;
    // a call that throws, or a failure to load, rejects.
    return new Promise((resolve) => {
      const run = (failure) =>
        resolve(
          new Promise((done) => {
            if (failure) throw failure;
            done(apply(this.#handle));
          }),
        );
      this.#handle ? run() : this.#waiting.push(run);
    });
  }

  /** Shows "partner-center", "customer", "escalation", "customer-messages", the start screen ("home" or nothing), or ("request", id) one request, opening the panel in launcher mode. */
  open(flow, id) {
    // A flow asked for before the widget runs is its first screen, not the
    // early home (first-screen.js), which gives way to the spinner until the
    // widget has taken the call or failed to load.
    if (!this.#handle && flow && flow != "home" && this.#parts) {
      this.#parts[0].classList.add("sw-opening");
      this.shadowRoot.querySelector(".sw-early")?.remove();
    }
    // The panel shows once the widget has taken the call, or has failed to
    // load (to say so); a refused call leaves it as it was. Inline, there is
    // no panel to show.
    return this.#call((widget) => widget.open(flow, id)).then(
      () => this.#show(),
      (error) => {
        if (!this.#handle) this.#show();
        throw error;
      },
    );
  }

  /** Closes the panel in launcher mode; inline, back to the start screen. */
  async close() {
    return this.#parts?.[2] ? this.#hide() : this.#call((widget) => widget.close());
  }

  /** Fills in { contact, customer, service, category, title }. */
  prefill(values) {
    return this.#call((widget) => widget.prefill(values));
  }

  /** Switches the language, as the locale attribute does. */
  setLocale(locale) {
    return this.#call((widget) => {
      // None (null or undefined) goes back to the page's and browser's
      // languages, from one the user picked too.
      widget.setLocale(locale);
      locale == null ? this.removeAttribute("locale") : this.setAttribute("locale", locale);
    });
  }

  /** An async function that gives the signed-in user's token, or none. */
  async setTokenProvider(provider) {
    // Kept for the widget, and no intent to load it: pages call this as
    // they load. (Async: a refusal rejects, as the other calls' do.) The
    // loader refuses what the widget would, loaded or not, and keeps only
    // what the widget took: a refused provider kept would replace the last
    // good one when a move mounts the widget anew. A page that makes this
    // call as it loads seldom looks at its promise, and then signs no one
    // in: the console warns once a page load, whether or not the page
    // handles the rejection.
    if (provider != null && typeof provider != "function") {
      const refused = Error("<support-widget>: setTokenProvider: the provider is a function that gives a token, or nothing");
      warned || console.warn(refused.message);
      warned = 1;
      throw refused;
    }
    this.#handle?.setTokenProvider(provider);
    // Another user's count (or none signed in): the widget counts again.
    if (provider !== this.#provider) {
      this.#unread = null;
      this.#badge();
    }
    this.#provider = provider;
    // Signed in after the launcher was drawn: it starts once the page is idle.
    if (provider && this.#parts?.[1]?.isConnected) this.#whenIdle();
  }

  /** Headers for every request to the backend, such as { Authorization }. */
  setRequestHeaders(headers) {
    return this.#call((widget) => {
      widget.setRequestHeaders(headers);
      // A copy: the page may change its object afterwards. None (null or
      // undefined) removes them.
      this.#headers = new Headers(headers ?? {});
    });
  }
}

if (!customElements.get("support-widget")) {
  customElements.define("support-widget", SupportWidgetElement);
}
