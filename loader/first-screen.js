// support-widget's first screen before its WebAssembly: the partner's home
// (the widget's header, the heading, the two choices and the note before
// escalating), drawn in the loader's container with the widget's own classes
// from a few hundred bytes, so that an opened panel answers at once on a slow
// network. The loader imports it alongside the widget. A choice made here is
// the page API's open(flow), which the loader keeps until the widget runs;
// the widget then draws over this screen and opens that flow.
//
// The build (scripts/write_loader.py) fills in the words in each locale,
// from locales/*/widget.ftl, in the order of `HOME_WORDS` there:
// [title, subtitle, language label, heading, Partner Center title, its
// text, customer title, its text, note title, note text]; and each
// language's name in its own language, by tag, in the picker's order.
const words = __HOME_WORDS__;
const languages = __LANGUAGES__;

const make = (tag, className, text) => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text != null) element.textContent = text;
  return element;
};

// Where the widget's own first screen is another, this one is not drawn: a
// customer's page, a backend attribute the widget would refuse (it says why
// instead), and a tab that kept a partner's path for a reload (the widget
// goes back to it).
const isHome = (element) => {
  if (/^\s*customer\s*$/i.test(element.getAttribute("audience") ?? "")) return false;
  let url;
  try {
    url = new URL((element.getAttribute("backend") ?? "").trim());
  } catch {
    return false;
  }
  if (!/^https?:$/.test(url.protocol) || !url.host || url.username || url.password) return false;
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key.startsWith("support-widget:v1:path:") && key.endsWith(":partner")) return false;
    }
  } catch {
    // Storage the page forbids: the widget keeps no path either.
  }
  return true;
};

/** Draws the home screen in `element`'s empty container, in locale `tag`. */
export default (element, tag) => {
  const container = element.shadowRoot?.querySelector(".sw-host");
  const said = words[tag];
  if (!container || container.firstChild || !said || !isHome(element)) return;
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
    // Busy until the widget opens the flow; a widget that cannot load says
    // so in this screen's place, with Try again.
    button.onclick = () => {
      button.ariaBusy = "true";
      element.open(flow).catch(() => {});
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
  const frame = make("div", "sw-frame");
  frame.append(widget);
  container.append(frame);
};
