// Launcher mode: a floating button drawn by the loader alone; the widget
// loads on intent and opens in a panel that Escape closes.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { launcherPort } from "../playwright.config.js";
import { axeTags, backend, gateWasm, holdBack, SupportWidgetPage, wasmModule, withoutTokenProvider } from "./support-widget-page.js";
import { serveSite } from "./site-server.js";

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e/site");
let site;
test.beforeAll(async () => {
  const demo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e/site/index.html");
  const page = (await fs.readFile(demo, "utf-8")).replace('mode="inline"', 'mode="launcher"');
  site = await serveSite(launcherPort, {}, { "/launcher.html": page });
});
test.afterAll(() => site.close());

const wasmRequests = (page) => {
  const seen = [];
  page.on("request", (r) => /support-widget-[0-9a-f]+\.(wasm|js)$/.test(r.url()) && seen.push(r.url()));
  return seen;
};

test.beforeEach(async ({ page }) => {
  // The page never goes idle in these tests, so that only the user's intent
  // can load the widget.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
});

test("the launcher costs no WebAssembly until the user shows intent", async ({ page }) => {
  const loaded = wasmRequests(page);
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toBeVisible();
  await expect(launcher).toHaveText("Help and support");
  await page.waitForTimeout(500);
  expect(loaded).toEqual([]);

  await launcher.hover();
  await expect.poll(() => loaded.length).toBe(2);
});

// The page goes idle when the test calls the callbacks in window.idle.
const idleWhenAsked = (page) =>
  page.addInitScript(() => {
    window.idle = [];
    window.requestIdleCallback = (run) => window.idle.push(run);
  });

test("when the page is idle, hints fetch the widget's files, and intent loads it from them", async ({ page }) => {
  await idleWhenAsked(page);
  // No one signed in: the launcher only hints (a signed-in one starts its
  // widget on idle: badge.spec.js).
  await withoutTokenProvider(page);
  // The WebAssembly compiled, counted by the way it was.
  await page.addInitScript(() => {
    window.compiled = [];
    for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.compiled.push(name);
        return original.apply(this, args);
      };
    }
  });
  const names = await fs.readdir(siteDir);
  const files = [/^support-widget-[0-9a-f]+\.js$/, /^support-widget-[0-9a-f]+\.wasm$/].map(
    (pattern) => `${site.origin}/${names.find((name) => pattern.test(name))}`,
  );
  const loaded = wasmRequests(page);
  const fetched = [];
  page.on("requestfinished", (r) => files.includes(r.url()) && fetched.push(r.url()));
  // What the server was asked for: Playwright also reports the requests
  // that the browser's cache answers.
  const asked = site.requested.length;
  const served = () => site.requested.slice(asked).map((name) => `${site.origin}${name}`).filter((url) => files.includes(url));
  // The glue into the module map, with a link; the WebAssembly with a fetch
  // at low priority, kept for the first open, which compiles it without
  // fetching it again. A preload would do that too, but Chromium warns of
  // one left unused, and Firefox refuses a prefetch link under a strict CSP
  // (e2e/firefox/).
  const hints = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("link[rel=modulepreload], link[rel=preload], link[rel=prefetch]")].map((l) => [
        l.parentNode.nodeName,
        l.rel,
        l.as,
        l.crossOrigin,
        l.href,
        l.hasAttribute("data-support-widget"),
      ]),
    );

  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toBeVisible();
  const head = await page.evaluate(() => document.head.innerHTML);
  // A second launcher: its idle time hints nothing more.
  await page.evaluate(() => {
    const second = document.createElement("support-widget");
    second.id = "second";
    second.setAttribute("backend", document.querySelector("support-widget").getAttribute("backend"));
    second.setAttribute("mode", "launcher");
    document.body.append(second);
  });
  // Each launcher asks once it is drawn (its styles applied).
  await expect.poll(() => page.evaluate(() => window.idle.length)).toBe(2);
  await page.evaluate(() => window.idle.splice(0).forEach((run) => run()));
  expect(await hints()).toEqual([["HEAD", "modulepreload", "", null, files[0], true]]);

  // Fetched once each, and nothing more: no WebAssembly, no widget.
  await expect.poll(() => fetched.length).toBe(2);
  await page.waitForTimeout(500);
  expect(loaded.toSorted()).toEqual(files.toSorted());
  expect(await page.evaluate(() => window.compiled)).toEqual([]);
  expect(await page.locator("support-widget .sw-host").evaluateAll((hosts) => hosts.map((host) => host.childElementCount))).toEqual([0, 0]);
  await expect(page.locator("support-widget .sw-heading")).toHaveCount(0);

  // One launcher going leaves the hints to the other.
  await page.locator("#second").evaluate((el) => el.remove());
  expect(await hints()).toHaveLength(1);

  // Intent loads the widget from what the hints fetched: the server is not
  // asked again, and the WebAssembly is compiled as it streams in (the
  // server sends it as application/wasm). Then the hints go, and the page's
  // <head> is as it was.
  await launcher.click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
  expect(await page.evaluate(() => window.compiled)).toEqual(["instantiateStreaming"]);
  expect(served().toSorted()).toEqual(files.toSorted());
  expect(await page.evaluate(() => document.head.innerHTML)).toBe(head);
});

test("a launcher removed before its widget loads takes its hints away, and ends the WebAssembly's fetch", async ({ page }) => {
  await idleWhenAsked(page);
  await withoutTokenProvider(page);
  // The WebAssembly's fetch is still under way when the launcher goes.
  await holdBack(page);
  await page.goto(`${site.origin}/launcher.html`);
  await expect(page.locator("support-widget .sw-launcher")).toBeVisible();
  const head = await page.evaluate(() => document.head.innerHTML);
  const asked = page.waitForRequest(wasmModule);
  await page.evaluate(() => window.idle.splice(0).forEach((run) => run()));
  await expect(page.locator("head link[data-support-widget]")).toHaveCount(1);
  await asked;
  const ended = page.waitForEvent("requestfailed", (r) => wasmModule.test(r.url()));
  await page.locator("support-widget").evaluate((el) => el.remove());
  expect(await page.evaluate(() => document.head.innerHTML)).toBe(head);
  expect((await ended).failure()?.errorText).toContain("ABORTED");
});

test("opening the panel moves nothing on the page, and Escape closes it back to the launcher", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toBeVisible();
  const layout = () => page.evaluate(() => [...document.querySelectorAll("main > *, footer")].map((e) => JSON.stringify(e.getBoundingClientRect())));
  const before = await layout();

  await launcher.click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(launcher).toHaveAttribute("aria-expanded", "true");
  expect(await layout()).toEqual(before);

  // Escape inside the customer search first closes its list, then the panel.
  await widget.host.getByTestId("open-customer-request").click();
  const search = widget.host.locator("#sw-customer-search");
  await search.fill("contoso");
  await expect(widget.host.getByTestId("customer-option").first()).toBeVisible();
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("support-widget .sw-panel")).toBeVisible();
  await search.press("Escape"); // clears the text
  await search.press("Escape");
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
  await expect(launcher).toBeFocused();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");

  // Opening again shows where the user was.
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("customer-search")).toBeVisible();
});

test("before the WebAssembly runs, the panel shows the partner's home in the element's language, and a choice made there opens its flow once it does", async ({ page }) => {
  const release = await holdBack(page);
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.evaluate((el) => el.setAttribute("locale", "es-ES"));
  await host.locator(".sw-launcher").click();
  const panel = host.locator(".sw-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("¿En qué podemos ayudarle?");
  await expect(panel.getByRole("combobox", { name: "Idioma", exact: true })).toHaveValue("es-ES");
  await expect(host.getByTestId("home")).toHaveCount(0);
  // The note before escalating is a landmark named by its heading.
  await expect(panel.getByRole("complementary", { name: "Antes de remitir un problema a 21Vianet", exact: true })).toBeVisible();
  const choice = panel.getByRole("button", { name: /^Un problema con el Centro de partners/ });
  await choice.click();
  await expect(choice).toHaveAttribute("aria-busy", "true");
  // Marked as the one chosen, with the wait shown.
  await expect(choice).toHaveCSS("cursor", "progress");
  await expect(choice).toHaveCSS("box-shadow", /inset/);

  release();
  const widget = new SupportWidgetPage(page);
  await expect(widget.host.getByTestId("request-form")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(widget.host.getByTestId("home")).toHaveCount(0);
  await expect(panel.getByRole("combobox", { name: "Idioma", exact: true })).toBeEnabled();
  expect(posts).toEqual([]);
  // Back home, the widget's own screen stands where the early one did.
  await widget.host.getByTestId("back").click();
  await expect(widget.home).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("¿En qué podemos ayudarle?");
});

test("a choice made before the WebAssembly runs is dropped when the user closes the panel meanwhile, and focus stays on the page", async ({ page }) => {
  const release = await holdBack(page);
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  const panel = host.locator(".sw-panel");
  await host.locator(".sw-launcher").click();
  await host.getByTestId("open-customer-request").click();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  const billing = page.getByRole("link", { name: "Billing" });
  await billing.focus();
  release();
  await expect.poll(() => host.evaluate((el) => Boolean(el.shadowRoot.querySelector("[data-testid=home]")))).toBe(true);
  await page.waitForTimeout(300);
  await expect(panel).toBeHidden();
  await expect(billing).toBeFocused();
  // Opened again, the widget shows home, not the abandoned choice.
  await host.locator(".sw-launcher").click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
});

test("a choice made before the WebAssembly runs, which then cannot load, leaves the notice and Try again in its place", async ({ page }) => {
  const wasm = await gateWasm(page, { failing: true });
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.locator(".sw-launcher").click();
  await host.getByTestId("open-customer-request").click();
  wasm.release();
  const notice = host.getByRole("alert");
  await expect(notice).toHaveText(/Help couldn't be loaded/);
  await expect(host.getByTestId("open-customer-request")).toHaveCount(0);

  wasm.failing = false;
  await notice.getByRole("button", { name: "Try again" }).click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await widget.host.getByTestId("open-customer-request").click();
  await expect(widget.host.getByTestId("customer-search")).toBeVisible();
});

test("while the widget loads, Escape on the launcher closes its panel, and a user gone on to the page keeps focus when it has loaded", async ({ page }) => {
  const release = await holdBack(page);
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  const panel = page.locator("support-widget .sw-panel");
  await launcher.focus();
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await expect(launcher).toHaveAttribute("aria-expanded", "true");
  await expect(launcher).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  await expect(launcher).toBeFocused();

  // Opened again, the user goes on to a field of the page's while it loads.
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await page.evaluate(() => {
    const field = Object.assign(document.createElement("input"), { id: "page-search" });
    document.querySelector("main").prepend(field);
  });
  const field = page.locator("#page-search");
  await field.click();
  await page.keyboard.type("invoice");
  release();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await page.waitForTimeout(300);
  await page.keyboard.type(" October");
  await expect(field).toHaveValue("invoice October");
  await expect(field).toBeFocused();
  // Once loaded, Escape on the launcher still closes the panel.
  await launcher.focus();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
});

test("beside the page, Escape on a page control the panel covers closes the panel, and focus stays there", async ({ page }) => {
  // 200 % zoom of a 1280 x 800 screen: the panel covers the portal's menu.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await launcher.click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  const panel = page.locator("support-widget .sw-panel");
  const billing = page.getByRole("link", { name: "Billing" });
  // Where the menu's links fall depends on the fonts a machine has: place
  // two of them, one under the panel and one in sight, whatever the fonts.
  const box = await panel.boundingBox();
  const clear = box.x > 120 ? "left: 8px; top: 8px" : "right: 8px; bottom: 8px";
  await page.addStyleTag({
    content: `.portal-nav a:is(:nth-child(1), :nth-child(3)) { position: fixed; width: 100px; height: 24px; overflow: hidden }
      .portal-nav a:nth-child(1) { ${clear} }
      .portal-nav a:nth-child(3) { left: ${box.x + box.width / 2 - 50}px; top: ${box.y + box.height / 2 - 12}px }`,
  });
  // The link is under the panel, and Tab can reach it.
  const at = await billing.boundingBox();
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).tagName, [at.x + at.width / 2, at.y + at.height / 2])).toBe("SUPPORT-WIDGET");
  // Escape on a page control the panel leaves in sight, or one the page's
  // own handler takes, is not the panel's.
  const dashboard = page.getByRole("link", { name: "Dashboard" });
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).tagName, await dashboard.boundingBox().then((b) => [b.x + 2, b.y + b.height / 2]))).toBe("A");
  await dashboard.focus();
  await page.keyboard.press("Escape");
  await billing.focus();
  await page.evaluate(() => document.addEventListener("keydown", (event) => event.preventDefault(), { once: true }));
  await page.keyboard.press("Escape");
  await expect(panel).toBeVisible();
  // On a page control it covers, it closes the panel.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(billing).toBeFocused();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  // Opened again, where the user was; Escape inside still goes back to the launcher.
  await launcher.click();
  await expect(widget.home).toBeVisible();
  await widget.heading.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
  // With nothing focused (a click on the panel's text), back to the launcher.
  await launcher.click();
  await expect(widget.home).toBeVisible();
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
});

test("the page's open() opens the panel at a flow, and close() closes it", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.evaluate((el) => el.setLocale("zh-TW"));
  await host.evaluate((el) => el.open("partner-center"));
  const widget = new SupportWidgetPage(page);
  await expect(widget.form).toBeVisible();
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  await host.evaluate((el) => el.close());
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
});

test("the page's own Help button that calls open() hands focus to the panel's heading, loaded or not", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  await page.evaluate(() => {
    const help = Object.assign(document.createElement("button"), { id: "page-help", textContent: "Report a problem" });
    help.onclick = () => document.querySelector("support-widget").open("partner-center");
    document.querySelector("main").prepend(help);
  });
  const widget = new SupportWidgetPage(page);
  // Before the widget has loaded: the click loads it, focus on the button.
  await page.locator("#page-help").click();
  await expect(widget.form).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
  // Loaded: the same.
  await page.locator("#page-help").click();
  await expect(widget.form).toBeVisible();
  await expect(widget.heading).toBeFocused();
});

test("a refused open() leaves the panel closed, and setLocale(undefined) goes back to the page's language", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  const refused = await host.evaluate((el) => el.open("escalate").then(() => "opened", (e) => e.message));
  expect(refused).toContain('unknown flow "escalate"');
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
  await expect(host.locator(".sw-launcher")).toHaveAttribute("aria-expanded", "false");

  await host.evaluate((el) => el.setLocale("zh-TW"));
  await expect(host.locator(".sw-launcher")).toHaveText("說明與支援");
  await host.evaluate((el) => el.setLocale(undefined));
  await expect(host).not.toHaveAttribute("locale");
  await expect(host.locator(".sw-launcher")).toHaveText("Help and support");
  await host.evaluate((el) => el.open("partner-center"));
  await expect(new SupportWidgetPage(page).heading).toHaveText("New Partner Center request");
});

test("a call made while a launcher is out of the page settles once it is back, without the user's intent", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const settled = await page.evaluate(async () => {
    const element = document.querySelector("support-widget");
    element.remove();
    const call = element.setRequestHeaders({ Authorization: "Bearer portal-session" });
    document.body.append(element);
    return Promise.race([call.then(() => "applied"), new Promise((resolve) => setTimeout(() => resolve("pending"), 8000))]);
  });
  expect(settled).toBe("applied");
  // Loaded unseen: the panel stays closed.
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
});

test("a launcher moved as its stylesheet arrives draws one button and one panel", async ({ page }) => {
  // The page moves the element after its first stylesheet has arrived and
  // before that stylesheet's load handler runs.
  await page.addInitScript(() => {
    const onload = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "onload");
    let moved = false;
    Object.defineProperty(HTMLLinkElement.prototype, "onload", {
      configurable: true,
      get() {
        return onload.get.call(this);
      },
      set(handler) {
        onload.set.call(this, function (event) {
          const host = this.getRootNode().host;
          if (!moved && host?.localName === "support-widget") {
            moved = window.movedOnLoad = true;
            host.parentNode.append(host);
          }
          return handler.call(this, event);
        });
      },
    });
  });
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toBeVisible();
  expect(await page.evaluate(() => window.movedOnLoad)).toBe(true);
  await expect(launcher).toHaveCount(1);
  await expect(page.locator("support-widget .sw-panel")).toHaveCount(1);
  await launcher.click();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  await expect(launcher).toHaveAttribute("aria-expanded", "true");
});

test("open() on a launcher just added opens its panel once its styles apply", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  // The widget is loaded already: the call is taken at once, before the
  // new element's stylesheet has loaded.
  await page.locator("support-widget .sw-launcher").click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
  await page.evaluate(() => {
    const element = document.createElement("support-widget");
    for (const name of ["backend", "audience", "mode"]) element.setAttribute(name, document.querySelector("support-widget").getAttribute(name));
    element.id = "second";
    document.body.append(element);
    element.open("partner-center");
  });
  const second = page.locator("#second");
  await expect(second.locator(".sw-panel")).toBeVisible();
  await expect(second.getByTestId("request-form")).toBeVisible();
});

test("a locale attribute with stray spaces labels the launcher as the widget reads it", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.evaluate((el) => el.setAttribute("locale", " zh-TW "));
  await expect(host.locator(".sw-launcher")).toHaveText("說明與支援");
  await host.locator(".sw-launcher").click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
  await expect(host.locator(".sw-launcher")).toHaveText("說明與支援");
});

test("the launcher follows a change of the locale attribute before the widget loads", async ({ page }) => {
  const loaded = wasmRequests(page);
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.evaluate((el) => el.setAttribute("locale", "es-ES"));
  await expect(host.locator(".sw-launcher")).toHaveText("Ayuda y soporte");
  await expect(host.locator(".sw-panel")).toHaveAttribute("aria-label", "Ayuda y soporte");
  await expect(host.locator(".sw-panel-close")).toHaveText("Cerrar");
  // Marked as Spanish, so that screen readers read them in a Spanish voice
  // on an English page (the close button is inside the panel).
  await expect(host.locator(".sw-launcher")).toHaveAttribute("lang", "es-ES");
  await expect(host.locator(".sw-panel")).toHaveAttribute("lang", "es-ES");
  // Nothing of the widget loaded for it.
  expect(loaded).toEqual([]);
  await host.evaluate((el) => el.removeAttribute("locale"));
  await expect(host.locator(".sw-launcher")).toHaveText("Help and support");
  // Chinese as the widget will read it: the script first, then the region,
  // and an underscore as a hyphen.
  for (const [tag, words] of [["zh_TW", "說明與支援"], ["zh-Hans-TW", "帮助和支持"], ["zh-Hant-CN", "說明與支援"], ["zh-SG", "帮助和支持"]]) {
    await host.evaluate((el, tag) => el.setAttribute("locale", tag), tag);
    await expect(host.locator(".sw-launcher"), tag).toHaveText(words);
    await expect(host.locator(".sw-launcher"), tag).toHaveAttribute("lang", words === "說明與支援" ? "zh-TW" : "zh-CN");
  }
  expect(loaded).toEqual([]);
});

test("the launcher speaks the page's language before the widget loads", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget").evaluate((el) => el.remove());
  await page.evaluate(() => {
    const element = document.createElement("support-widget");
    element.setAttribute("backend", "http://127.0.0.1:9");
    element.setAttribute("mode", "launcher");
    element.setAttribute("locale", "zh-HK");
    document.body.append(element);
  });
  await expect(page.locator("support-widget .sw-launcher")).toHaveText("說明與支援");
});

test("the launcher, the panel's name and its close button follow the language chosen in the widget", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await launcher.click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  const panel = page.locator("support-widget .sw-panel");
  const close = page.locator("support-widget .sw-panel-close");
  await expect(close).toHaveText("Close");

  await widget.host.getByTestId("language-picker").selectOption("zh-TW");
  await expect(widget.heading).toHaveText("需要什麼協助？");
  await expect(close).toHaveText("關閉");
  await expect(panel).toHaveAttribute("aria-label", "說明與支援");
  await expect(panel).toHaveAttribute("lang", "zh-TW");
  await expect(launcher).toHaveText("說明與支援");
  await expect(launcher).toHaveAttribute("lang", "zh-TW");

  await widget.host.getByTestId("language-picker").selectOption("es-ES");
  await expect(close).toHaveText("Cerrar");
  await expect(launcher).toHaveText("Ayuda y soporte");
});

test("intent also fetches the messages of the launcher's language, and the panel opens in it", async ({ page }) => {
  const messages = [];
  page.on("request", (r) => /support-widget-[0-9a-f]+\.zh-TW\.js$/.test(r.url()) && messages.push(r.url()));
  await page.goto(`${site.origin}/launcher.html`);
  const element = page.locator("support-widget");
  await element.evaluate((el) => el.setAttribute("locale", "zh-TW"));
  await page.locator("support-widget .sw-launcher").hover();
  await expect.poll(() => messages.length).toBe(1);
  await page.locator("support-widget .sw-launcher").click();
  await expect(element.locator(".sw-widget")).toHaveAttribute("lang", "zh-TW");
  // Its heading takes focus once drawn, though that is after the fetch.
  await expect(new SupportWidgetPage(page).heading).toBeFocused();
  expect(messages).toHaveLength(1);
});

test("a widget that cannot load says so in the element's language, refuses page calls, and loads on Try again", async ({ page }) => {
  let fail = true;
  await page.route(wasmModule, (route) => (fail ? route.abort("connectionrefused") : route.continue()));
  await page.addInitScript(() => {
    window.widgetErrors = [];
    document.addEventListener("support-widget:error", (event) => window.widgetErrors.push(event.detail));
  });
  await page.goto(`${site.origin}/launcher.html`);
  const host = page.locator("support-widget");
  await host.evaluate((el) => el.setAttribute("locale", "es-ES"));
  // A call while the widget cannot load is refused, not left pending.
  expect(await host.evaluate((el) => el.prefill({ title: "Factura" }).then(() => "applied", () => "refused"))).toBe("refused");

  const launcher = page.locator("support-widget .sw-launcher");
  await launcher.click();
  const notice = host.getByRole("alert");
  await expect(notice).toHaveText(/No se ha podido cargar la ayuda\. Compruebe la conexión/);
  await expect(notice).toHaveAttribute("lang", "es-ES");
  const retry = notice.getByRole("button", { name: "Volver a intentarlo" });
  await expect(retry).toBeFocused();
  // Told once, though the click tried again.
  expect(await page.evaluate(() => window.widgetErrors.map((detail) => detail.code))).toEqual(["widget_unavailable"]);
  expect((await new AxeBuilder({ page }).include("support-widget").withTags(axeTags).analyze()).violations.map((v) => v.id)).toEqual([]);

  fail = false;
  await retry.click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(notice).toHaveCount(0);
  await expect(host.locator(".sw-widget")).toHaveAttribute("lang", "es-ES");
  expect(await host.evaluate((el) => el.prefill({ title: "Factura" }).then(() => "applied"))).toBe("applied");
});

test("the launcher and its panel pass axe, with the first screen drawn before the widget and with the widget's own", async ({ page }) => {
  const release = await holdBack(page);
  await page.goto(`${site.origin}/launcher.html`);
  const audit = async () =>
    (await new AxeBuilder({ page }).include("support-widget").withTags(axeTags).options({ rules: { "target-size": { enabled: true } } }).analyze()).violations.map((v) => v.id);
  await expect(page.locator("support-widget .sw-launcher")).toBeVisible();
  expect(await audit()).toEqual([]);
  await page.locator("support-widget .sw-launcher").click();
  await expect(page.locator("support-widget").getByTestId("open-partner-center-request")).toBeVisible();
  await expect(page.locator("support-widget").getByTestId("home")).toHaveCount(0);
  expect(await audit()).toEqual([]);
  release();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  expect(await audit()).toEqual([]);
});

test("the launcher's focus ring stands out on a light page in the dark scheme, white within black", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${site.origin}/launcher.html`);
  await page.evaluate(() => (document.body.style.background = "rgb(243, 241, 236)"));
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toBeVisible();
  await page.keyboard.press("Tab");
  for (let i = 0; i < 20 && !(await launcher.evaluate((el) => el.matches(":focus-visible"))); i++) await page.keyboard.press("Tab");
  await expect(launcher).toBeFocused();
  // The ring's pixels, beside the button: the page's light colour and
  // black, 4.5 times apart at least.
  const box = await launcher.boundingBox();
  const shot = await page.screenshot({ clip: { x: box.x - 8, y: box.y + box.height / 2 - 1, width: 8, height: 2 } });
  const colours = await page.evaluate(async (png) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, 1).data;
    return Array.from({ length: image.width }, (_, x) => [data[x * 4], data[x * 4 + 1], data[x * 4 + 2]]);
  }, shot.toString("base64"));
  const luminance = ([r, g, b]) => {
    const linear = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const contrast = (a, b) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
  const best = Math.max(...colours.map((colour) => contrast(colour, [243, 241, 236])));
  expect(best).toBeGreaterThanOrEqual(4.5);
});

test("in forced colours the floating panel keeps an edge, which its shadow drew", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  const panel = page.locator("support-widget .sw-panel");
  await expect(panel.getByTestId("home")).toBeVisible();
  const edge = () => panel.evaluate((el) => {
    const style = getComputedStyle(el);
    return { shadow: style.boxShadow, outline: `${style.outlineStyle} ${style.outlineWidth}`, color: style.outlineColor, page: getComputedStyle(document.body).color };
  });
  const forced = await edge();
  expect(forced.shadow).toBe("none");
  expect(forced.outline).toBe("solid 1px");
  // The colour of the page's text, not of its background.
  expect(forced.color).toBe(forced.page);
  await page.emulateMedia({ forcedColors: "none" });
  expect((await edge()).outline).toMatch(/^none /);
});

/** A second launcher on the page, for customers (#customers), the same
 *  backend as the first's, placed by `style`. */
const addCustomersLauncher = (page, style) =>
  page.evaluate((style) => {
    const first = document.querySelector("support-widget");
    const second = document.createElement("support-widget");
    for (const name of ["backend", "mode"]) second.setAttribute(name, first.getAttribute(name));
    second.setAttribute("audience", "customer");
    second.id = "customers";
    second.style.cssText = style;
    document.body.append(second);
  }, style);

test("the page moves a launcher and its panel with --sw-launcher-*, so two launchers keep apart", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.origin}/launcher.html`);
  // A second launcher, for customers, in the bottom-left corner and higher up.
  await addCustomersLauncher(page, "--sw-launcher-left: 24px; --sw-launcher-right: auto; --sw-launcher-bottom: 40px");
  const partners = page.locator("support-widget:not(#customers) .sw-launcher");
  const customers = page.locator("#customers .sw-launcher");
  await expect(partners).toBeVisible();
  await expect(customers).toBeVisible();
  const right = await partners.boundingBox();
  const left = await customers.boundingBox();
  expect(Math.round(right.x + right.width)).toBe(1280 - 16);
  expect(Math.round(right.y + right.height)).toBe(800 - 16);
  expect(left.x).toBe(24);
  expect(Math.round(left.y + left.height)).toBe(800 - 40);

  // Its panel opens above it, on its side.
  await customers.click();
  const panel = page.locator("#customers .sw-panel");
  await expect(page.locator("#customers").getByTestId("self-service")).toBeVisible();
  let box = await panel.boundingBox();
  expect(box.x).toBe(24);
  expect(Math.round(box.y + box.height)).toBe(800 - 40 - 64);
  expect(box.x + box.width).toBeLessThan(right.x);

  // On a short screen it keeps 32 px from the top and scrolls inside.
  await page.setViewportSize({ width: 1280, height: 420 });
  box = await panel.boundingBox();
  expect(Math.round(box.y)).toBe(32);
  expect(Math.round(box.y + box.height)).toBe(420 - 40 - 64);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // A launcher moved far in from its side still opens its panel on screen.
  await page.setViewportSize({ width: 800, height: 800 });
  await page.locator("support-widget:not(#customers)").evaluate((el) => el.style.setProperty("--sw-launcher-right", "500px"));
  await partners.click();
  const partnerPanel = page.locator("support-widget:not(#customers) .sw-panel");
  await expect(page.locator("support-widget:not(#customers)").getByTestId("home")).toBeVisible();
  box = await partnerPanel.boundingBox();
  expect(box.x).toBe(16);
  expect(box.width).toBe(440);
});

test("in the panel, the confirmation's focused heading is described by the request's reference", async ({ page }) => {
  const { widget } = await launcherFormAt(page, { width: 1280, height: 800 });
  await widget.setAttribute("locale", "zh-TW");
  await widget.fill({ category: "billing", title: "在面板中提交", description: "編號也要讀出。", name: "陳怡君", email: "chen.yijun@contoso.com.tw" });
  await widget.submit();
  const heading = widget.confirmation.getByRole("heading", { level: 3 });
  await expect(heading).toBeFocused();
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");
  expect(reference).toMatch(/^SR-\d{6}$/);
  await expect(heading).toHaveAccessibleDescription(`您的要求編號為 ${reference}。`);
});

test("on a small screen the launcher is a round button named by its words, and a page that keeps clear of it as documented has its focus never hidden", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 200 });
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.getByRole("button", { name: "Help and support", exact: true });
  await expect(launcher).toBeVisible();
  expect(await launcher.boundingBox()).toEqual({ x: 320 - 16 - 48, y: 200 - 16 - 48, width: 48, height: 48 });
  await expect(launcher).toHaveAccessibleName("Help and support");

  // The page's own links at its end, in the launcher's corner.
  await page.evaluate(() => {
    const footer = Object.assign(document.createElement("footer"), { style: "text-align: right; padding: 8px" });
    for (const name of ["Privacy", "Terms", "Contact us"]) {
      footer.append(Object.assign(document.createElement("a"), { href: `#${name}`, textContent: name }), " ");
    }
    document.body.append(footer);
  });
  const links = page.locator("footer a");
  const hidden = async () => {
    const box = await launcher.boundingBox();
    const focused = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
    return focused.x < box.x + box.width && box.x < focused.x + focused.width && focused.y < box.y + box.height && box.y < focused.y + focused.height;
  };
  await links.last().focus();
  expect(await hidden(), "the last link, under the launcher on a page that does nothing").toBe(true);

  // docs/embedding.md: an offset the page shares with the widget, a scroll
  // padding that clears the launcher, and room at the page's end.
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = `:root { --sw-launcher-bottom: 24px; scroll-padding-bottom: calc(var(--sw-launcher-bottom) + 56px); }
      body { padding-bottom: calc(var(--sw-launcher-bottom) + 56px); }`;
    document.head.append(style);
  });
  // The launcher moves by the offset.
  const moved = await launcher.boundingBox();
  expect(moved.y + moved.height).toBe(200 - 24);
  await page.evaluate(() => document.activeElement.blur());
  await links.first().focus();
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.keyboard.press("Tab");
    await expect(links.nth(i)).toBeFocused();
    await expect(links.nth(i)).toBeInViewport({ ratio: 1 });
    expect(await hidden(), `link ${i + 1} under the launcher`).toBe(false);
  }
});

test("one panel at a time: opening a second launcher closes the first one's panel", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.origin}/launcher.html`);
  await addCustomersLauncher(page, "--sw-launcher-left: 16px; --sw-launcher-right: auto");
  const partners = page.locator("support-widget:not(#customers)");
  const customers = page.locator("#customers");
  await partners.locator(".sw-launcher").click();
  await expect(partners.getByTestId("home")).toBeVisible();
  await customers.locator(".sw-launcher").click();
  await expect(customers.getByTestId("self-service")).toBeVisible();
  await expect(partners.locator(".sw-panel")).toBeHidden();
  await expect(partners.locator(".sw-launcher")).toHaveAttribute("aria-expanded", "false");
  // Focus goes to the panel just opened, not back to the first launcher.
  await expect(customers.locator("h2")).toBeFocused();

  // And back: the first opens where its user was, the second closes.
  await partners.locator(".sw-launcher").click();
  await expect(partners.getByTestId("home")).toBeVisible();
  await expect(customers.locator(".sw-panel")).toBeHidden();
  await expect(partners.locator("h2")).toBeFocused();
  // An open panel is above the other launcher (here the later one in the
  // page), which it may cover: on a phone it fills the screen.
  await page.setViewportSize({ width: 390, height: 700 });
  const box = await customers.locator(".sw-launcher").boundingBox();
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y).id || "partners", [box.x + box.width / 2, box.y + box.height / 2]);
  expect(onTop).toBe("partners");
});

test("on a phone the panel fills the screen and is modal; beside the page it is not", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  const panel = page.locator("support-widget .sw-panel");
  const box = await panel.boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  // A screen reader keeps to the panel, as Tab does.
  await expect(panel).toHaveAttribute("aria-modal", "true");

  // Turned or widened, the panel floats beside the page and is modal no more.
  await page.setViewportSize({ width: 1280, height: 700 });
  await expect(panel).not.toHaveAttribute("aria-modal", /.*/);
  await page.setViewportSize({ width: 390, height: 700 });
  await expect(panel).toHaveAttribute("aria-modal", "true");
});

/**
 * What the browser reports while an on-screen keyboard is up: the visual
 * viewport (what can be seen) shorter than the page, which keeps its height,
 * and panned `offsetTop` down it; `scale` above 1 is a pinch zoom. Headless
 * Chromium draws no keyboard, so the page's own `visualViewport` says so
 * here, and tells of the change as the browser does. `null` is the keyboard
 * gone.
 */
async function visibleViewport(page, values) {
  await page.evaluate((values) => {
    const viewport = window.visualViewport;
    for (const name of ["height", "offsetTop", "scale"]) {
      if (values === null) delete viewport[name];
      else if (name in values) Object.defineProperty(viewport, name, { configurable: true, get: () => values[name] });
    }
    viewport.dispatchEvent(new Event("resize"));
    viewport.dispatchEvent(new Event("scroll"));
  }, values);
}

/**
 * The Partner Center request in the launcher's panel on a screen of
 * `viewport`, with the page's errors counted in `window.pageErrors`.
 */
async function launcherFormAt(page, viewport) {
  await page.addInitScript(() => {
    window.pageErrors = [];
    window.addEventListener("error", (event) => window.pageErrors.push(event.message));
  });
  await page.setViewportSize(viewport);
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  const widget = new SupportWidgetPage(page);
  await widget.openPartnerCenterRequest();
  return { widget, panel: page.locator("support-widget .sw-panel") };
}

test("on a phone the panel stays above the on-screen keyboard, with the field being typed in in sight", async ({ page }) => {
  const { widget, panel } = await launcherFormAt(page, { width: 390, height: 700 });
  const close = page.locator("support-widget .sw-panel-close");
  // A field low in the form: the keyboard comes up over it.
  const email = widget.host.locator("#sw-contact-email");
  await email.focus();
  await email.pressSequentially("wei");
  expect((await email.boundingBox()).y).toBeGreaterThan(300);

  await visibleViewport(page, { height: 300 });
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 300 });
  // The field, above the keyboard and below the close button, which stays.
  const field = await email.boundingBox();
  expect(field.y).toBeGreaterThanOrEqual(48);
  expect(field.y + field.height).toBeLessThanOrEqual(300);
  expect((await close.boundingBox()).y).toBe(4);
  await expect(email).toBeFocused();
  await email.pressSequentially(".zhang@example.com");
  await expect(email).toHaveValue("wei.zhang@example.com");

  // The browser pans the page under the keyboard: the panel follows.
  await visibleViewport(page, { height: 300, offsetTop: 120 });
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 120, width: 390, height: 300 });

  // The keyboard gone, the panel fills the screen again.
  await visibleViewport(page, null);
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });

  // What has focus without taking typing (a screen's heading) is not
  // scrolled to when the visible part shrinks: the panel stays where the
  // user scrolled it.
  await widget.host.getByTestId("back").click();
  await widget.openPartnerCenterRequest();
  await expect(widget.heading).toBeFocused();
  await panel.evaluate((element) => (element.scrollTop = 400));
  await visibleViewport(page, { height: 500 });
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 500 });
  expect(await panel.evaluate((element) => element.scrollTop)).toBe(400);
  await visibleViewport(page, null);

  // Zoomed in with two fingers, the panel keeps the page's size, to be
  // panned over like the page.
  await visibleViewport(page, { height: 350, scale: 2 });
  await page.waitForTimeout(100);
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  await visibleViewport(page, null);

  // On a page with a CSS zoom, the panel still covers just what can be seen.
  await page.evaluate(() => (document.body.style.zoom = "1.5"));
  await visibleViewport(page, { height: 300 });
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 300 });
  await visibleViewport(page, null);
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  await close.click();
  await page.locator("support-widget .sw-launcher").click();
  await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  await page.evaluate(() => (document.body.style.zoom = ""));
  // And nothing of this troubled the page (a ResizeObserver loop, say).
  expect(await page.evaluate(() => window.pageErrors)).toEqual([]);
});

test("on a tablet the floating panel stays above the on-screen keyboard, with the field being typed in in sight", async ({ page }) => {
  const { widget, panel } = await launcherFormAt(page, { width: 820, height: 1180 });
  // Beside the page: above the launcher (16 px from the bottom, 48 px tall),
  // 32 px below the top, the form taller than that.
  const floating = await panel.boundingBox();
  expect(floating.width).toBe(440);
  expect(Math.round(floating.y)).toBe(32);
  expect(Math.round(floating.y + floating.height)).toBe(1180 - 80);
  const email = widget.host.locator("#sw-contact-email");
  await email.scrollIntoViewIfNeeded();
  await email.focus();
  await email.pressSequentially("wei");
  expect((await email.boundingBox()).y).toBeGreaterThan(700);

  // A keyboard 480 px tall: the panel ends 16 px above it, its top where it
  // was, and the field scrolls into what is left of it.
  await visibleViewport(page, { height: 700 });
  await expect.poll(async () => Math.round((await panel.boundingBox()).y + (await panel.boundingBox()).height)).toBe(700 - 16);
  expect(Math.round((await panel.boundingBox()).y)).toBe(32);
  const field = await email.boundingBox();
  expect(field.y).toBeGreaterThanOrEqual(32 + 48);
  expect(field.y + field.height).toBeLessThanOrEqual(700 - 16);
  await expect(email).toBeFocused();
  await email.pressSequentially(".zhang@example.com");
  await expect(email).toHaveValue("wei.zhang@example.com");

  // The browser pans the page under the keyboard: the panel follows.
  await visibleViewport(page, { height: 700, offsetTop: 200 });
  await expect.poll(async () => Math.round((await panel.boundingBox()).y)).toBe(200 + 32);
  expect(Math.round((await panel.boundingBox()).y + (await panel.boundingBox()).height)).toBe(900 - 16);

  // Little left to see (a keyboard on a tablet turned sideways, a split
  // screen): the panel takes all of it, still below the page's header and
  // above the keyboard, its close button in sight.
  await visibleViewport(page, { height: 150, offsetTop: 0 });
  await expect.poll(async () => Math.round((await panel.boundingBox()).y + (await panel.boundingBox()).height)).toBe(150 - 16);
  expect(Math.round((await panel.boundingBox()).y)).toBe(32);
  const close = await page.locator("support-widget .sw-panel-close").boundingBox();
  expect(close.y).toBeGreaterThanOrEqual(32);
  expect(close.y + close.height).toBeLessThanOrEqual(150 - 16);

  // A keyboard that leaves the launcher in sight moves nothing.
  await visibleViewport(page, { height: 1150, offsetTop: 0 });
  await expect.poll(() => panel.boundingBox()).toEqual(floating);
  // Nor does one gone.
  await visibleViewport(page, { height: 700 });
  await expect.poll(async () => Math.round((await panel.boundingBox()).y + (await panel.boundingBox()).height)).toBe(700 - 16);
  await visibleViewport(page, null);
  await expect.poll(() => panel.boundingBox()).toEqual(floating);
  expect(await page.evaluate(() => window.pageErrors)).toEqual([]);
});

test("on a phone turned sideways the panel fills the screen, and inputs are large enough not to zoom", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.goto(`${site.origin}/launcher.html`);
    await page.locator("support-widget .sw-launcher").tap();
    const widget = new SupportWidgetPage(page);
    await expect(widget.home).toBeVisible();
    const panel = page.locator("support-widget .sw-panel");
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 844, height: 390 });
    await expect(panel).toHaveAttribute("aria-modal", "true");
    await widget.openPartnerCenterRequest();
    // Below 16 px, iOS zooms the page into a control when it is tapped.
    for (const field of ["#sw-title", "#sw-description", "#sw-contact-email"]) {
      expect(await widget.host.locator(field).evaluate((el) => getComputedStyle(el).fontSize)).toBe("16px");
    }
  } finally {
    await context.close();
  }
});

test("a launcher set high on a short screen keeps its panel on screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget").evaluate((el) => el.style.setProperty("--sw-launcher-bottom", "300px"));
  await page.locator("support-widget .sw-launcher").click();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  const box = await page.locator("support-widget .sw-panel").boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(32);
  expect(box.height).toBeGreaterThanOrEqual(160);
  expect(box.y + box.height).toBeLessThanOrEqual(420);
  // Still inside the widget's reach: the close button can be clicked.
  await page.locator("support-widget .sw-panel-close").click();
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
});

test("a page's fixed header keeps the panel below it with --sw-panel-top", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget").evaluate((el) => el.style.setProperty("--sw-panel-top", "72px"));
  await page.locator("support-widget .sw-launcher").click();
  const widget = new SupportWidgetPage(page);
  await widget.openPartnerCenterRequest();
  const box = await page.locator("support-widget .sw-panel").boundingBox();
  // The form is taller than the room: the panel takes all of it, and no more.
  expect(Math.round(box.y)).toBe(72);
  expect(Math.round(box.y + box.height)).toBe(600 - 80);
  await page.locator("support-widget").evaluate((el) => el.style.removeProperty("--sw-panel-top"));
  expect(Math.round((await page.locator("support-widget .sw-panel").boundingBox()).y)).toBe(32);
  await page.locator("support-widget").evaluate((el) => el.style.setProperty("--sw-panel-top", "72px"));
  // On a screen too short for that, the panel goes lower, never higher.
  await page.setViewportSize({ width: 1280, height: 300 });
  const low = await page.locator("support-widget .sw-panel").boundingBox();
  expect(low.y).toBeGreaterThanOrEqual(72);
  expect(low.height).toBeGreaterThanOrEqual(160);
});

test("the close button stays in reach however far the panel scrolls, on a phone and beside the page", async ({ page }) => {
  for (const viewport of [{ width: 390, height: 700 }, { width: 1280, height: 700 }]) {
    await page.setViewportSize(viewport);
    await page.goto(`${site.origin}/launcher.html`);
    await page.locator("support-widget .sw-launcher").click();
    const widget = new SupportWidgetPage(page);
    await widget.openPartnerCenterRequest();
    const panel = page.locator("support-widget .sw-panel");
    await panel.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    // The form is taller than the panel: it did scroll.
    expect(await panel.evaluate((element) => element.scrollTop)).toBeGreaterThan(200);
    const close = page.locator("support-widget .sw-panel-close");
    const [panelBox, closeBox] = [await panel.boundingBox(), await close.boundingBox()];
    expect(closeBox.y).toBeGreaterThanOrEqual(panelBox.y);
    expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(panelBox.y + 60);
    await close.click();
    await expect(panel).toBeHidden();
  }
});

// Presses `key` from the panel's close button until focus comes back to it
// (at most 60 times). Returns where focus went at each press, in order: a
// stop of the widget (its tag and id, or tag and first class) or, where it
// had left the widget for the page, `page:` and the tag.
const tabRound = async (page, key) => {
  await page.locator("support-widget .sw-panel-close").focus();
  const focused = () =>
    page.evaluate(() => {
      const widget = document.querySelector("support-widget");
      if (document.activeElement !== widget) return `page:${document.activeElement?.tagName ?? "none"}`;
      const el = widget.shadowRoot.activeElement;
      return el ? el.tagName.toLowerCase() + (el.id ? `#${el.id}` : `.${el.classList[0]}`) : "none";
    });
  const went = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    went.push(await focused());
    if (went.at(-1) === "button.sw-panel-close") break;
  }
  return went;
};
// The category radios are one stop, whichever radio it is.
const oneCategory = (went) => went.map((stop) => (stop.startsWith("input#sw-category") ? "category" : stop));

test("on a phone, Tab and Shift+Tab go round the panel and never reach the page behind it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  const widget = new SupportWidgetPage(page);
  await widget.openPartnerCenterRequest();
  await expect(widget.heading).toBeFocused();

  const forward = await tabRound(page, "Tab");
  expect(forward.filter((stop) => stop.startsWith("page:"))).toEqual([]);
  expect(forward.at(-1)).toBe("button.sw-panel-close");
  // Every field of the form on the way, its category radios as one stop.
  for (const field of ["category", "input#sw-title", "textarea#sw-description", "input#sw-contact-email", "button.sw-button"]) {
    expect(oneCategory(forward)).toContain(field);
  }
  expect(oneCategory(forward).filter((stop) => stop === "category")).toHaveLength(1);

  const backward = await tabRound(page, "Shift+Tab");
  expect(backward.filter((stop) => stop.startsWith("page:"))).toEqual([]);
  expect(oneCategory(backward.slice(0, -1))).toEqual(oneCategory(forward.slice(0, -1)).reverse());

  // A chosen category is the group's one stop.
  await widget.host.locator("#sw-category-billing").check();
  const chosen = await tabRound(page, "Tab");
  expect(chosen.filter((stop) => stop.startsWith("page:"))).toEqual([]);
  expect(chosen.filter((stop) => stop.startsWith("input#sw-category"))).toEqual(["input#sw-category-billing"]);
});

test("beside the page on a wide screen, Tab moves on from the panel to the page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  const widget = new SupportWidgetPage(page);
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(page.locator("support-widget .sw-panel")).not.toHaveAttribute("aria-modal", /.*/);
  const went = await tabRound(page, "Tab");
  // The page comes next after the widget's controls, before any way back
  // round to the close button.
  const left = went.findIndex((stop) => stop.startsWith("page:"));
  expect(left).toBeGreaterThan(0);
  expect(went.slice(0, left)).not.toContain("button.sw-panel-close");
});

test("while a request is sending, focus stays on Submit and Escape still closes the panel", async ({ page }) => {
  // The backend answers after a while, long enough to press keys meanwhile.
  let answer;
  const answered = new Promise((resolve) => (answer = resolve));
  let posts = 0;
  await page.route(/\/support-requests$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts++;
    await answered;
    await route.continue();
  });
  await page.goto(`${site.origin}/launcher.html`);
  const launcher = page.locator("support-widget .sw-launcher");
  await launcher.click();
  const widget = new SupportWidgetPage(page);
  await widget.openPartnerCenterRequest();
  await widget.fill({
    category: "billing",
    title: "Invoice counts a licence twice",
    description: "The October invoice lists Office 365 E3 twice.",
    name: "Alex Morgan",
    email: "alex.morgan@contoso.com",
  });
  await widget.submitButton.focus();
  await page.keyboard.press("Enter");
  await expect(widget.submitButton).toHaveAttribute("aria-busy", "true");
  await expect(widget.submitButton).toBeFocused();
  // A second Enter while sending sends nothing more.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.locator("support-widget .sw-panel")).toBeHidden();
  await expect(launcher).toBeFocused();

  answer();
  await launcher.click();
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toBe(1);
});

test("on a page zoomed with CSS zoom the panel stays on screen, its close button in reach", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.origin}/launcher.html`);
  for (const zoom of ["1.5", "0.8"]) {
    await page.evaluate((zoom) => (document.body.style.zoom = zoom), zoom);
    await page.locator("support-widget .sw-launcher").click();
    const panel = page.locator("support-widget .sw-panel");
    await expect(panel.getByTestId("home")).toBeVisible();
    const box = await panel.boundingBox();
    // The page's zoom scales the gaps: 32 px above at least, zoomed.
    expect(box.y).toBeGreaterThanOrEqual(32 * Number(zoom) - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await expect(page.locator("support-widget .sw-panel-close")).toBeInViewport({ ratio: 1 });
    await page.locator("support-widget .sw-panel-close").click();
    await expect(panel).toBeHidden();
  }
});

test("in the launcher's panel the partner reads a customer request, escalates it and comes back to it", async ({ page, request }) => {
  const title = `Launcher inbox ${Date.now()}`;
  const filed = await request.post(`${backend}/support-requests`, {
    headers: { "idempotency-key": crypto.randomUUID() },
    data: {
      kind: "customer_self_service",
      title,
      description: "Written from the help page.",
      contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
      locale: "en-US",
    },
  });
  expect(filed.status()).toBe(201);
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  const panel = page.locator("support-widget .sw-panel");
  await panel.getByTestId("open-inbox").click();
  await panel.getByTestId("inbox-request").filter({ hasText: title }).click();
  await expect(panel.getByTestId("status-description")).toContainText("Written from the help page.");
  // Escape closes the panel; the launcher opens it on the same request.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await page.locator("support-widget .sw-launcher").click();
  await expect(panel.getByTestId("message-actions")).toBeVisible();
  // Without a customer the message names, the escalation starts with the
  // customer search, and Back there leads back to the customer request.
  await panel.getByTestId("message-escalate").click();
  await expect(panel.locator("#sw-customer-search")).toBeVisible();
  await panel.getByTestId("back").click();
  await expect(panel.getByTestId("status-description")).toContainText("Written from the help page.");
});
