// The launcher's badge: the count of what is new for the signed-in user,
// which the widget tells the page with support-widget:unread, drawn by the
// loader on the launcher (as text, and in the button's name) and kept for
// the element's `unread` getter; and the widget started on idle, unseen,
// once the page has given a token provider, so that a launcher nobody has
// opened can count.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { axeTags, routeDemoVariant, SupportWidgetPage, wasmModule, withoutTokenProvider } from "./support-widget-page.js";

/** The demo page with its widget as a launcher (and `attributes`). */
const launcherPage = (page, attributes = "") =>
  routeDemoVariant(page, "/badge.html", (demo) => demo.replace('mode="inline"', `mode="launcher"${attributes}`));

// The page goes idle when the test calls the callbacks in window.idle.
const idleWhenAsked = (page) =>
  page.addInitScript(() => {
    window.idle = [];
    window.requestIdleCallback = (run) => window.idle.push(run);
  });
const goIdle = (page) => page.evaluate(() => window.idle.splice(0).forEach((run) => run()));

/** Tells the page what is new, as the widget does. */
const tell = (page, detail) =>
  page
    .locator("support-widget")
    .evaluate((el, detail) => el.dispatchEvent(new CustomEvent("support-widget:unread", { bubbles: true, composed: true, detail })), detail);

const twoNew = {
  count: 2,
  requests: [
    { id: "r-1", reference: "SR-000001" },
    { id: "r-2", reference: "SR-000002" },
  ],
};

test.beforeEach(async ({ page }) => {
  // Whether the widget has mounted (its first screen drawn), hidden or not.
  await page.addInitScript(() => {
    window.ready = 0;
    document.addEventListener("support-widget:ready", () => window.ready++);
  });
});

test("the badge shows the count the widget tells, as text and in the launcher's name, and the getter gives it", async ({ page }) => {
  await idleWhenAsked(page);
  // No one signed in: the widget, loaded below, counts nothing itself.
  await withoutTokenProvider(page);
  await launcherPage(page);
  await page.goto("/badge.html");
  const host = page.locator("support-widget");
  const launcher = host.locator(".sw-launcher");
  const badge = host.locator(".sw-launcher-badge");
  await expect(launcher).toBeVisible();
  // Unknown until the widget has counted: no badge, and the getter says null.
  expect(await host.evaluate((el) => el.unread)).toBeNull();
  await expect(badge).toBeHidden();
  await expect(host.getByRole("button", { name: "Help and support", exact: true })).toBeVisible();

  await tell(page, twoNew);
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText("2");
  await expect(host.getByRole("button", { name: "Help and support, 2 new", exact: true })).toBeVisible();
  expect(await host.evaluate((el) => el.unread)).toEqual(twoNew);
  // Its contrast and name pass axe, as the launcher's do.
  const axe = await new AxeBuilder({ page }).include("support-widget").withTags(axeTags).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // The widget, once loaded, relabels the launcher in its language: the
  // badge stays.
  await launcher.click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
  await expect(launcher).toHaveText("Help and support 2");
  await expect(host.getByRole("button", { name: "Help and support, 2 new", exact: true })).toBeVisible();

  // Nothing new: no badge, and the launcher's name is its words again.
  await tell(page, { count: 0, requests: [] });
  await expect(badge).toBeHidden();
  await expect(host.getByRole("button", { name: "Help and support", exact: true })).toBeVisible();
  expect(await host.evaluate((el) => el.unread)).toEqual({ count: 0, requests: [] });
});

test("the badge's name is in the launcher's language, and survives a move of the element", async ({ page }) => {
  await idleWhenAsked(page);
  await launcherPage(page, ' locale="zh-TW"');
  await page.goto("/badge.html");
  const host = page.locator("support-widget");
  await expect(host.locator(".sw-launcher")).toBeVisible();
  await tell(page, twoNew);
  await expect(host.getByRole("button", { name: "說明與支援，2 則新訊息", exact: true })).toBeVisible();
  // A moved launcher is drawn anew, with the last count.
  await host.evaluate((el) => el.parentNode.append(el));
  await expect(host.locator(".sw-launcher-badge")).toHaveText("2");
  await expect(host.getByRole("button", { name: "說明與支援，2 則新訊息", exact: true })).toBeVisible();
});

test("another user signed in, or none, leaves no count of the last one's", async ({ page }) => {
  await idleWhenAsked(page);
  await launcherPage(page);
  await page.goto("/badge.html");
  const host = page.locator("support-widget");
  await expect(host.locator(".sw-launcher")).toBeVisible();
  await tell(page, twoNew);
  await expect(host.locator(".sw-launcher-badge")).toHaveText("2");
  await host.evaluate((el) => el.setTokenProvider(null));
  await expect(host.locator(".sw-launcher-badge")).toBeHidden();
  await expect(host.getByRole("button", { name: "Help and support", exact: true })).toBeVisible();
  expect(await host.evaluate((el) => el.unread)).toBeNull();
});

test("a signed-in launcher nobody has opened starts its widget once the page is idle, its panel closed", async ({ page }) => {
  await idleWhenAsked(page);
  // The demo's sign-in gives each widget a token provider as the page loads.
  await launcherPage(page);
  const wasm = [];
  page.on("request", (r) => wasmModule.test(r.url()) && wasm.push(r.url()));
  await page.goto("/badge.html");
  const host = page.locator("support-widget");
  const launcher = host.locator(".sw-launcher");
  await expect(launcher).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.idle.length)).toBeGreaterThan(0);
  expect(wasm).toEqual([]);

  await goIdle(page);
  await expect.poll(() => page.evaluate(() => window.ready)).toBe(1);
  // Mounted, unseen: the panel stays closed, and focus where it was.
  await expect(host.locator(".sw-panel")).toBeHidden();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  // Its heading is there once the user opens it, without loading again.
  await launcher.click();
  await expect(new SupportWidgetPage(page).home).toBeVisible();
  await expect(host.locator(".sw-heading")).toBeFocused();
  expect(wasm).toHaveLength(1);
  expect(await page.evaluate(() => window.ready)).toBe(1);
});

test("a launcher without a token provider only hints its files on idle, and starts once the page signs its user in", async ({ page }) => {
  await idleWhenAsked(page);
  await withoutTokenProvider(page);
  await launcherPage(page);
  await page.goto("/badge.html");
  const host = page.locator("support-widget");
  await expect(host.locator(".sw-launcher")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.idle.length)).toBeGreaterThan(0);
  const fetched = page.waitForEvent("requestfinished", (r) => wasmModule.test(r.url()));
  await goIdle(page);
  await fetched;
  await expect(page.locator("head link[data-support-widget]")).toHaveCount(1);
  // The hint's fetch is all: nothing mounts.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.ready)).toBe(0);

  // The page signs its user in later (its sign-in came after the launcher):
  // the widget starts once the page is idle again.
  await host.evaluate((el) => el.setTokenProvider(async () => null));
  await expect.poll(() => page.evaluate(() => window.idle.length)).toBe(1);
  await goIdle(page);
  await expect.poll(() => page.evaluate(() => window.ready)).toBe(1);
  await expect(host.locator(".sw-panel")).toBeHidden();
  // Loaded, its hints are gone.
  await expect(page.locator("head link[data-support-widget]")).toHaveCount(0);
});
