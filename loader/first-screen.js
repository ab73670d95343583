// support-widget's first screen before its WebAssembly: the partner's home
// (the widget's header, the heading, the two choices and the note before
// escalating), drawn with the widget's own classes from under 2 KiB, so
// that an opened panel answers at once on a slow network. The loader
// imports it alongside the widget.
//
// It stands just before the loader's container, which it hides (styles:
// `.sw-early + .sw-host`), until the widget has drawn its own first screen
// there (the widget's frame clears `aria-busy`) or the loader its notice
// that the widget cannot load, so that nothing empties in between. It then
// gives way, focus on one of its controls passing to the same control in
// the widget's screen (in a panel the loader then moves it to the heading,
// as whenever the widget is drawn there). A choice made here waits for the
// widget (`support-widget:ready`) and is then the page API's open(flow),
// unless the user has left the panel meanwhile.
//
// The build (scripts/write_loader.py) fills in the words in en-US, from
// locales/en-US/widget.ftl, in the order of its `HOME_WORDS`: [title,
// subtitle, language label, heading, Partner Center title, its text,
// customer title, its text, note title, note text]; the same messages'
// numbers, by which they are read from another locale's messages (the
// module the loader fetches alongside, support-widget-<build>.<tag>.js);
// and
// each language's name in its own language, by tag, in the picker's order.
const english = __HOME_WORDS__;
const numbers = __HOME_NUMBERS__;
const languages = __LANGUAGES__;

/** The words in locale `tag`: a promise, kept for the next draw. */
const words = new Map([["en-US", Promise.resolve(english)]]);
const wordsIn = (tag) => {
  if (!words.has(tag)) {
    const url = import.meta.url.replace(/\.home\.js.*/, `.${tag}.js`);
    const read = import(url).then((messages) => {
      const all = JSON.parse(messages.default);
      return numbers.map((n) => all[n][0].Text);
    });
    // A failure is not kept: the next draw asks again.
    read.catch(() => words.delete(tag));
    words.set(tag, read);
  }
  return words.get(tag);
};

// The locale the element expects, read as the loader reads it for its
// launcher (loader/support-widget.js, `localeOf`), which has no bytes to
// spare to lend its own: the loader's reading when it imported this module
// may be stale by the time it draws.
const localeOf = (element) => {
  const wanted = [element.getAttribute("locale"), document.documentElement.lang, ...navigator.languages];
  for (const tag of wanted.map((t) => (t ?? "").trim().toLowerCase())) {
    if (tag.startsWith("zh")) return /hant|^zh.(tw|hk|mo)/.test(tag) ? "zh-TW" : "zh-CN";
    if (tag.startsWith("es")) return "es-ES";
    if (tag.startsWith("en")) break;
  }
  return "en-US";
};

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
// offers to continue it) or list of filed requests on this device (home
// links to it; a signed-in partner's home links to it too, which shows
// once the widget runs, below the choices).
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
  // Any user's: which user the page signs in, the widget learns later.
  const kept = (store, kind) => {
    const prefix = `support-widget:v1:${kind}:${backend}:partner`;
    for (let i = 0; i < store.length; i++) {
      if (store.key(i).startsWith(prefix)) return true;
    }
  };
  try {
    if (kept(sessionStorage, "path") || kept(localStorage, "draft") || kept(localStorage, "filed")) return false;
  } catch {
    // Storage the page forbids: the widget keeps nothing there either.
  }
  return true;
};

// A choice made early is opened once the widget is ready, if the user is
// still with it: its panel open (launcher), focus in the widget or nowhere
// (asked of the element's own document or shadow root, which may be a
// page component's).
const listen = (element) => {
  if (listening.has(element)) return;
  listening.add(element);
  element.addEventListener("support-widget:ready", () => {
    const flow = chosen.get(element);
    chosen.delete(element);
    const panel = element.shadowRoot?.querySelector(".sw-panel");
    const focus = element.getRootNode().activeElement ?? document.activeElement;
    if (flow && !panel?.hidden && [element, document.body, null].includes(focus)) {
      element.open(flow).catch(() => {});
    }
  });
  // The widget could not load: the choice went with the screen.
  element.addEventListener("support-widget:error", (event) => {
    if (event.detail?.code === "widget_unavailable") chosen.delete(element);
  });
};

/**
 * Draws the home screen in front of `element`'s empty container, in the
 * locale it expects, read again once the words are here: a locale changed
 * meanwhile draws in that one. Resolves once drawn, or known not to be.
 */
const draw = async (element) => {
  // Not where the page has asked for a flow meanwhile (the loader marks the
  // container `sw-opening`): that flow is the widget's first screen.
  const ready = (root) => {
    const container = root?.querySelector(".sw-host");
    return container && !container.firstChild && !container.classList.contains("sw-opening") && !root.querySelector(".sw-early");
  };
  if (!ready(element.shadowRoot)) return;
  const tag = localeOf(element);
  const said = await wordsIn(tag).catch(() => null);
  if (localeOf(element) !== tag) return draw(element);
  const root = element.shadowRoot;
  if (!said || !ready(root) || !isPlainHome(element)) return;
  const container = root.querySelector(".sw-host");
  // Unstyled it would be a list of plain buttons: drawn once the widget's
  // styles apply (in launcher mode, the container waits for them).
  const style = root.querySelector("link[rel=stylesheet]");
  if (!style?.sheet) {
    style?.addEventListener("load", () => draw(element), { once: true });
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
    ["customer-messages", "open-inbox", 4],
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
  const noteTitle = make("h3", "sw-note-title", rest[6]);
  noteTitle.id = "sw-early-escalation-note-title";
  note.setAttribute("aria-labelledby", noteTitle.id);
  note.append(noteTitle, make("p", null, rest[7]));
  screen.append(h2, choices, note);

  const body = make("div", "sw-body");
  body.append(screen);
  widget.append(header, body);
  const frame = make("div", "sw-frame sw-early");
  frame.append(widget);

  // Gives way to what the container now holds (`taken`: the widget's
  // screen or the loader's notice), focus on one of this screen's controls
  // passing to the same control there. Otherwise the screen went for
  // another reason, and a choice made on it with it.
  const giveWay = (taken) => {
    takeover.disconnect();
    attributes.disconnect();
    const had = frame.contains(root.activeElement) && root.activeElement;
    frame.remove();
    if (!taken) chosen.delete(element);
    if (!had || !container.isConnected) return;
    const same = had.dataset.testid && container.querySelector(`[data-testid="${had.dataset.testid}"]`);
    (same || container.querySelector(".sw-heading, .sw-unavailable button"))?.focus();
  };
  // The container holds the widget's frame, busy until its first words
  // arrive, or the loader's notice; or the shadow root was rebuilt (the
  // element moved, or changed mode) without this screen.
  const takeover = new MutationObserver(() => {
    if (!frame.isConnected) return giveWay(false);
    const theirs = container.firstElementChild;
    if (theirs && !(theirs.classList.contains("sw-frame") && theirs.getAttribute("aria-busy") === "true")) giveWay(true);
  });
  takeover.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
  takeover.observe(root, { childList: true });
  // Another language, audience or backend: drawn again as it now is, if it
  // still is the widget's first screen, focus on the same control.
  const attributes = new MutationObserver(async () => {
    const had = frame.contains(root.activeElement) && root.activeElement.dataset.testid;
    giveWay(false);
    await draw(element);
    if (had && !root.activeElement) root.querySelector(`.sw-early [data-testid="${had}"]`)?.focus();
  });
  attributes.observe(element, { attributes: true, attributeFilter: ["locale", "audience", "backend"] });

  container.before(frame);
};

export default draw;
