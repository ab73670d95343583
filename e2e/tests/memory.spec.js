// A portal page stays open all day: going from screen to screen and filing
// request after request must not take more memory each time. The widget's
// WebAssembly memory only ever grows (in 64 KiB pages), so a leak shows as
// pages added long after the first screens were drawn.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";

const page64k = 64 * 1024;

/** Keeps the widget's WebAssembly memories, as the page instantiates them. */
function watchWasmMemory() {
  const memories = [];
  const keep = (instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      keep(result.instance ?? result);
      return result;
    };
  }
  window.__wasmMemoryBytes = () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
}

const wasmMemory = (page) => page.evaluate(() => window.__wasmMemoryBytes());

/** The sizes of the page's JavaScript heap's nodes, after a garbage collection (an ArrayBuffer's bytes are a node of their size). */
async function heapSizes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  const { snapshot, nodes } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const size = fields.indexOf("self_size");
  const found = [];
  for (let node = 0; node < nodes.length; node += fields.length) found.push(nodes[node + size]);
  return found;
}

/** The WebAssembly's URL, as the page loaded it. */
const wasmUrl = (page) =>
  page.evaluate(() => performance.getEntriesByType("resource").find(({ name }) => /\.wasm(\?|$)/.test(name))?.name);

test("the WebAssembly's bytes are not kept in the page's JavaScript heap once compiled", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // Compiled as it streams in, the bytes never enter the JavaScript heap;
  // bytes read into an ArrayBuffer (a fallback, or a loader of its own)
  // would, and stay for as long as anything holds them.
  const url = await wasmUrl(page);
  expect(url).toBeTruthy();
  const length = (await (await page.request.get(url)).body()).length;
  expect((await heapSizes(page)).filter((size) => size === length)).toEqual([]);

  // The same search finds the bytes when the page keeps them.
  await page.evaluate(async (url) => {
    window.keptWasm = await (await fetch(url)).arrayBuffer();
  }, url);
  expect((await heapSizes(page)).filter((size) => size === length).length).toBeGreaterThan(0);
});

test("going back and forth between screens takes no more memory after the first visits", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(watchWasmMemory);
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  const back = widget.host.getByTestId("back");
  const roundTrip = async () => {
    await widget.openPartnerCenterRequest();
    await back.click();
    await expect(widget.home).toBeVisible();
  };
  for (let visit = 0; visit < 10; visit++) await roundTrip();
  const settled = await wasmMemory(page);
  expect(settled).toBeGreaterThan(0);
  // Each round trip draws the form's fields, labels and texts anew; before
  // the reactive graph dropped the subscriptions of views no longer drawn,
  // 40 of them took about 480 KB more.
  for (let visit = 0; visit < 40; visit++) await roundTrip();
  expect(await wasmMemory(page)).toBeLessThanOrEqual(settled + page64k);
});

test("filing request after request from one widget takes no more memory once its list is full", async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(watchWasmMemory);
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const fileOne = async (index) => {
    await widget.fill({
      category: "billing",
      title: `The October invoice lists a licence twice (${index})`,
      description: "It appears on the invoices for October and November.",
      name: "Ana Sousa",
      email: "ana.sousa@contoso.com",
    });
    await widget.submit();
    await expect(widget.confirmation).toBeVisible();
    await widget.confirmation.getByRole("button", { name: "Submit another request" }).click();
    await expect(widget.form).toBeVisible();
  };
  // The device keeps its last 20 filed requests: the list is full after 20.
  let index = 0;
  for (; index < 22; index++) await fileOne(index);
  const settled = await wasmMemory(page);
  expect(settled).toBeGreaterThan(0);
  // Before the reactive graph dropped the subscriptions of views no longer
  // drawn, 40 more requests took about 400 KB more. The allocator may still
  // take up to two pages more after the first 22, and no more however many
  // follow (two pages more after 120 more requests, measured 2026-11-26):
  // it has not quite settled, where a leak grows with every request.
  for (; index < 62; index++) await fileOne(index);
  expect(await wasmMemory(page)).toBeLessThanOrEqual(settled + 2 * page64k);
});
