// The widget works under the strict Content Security Policy that
// docs/embedding.md gives: no inline scripts or styles, no eval, only its own
// origin (its scripts, styles and WebAssembly; the portal's own token
// endpoint too, which the demo's sign-in asks) and the backend.
import { expect, test } from "@playwright/test";
import { backend, routeDemoVariant, SupportWidgetPage, wasmModule } from "./support-widget-page.js";
import { serveSite } from "./site-server.js";
import { strictPolicy } from "./strict-csp.js";
import { cspPort } from "../playwright.config.js";

const policy = strictPolicy(backend);

// A PNG of one pixel, for a screenshot's thumbnail.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let site;
test.beforeAll(async () => {
  // The demo site, served with the policy as a deployer's server would.
  site = await serveSite(cspPort, { "content-security-policy": policy });
});
test.afterAll(() => site.close());

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // Test instrumentation only: collects violations for the assertions.
    const seen = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
});

async function violations(page, consoleErrors) {
  const seen = await page.evaluate(() => window.__cspViolations);
  return [...seen, ...consoleErrors.filter((text) => /Content Security Policy/i.test(text))];
}

test("both request flows work under a strict CSP without a single violation", async ({ page, request }) => {
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  const response = await page.goto(`${site.origin}/`);
  expect(response.headers()["content-security-policy"]).toBe(policy);
  const widget = new SupportWidgetPage(page);
  await widget.open(`${site.origin}/`);

  await widget.setAttribute("locale", "zh-CN");
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  await widget.fill({ category: "technical", title: "CSP", description: "Strict policy.", name: "Li", email: "li@contoso.cn" });
  // A screenshot, with its thumbnail (a blob: URL) drawn.
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "shot.png", mimeType: "image/png", buffer: png });
  const thumbnail = widget.host.getByTestId("attachment-thumbnail");
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img) => img.complete && img.naturalWidth)).toBe(1);
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await widget.submit();
  await widget.storedRequest(request);

  await widget.goto(`${site.origin}/`);
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  await widget.host.getByRole("option", { name: "Contoso Ltd" }).click();
  await widget.host.getByTestId("service-option").first().click();
  await widget.escalate();
  await widget.host.locator("#sw-severity").check();
  await widget.fill({ title: "CSP customer", description: "Strict policy.", name: "Li", email: "li@contoso.cn" }, { category: false });
  await widget.submit();
  await widget.storedRequest(request);

  expect(await violations(page, consoleErrors)).toEqual([]);
});

for (const mode of ["launcher", "inline"]) {
  test(`a policy that refuses the widget's stylesheet is reported to the page (${mode})`, async ({ page }) => {
    // The deployer forgot the widget's origin in style-src.
    await routeDemoVariant(page, "/no-styles.html", (demo) =>
      demo
        .replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="style-src 'none'">`)
        .replace('mode="inline"', `mode="${mode}"`),
    );
    await page.addInitScript(() => {
      window.widgetErrors = [];
      document.addEventListener("support-widget:error", (e) => window.widgetErrors.push(e.detail));
    });
    await page.goto("/no-styles.html");
    await expect.poll(() => page.evaluate(() => window.widgetErrors.map((detail) => detail.code))).toEqual(["styles_unavailable"]);
    const [error] = await page.evaluate(() => window.widgetErrors);
    // The message is the stylesheet's URL.
    expect(error.message).toMatch(/^http:\/\/.*\/support-widget-[0-9a-f]{8}\.css$/);
    const host = page.locator("support-widget");
    if (mode === "launcher") {
      // Not drawn, rather than drawn unstyled in the page's flow: the
      // launcher joins the page only when its stylesheet loads, which never
      // comes.
      await page.waitForTimeout(500);
      await expect(host.locator(".sw-launcher")).toHaveCount(0);
      // Nor does the page's open() show the panel unstyled in its flow.
      const before = await page.locator("body").boundingBox();
      await host.evaluate((el) => el.open("partner-center"));
      await expect(host.locator(".sw-panel")).toHaveCount(0);
      expect(await page.locator("body").boundingBox()).toEqual(before);
    } else {
      // Inline, the widget still works, unstyled.
      await expect(new SupportWidgetPage(page).home).toBeVisible();
    }
  });
}

test("a policy whose connect-src leaves out the widget's origin says the widget cannot load, and tells the page", async ({ page }) => {
  // The deployer forgot the widget's origin in connect-src: its WebAssembly
  // is fetched, so it cannot load.
  await routeDemoVariant(page, "/no-connect.html", (demo) =>
    demo.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="connect-src ${backend}">`),
  );
  await page.addInitScript(() => {
    window.widgetErrors = [];
    document.addEventListener("support-widget:error", (e) => window.widgetErrors.push(e.detail));
  });
  await page.goto("/no-connect.html");
  await expect(page.locator("support-widget").getByRole("alert")).toContainText("Help couldn't be loaded.");
  expect(await page.evaluate(() => window.widgetErrors.map((detail) => detail.code))).toEqual(["widget_unavailable"]);
  // The browser names the directive and the file it refused.
  const refused = (await page.evaluate(() => window.__cspViolations)).filter((v) => v.startsWith("connect-src "));
  expect(refused.map((v) => wasmModule.test(v.slice("connect-src ".length)))).toContain(true);
});
