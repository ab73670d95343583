// The widget carries en-US; each other locale's messages are a file of
// their own, fetched when that locale is first asked for.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { axeTags, routeDemoVariant, SupportWidgetPage } from "./support-widget-page.js";

const messagesFile = /support-widget-[0-9a-f]+\.([a-z]{2}-[A-Z]{2})\.js/;

/** The locales whose messages the page has requested so far. */
function recordMessageRequests(page) {
  const requested = [];
  page.on("request", (request) => {
    const found = request.url().match(messagesFile);
    if (found) requested.push(found[1]);
  });
  return requested;
}

test("en-US fetches no messages, and each other locale is fetched once, when first chosen", async ({ page }) => {
  const requested = recordMessageRequests(page);
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill("Kept across languages");
  expect(requested).toEqual([]);

  const picker = widget.host.getByTestId("language-picker");
  await picker.selectOption("zh-TW");
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  await picker.selectOption("es-ES");
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  await picker.selectOption("zh-TW");
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  await picker.selectOption("en-US");
  await expect(widget.heading).toHaveText("New Partner Center request");

  expect(requested).toEqual(["zh-TW", "es-ES"]);
  await expect(widget.host.locator("#sw-title")).toHaveValue("Kept across languages");
});

test("a page that replaced window.Promise with its own still gets the language it asks for", async ({ page }) => {
  // As monitoring and polyfill scripts do: a subclass, which the loader's
  // native promises are not instances of.
  await page.addInitScript(() => {
    window.Promise = class PagePromise extends window.Promise {};
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill("Kept across languages");
  await widget.host.getByTestId("language-picker").selectOption("es-ES");
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  await expect(widget.host.getByTestId("messages-unavailable")).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue("Kept across languages");
});

test("while a chosen language is on its way, the picker shows the choice", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(messagesFile, async (route) => {
    await held;
    await route.continue();
  });
  const picker = widget.host.getByTestId("language-picker");
  await picker.selectOption("es-ES");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(widget.heading).toHaveText("New Partner Center request");
  await expect(picker).toHaveValue("es-ES");
  release();
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  await expect(picker).toHaveValue("es-ES");
});

test("a page in Chinese fetches its messages alongside the widget and is ready in Chinese", async ({ page }) => {
  await page.addInitScript(() => {
    const ready = [];
    Object.defineProperty(window, "__ready", { value: ready });
    document.addEventListener("support-widget:ready", (event) => ready.push(event.detail.locale));
  });
  const requested = recordMessageRequests(page);
  await routeDemoVariant(page, "/zh-cn.html", (demo) => demo.replace('<html lang="en">', '<html lang="zh-CN">'));
  const widget = new SupportWidgetPage(page);
  await widget.open("/zh-cn.html");
  await expect(widget.heading).toHaveText("新建合作伙伴中心请求");
  // The first words the page is told about are Chinese ones.
  expect(await page.evaluate(() => window.__ready)).toEqual(["zh-CN"]);
  expect(requested).toEqual(["zh-CN"]);
});

test("messages that cannot be fetched: said in the language shown, nothing typed is lost, and trying again works", async ({ page }) => {
  await page.addInitScript(() => {
    const errors = [];
    Object.defineProperty(window, "__errors", { value: errors });
    document.addEventListener("support-widget:error", (event) => errors.push(event.detail.code));
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill("Typed before the failure");
  let failing = true;
  await page.route(messagesFile, (route) => (failing ? route.abort("connectionreset") : route.continue()));

  const picker = widget.host.getByTestId("language-picker");
  await picker.selectOption("es-ES");
  const notice = widget.host.getByTestId("messages-unavailable");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "alert");
  await expect(notice).toContainText("couldn't be loaded");
  await expect(notice).toContainText("Español");
  // Said in Spanish first, for a reader who may read no English.
  await expect(notice.locator("p").first()).toHaveAttribute("lang", "es-ES");
  await expect(notice.locator("p").first()).toHaveText(/^No se han podido cargar los textos de la interfaz \(\u2068?Español\u2069?\)\./);
  await expect(widget.host.getByTestId("messages-retry")).toHaveText("Volver a intentarlo · Try again");
  // The widget stays in English, and the picker says so.
  await expect(widget.heading).toHaveText("New Partner Center request");
  await expect(picker).toHaveValue("en-US");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Typed before the failure");
  expect(await page.evaluate(() => window.__errors)).toEqual(["messages_unavailable"]);
  const audit = await new AxeBuilder({ page })
    .include("support-widget")
    .withTags(axeTags)
    .analyze();
  expect(audit.violations.map((v) => v.id)).toEqual([]);

  failing = false;
  await widget.host.getByTestId("messages-retry").click();
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  // Back at the picker, where the language was chosen.
  await expect(picker).toBeFocused();
  await expect(notice).toHaveCount(0);
  await expect(picker).toHaveValue("es-ES");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Typed before the failure");
});

test("a language that failed to load and is picked again later loads without the old failure's notice", async ({ page }) => {
  await page.addInitScript(() => {
    const errors = (window.__errors = []);
    document.addEventListener("support-widget:error", (event) => errors.push(event.detail.code));
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  let failing = true;
  const asked = [];
  await page.route(messagesFile, (route) => {
    asked.push(route.request().url());
    return failing ? route.abort("connectionreset") : route.continue();
  });
  const picker = widget.host.getByTestId("language-picker");
  const notice = widget.host.getByTestId("messages-unavailable");
  await picker.selectOption("es-ES");
  await expect(notice).toBeVisible();

  // The user moves on in English, and later picks Spanish again.
  failing = false;
  await picker.selectOption("en-US");
  await expect(notice).toHaveCount(0);
  await picker.selectOption("es-ES");
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  await expect(notice).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => window.__errors)).toEqual(["messages_unavailable"]);
  // Asked for at a new URL: a browser may remember a failed import by its URL.
  expect(asked.length).toBe(2);
  expect(asked[1]).not.toBe(asked[0]);
});

test("a launcher whose language's messages cannot be had keeps its words in that language, and says so in it", async ({ page }) => {
  await page.route(messagesFile, (route) => route.abort("connectionreset"));
  await routeDemoVariant(page, "/zh-tw-launcher.html", (demo) => demo.replace('mode="inline"', 'mode="launcher" locale="zh-TW"'));
  await page.goto("/zh-tw-launcher.html");
  const launcher = page.locator("support-widget .sw-launcher");
  await expect(launcher).toHaveText("說明與支援");
  await launcher.click();
  const widget = new SupportWidgetPage(page);
  const notice = widget.host.getByTestId("messages-unavailable");
  await expect(notice.locator("p").first()).toHaveText(/^無法載入.*繁體中文/);
  await expect(notice.locator("p").first()).toHaveAttribute("lang", "zh-TW");
  await expect(notice.locator("p").nth(1)).toContainText("couldn't be loaded");
  // The rest is in English, which the widget carries; the launcher, the
  // panel's name and its close button stay in Traditional Chinese.
  await expect(widget.heading).toHaveText("How can we help?");
  await expect(launcher).toHaveText("說明與支援");
  await expect(launcher).toHaveAttribute("lang", "zh-TW");
  await expect(page.locator("support-widget .sw-panel-close")).toHaveText("關閉");
});

test("a messages file that is not the widget's messages is refused like a failed fetch", async ({ page }) => {
  await page.route(messagesFile, (route) =>
    route.fulfill({ contentType: "text/javascript", body: 'export default "{\\"not\\": \\"messages\\"}";' }),
  );
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.getByTestId("language-picker").selectOption("zh-CN");
  await expect(widget.host.getByTestId("messages-unavailable")).toContainText("简体中文");
  await expect(widget.heading).toHaveText("New Partner Center request");
});
