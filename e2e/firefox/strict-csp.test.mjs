// The widget is quiet in Firefox too: under the strict Content Security
// Policy that docs/embedding.md gives, the demo's launcher page (hinting the
// widget's files while nobody opens it; signed in, starting the widget on
// idle; then opened) and its inline page load with no console error and no
// CSP violation, in Debian's Firefox ESR driven through WebDriver BiDi
// (puppeteer-core). The release build in dist/ (scripts/build) is served
// as scripts/serve serves it, against a backend of its own; the other
// end-to-end tests run in Chromium (Playwright).
//
// Run: node --test e2e/firefox/   (FIREFOX names another Firefox binary)
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { serveSite } from "../tests/site-server.js";
import { strictPolicy } from "../tests/strict-csp.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = "target/e2e-firefox";
const port = (name, fallback) => Number(process.env[name] ?? fallback);
const demoPort = port("FIREFOX_DEMO_PORT", 18094);
const backendPort = port("FIREFOX_BACKEND_PORT", 18794);
const webhookPort = port("FIREFOX_WEBHOOK_PORT", 18795);
const sitePort = port("FIREFOX_CSP_PORT", 18096);
const backend = `http://127.0.0.1:${backendPort}`;
const policy = strictPolicy(backend);
const deadline = 30_000;

let serve;
let site;
let browser;

/** Polls `check` until it is truthy, failing with `what` after the deadline. */
async function until(what, check) {
  const end = Date.now() + deadline;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

before(async () => {
  // The backend and the demo site, as scripts/serve runs them (open: no one
  // is signed in, and the demo's sign-in hands each widget a provider that
  // gives no token).
  serve = spawn("bash", ["scripts/serve"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      AUTH: "none",
      DEMO_PORT: String(demoPort),
      BACKEND_PORT: String(backendPort),
      WEBHOOK_PORT: String(webhookPort),
      DATA_DIR: dataDir,
      BACKEND_LOG: `${dataDir}/backend.log`,
      ALLOWED_ORIGINS: `http://127.0.0.1:${sitePort}`,
    },
  });
  await until("scripts/serve", () =>
    fetch(`http://127.0.0.1:${demoPort}/support-widget.js`).then((r) => r.ok, () => false),
  );
  // ...and again from a server that sends the strict policy with every
  // response, as a deployer's would, with the demo's page as a launcher,
  // with and without the demo's sign-in (its token provider).
  const siteDir = path.join(root, dataDir, "site");
  const demo = await fs.readFile(path.join(siteDir, "index.html"), "utf-8");
  const launcher = demo.replace('mode="inline"', 'mode="launcher"');
  assert.notEqual(launcher, demo);
  const signedOut = launcher.replace('<script type="module" src="sign-in.js"></script>', "");
  assert.notEqual(signedOut, launcher);
  site = await serveSite(
    sitePort,
    { "content-security-policy": policy },
    { "/launcher.html": signedOut, "/launcher-signed-in.html": launcher },
    siteDir,
  );
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  site?.close();
  if (serve?.pid) process.kill(-serve.pid, "SIGTERM");
});

/**
 * A page of its own browser context (its own HTTP cache), opened at `path`,
 * that collects its console errors, uncaught errors (WebDriver BiDi's log
 * entries) and CSP violations (the page's `securitypolicyviolation` events),
 * and whether the widget is ready (`support-widget:ready`).
 */
async function open(path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const heard = [];
  page.on("console", (message) => message.type() === "error" && heard.push(`console error: ${message.text()}`));
  page.on("pageerror", (error) => heard.push(`uncaught: ${error.message}`));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    window.__ready = false;
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    document.addEventListener("support-widget:ready", () => (window.__ready = true));
  });
  const response = await page.goto(`${site.origin}${path}`);
  assert.equal(response.headers()["content-security-policy"], policy);
  const inWidget = (selector) =>
    page.evaluate((selector) => {
      const found = document.querySelector("support-widget")?.shadowRoot?.querySelector(selector);
      return Boolean(found && found.getClientRects().length);
    }, selector);
  const quiet = async () => [...heard, ...(await page.evaluate(() => window.__violations)).map((v) => `CSP violation: ${v}`)];
  return { page, context, inWidget, quiet, ready: () => page.evaluate(() => window.__ready) };
}

const wasmServed = () => site.requested.filter((name) => /^\/support-widget-[0-9a-f]+\.wasm$/.test(name)).length;

test("a launcher nobody has opened hints its files quietly, and its first open does not fetch the WebAssembly again", async () => {
  const before = wasmServed();
  const { page, context, inWidget, quiet, ready } = await open("/launcher.html");
  await until("the launcher", () => inWidget(".sw-launcher"));
  // The page goes idle: the glue's link and the WebAssembly's fetch, read
  // to its end (its resource timing entry is then there) and kept.
  await until("the hints", () =>
    page.evaluate(() =>
      document.querySelector("link[rel=modulepreload][data-support-widget]") &&
      performance.getEntriesByType("resource").some((e) => /support-widget-[0-9a-f]+\.wasm$/.test(e.name)),
    ),
  );
  assert.equal(await ready(), false, "no token provider: the widget does not start by itself");
  await page.evaluate(() => document.querySelector("support-widget").shadowRoot.querySelector(".sw-launcher").click());
  await until("the widget's home", () => inWidget(".sw-heading"));
  assert.equal(wasmServed() - before, 1, "the first open fetched the WebAssembly again");
  assert.deepEqual(await quiet(), []);
  await context.close();
});

test("a signed-in launcher starts its widget on idle, unseen, quietly", async () => {
  const { page, context, inWidget, quiet, ready } = await open("/launcher-signed-in.html");
  await until("the widget, started on idle", ready);
  assert.equal(await inWidget(".sw-panel"), false, "the panel opened by itself");
  await page.evaluate(() => document.querySelector("support-widget").shadowRoot.querySelector(".sw-launcher").click());
  await until("the widget's home", () => inWidget(".sw-heading"));
  assert.deepEqual(await quiet(), []);
  await context.close();
});

test("the inline page loads quietly", async () => {
  const { context, inWidget, quiet, ready } = await open("/");
  await until("the widget's home", () => inWidget("[data-testid=home]"));
  await until("the widget", ready);
  assert.deepEqual(await quiet(), []);
  await context.close();
});
