// support-widget's first screen before its WebAssembly: the partner's home
// (the widget's header, the heading, the two choices and the note before
// escalating), drawn with the widget's own classes from a few hundred bytes,
// so that an opened panel answers at once on a slow network. The loader
// imports it alongside the widget.
//
// It stands just before the loader's container, which it hides (styles:
// `.sw-early + .sw-host`), until the widget has drawn its own first screen
// there (the widget's frame clears `aria-busy`) or the loader its notice
// that the widget cannot load, so that nothing empties in between. It then
// gives way, focus passing to the same control in the widget's screen. A
// choice made here waits for the widget (`support-widget:ready`) and is then
// the page API's open(flow), unless the user has left the panel meanwhile.
//
// The build (scripts/write_loader.py) fills in the words in en-US, from
// locales/en-US/widget.ftl, in the order of `HOME_WORDS` there: [title,
// subtitle, language label, heading, Partner Center title, its text,
// customer title, its text, note title, note text]; the same messages'
// numbers, by which they are read from another locale's messages (the
// module the loader fetches alongside, support-widget-messages-*.js); and
// each language's name in its own language, by tag, in the picker's order.
const english = __HOME_WORDS__;
const numbers = __HOME_NUMBERS__;
const languages = __LANGUAGES__;

/** The words in locale `tag`: a promise. */
const wordsIn = (tag) =>
  tag == "en-US"
    ? Promise.resolve(english)
    : import(import.meta.url.replace(/-(\w+)\.home\.js.*/, `-messages-$1.${tag}.js`)).then((messages) => {
        const all = JSON.parse(messages.default);
        return numbers.map((n) => all[n][0].Text);
      });

// By element: the flow chosen on its early screen, not yet opened.
const chosen = new WeakMap();
const listening = new WeakSet();

const make = (tag, className, text) => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text != null) element.textContent = text;
  return element;
};

// Where the widget's own first screen is another, or this one with more on
// it, this one is not drawn: a customer's page; a backend attribute the
// widget would refuse (it says why instead); a tab that kept a partner's
// path for a reload (the widget goes back to it); a partner's draft (home
// offers to continue it) or list of filed requests (home links to it).
const isPlainHome = (element) => {
  if (/^\s*customer\s*$/i.test(element.getAttribute("audience") ?? "")) return false;
  let url;
  try {
    url = new URL((element.getAttribute("backend") ?? "").trim());
  } catch {
    return false;
  }
  if (!/^https?:$/.test(url.protocol) || !url.host || url.username || url.password) return false;
  // As the widget names the backend in its keys: the base ends in a slash.
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = url.hash = "";
  const backend = url.href;
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      if (/^support-widget:v1:path:.*:partner$/.test(sessionStorage.key(i))) return false;
    }
    for (const kind of ["draft", "filed"]) {
      const prefix = `support-widget:v1:${kind}:${backend}:partner`;
      for (let i = 0; i < localStorage.length; i++) {
        if (localStorage.key(i).startsWith(prefix)) return false;
      }
    }
  } catch {
    // Storage the page forbids: the widget keeps nothing there either.
  }
  return true;
};

// A choice made early is opened once the widget is ready, if the user is
// still with it: its panel open (launcher), focus in the widget or nowhere.
const listen = (element) => {
  if (listening.has(element)) return;
  listening.add(element);
  element.addEventListener("support-widget:ready", () => {
    const flow = chosen.get(element);
    chosen.delete(element);
    const panel = element.shadowRoot?.querySelector(".sw-panel");
    if (flow && !panel?.hidden && [element, document.body, null].includes(document.activeElement)) {
      element.open(flow).catch(() => {});
    }
  });
  // The widget could not load: the choice went with the screen.
  element.addEventListener("support-widget:error", (event) => {
    if (event.detail?.code === "widget_unavailable") chosen.delete(element);
  });
};

/** Draws the home screen in front of `element`'s empty container, in locale `tag`. */
const draw = async (element, tag) => {
  const said = await wordsIn(tag);
  const root = element.shadowRoot;
  const container = root?.querySelector(".sw-host");
  if (!container || container.firstChild || root.querySelector(".sw-early") || !isPlainHome(element)) return;
  // Unstyled it would be a list of plain buttons: drawn once the widget's
  // styles apply (in launcher mode, the container waits for them).
  const style = root.querySelector("link[rel=stylesheet]");
  if (!style?.sheet) {
    style?.addEventListener("load", () => draw(element, tag), { once: true });
    return;
  }
  listen(element);
  // A new early screen: a choice made on an earlier one went with it.
  chosen.delete(element);
  const [title, subtitle, languageLabel, heading, ...rest] = said;
  const inPanel = element.getAttribute("mode") === "launcher";

  const widget = make("div", `sw-widget ${inPanel ? "sw-in-panel" : "sw-inline"}`);
  widget.lang = tag;
  const header = make("div", "sw-header");
  const brand = make("div", "sw-brand");
  brand.append(make("span", "sw-brand-title", title), make("span", "sw-brand-subtitle", subtitle));
  // The language picker, in its place and as wide, so that nothing moves
  // when the widget takes over; it works once the widget runs.
  const language = make("label", "sw-language");
  const select = make("select");
  select.disabled = true;
  for (const [value, name] of Object.entries(languages)) {
    const option = make("option", null, name);
    option.lang = option.value = value;
    select.append(option);
  }
  select.value = tag;
  language.append(make("span", "sw-language-label", languageLabel), select);
  header.append(brand, language);

  const screen = make("section", "sw-screen");
  const h2 = make("h2", "sw-heading", heading);
  h2.tabIndex = -1;
  const choices = make("ul", "sw-choices");
  for (const [flow, testid, i] of [
    ["partner-center", "open-partner-center-request", 0],
    ["customer", "open-customer-request", 2],
  ]) {
    const button = make("button", "sw-choice");
    button.type = "button";
    button.dataset.testid = testid;
    button.append(make("span", "sw-choice-title", rest[i]), make("span", "sw-choice-text", rest[i + 1]));
    // Marked until the widget opens the flow; the last choice counts.
    button.onclick = () => {
      for (const other of choices.querySelectorAll("[aria-busy]")) other.removeAttribute("aria-busy");
      button.ariaBusy = "true";
      chosen.set(element, flow);
    };
    const item = make("li");
    item.append(button);
    choices.append(item);
  }
  const note = make("aside", "sw-note");
  note.append(make("h3", "sw-note-title", rest[4]), make("p", null, rest[5]));
  screen.append(h2, choices, note);

  const body = make("div", "sw-body");
  body.append(screen);
  widget.append(header, body);
  const frame = make("div", "sw-frame sw-early");
  frame.append(widget);

  // The control that had focus here, which the widget's screen gives back.
  let focused = null;
  frame.addEventListener("focusin", (event) => (focused = event.target));
  frame.addEventListener("focusout", (event) => event.relatedTarget && (focused = null));
  const giveWay = () => {
    takeover.disconnect();
    attributes.disconnect();
    const had = focused;
    frame.remove();
    if (!had || root.activeElement) return;
    const same = had.dataset.testid && container.querySelector(`[data-testid="${had.dataset.testid}"]`);
    (same ?? container.querySelector(".sw-heading, .sw-unavailable button"))?.focus();
  };
  // The container holds the widget's frame, busy until its first words
  // arrive, or the loader's notice.
  const takeover = new MutationObserver(() => {
    const theirs = container.firstElementChild;
    if (theirs && !(theirs.classList.contains("sw-frame") && theirs.getAttribute("aria-busy") === "true")) giveWay();
  });
  takeover.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
  // Another language, audience or backend: this screen may no longer be
  // the widget's first; the widget draws its own.
  const attributes = new MutationObserver(giveWay);
  attributes.observe(element, { attributes: true, attributeFilter: ["locale", "audience", "backend"] });

  container.before(frame);
};

export default draw;
