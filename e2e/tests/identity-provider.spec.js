// The page's token provider as the loader keeps it across moves of the
// element (each mounts the widget afresh): a refused setTokenProvider
// rejects and changes nothing, before the widget has loaded, after, and
// while the element is out of the page, so a move still signs the widget
// in with the provider given before it. The demo's own provider is left
// out (withoutTokenProvider): the test's is the only good one.
import { expect, test } from "@playwright/test";
import { holdBack, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";
import { authDemo, claimsOf, demoToken, signToken } from "./identity-tokens.js";

// What a refused call rejects with.
const refusal = /^<support-widget>: setTokenProvider: /;

/** A partner's token other than the demo's user: Bo Chen's, signed with
 *  the demo's secret. */
async function boChen(request) {
  const mei = await demoToken(request, "partner");
  return signToken({ ...claimsOf(mei), sub: `bo-${Date.now()}`, name: "Bo Chen", email: "bo.chen@example.com" });
}

/** The page hands the widget a provider of `token`. */
const signIn = (widget, token) => widget.host.evaluate((element, token) => element.setTokenProvider(() => token), token);

/** What `setTokenProvider(value)` came to: "applied", or the refusal's message. */
const attempt = (widget, value) =>
  widget.host.evaluate((element, value) => element.setTokenProvider(value).then(() => "applied", (error) => error.message), value);

/** Moves the element into a section of the page, as a single-page app does. */
const move = (widget) =>
  widget.host.evaluate((element) => {
    const section = document.createElement("section");
    element.after(section);
    section.append(element);
  });

/** The widget's requests go with `token`: a customer search from its home. */
async function expectRequestsWith(widget, token) {
  await expect(widget.home).toBeVisible();
  await widget.host.getByTestId("open-customer-request").click();
  const lookup = widget.page.waitForRequest((r) => r.url().includes("/customers?") && r.url().includes("contoso"));
  await widget.host.locator("#sw-customer-search").fill("contoso");
  expect((await lookup).headers().authorization).toBe(`Bearer ${token}`);
}

test("a provider the loaded widget refuses leaves the last good one, which a move asks again", async ({ page, request }) => {
  await withoutTokenProvider(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  const bo = await boChen(request);
  await signIn(widget, bo);
  for (const value of ["Bearer not-a-provider", 42, {}]) {
    expect.soft(await attempt(widget, value), JSON.stringify(value)).toMatch(refusal);
  }
  await move(widget);
  await expectRequestsWith(widget, bo);
});

test("a provider refused before the widget loads leaves the one given before it", async ({ page, request }) => {
  await withoutTokenProvider(page);
  const release = await holdBack(page);
  const widget = new SupportWidgetPage(page);
  await page.goto(`${authDemo}/`);
  await page.evaluate(() => customElements.whenDefined("support-widget"));
  const bo = await boChen(request);
  await signIn(widget, bo);
  // Refused at once, not when the widget loads.
  expect.soft(await attempt(widget, "Bearer not-a-provider")).toMatch(refusal);
  await move(widget);
  release();
  await expectRequestsWith(widget, bo);
});

test("a provider refused while the element is out of the page leaves the one given before it", async ({ page, request }) => {
  await withoutTokenProvider(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  const bo = await boChen(request);
  await signIn(widget, bo);
  const refused = await widget.host.evaluate((element) => {
    const place = element.parentNode;
    element.remove();
    const call = element.setTokenProvider({}).then(() => "applied", (error) => error.message);
    place.append(element);
    return call;
  });
  expect.soft(refused).toMatch(refusal);
  await expectRequestsWith(widget, bo);
});
