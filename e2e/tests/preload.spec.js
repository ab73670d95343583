// The loader preloads only what will be used: Chromium warns in the console
// of a preloaded file that the page leaves unused for a few seconds. Each
// demo page, the demo as a launcher that nobody opens (signed out, and
// signed in, which starts its widget on idle), and the demo with its
// styles refused by a CSP (inline, and a launcher, which is then never drawn)
// is left idle for 10 s, side by side in one browser context, and none of
// them may hear that warning. A wait for an absence, so one test for them all.
import { expect, test } from "@playwright/test";
import { routeDemoVariant } from "./support-widget-page.js";

/** The demo's page with its widget as a launcher, or with its styles refused. */
const launcher = (demo) => demo.replace('mode="inline"', 'mode="launcher"');
const noStyles = (demo) => demo.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="style-src 'none'">`);
/** ...without the demo's sign-in, which gives each widget a token provider. */
const signedOut = (demo) => demo.replace('<script type="module" src="sign-in.js"></script>', "");

const pages = [
  { path: "/", ready: (page) => page.locator("support-widget").getByTestId("home") },
  { path: "/self-service.html", ready: (page) => page.locator("support-widget").getByTestId("self-service") },
  // Drawn, and no one signed in, so once the page is idle its files are
  // hinted (the glue's link in <head>, a fetch of the WebAssembly), and then
  // nobody hovers, focuses or clicks it.
  { path: "/launcher.html", edit: (demo) => signedOut(launcher(demo)), ready: (page) => page.locator("support-widget .sw-launcher"), hints: 1 },
  // Signed in, so once the page is idle its widget starts, unseen, and its
  // hints go.
  { path: "/launcher-signed-in.html", edit: launcher, ready: (page) => page.locator("support-widget .sw-launcher"), hints: 0 },
  // Its launcher is never drawn (docs/embedding.md, "Content Security Policy"),
  // so nothing is hinted.
  { path: "/launcher-no-styles.html", edit: (demo) => noStyles(launcher(demo)), ready: null, hints: 0 },
  { path: "/inline-no-styles.html", edit: noStyles, ready: (page) => page.locator("support-widget").getByTestId("home") },
];

test("no page hears that a file was preloaded and left unused, after 10 s idle", async ({ context }) => {
  test.setTimeout(60_000);
  const heard = await Promise.all(
    pages.map(async ({ path, edit, ready, hints }) => {
      const page = await context.newPage();
      const said = [];
      page.on("console", (message) => said.push(`${path}: ${message.type()}: ${message.text()}`));
      if (edit) await routeDemoVariant(page, path, edit);
      // The page goes idle (requestIdleCallback), and nobody hovers or clicks.
      await page.goto(path);
      if (ready) await expect(ready(page)).toBeVisible();
      else await page.waitForFunction(() => document.querySelector("support-widget")?.shadowRoot);
      await page.waitForTimeout(10_000);
      if (hints !== undefined) await expect(page.locator("head link[data-support-widget]")).toHaveCount(hints);
      return said;
    }),
  );
  expect(heard.flat().filter((line) => /preload/i.test(line))).toEqual([]);
});
