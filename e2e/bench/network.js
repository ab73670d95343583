// The benchmark on an emulated mobile network: in launcher mode, how long
// after the click on the launcher a user on Slow 4G or Fast 4G sees the
// home screen ready to use, and the Partner Center form, and how many bytes
// the page fetched by then; cold (the click comes 50 ms after
// DOMContentLoaded, before the page idled, so nothing was fetched ahead) and
// after the loader's idle hints (the glue's modulepreload, the WebAssembly's
// low-priority fetch). The files come compressed, as the
// static server sends them (brotli).
import { probe } from "./probe.js";

// As issue #49 sets them (Lighthouse's Slow 4G; a fast 4G cell). The
// upload speeds, which the issue leaves open, are Chrome DevTools' presets.
export const networks = [
  { id: "slow_4g", name: "Slow 4G", rtt: 150, download_mbps: 1.6, upload_mbps: 0.75 },
  { id: "fast_4g", name: "Fast 4G", rtt: 40, download_mbps: 9, upload_mbps: 1.5 },
];

// The home screen is interactive once its first choice is drawn and enabled.
const firstScreen = "[data-testid=open-partner-center-request]:not(:disabled)";
const form = "[data-testid=request-form]";
// A page with no request in flight this long (ms) has fetched what its idle hints ask for.
const quiet = 500;

/**
 * The bytes a page fetches, as Chromium counts them on the wire (headers
 * and compressed bodies: encodedDataLength), each with the wall-clock time
 * (ms) its response finished, so that they can be set against the page's
 * own clock.
 */
function watchNetwork(cdp) {
  const finished = [];
  const inFlight = new Set();
  let offset = null; // wall-clock ms minus Chromium's monotonic ms
  let lastChange = Date.now();
  cdp.on("Network.requestWillBeSent", (event) => {
    offset ??= event.wallTime * 1000 - event.timestamp * 1000;
    inFlight.add(event.requestId);
    lastChange = Date.now();
  });
  cdp.on("Network.loadingFinished", (event) => {
    finished.push({ at: event.timestamp * 1000 + offset, bytes: event.encodedDataLength });
    inFlight.delete(event.requestId);
    lastChange = Date.now();
  });
  cdp.on("Network.loadingFailed", (event) => {
    inFlight.delete(event.requestId);
    lastChange = Date.now();
  });
  return {
    /** Bytes of the responses that finished within (from, to], wall-clock ms. */
    bytes: (from, to) => finished.filter(({ at }) => at > from && at <= to).reduce((sum, { bytes }) => sum + bytes, 0),
    /** Resolves once nothing has been in flight for `quiet` ms. */
    async settled() {
      while (inFlight.size || Date.now() - lastChange < quiet) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** One journey on one page: click the launcher, then the Partner Center choice. */
async function journey(browser, url, network, hinted) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Cold: the page never goes idle, so only the click loads the widget.
    await page.addInitScript(probe, { idle: hinted, inline: false });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: network.rtt,
      downloadThroughput: (network.download_mbps * 1e6) / 8,
      uploadThroughput: (network.upload_mbps * 1e6) / 8,
    });
    const watch = watchNetwork(cdp);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    if (hinted) {
      // The loader asks for an idle callback when the launcher connects;
      // one asked for after the load event comes after it, and the hints it
      // adds are fetched once nothing is in flight.
      await page.waitForLoadState("load");
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
      await watch.settled();
    } else {
      await page.waitForTimeout(50);
    }
    await page.evaluate(([selector, next]) => window.__supportWidgetBench.armIntent(selector, next), [firstScreen, form]);
    await page.locator(".sw-launcher").click();
    const result = await page.evaluate(() => window.__supportWidgetBench.intentResult());
    if (result.intent === null) throw new Error("the click on the launcher reached no listener in the page");
    const origin = await page.evaluate(() => performance.timeOrigin);
    // Responses that finish while the screen is drawn are counted by its paint.
    const wall = (ms) => origin + ms;
    return {
      first_screen: result.painted - result.intent,
      form: result.next.painted - result.intent,
      bytes_first_screen: watch.bytes(-Infinity, wall(result.painted)),
      bytes_click_to_first_screen: watch.bytes(wall(result.intent), wall(result.painted)),
      bytes_form: watch.bytes(-Infinity, wall(result.next.painted)),
    };
  } finally {
    await context.close();
  }
}

/** Every network figure of one run on one page: cold, then after the idle hints. */
export async function measureNetworkRun(browser, url, network) {
  const cold = await journey(browser, url, network, false);
  const hinted = await journey(browser, url, network, true);
  return {
    cold_first_screen: cold.first_screen,
    cold_form: cold.form,
    hinted_first_screen: hinted.first_screen,
    hinted_form: hinted.form,
    cold_bytes_first_screen: cold.bytes_first_screen,
    cold_bytes_click_to_first_screen: cold.bytes_click_to_first_screen,
    cold_bytes_form: cold.bytes_form,
    hinted_bytes_click_to_first_screen: hinted.bytes_click_to_first_screen,
  };
}

/** [id, label, unit] in the order they are printed. */
export const networkMetrics = [
  ["cold_first_screen", "cold: click → interactive first screen", "ms"],
  ["cold_form", "cold: click → Partner Center form", "ms"],
  ["hinted_first_screen", "after the idle hints: click → interactive first screen", "ms"],
  ["hinted_form", "after the idle hints: click → Partner Center form", "ms"],
  ["cold_bytes_first_screen", "cold: bytes fetched before the first screen, from the navigation", "KiB"],
  ["cold_bytes_click_to_first_screen", "cold: bytes fetched from the click to the first screen", "KiB"],
  ["cold_bytes_form", "cold: bytes fetched before the Partner Center form, from the navigation", "KiB"],
  ["hinted_bytes_click_to_first_screen", "after the idle hints: bytes fetched from the click to the first screen", "KiB"],
];
