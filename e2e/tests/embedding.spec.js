// How the widget behaves as a guest on someone else's page.
import { expect, test } from "@playwright/test";
import { backend, gateWasm, holdBack, routeDemoVariant, SupportWidgetPage, wasmModule } from "./support-widget-page.js";
import { demoPort, guestPort, portalPort } from "../playwright.config.js";
import { serveSite } from "./site-server.js";
import { watchLeftovers } from "./leftovers.js";

test("hostile host CSS changes neither the widget's look nor its function", async ({ page, request }) => {
  await page.setViewportSize({ width: 800, height: 1400 });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "en-US");
  // Pinned to the viewport's corner, so that the host's layout changes
  // around it cannot shift it by a fraction of a pixel between the shots.
  await page.addStyleTag({ content: "support-widget { position: fixed; top: 0; left: 0; width: 640px }" });
  const widgetBox = widget.host.locator(".sw-widget");
  const before = await widgetBox.screenshot();

  await page.addStyleTag({
    content: `* { font: 40px serif !important; color: red !important; line-height: 3 !important }
              button { display: none !important }
              input, textarea, select { visibility: hidden !important }
              h2 { font-size: 80px !important }`,
  });
  expect(await widgetBox.screenshot()).toEqual(before);
  await expect(widget.heading).toHaveCSS("color", "rgb(27, 27, 27)");

  // Inherited properties a page sets on the element or above it.
  await page.addStyleTag({
    content: `body { word-break: break-all; line-break: anywhere; text-shadow: 2px 2px 0 red; -webkit-text-fill-color: green;
                     cursor: wait; user-select: none; font-style: italic; direction: rtl;
                     font-feature-settings: "palt"; -webkit-text-stroke: 1px red; hyphens: auto;
                     text-align-last: right; text-wrap: balance; -webkit-text-security: disc; tab-size: 2;
                     quotes: "«" "»"; font-synthesis: none; accent-color: lime; paint-order: stroke;
                     text-underline-offset: 6px; text-rendering: optimizeSpeed; font-size-adjust: 0.2 }`,
  });
  expect(await widgetBox.screenshot()).toEqual(before);
  await expect(widget.heading).toHaveCSS("word-break", "normal");
  await expect(widget.heading).toHaveCSS("cursor", "auto");
  await expect(widget.heading).toHaveCSS("user-select", "text");

  await widget.fill({
    category: "technical",
    title: "Hostile CSS check",
    description: "Still works.",
    name: "Kim",
    email: "kim@contoso.com",
  });
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.title).toBe("Hostile CSS check");
});

test("a page's list, table and text settings stop where the widget begins", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1400 });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-CN");
  await page.addStyleTag({ content: "support-widget { position: fixed; top: 0; left: 0; width: 640px }" });
  // The error summary's list of problems, on show.
  await widget.submit();
  const summary = widget.host.getByTestId("error-summary");
  await expect(summary.locator("li").first()).toBeVisible();
  const before = await summary.screenshot();

  const marker = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12"><rect width="12" height="12" fill="red"/></svg>');
  await page.addStyleTag({
    content: `body { list-style: square inside url("${marker}"); border-collapse: collapse; border-spacing: 6px;
                     empty-cells: hide; text-size-adjust: 300%; -webkit-tap-highlight-color: red;
                     text-decoration-skip-ink: none; image-rendering: pixelated; font-palette: dark;
                     ruby-position: under; orphans: 5; widows: 5; text-justify: inter-character;
                     text-spacing-trim: space-all }`,
  });
  expect(await summary.screenshot()).toEqual(before);
  const item = summary.locator("li").first();
  await expect(item).toHaveCSS("list-style-position", "outside");
  await expect(item).toHaveCSS("list-style-image", "none");
  await expect(item).toHaveCSS("text-spacing-trim", "normal");
  await expect(item).toHaveCSS("border-spacing", "0px");
  await expect(item).toHaveCSS("text-decoration-skip-ink", "auto");
  await expect(item).toHaveCSS("orphans", "2");
  await expect(item).toHaveCSS("text-justify", "auto");
  await expect(item).toHaveCSS("-webkit-tap-highlight-color", "rgba(0, 0, 0, 0.18)");
});

test("the page can hide the widget as it hides its own content, with visibility", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  // A closed drawer of the portal: hidden, keeping its place.
  await widget.host.evaluate((el) => (el.parentElement.style.visibility = "hidden"));
  await expect(widget.host.locator(".sw-widget")).toBeHidden();
  await expect(widget.host.locator("#sw-title")).toBeHidden();
  // Nor can Tab reach its controls.
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 8; i += 1) await page.keyboard.press("Tab");
  expect(await widget.host.evaluate((el) => el.shadowRoot.activeElement)).toBeNull();
  // Shown again, it is as it was.
  await widget.host.evaluate((el) => (el.parentElement.style.visibility = ""));
  await expect(widget.host.locator("#sw-title")).toBeVisible();
});

test("the UI lives in an open shadow root and leaves the host page untouched", async ({ page }) => {
  // A bare page of the same origin, to compare the document before and after.
  await page.route("**/bare.html", (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="fr"><head><title>Bare</title></head><body></body></html>` }),
  );
  await page.goto("/bare.html");
  const snapshot = () =>
    page.evaluate(() => ({
      head: document.head.innerHTML,
      lang: document.documentElement.lang,
      cookie: document.cookie,
      windowKeys: Object.keys(window).sort(),
      bodyChildren: document.body.children.length,
    }));
  const before = await snapshot();

  await page.evaluate(async (backendUrl) => {
    await import("/support-widget.js");
    const element = document.createElement("support-widget");
    element.setAttribute("backend", backendUrl);
    element.setAttribute("locale", "es-ES");
    document.body.append(element);
  }, backend);
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  expect(await widget.host.evaluate((el) => el.shadowRoot?.mode)).toBe("open");
  await widget.host.locator("#sw-title").fill("Prueba");
  await widget.submit();
  await expect(widget.errorSummary).toBeVisible();
  await widget.host.evaluate((el) => el.remove());

  expect(await snapshot()).toEqual(before);
});

test("attributes apply live and two widgets on one page stay independent", async ({ page }) => {
  const first = new SupportWidgetPage(page);
  await first.open();
  await first.setAttribute("locale", "en-US");
  await page.evaluate((backendUrl) => {
    const second = document.createElement("support-widget");
    second.setAttribute("backend", backendUrl);
    second.setAttribute("locale", "zh-CN");
    document.querySelector("main").append(second);
  }, backend);
  const second = new SupportWidgetPage(page, page.locator("support-widget").nth(1));
  await expect(second.home).toBeVisible();
  await second.openPartnerCenterRequest();
  await expect(second.heading).toHaveText("新建合作伙伴中心请求");

  await first.host.locator("#sw-title").fill("Only in the first");
  await expect(second.host.locator("#sw-title")).toHaveValue("");

  await first.setAttribute("locale", "zh-TW");
  await expect(first.heading).toHaveText("新增合作夥伴中心要求");
  await expect(second.heading).toHaveText("新建合作伙伴中心请求");
  await expect(first.host.locator("#sw-title")).toHaveValue("Only in the first");

  // The picker inside the widget switches only that widget, keeping input.
  await second.host.getByTestId("language-picker").selectOption("es-ES");
  await expect(second.heading).toHaveText("Nueva solicitud del Centro de partners");
  await expect(first.heading).toHaveText("新增合作夥伴中心要求");
});

test("the page's language is used when the element names none", async ({ page }) => {
  await routeDemoVariant(page, "/zh-hk.html", (demo) => demo.replace('<html lang="en">', '<html lang="zh-HK">'));
  const widget = new SupportWidgetPage(page);
  await widget.open("/zh-hk.html");
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
});

test("while the widget loads its first screen is drawn in the page's language, and a widget that cannot load says so in its place until Try again", async ({ page }) => {
  const wasm = await gateWasm(page);
  await routeDemoVariant(page, "/zh.html", (demo) => demo.replace('mode="inline"', 'mode="inline" locale="zh-CN"'));
  await page.goto("/zh.html");
  const host = page.locator("support-widget");
  const spinner = () => host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".sw-host"), "::before").content);
  // The loader's first screen, before any WebAssembly: the partner's home.
  await expect(host.getByRole("heading", { level: 2 })).toHaveText("需要什么帮助？");
  await expect(host.getByRole("button", { name: /^合作伙伴中心的问题/ })).toBeEnabled();
  await expect(host.getByRole("combobox", { name: "语言" })).toBeDisabled();
  await expect(host.getByTestId("home")).toHaveCount(0);
  // It stands in for the loader's container, spinner and all.
  await expect(host.locator(".sw-host")).toBeHidden();

  wasm.failing = true;
  wasm.release();
  const notice = host.getByRole("alert");
  await expect(notice).toHaveText(/无法加载帮助。请检查网络连接/);
  await expect(host.getByRole("heading", { level: 2 })).toHaveCount(0);
  expect(await spinner()).toBe("none");

  wasm.failing = false;
  await notice.getByRole("button", { name: "重试" }).click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(notice).toHaveCount(0);
  expect(await spinner()).toBe("none");
});

test("where the first screen is not the partner's home, a spinner holds its place while the widget loads", async ({ page }) => {
  const release = await holdBack(page);
  await routeDemoVariant(page, "/customers.html", (demo) => demo.replace('audience="partner"', 'audience=" Customer "'));
  const home = page.waitForResponse(/support-widget-[0-9a-f]+\.home\.js$/);
  await page.goto("/customers.html");
  const homeUrl = (await home).url();
  const host = page.locator("support-widget");
  // Runs the first screen's module on the element as the loader does, once
  // the styles apply, and resolves once it has drawn or decided not to.
  const drawEarly = () =>
    host.evaluate(async (el, url) => {
      const style = el.shadowRoot.querySelector("link[rel=stylesheet]");
      if (!style.sheet) await new Promise((resolve) => style.addEventListener("load", resolve, { once: true }));
      await (await import(url)).default(el, "en-US");
    }, homeUrl);
  const spinner = () => host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".sw-host"), "::before").content);
  await expect.poll(spinner).toBe('""');
  await drawEarly();
  await expect(host.getByRole("button")).toHaveCount(0);
  // The partner's home with more on it than the early one draws: a draft
  // to continue, a list of filed requests to link to. And a partner's path
  // kept for a reload: the widget goes back to it.
  const backend = await host.getAttribute("backend");
  for (const [storage, key] of [
    ["localStorage", `support-widget:v1:draft:${backend}/:partner:customer`],
    ["localStorage", `support-widget:v1:filed:${backend}/:partner`],
    ["sessionStorage", `support-widget:v1:path:${backend}/:partner`],
  ]) {
    await page.evaluate(([storage, key]) => {
      localStorage.clear();
      sessionStorage.clear();
      window[storage].setItem(key, "{}");
    }, [storage, key]);
    await host.evaluate((el) => el.setAttribute("audience", "partner"));
    await host.evaluate((el) => el.replaceWith(el.cloneNode()));
    await expect.poll(spinner).toBe('""');
    // The first screen's module has decided: it draws nothing.
    await drawEarly();
    await expect(host.locator(".sw-early")).toHaveCount(0);
    await expect(host.locator(".sw-host")).toBeVisible();
  }
  // None of them: the early home.
  await page.evaluate(() => sessionStorage.clear());
  await host.evaluate((el) => el.replaceWith(el.cloneNode()));
  await drawEarly();
  await expect(host.getByTestId("open-customer-request")).toBeVisible();
  release();
  await expect(host.getByTestId("home")).toBeVisible();
});

test("a flow the page opens before the widget runs takes the early home's place, with the spinner, until a failure gives it back", async ({ page }) => {
  const wasm = await gateWasm(page, { failing: true });
  await page.goto("/");
  const host = page.locator("support-widget");
  const early = host.locator(".sw-early");
  const spinner = () => host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".sw-host"), "::before").content);
  await expect(early.getByTestId("open-partner-center-request")).toBeVisible();

  // The form is what the widget will show first: the early home, which
  // offers other choices, gives way to the spinner at once.
  const opened = host.evaluate((el) => el.open("partner-center").then(() => "opened", (error) => `${error}`));
  await expect(early).toHaveCount(0);
  await expect.poll(spinner).toBe('""');

  // The widget cannot load: the call is refused, and Try again draws the
  // early home again.
  wasm.release();
  const notice = host.getByRole("alert");
  await expect(notice).toBeVisible();
  expect(await opened).not.toBe("opened");
  wasm.failing = false;
  wasm.hold();
  await notice.getByRole("button").click();
  await expect(early.getByTestId("open-partner-center-request")).toBeVisible();

  // Asked for again, the flow takes its place again, and is what the widget
  // shows.
  const again = host.evaluate((el) => el.open("partner-center"));
  await expect(early).toHaveCount(0);
  await expect.poll(spinner).toBe('""');
  wasm.release();
  await again;
  const widget = new SupportWidgetPage(page);
  await expect(widget.heading).toHaveText("New Partner Center request");
  await expect(early).toHaveCount(0);
});

test("the early first screen gives way to the widget's with nothing empty in between, focus on the same choice", async ({ page }) => {
  const release = await holdBack(page);
  await routeDemoVariant(page, "/zh.html", (demo) => demo.replace('mode="inline"', 'mode="inline" locale="zh-CN"'));
  await page.goto("/zh.html");
  const host = page.locator("support-widget");
  const choice = host.getByTestId("open-customer-request");
  await expect(choice).toHaveText(/^你的客户遇到的问题/);
  // Every frame from now on shows one home screen or the other.
  await page.evaluate(() => {
    const root = document.querySelector("support-widget").shadowRoot;
    window.emptyFrames = 0;
    const look = () => {
      const shown = [...root.querySelectorAll("[data-testid=open-customer-request]")].filter((el) => el.getClientRects().length);
      if (shown.length !== 1) window.emptyFrames++;
      if (!root.querySelector("[data-testid=home]")) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await choice.focus();
  release();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(host.locator(".sw-early")).toHaveCount(0);
  await expect(widget.host.getByTestId("open-customer-request")).toBeFocused();
  expect(await page.evaluate(() => window.emptyFrames)).toBe(0);
});

test("the early first screen waits for the widget's styles, and is drawn again when the locale changes under it", async ({ page }) => {
  const releaseStyles = await holdBack(page, /support-widget-[0-9a-f]+\.css$/);
  const release = await holdBack(page);
  const home = page.waitForResponse(/support-widget-[0-9a-f]+\.home\.js$/);
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const host = page.locator("support-widget");
  // The first screen's module is here; unstyled, it draws nothing.
  await home;
  await page.waitForTimeout(200);
  await expect(host.getByRole("button")).toHaveCount(0);
  releaseStyles();
  await expect(host.getByRole("heading", { level: 2 })).toHaveText("How can we help?");

  const choice = host.getByTestId("open-customer-request");
  await choice.focus();
  await host.evaluate((el) => el.setAttribute("locale", "es-ES"));
  await expect(host.getByRole("heading", { level: 2 })).toHaveText("¿En qué podemos ayudarle?");
  await expect(host.locator(".sw-early")).toHaveCount(1);
  await expect(choice).toBeFocused();

  // A page that sets the locale just after adding the element, before the
  // first screen's module has come: drawn in that locale.
  await host.evaluate((el) => {
    const added = el.cloneNode();
    el.remove();
    document.querySelector("main").append(added);
    added.setAttribute("locale", "zh-CN");
  });
  await expect(host.getByRole("heading", { level: 2 })).toHaveText("需要什么帮助？");
  release();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toHaveText("需要什么帮助？");
});

for (const [label, attribute, shown] of [
  ["an invalid", 'backend="javascript:alert(1)"', "javascript:alert(1)"],
  ["a missing", "", "falta el atributo backend"],
  ["a credentialed", 'backend="http://portal:hunter2@127.0.0.1:9/api/"', "nombre de usuario o una contraseña"],
]) {
  test(`${label} backend shows a localized error, logs one console error and fetches nothing`, async ({ page }) => {
    await routeDemoVariant(page, "/misconfigured.html", (demo) =>
      demo.replace(/backend="[^"]*"/, attribute).replace('mode="inline"', 'mode="inline" locale="es-ES"'),
    );
    const consoleErrors = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));

    await page.goto("/misconfigured.html");
    const error = page.locator("support-widget").getByTestId("config-error");
    await expect(error).toBeVisible();
    await expect(error).toContainText("administrador");
    await expect(error).toContainText(shown);
    // No flow to start, and none that a page's call can open.
    await expect(page.locator("support-widget").getByTestId("home")).toHaveCount(0);
    await page.locator("support-widget").evaluate((el) => el.open("customer").catch(() => {}));
    await page.waitForTimeout(300);
    await expect(page.locator("support-widget").getByTestId("customer-search")).toHaveCount(0);

    expect(consoleErrors.filter((text) => text.includes("<support-widget>"))).toHaveLength(1);
    // A password in the markup is not repeated, on screen or in the console.
    await expect(error).not.toContainText("hunter2");
    expect(consoleErrors.join("\n")).not.toContain("hunter2");
    const origin = `http://127.0.0.1:${demoPort}/`;
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
}

test("inside a component's shadow root, the widget works and a submit focuses its confirmation", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // A portal built of web components: the element moves into one's shadow root.
  await page.evaluate(() => {
    const element = document.querySelector("support-widget");
    const card = document.createElement("portal-card");
    document.body.append(card);
    card.attachShadow({ mode: "open" }).append(element);
  });
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await widget.fill({ category: "technical", title: "In a component", description: "Nested shadow roots.", name: "Ana", email: "ana@contoso.com" });
  await widget.submit();
  await widget.storedRequest(request);
  await expect(widget.confirmation.locator("h3")).toBeFocused();
});

test("the widget loads from another origin than the page, as from a CDN", async ({ page, request }) => {
  // The portal page comes from a server of its own; the widget's files stay
  // where scripts/serve put them, on another origin.
  const cdn = `http://127.0.0.1:${demoPort}`;
  const portal = await serveSite(portalPort, {}, {
    "/portal.html": `<!doctype html><html lang="en"><head><script type="module" src="${cdn}/support-widget.js"></script></head>
      <body><support-widget backend="${backend}" locale="en-US"></support-widget></body></html>`,
  });
  try {
    await page.goto(`${portal.origin}/portal.html`);
    const widget = new SupportWidgetPage(page);
    await expect(widget.home).toBeVisible();
    await widget.openPartnerCenterRequest();
    await widget.fill({ category: "billing", title: "From a CDN", description: "Cross-origin load.", name: "Sam", email: "sam@contoso.com" });
    await widget.submit();
    const stored = await widget.storedRequest(request);
    expect(stored.request.title).toBe("From a CDN");
  } finally {
    portal.close();
  }
});

test("the WebAssembly is compiled as it streams in, and still loads from a server that sends it as another type", async ({ page }) => {
  await page.addInitScript(() => {
    window.compiled = [];
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.compiled.push(name);
        return original.apply(this, args);
      };
    }
  });
  const widget = new SupportWidgetPage(page);
  // As the demo's server sends it: application/wasm.
  const response = page.waitForResponse(wasmModule);
  await widget.goto();
  expect((await response).headers()["content-type"]).toBe("application/wasm");
  expect(await page.evaluate(() => window.compiled)).toEqual(["instantiateStreaming"]);

  // A server that does not know the type: wasm-bindgen's glue says so in the
  // console and compiles the bytes once they are all in.
  await page.route(wasmModule, async (route) => {
    const original = await route.fetch();
    await route.fulfill({ body: await original.body(), contentType: "application/octet-stream" });
  });
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await widget.goto();
  expect(await page.evaluate(() => window.compiled)).toEqual(["instantiateStreaming", "instantiate"]);
  expect(warnings.join("\n")).toContain("application/wasm");
});

test("removing the element aborts its request in flight", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "technical", title: "Removed mid-flight", description: "Abort me.", name: "Ana", email: "ana@contoso.com" });
  let reachedRoute;
  const routed = new Promise((resolve) => (reachedRoute = resolve));
  // Hold the POST back so that it is still in flight when the element goes.
  await page.route("**/support-requests", async (route) => {
    reachedRoute();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue().catch(() => {});
  });
  const failed = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/support-requests"));
  await widget.submit();
  await routed;
  await widget.host.evaluate((el) => el.remove());
  expect((await failed).failure()?.errorText).toContain("ABORTED");
});

/** Each `/events` request the page makes (a stream of live changes), until it ends. */
function watchStreams(page) {
  const streams = new Set();
  page.on("request", (r) => new URL(r.url()).pathname.endsWith("/events") && streams.add(r.url()));
  const ended = (r) => streams.delete(r.url());
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return streams;
}

test("a removed element leaves no timers or listeners behind", async ({ page }) => {
  await page.addInitScript(watchLeftovers);
  const site = await serveSite(guestPort, {}, {
    "/guest.html": '<!doctype html><html lang="en"><head></head><body></body></html>',
  });
  try {
    await page.goto(`${site.origin}/guest.html`);
    await page.evaluate(() => import("/support-widget.js"));
    await page.evaluate((backendUrl) => {
      const element = document.createElement("support-widget");
      element.setAttribute("backend", backendUrl);
      document.body.append(element);
    }, backend);
    const widget = new SupportWidgetPage(page);
    await expect(widget.home).toBeVisible();
    await widget.host.getByTestId("open-customer-request").click();
    const search = widget.host.locator("#sw-customer-search");
    await search.fill("contoso");
    await expect(widget.host.getByTestId("customer-option").first()).toBeVisible();
    // Typing again starts a debounce timer; the element goes while it runs.
    await search.fill("contoso l");
    expect((await page.evaluate(() => window.__guestProbe())).pending.length).toBeGreaterThan(0);
    await widget.host.evaluate((el) => el.remove());
    await page.waitForTimeout(100);

    expect(await page.evaluate(() => window.__guestProbe())).toEqual({ pending: [], listeners: 0, channels: 0 });
  } finally {
    site.close();
  }
});

test("a launcher started on idle, then removed, leaves no timers, listeners or streams behind", async ({ page }) => {
  await page.addInitScript(watchLeftovers);
  const streams = watchStreams(page);
  const site = await serveSite(guestPort, {}, {
    "/guest.html": '<!doctype html><html lang="en"><head></head><body></body></html>',
  });
  try {
    await page.goto(`${site.origin}/guest.html`);
    await page.evaluate(() => import("/support-widget.js"));
    // A launcher whose page gives a token provider: its widget starts once
    // the page is idle, nobody having opened it.
    await page.evaluate((backendUrl) => {
      window.ready = false;
      document.addEventListener("support-widget:ready", () => (window.ready = true));
      const element = document.createElement("support-widget");
      element.setAttribute("backend", backendUrl);
      element.setAttribute("mode", "launcher");
      element.setTokenProvider(async () => null);
      document.body.append(element);
    }, backend);
    await expect.poll(() => page.evaluate(() => window.ready)).toBe(true);
    await expect(page.locator("support-widget .sw-panel")).toBeHidden();
    await page.locator("support-widget").evaluate((el) => el.remove());
    await page.waitForTimeout(100);

    expect(await page.evaluate(() => window.__guestProbe())).toEqual({ pending: [], listeners: 0, channels: 0 });
    await expect.poll(() => [...streams]).toEqual([]);
  } finally {
    site.close();
  }
});

test("the demo pages load every file they ask for, with no error in the console", async ({ page }) => {
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  // A lookup the widget overtakes with a newer one (a sign-in as the page
  // loads) is aborted by the widget itself: not a file that failed.
  const overtaken = (r) => r.failure()?.errorText === "net::ERR_ABORTED" && r.url().startsWith(`${backend}/`);
  page.on("requestfailed", (r) => overtaken(r) || failed.push(`${r.failure()?.errorText} ${r.url()}`));
  // The browser's own requests (such as a page icon) are told only here.
  page.on("console", (m) => m.type() === "error" && failed.push(`${m.text()} ${m.location().url}`));
  for (const [path, screen] of [["/", "home"], ["/self-service.html", "self-service"]]) {
    await page.goto(path);
    await expect(page.locator("support-widget").getByTestId(screen)).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(failed).toEqual([]);
});
