// A page object for a portal page with one or more <support-widget>s.
// Playwright's CSS locators pierce open shadow roots, so the widget's
// data-testid and id selectors work from the page.
import { expect } from "@playwright/test";
import { backendPort, demoPort } from "../playwright.config.js";

export const backend = `http://127.0.0.1:${backendPort}`;

/** What axe-core checks the widget against: WCAG 2.2 AA and best practice. */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The widget's WebAssembly (its .wasm file). */
export const wasmModule = /support-widget-[0-9a-f]+\.wasm$/;

/**
 * Holds back every request `pattern` matches (the widget's WebAssembly
 * module unless told) until the returned function is called, as a slow
 * network would: what the page shows while it waits can be checked.
 */
export async function holdBack(page, pattern = wasmModule) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Holds back the widget's WebAssembly module as a slow network would, until
 * `release()`; `hold()` holds the next requests again. A request let through
 * fails while `failing` is true, as a network that is down would.
 */
export async function gateWasm(page, { failing = false } = {}) {
  let release;
  let held;
  const gate = {
    failing,
    hold: () => (held = new Promise((resolve) => (release = resolve))),
    release: () => release(),
  };
  gate.hold();
  await page.route(wasmModule, async (route) => {
    await held;
    await (gate.failing ? route.abort("connectionrefused") : route.continue());
  });
  return gate;
}

/** Serves `path` as the demo page changed by `edit` (its HTML in, HTML out). */
export async function routeDemoVariant(page, path, edit) {
  await page.route(`**${path}`, async (route) => {
    const demo = await (await route.fetch({ url: `http://127.0.0.1:${demoPort}/` })).text();
    await route.fulfill({ contentType: "text/html", body: edit(demo) });
  });
}

/** Serves the demo's sign-in script (demo/sign-in.js) empty: the page then
 *  hands the widget no token provider, as a portal that sends its sign-in
 *  through setRequestHeaders only. */
export async function withoutTokenProvider(page) {
  await page.route("**/sign-in.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
}

/** Answers the widget's request with `status` and `body` as JSON, as a
 *  backend does (CORS allowing the demo page). */
export function answerWith(route, status, body, headers = {}) {
  return route.fulfill({
    status,
    contentType: "application/json",
    headers: {
      "Access-Control-Allow-Origin": `http://127.0.0.1:${demoPort}`,
      "Access-Control-Expose-Headers": "Retry-After",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** Answers the widget's request with `status` and an error body the
 *  widget can read, as a failing backend does. */
export function failWith(route, status, headers = {}) {
  return answerWith(route, status, { errors: [{ field: "", code: "internal" }] }, headers);
}

/** Adds a new widget for `backend` to the page's main part, as a portal's
 *  script does, and waits for its first screen (`screen`, a test id: home
 *  unless the tab's partner was part-way to a request). */
export async function addWidget(page, backend, screen = "home") {
  await page.evaluate((backend) => {
    const element = document.createElement("support-widget");
    element.setAttribute("backend", backend);
    document.querySelector("main").append(element);
  }, backend);
  const widget = new SupportWidgetPage(page, page.locator("support-widget").last());
  await expect(widget.host.getByTestId(screen)).toBeVisible();
  return widget;
}

export class SupportWidgetPage {
  constructor(page, host = page.locator("support-widget").first()) {
    this.page = page;
    this.host = host;
    this.home = host.getByTestId("home");
    this.form = host.getByTestId("request-form");
    this.heading = host.locator("h2");
    this.submitButton = host.getByTestId("submit");
    this.errorSummary = host.getByTestId("error-summary");
    this.submitError = host.getByTestId("submit-error");
    this.confirmation = host.getByTestId("confirmation");
  }

  /** Loads a page and waits for the widget's home screen. */
  async goto(path = "/") {
    await this.page.goto(path);
    await expect(this.home).toBeVisible();
  }

  /** Loads a page and opens the Partner Center request. */
  async open(path = "/") {
    await this.goto(path);
    await this.openPartnerCenterRequest();
  }

  async openPartnerCenterRequest() {
    await this.host.getByTestId("open-partner-center-request").click();
    await expect(this.form).toBeVisible();
  }

  /** On the admin center's self-help: "still needs help", then the
   *  escalation guide walked to the request, escalated for `reason`. */
  async escalate(reason = "unavailable_service") {
    await this.host.getByTestId("still-needs-help").click();
    const health = this.host.getByTestId("guide-health");
    const category = this.host.getByTestId("guide-category");
    // The same customer and service again: the guide shows the question
    // that ended it, answered as it was.
    await expect(health.or(category)).toBeVisible();
    if (await category.isVisible()) {
      await category.locator(`[data-testid=guide-reason][data-reason=${reason}]`).click();
      await expect(this.form).toBeVisible();
      return;
    }
    // Health counts as checked once its list (or its failure) is shown.
    await expect(health.locator("[data-testid=incident], [data-testid=health-none], [role=alert]").first()).toBeVisible();
    await this.host.getByTestId("guide-health-continue").click();
    await this.host.getByTestId("troubleshoot-configuration").check();
    await this.host.getByTestId("guide-troubleshoot-continue").click();
    await this.host.locator(`[data-testid=guide-reason][data-reason=${reason}]`).click();
    await expect(this.form).toBeVisible();
  }

  async setAttribute(name, value) {
    await this.host.evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
  }

  async fill(request, { category = true } = {}) {
    if (category) await this.host.locator(`#sw-category${request.category === "technical" ? "" : `-${request.category}`}`).check();
    await this.host.locator("#sw-title").fill(request.title);
    await this.host.locator("#sw-description").fill(request.description);
    // A signed-in user is not asked for these: leave them out.
    if (request.name !== undefined) await this.host.locator("#sw-contact-name").fill(request.name);
    if (request.email !== undefined) await this.host.locator("#sw-contact-email").fill(request.email);
    if (request.phone) await this.host.locator("#sw-contact-phone").fill(request.phone);
    if (request.language) await this.host.locator("#sw-contact-language").selectOption(request.language);
  }

  async submit() {
    await this.submitButton.click();
  }

  /** A form's draft as stored in localStorage ("" when none), by audience
   *  and flow: the signed-in user's, or the device's; the first, if several
   *  users of the browser keep one. */
  draft(audience, flow) {
    const end = `:${audience}:${flow}(:user-[0-9a-f]{16})?$`;
    return this.page.evaluate(
      (end) => Object.entries(localStorage).find(([key]) => new RegExp(end).test(key))?.[1] ?? "",
      end,
    );
  }

  /** The customer request's draft as stored in localStorage ("" when none). */
  customerDraft() {
    return this.draft("partner", "customer");
  }

  /** The stored request, read back from the reference backend's API. */
  async storedRequest(request) {
    await expect(this.confirmation).toBeVisible();
    const id = await this.confirmation.getAttribute("data-request-id");
    const response = await request.get(`${backend}/support-requests/${id}`);
    expect(response.status()).toBe(200);
    return response.json();
  }
}
