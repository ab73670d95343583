// One run of the benchmark on one page, the widget's or the baseline's: the
// same user actions on the same selectors (the baseline copies the widget's
// ids and data-testids), each in a fresh browser context so that the first
// load finds an empty cache. Timings come from inside the page (probe.js).
import { probe } from "./probe.js";
import { longestTask, traceCategories } from "./trace.js";

const home = "[data-testid=open-partner-center-request]";
const form = "[data-testid=request-form]";
const confirmation = "[data-testid=confirmation]";
const categories = ["#sw-category", "#sw-category-billing", "#sw-category-customer_subscription_management"];
const typed = "The October invoice lists the same licence twice";
export const cycles = 20;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function freshPage(browser, options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe, options);
  return { context, page };
}

const inPage = (page, call, arg) => page.evaluate(call, arg);

/** Clicks the launcher and times the first intent to the home screen, painted. */
async function intentToInteractive(page) {
  await page.waitForLoadState("load");
  await page.locator(".sw-launcher").waitFor({ state: "visible" });
  await inPage(page, (selector) => window.__supportWidgetBench.armIntent(selector), home);
  await page.locator(".sw-launcher").click();
  const { intent, painted } = await inPage(page, () => window.__supportWidgetBench.intentResult());
  if (intent === null) throw new Error("the click on the launcher reached no listener in the page");
  return painted - intent;
}

async function heap(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await inPage(page, () => window.__supportWidgetBench.wasmMemoryBytes());
  return { js: usedSize, wasm };
}

async function fill(page, index) {
  await page.locator(categories[index % categories.length]).check();
  await page.locator("#sw-title").fill(`${typed} (${index + 1})`);
  await page.locator("#sw-description").fill("It appears on the invoice for October and again for November.\nThe licence was bought once.");
  await page.locator("#sw-contact-name").fill("Ana Sousa");
  await page.locator("#sw-contact-email").fill("ana.sousa@contoso.com");
  await page.locator("#sw-contact-phone").fill("+86 10 5555 0100");
  await page.locator("#sw-contact-language").selectOption("zh-CN");
}

/** Open the panel, fill the form, submit it, start another, close the panel. */
async function cycle(page, index) {
  // The first cycle finds the panel that the intent timing opened.
  if (await page.locator(".sw-panel").isHidden()) await page.locator(".sw-launcher").click();
  const shown = page.locator(`${form}, ${home}`).filter({ visible: true }).first();
  await shown.waitFor({ state: "visible" });
  if ((await shown.getAttribute("data-testid")) !== "request-form") {
    await page.locator(home).click();
    await page.locator(form).waitFor({ state: "visible" });
  }
  await fill(page, index);
  await page.locator("[data-testid=submit]").click();
  await page.locator(confirmation).waitFor({ state: "visible" });
  await page.locator(confirmation).getByRole("button", { name: "Submit another request" }).click();
  await page.locator(form).waitFor({ state: "visible" });
  await page.locator(".sw-panel-close").click();
  await page.locator(".sw-panel").waitFor({ state: "hidden" });
}

/** Launcher mode: intent to an interactive panel, cold then warm; memory after load and after the cycles. */
async function launcher(browser, url) {
  const { context, page } = await freshPage(browser, { idle: false, inline: false });
  await page.goto(url);
  const intentCold = await intentToInteractive(page);
  await page.reload();
  const intentWarm = await intentToInteractive(page);
  const cdp = await context.newCDPSession(page);
  const afterLoad = await heap(page, cdp);
  for (let index = 0; index < cycles; index++) await cycle(page, index);
  const afterCycles = await heap(page, cdp);
  await context.close();
  return {
    intent_cold: intentCold,
    intent_warm: intentWarm,
    heap_after_load: afterLoad.js,
    heap_after_cycles: afterCycles.js,
    wasm_memory_after_load: afterLoad.wasm,
    wasm_memory_after_cycles: afterCycles.wasm,
  };
}

/** Inline mode: first render, cold then warm; then the latency of clicks and keystrokes. */
async function inline(browser, url) {
  const { context, page } = await freshPage(browser, { inline: true });
  const firstRender = async () => (await inPage(page, () => window.__supportWidgetBench.firstRender)).painted;
  await page.goto(url);
  const renderCold = await firstRender();
  await page.reload();
  const renderWarm = await firstRender();

  const track = () => inPage(page, () => window.__supportWidgetBench.trackInput());
  const latencies = () => inPage(page, () => window.__supportWidgetBench.inputLatencies());
  await track();
  await page.locator(home).click();
  await page.locator(form).waitFor({ state: "visible" });
  const [openForm] = (await latencies()).click;
  await track();
  for (const selector of [...categories, ...categories]) await page.locator(selector).click();
  const categoryClicks = (await latencies()).click;
  await page.locator("#sw-title").click();
  await track();
  await page.keyboard.type(typed, { delay: 50 });
  const keystrokes = (await latencies()).typing;
  await context.close();
  return {
    first_render_cold: renderCold,
    first_render_warm: renderWarm,
    click_open_form: openForm,
    click_category: median(categoryClicks),
    typing_median: median(keystrokes),
    typing_slowest: Math.max(...keystrokes),
  };
}

/** Inline mode again, traced: the longest main-thread task of the load, and of a submit. */
async function tasks(browser, url) {
  const { context, page } = await freshPage(browser, { inline: true });
  const origin = new URL(url).origin;
  await browser.startTracing(page, { categories: traceCategories });
  await page.goto(url);
  await inPage(page, () => window.__supportWidgetBench.firstRender);
  // What the widget does just after showing itself belongs to its load.
  await page.waitForTimeout(1000);
  const load = longestTask(await browser.stopTracing(), origin);

  await page.locator(home).click();
  await page.locator(form).waitFor({ state: "visible" });
  await fill(page, 0);
  // Let the draft's delayed write pass: it belongs to typing, not to the submit.
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: traceCategories });
  await page.locator("[data-testid=submit]").click();
  await inPage(page, (selector) => window.__supportWidgetBench.whenShown(selector), confirmation);
  await page.waitForTimeout(500);
  const submit = longestTask(await browser.stopTracing(), origin);
  await context.close();
  return { longest_task_load: load, longest_task_submit: submit };
}

/** Every figure of one run on one page (pages: { inline, launcher } URLs). */
export async function measureRun(browser, pages) {
  return {
    ...(await launcher(browser, pages.launcher)),
    ...(await inline(browser, pages.inline)),
    ...(await tasks(browser, pages.inline)),
  };
}

export { median };
