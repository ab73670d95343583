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

/** The page's JavaScript heap, after a garbage collection, as a snapshot's strings and their sizes. */
async function heapStrings(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const [type, name, size] = ["type", "name", "self_size"].map((field) => fields.indexOf(field));
  const stringType = snapshot.meta.node_types[0].indexOf("string");
  const found = [];
  for (let node = 0; node < nodes.length; node += fields.length) {
    if (nodes[node + type] === stringType) found.push({ text: strings[nodes[node + name]], size: nodes[node + size] });
  }
  return found;
}

/** The WebAssembly module's URL, as the page loaded it. */
const wasmModuleUrl = (page) =>
  page.evaluate(() => performance.getEntriesByType("resource").find(({ name }) => /\.wasm\.js(\?|$)/.test(name))?.name);

test("the WebAssembly's text is not kept in the page's JavaScript heap once compiled", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // The module carries the WebAssembly as text, about 0.9 MB of it, its
  // first part XOR a key (scripts/write_loader.py). Its first characters,
  // read from the file outside the page, tell that text apart from any other.
  const url = await wasmModuleUrl(page);
  expect(url).toBeTruthy();
  const source = await (await page.request.get(url)).text();
  const start = source.slice(source.indexOf("{/*") + 3).slice(0, 8);
  expect(start).toHaveLength(8);
  // A snapshot writes a NUL as a space.
  const isWasmText = ({ text }) => text.replaceAll("\0", " ").startsWith(start.replaceAll("\0", " "));
  expect((await heapStrings(page)).filter(isWasmText).map(({ size }) => size)).toEqual([]);

  // The same search finds the text when the page keeps it, as a string
  // literal in the module would.
  await page.evaluate(async (url) => {
    const source = await (await fetch(url)).text();
    const comment = source.slice(source.indexOf("{/*") + 3, source.lastIndexOf("*/}"));
    window.keptWasmText = comment.replace(/\\([^])/g, "$1");
  }, url);
  expect((await heapStrings(page)).filter(isWasmText).length).toBeGreaterThan(0);
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
