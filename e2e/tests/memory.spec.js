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
  test.setTimeout(180_000);
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
  for (; index < 42; index++) await fileOne(index);
  expect(await wasmMemory(page)).toBeLessThanOrEqual(settled + page64k);
});
