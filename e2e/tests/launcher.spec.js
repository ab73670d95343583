// Launcher mode: a floating button drawn by the loader alone; the widget
// loads on intent and opens in a panel that Escape closes.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { launcherPort } from "../playwright.config.js";
import { SupportWidgetPage } from "./support-widget-page.js";
import { serveSite } from "./site-server.js";

let site;
test.beforeAll(async () => {
  const demo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e/site/index.html");
  const page = (await fs.readFile(demo, "utf-8")).replace('mode="inline"', 'mode="launcher"');
  site = await serveSite(launcherPort, {}, { "/launcher.html": page });
});
test.afterAll(() => site.close());

const wasmRequests = (page) => {
  const seen = [];
  page.on("request", (r) => /support-widget-[0-9a-f]+\.(wasm\.js|js)$/.test(r.url()) && seen.push(r.url()));
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

test("the launcher and its panel pass axe", async ({ page }) => {
  await page.goto(`${site.origin}/launcher.html`);
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const audit = async () =>
    (await new AxeBuilder({ page }).include("support-widget").withTags(tags).options({ rules: { "target-size": { enabled: true } } }).analyze()).violations.map((v) => v.id);
  await expect(page.locator("support-widget .sw-launcher")).toBeVisible();
  expect(await audit()).toEqual([]);
  await page.locator("support-widget .sw-launcher").click();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  expect(await audit()).toEqual([]);
});

test("on a phone the panel fills the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`${site.origin}/launcher.html`);
  await page.locator("support-widget .sw-launcher").click();
  await expect(page.locator("support-widget").getByTestId("home")).toBeVisible();
  const box = await page.locator("support-widget .sw-panel").boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 700 });
});
