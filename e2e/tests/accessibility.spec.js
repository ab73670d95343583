// WCAG 2.2 AA: axe-core checks every screen and step of every flow in each
// locale, and every flow can be completed by keyboard alone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoPort } from "../playwright.config.js";
import { axeTags as tags, backend, routeDemoVariant, SupportWidgetPage } from "./support-widget-page.js";

const locales = ["en-US", "zh-CN", "zh-TW", "es-ES"];

/** Runs axe on the widget as it is now; `step` names it in the failure. */
async function expectNoViolations(page, step) {
  // Let transitions and focus moves settle before the audit.
  await page.waitForTimeout(50);
  const results = await new AxeBuilder({ page })
    .include("support-widget")
    .withTags(tags)
    .options({ rules: { "target-size": { enabled: true } } })
    .analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
    summary: v.nodes[0]?.failureSummary,
  }));
  expect(found, `axe violations on "${step}"`).toEqual([]);
}

for (const locale of locales) {
  test(`Partner Center request screens pass axe in ${locale}`, async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    await widget.goto();
    await widget.setAttribute("locale", locale);
    await expectNoViolations(page, "home");
    await widget.openPartnerCenterRequest();
    await expectNoViolations(page, "Partner Center form");
    await widget.host.locator("#sw-contact-email").fill("not-an-address");
    await widget.submit();
    await expect(widget.errorSummary).toBeFocused();
    await expectNoViolations(page, "Partner Center form with errors");
    await widget.fill({
      category: "billing",
      title: "Axe",
      description: "Checked.",
      name: "Ana",
      email: "ana@contoso.com",
    });
    await widget.submit();
    await expect(widget.confirmation).toBeVisible();
    await expectNoViolations(page, "Partner Center confirmation");
  });

  test(`customer request screens pass axe in ${locale}`, async ({ page }) => {
    // Nine screens and steps, each checked by axe.
    test.slow();
    const widget = new SupportWidgetPage(page);
    await widget.goto();
    await widget.setAttribute("locale", locale);
    await widget.host.getByTestId("open-customer-request").click();
    await expectNoViolations(page, "customer search");
    const search = widget.host.locator("#sw-customer-search");
    await search.fill("zzzz");
    await expect(widget.host.getByTestId("customer-search-status")).toContainText("zzzz");
    await expectNoViolations(page, "customer search without matches");
    await search.fill("fabrikam");
    await expect(widget.host.getByTestId("customer-option").first()).toBeVisible();
    await search.press("ArrowDown");
    await expectNoViolations(page, "customer search with an active option");
    await search.press("Enter");
    await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
    await expectNoViolations(page, "service choice");
    await widget.host.getByTestId("service-option").first().click();
    await expectNoViolations(page, "self-help");
    await widget.host.getByTestId("solved").click();
    await expectNoViolations(page, "solved");
    await widget.host.getByTestId("start-again").click();
    await widget.host.getByTestId("open-customer-request").click();
    // Started again: the search is empty.
    await expect(search).toHaveValue("");
    await search.fill("fabrikam");
    await widget.host.getByTestId("customer-option").first().click();
    await widget.host.getByTestId("service-option").first().click();
    await widget.escalate();
    await expectNoViolations(page, "customer request form");
    await widget.submit();
    await expect(widget.errorSummary).toBeFocused();
    await expectNoViolations(page, "customer request form with errors");
    await widget.host.locator("#sw-severity-minimal").check();
    await widget.fill({ category: "technical", title: "Axe", description: "Checked.", name: "Ana", email: "ana@contoso.com" }, { category: false });
    await widget.submit();
    await expect(widget.confirmation).toBeVisible();
    await expectNoViolations(page, "customer request confirmation");
  });

  test(`escalation guide, status and filed-request screens pass axe in ${locale}`, async ({ page, request }) => {
    // A dozen screens, each checked by axe.
    test.slow();
    const widget = new SupportWidgetPage(page);
    await widget.goto();
    await widget.setAttribute("locale", locale);
    await widget.host.getByTestId("open-customer-request").click();
    await widget.host.locator("#sw-customer-search").fill("fabrikam");
    await widget.host.getByTestId("customer-option").first().click();
    await widget.host.getByTestId("service-option").nth(1).click(); // Azure: a current incident
    await widget.host.getByTestId("still-needs-help").click();
    await expect(widget.host.getByTestId("incident").first()).toBeVisible();
    await expectNoViolations(page, "guide: service health");
    await widget.host.getByTestId("incident-mine").first().click();
    await expect(widget.host.getByTestId("guide-known-incident").getByTestId("incident")).toBeVisible();
    await expectNoViolations(page, "guide: known incident");
    await widget.host.getByTestId("back").click();
    await widget.host.getByTestId("guide-health-continue").click();
    await expectNoViolations(page, "guide: troubleshooting");
    await widget.host.getByTestId("troubleshoot-software").check();
    await widget.host.getByTestId("guide-troubleshoot-continue").click();
    await expectNoViolations(page, "guide: categories");
    await widget.host.getByTestId("guide-reason-none").click();
    await expectNoViolations(page, "guide: partner duties");
    await widget.host.getByTestId("guide-duties-decline").click();
    await expect(widget.host.getByTestId("guide-own-support")).toBeVisible();
    await expectNoViolations(page, "guide: the partner supports it");
    await widget.host.getByTestId("back").click();
    await widget.host.getByTestId("guide-duties-lacks-means").click();
    await expect(widget.host.getByTestId("guide-remediation")).toBeVisible();
    await expectNoViolations(page, "guide: the remediation warning");
    await widget.host.getByTestId("guide-remediation-continue").click();
    await expectNoViolations(page, "customer request after the guide");
    await widget.host.locator("#sw-severity-minimal").check();
    await widget.fill({ title: "Axe", description: "Checked.", name: "Ana", email: "ana@contoso.com" }, { category: false });
    await widget.submit();
    await expect(widget.confirmation).toBeVisible();
    // A reply, so that the status screen shows its thread too.
    const id = await widget.confirmation.getAttribute("data-request-id");
    const replied = await request.post(`${backend}/support-requests/${id}/replies`, {
      headers: { "idempotency-key": crypto.randomUUID() },
      data: { body: "Which subscription?\nThe one in China East 2." },
    });
    expect(replied.status()).toBe(201);
    await widget.host.getByTestId("view-status").click();
    await expect(widget.host.getByTestId("status-current")).toBeVisible();
    await expect(widget.host.getByTestId("status-reply")).toHaveCount(1);
    await expectNoViolations(page, "request status");
    await widget.host.evaluate((el) => el.open("home"));
    await widget.host.getByTestId("open-filed-requests").click();
    await expect(widget.host.getByTestId("filed-status").first()).not.toBeEmpty();
    await expectNoViolations(page, "filed requests");
  });

  test(`customer self-service screens pass axe in ${locale}`, async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    await page.goto("/self-service.html");
    await widget.setAttribute("locale", locale);
    await expect(widget.host.getByTestId("incident").first()).toBeVisible();
    await expectNoViolations(page, "self-service");
    await widget.host.getByTestId("article-query").fill("Office 365");
    await widget.host.getByTestId("article-search-button").click();
    await expect(widget.host.getByTestId("article").first()).toBeVisible();
    await expectNoViolations(page, "self-service with articles");
    await widget.host.getByTestId("help-contact").click();
    await expectNoViolations(page, "contact the partner");
    await widget.host.getByTestId("back").click();
    await widget.host.getByTestId("help-solved").click();
    await expectNoViolations(page, "self-service solved");
  });

  test(`customer messages, the customer's own and closing the loop pass axe in ${locale}`, async ({ browser, request }) => {
    const title = `Axe loop ${locale} ${Date.now()}`;
    const customerContext = await browser.newContext({ baseURL: `http://127.0.0.1:${demoPort}/` });
    const customerPage = await customerContext.newPage();
    const customer = new SupportWidgetPage(customerPage);
    await customerPage.goto("/self-service.html");
    await customer.setAttribute("locale", locale);
    await customer.host.getByTestId("help-contact").click();
    await customer.fill({ title, description: "Checked.", name: "Zhang Wei", email: "zhang.wei@example.cn" }, { category: false });
    await customer.submit();
    await expect(customer.confirmation).toBeVisible();
    const messageId = await customer.confirmation.getAttribute("data-request-id");
    await customer.host.getByTestId("view-status").click();
    await expect(customer.host.getByTestId("status-current")).toBeVisible();
    // Not signed in, the customer reads back what they sent, and no more.
    await expect(customer.host.getByTestId("reply-box")).toHaveCount(0);
    await expectNoViolations(customerPage, "the customer's request");
    await customer.host.getByTestId("back").click();
    await customer.host.getByTestId("back").click();
    await customer.host.getByTestId("open-filed-requests").click();
    await expect(customer.host.getByTestId("filed-request").first()).toBeVisible();
    await expectNoViolations(customerPage, "my requests");
    await customerContext.close();

    const partnerContext = await browser.newContext({ baseURL: `http://127.0.0.1:${demoPort}/` });
    const page = await partnerContext.newPage();
    const widget = new SupportWidgetPage(page);
    await widget.goto();
    await widget.setAttribute("locale", locale);
    await expect(widget.host.getByTestId("inbox-open-count")).toBeVisible();
    await expectNoViolations(page, "home with customer messages");
    await widget.host.getByTestId("open-inbox").click();
    await expect(widget.host.getByTestId("inbox-request").first()).toBeVisible();
    await expectNoViolations(page, "customer messages");
    await widget.host.getByTestId("inbox-request").filter({ hasText: title }).click();
    await expect(widget.host.getByTestId("message-actions")).toBeVisible();
    await expectNoViolations(page, "a customer message");
    // Escalated, and resolved by 21Vianet: the loop to close.
    const escalation = await request.post(`${backend}/support-requests`, {
      headers: { "idempotency-key": crypto.randomUUID() },
      data: {
        kind: "customer",
        customer: { id: "beijing-cloud", name: "北京云计算有限公司" },
        service: "azure",
        related_request: messageId,
        escalation: { reason: "unavailable_service", health_checked: true, troubleshooting: [] },
        title,
        description: "Escalated.",
        severity: "minimal",
        contact: { name: "Ana", email: "ana@contoso.com" },
        locale,
      },
    });
    expect(escalation.status(), await escalation.text()).toBe(201);
    const resolved = await request.post(`${backend}/support-requests/${(await escalation.json()).id}/status`, {
      data: { status: "resolved", note: "Fixed." },
    });
    expect(resolved.status()).toBe(200);
    await widget.host.getByTestId("status-refresh").click();
    await expect(widget.host.getByTestId("close-loop-box")).toBeVisible();
    await expectNoViolations(page, "closing the loop");
    await partnerContext.close();
  });

  test(`the configuration error passes axe in ${locale}`, async ({ page }) => {
    await routeDemoVariant(page, "/misconfigured.html", (demo) =>
      demo.replace(/backend="[^"]*"/, `backend="ftp://example.com" locale="${locale}"`),
    );
    await page.goto("/misconfigured.html");
    await expect(page.locator("support-widget").getByTestId("config-error")).toBeVisible();
    await expectNoViolations(page, "configuration error");
  });
}

test("a Partner Center request can be filed by keyboard alone", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  const focused = () => page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element ? `${element.tagName.toLowerCase()}#${element.id}[${element.getAttribute("data-testid") ?? ""}]` : "";
  });
  const tabTo = async (pattern) => {
    for (let i = 0; i < 30; i++) {
      if (pattern.test(await focused())) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${pattern}; focus is on ${await focused()}`);
  };

  await tabTo(/open-partner-center-request/);
  await page.keyboard.press("Enter");
  await expect(widget.heading).toBeFocused();
  await tabTo(/#sw-category\[/);
  await page.keyboard.press("ArrowDown"); // moves to and checks "Billing"
  await expect(widget.host.locator("#sw-category-billing")).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Keyboard only");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Filed without a mouse.");
  // The files picker is one Tab stop; no file this time.
  await page.keyboard.press("Tab");
  await expect(widget.host.getByTestId("attachments-add")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Kai");
  await page.keyboard.press("Tab");
  await page.keyboard.type("kai@contoso.com");
  // Shift+Tab goes back, and forward again keeps what was typed.
  await page.keyboard.press("Shift+Tab");
  await expect(widget.host.locator("#sw-contact-name")).toBeFocused();
  await tabTo(/submit/);
  await page.keyboard.press("Enter");
  await expect(widget.confirmation).toBeVisible();
  await expect(widget.confirmation.locator("h3")).toBeFocused();
  const stored = await widget.storedRequest(request);
  expect(stored.request).toMatchObject({ category: "billing", title: "Keyboard only", contact: { email: "kai@contoso.com" } });
});

test("a customer request can be filed by keyboard alone", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "zh-TW");
  await widget.host.getByTestId("open-customer-request").focus();
  await page.keyboard.press("Enter");
  await expect(widget.heading).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(widget.host.locator("#sw-customer-search")).toBeFocused();
  await page.keyboard.type("高雄");
  await expect(widget.host.getByTestId("customer-option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(widget.heading).toBeFocused();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await page.keyboard.press("Tab"); // the first service
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("self-help")).toBeVisible();
  // The new screen puts focus on its heading once drawn: from there on, so
  // that the focus moved below is not taken back by it.
  await expect(widget.heading).toBeFocused();
  await widget.host.getByTestId("still-needs-help").focus();
  await page.keyboard.press("Space");
  // The guide, each step by keyboard, its heading focused as it comes.
  await expect(widget.host.getByTestId("guide-health")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await expect(widget.host.locator("[data-testid=incident], [data-testid=health-none]").first()).toBeVisible();
  await widget.host.getByTestId("guide-health-continue").focus();
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("guide-troubleshoot")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await widget.host.getByTestId("troubleshoot-software").focus();
  await page.keyboard.press("Space");
  await expect(widget.host.getByTestId("troubleshoot-software")).toBeChecked();
  await widget.host.getByTestId("guide-troubleshoot-continue").focus();
  await page.keyboard.press("Enter");
  await expect(widget.heading).toBeFocused();
  await widget.host.locator("[data-testid=guide-reason]").first().focus();
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("request-context")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(widget.host.locator("#sw-severity")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.type("鍵盤操作");
  await page.keyboard.press("Tab");
  await page.keyboard.type("全程只用鍵盤。");
  await page.keyboard.press("Tab");
  await expect(widget.host.getByTestId("attachments-add")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("林小明");
  await page.keyboard.press("Tab");
  await page.keyboard.type("lin@contoso.com.tw");
  await page.keyboard.press("Enter"); // Enter in a field submits the form
  await expect(widget.confirmation).toBeVisible();
  const stored = await widget.storedRequest(request);
  expect(stored.request).toMatchObject({ kind: "customer", severity: "critical", title: "鍵盤操作" });
});

test("at 320 CSS pixels the widget reflows without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "es-ES");
  await widget.submit();
  await expect(widget.errorSummary).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // 16 px in every control, the language picker too, or phones zoom in.
  for (const control of [widget.host.locator("#sw-title"), widget.host.getByTestId("language-picker")]) {
    const font = await control.evaluate((el) => getComputedStyle(el).fontSize);
    expect(parseFloat(font)).toBeGreaterThanOrEqual(16);
  }
  // Errors wrap here; each link is a block, so that its bullet stays on its
  // first line (an inline-block puts it on the last).
  const displays = await widget.errorSummary.locator("a").evaluateAll((links) => links.map((a) => getComputedStyle(a).display));
  expect(displays.length).toBeGreaterThan(0);
  expect(displays.every((display) => display === "block")).toBe(true);
});

test("focus is visible on every control reached by Tab", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.heading.focus();
  const seen = new Set();
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || element.getRootNode() === document) return null;
      const style = getComputedStyle(element);
      return { id: `${element.tagName}#${element.id}`, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!focus) break;
    seen.add(focus.id);
    expect(focus.outline, `${focus.id} shows where focus is`).toBe(true);
  }
  expect(seen.size).toBeGreaterThanOrEqual(8);
});

test("a screen's heading, focused when the screen opens, shows a focus ring after a key but not after a click", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const ring = () => widget.heading.evaluate((h) => getComputedStyle(h).outlineStyle !== "none");
  await widget.goto();
  await widget.host.getByTestId("open-partner-center-request").click();
  await expect(widget.heading).toBeFocused();
  expect(await ring(), "after a click").toBe(false);

  await widget.host.getByTestId("back").focus();
  await page.keyboard.press("Enter");
  await expect(widget.home).toBeVisible();
  await expect(widget.heading).toBeFocused();
  expect(await ring(), "after Enter").toBe(true);
});

test("each field is described by its hint, and by its error once it has one", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const description = widget.host.locator("#sw-description");
  const email = widget.host.locator("#sw-contact-email");
  await expect(description).toHaveAttribute("aria-describedby", "sw-description-hint");
  await expect(email).not.toHaveAttribute("aria-describedby");
  await widget.submit();
  await expect(description).toHaveAttribute("aria-describedby", "sw-description-hint sw-description-error");
  await expect(email).toHaveAttribute("aria-describedby", "sw-contact-email-error");
  for (const id of ["sw-description-hint", "sw-description-error", "sw-contact-email-error"]) {
    await expect(widget.host.locator(`#${id}`)).not.toBeEmpty();
  }
});

test("a submission on its way is announced through a live region, and its confirmation once, by its focused heading", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "technical", title: "Announce", description: "Live region.", name: "Ana", email: "ana@contoso.com" });
  // The form's own region (the widget's, above every screen, tells of
  // requests filed away from their form).
  const status = widget.host.locator(".sw-body [role=status]").first();
  const told = [];
  await page.exposeFunction("told", (text) => told.push(text));
  await status.evaluate((region) =>
    new MutationObserver(() => region.textContent && window.told(region.textContent)).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    }),
  );
  // While the request is on its way, the region says so.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/support-requests", async (route) => {
    await held;
    await route.continue();
  });
  await widget.submit();
  await expect(status).toHaveText("Submitting your request…");
  release();
  // The confirmation's heading takes focus and is read out: the region
  // does not say it again (when the user has gone on to the page, it does:
  // attachments.spec.js).
  await expect(widget.confirmation.locator(".sw-heading")).toBeFocused();
  await expect(widget.confirmation.locator(".sw-heading")).toHaveText("Request submitted");
  await page.waitForTimeout(300);
  await expect(status).toBeEmpty();
  expect(told).not.toContain("Request submitted");
});

/** The reference sentence of the confirmation, as each locale words it. */
const referenceSentence = {
  "en-US": (reference) => `Your request's reference is ${reference}.`,
  "zh-CN": (reference) => `你的请求编号为 ${reference}。`,
  "zh-TW": (reference) => `您的要求編號為 ${reference}。`,
  "es-ES": (reference) => `La referencia de su solicitud es ${reference}.`,
};

test("the confirmation's heading, which takes focus, is described by the request's reference in every locale", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  for (const locale of locales) {
    await widget.setAttribute("locale", locale);
    await widget.fill({ category: "billing", title: `Heard in ${locale}`, description: "Its reference too.", name: "Ana", email: "ana@contoso.com" });
    await widget.submit();
    const heading = widget.confirmation.getByRole("heading", { level: 3 });
    await expect(heading).toBeFocused();
    const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");
    expect(reference).toMatch(/^SR-\d{6}$/);
    await expect(heading).toHaveAccessibleDescription(referenceSentence[locale](reference));
    // "Submit another request", for the next locale.
    await widget.confirmation.locator(".sw-actions button").last().click();
    await expect(widget.form).toBeVisible();
  }
});

test("a customer's message to its partner is confirmed with its reference, to screen readers too", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await page.goto("/self-service.html");
  await widget.setAttribute("locale", "es-ES");
  await widget.host.getByTestId("help-contact").click();
  await widget.fill({ title: "Sigo sin poder entrar", description: "Restablecí la contraseña.", name: "Lucía", email: "lucia@fabrikam.es" }, { category: false });
  await widget.submit();
  const heading = widget.confirmation.getByRole("heading", { level: 3 });
  await expect(heading).toBeFocused();
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");
  await expect(heading).toHaveAccessibleDescription(referenceSentence["es-ES"](reference));
});

test("radio groups left empty are marked invalid, each radio described by the group's error", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const categories = widget.host.locator("input[name=category]");
  await expect(categories).toHaveCount(3);
  for (const radio of await categories.all()) await expect(radio).toHaveAttribute("aria-invalid", "false");
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  const error = (await widget.host.locator("#sw-category-error").textContent()).trim();
  expect(error).not.toBe("");
  for (const radio of await categories.all()) {
    await expect(radio).toHaveAttribute("aria-invalid", "true");
    await expect(radio).toHaveAccessibleDescription(error);
  }
  // The summary's link puts focus on the first radio, which says what is wrong.
  await widget.errorSummary.getByRole("link", { name: error }).click();
  const first = widget.host.getByRole("radio").first();
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-invalid", "true");
  await expect(first).toHaveAccessibleDescription(error);
  // Chosen, the group is put right.
  await widget.host.locator("#sw-category-billing").check();
  for (const radio of await categories.all()) {
    await expect(radio).toHaveAttribute("aria-invalid", "false");
    await expect(radio).toHaveAccessibleDescription("");
  }

  // The customer request's severities: each keeps its hint, then the error.
  await widget.goto();
  await widget.setAttribute("locale", "zh-CN");
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("fabrikam");
  await widget.host.getByTestId("customer-option").first().click();
  await widget.host.getByTestId("service-option").first().click();
  await widget.escalate();
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  const severities = widget.host.locator("input[name=severity]");
  const severityError = (await widget.host.locator("#sw-severity-error").textContent()).trim();
  expect(await severities.count()).toBeGreaterThan(1);
  for (const radio of await severities.all()) {
    const hint = await radio.evaluate((input) => input.parentElement.querySelector(".sw-hint").textContent.trim());
    await expect(radio).toHaveAttribute("aria-invalid", "true");
    await expect(radio).toHaveAccessibleDescription(`${hint} ${severityError}`);
  }
  await widget.errorSummary.getByRole("link", { name: severityError }).click();
  await expect(widget.host.locator("#sw-severity")).toBeFocused();
  await expect(widget.host.locator("#sw-severity")).toHaveAttribute("aria-invalid", "true");

  // Filed, its confirmation names the reference to screen readers too.
  await widget.host.locator("#sw-severity-minimal").check();
  await widget.fill({ title: "严重性", description: "已选择。", name: "王芳", email: "wang.fang@contoso.cn" }, { category: false });
  await widget.submit();
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");
  await expect(widget.confirmation.getByRole("heading", { level: 3 })).toHaveAccessibleDescription(referenceSentence["zh-CN"](reference));
});

/** The landmarks in `locator`'s accessibility tree that have no name. */
async function unnamedLandmarks(locator) {
  const tree = await locator.ariaSnapshot();
  const landmark = /^\s*- (banner|complementary|contentinfo|form|main|navigation|region|search)\b/;
  return tree.split("\n").filter((line) => landmark.test(line) && !/^\s*- \w+ "/.test(line));
}

test("every landmark on the home screen has a name, the note before escalating its heading's", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  for (const [locale, note] of [["en-US", "Before you escalate"], ["zh-TW", "呈報問題之前"]]) {
    await widget.setAttribute("locale", locale);
    await expect(widget.host.getByRole("complementary", { name: note, exact: true })).toBeVisible();
    expect(await unnamedLandmarks(widget.host)).toEqual([]);
  }
});
