// Hostile input: text with markup, bidi overrides, zero-width characters and
// emoji is stored exactly and shown as text; text the widget cannot send is
// refused at its field in the user's language, and kept; strings from the
// backend are text, never markup; bad host attributes fall back as the
// README says.
import { expect, test } from "@playwright/test";
import { answerWith, backend, SupportWidgetPage } from "./support-widget-page.js";

const markup = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
const hostileTitle = `${markup} \u202Egnp.exe\u202C a\u200Bb\u200Dc 👩‍💻 «ok»`;

/** Nothing the user or the backend wrote became an element. */
async function expectNoInjectedMarkup(page, widget) {
  await expect(widget.host.locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
}

test("markup, bidi, zero-width and emoji round-trip exactly and show as text", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const description = `${markup}\nLine two ‮ reversed ‬ 😀\u200B`;
  await widget.fill({
    category: "technical",
    title: hostileTitle,
    description,
    name: `Ada <b>Lovelace</b>`,
    email: "ada@contoso.com",
  });
  await expectNoInjectedMarkup(page, widget);
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.title).toBe(hostileTitle);
  expect(stored.request.description).toBe(description);
  expect(stored.request.contact.name).toBe("Ada <b>Lovelace</b>");
  // The status screen shows the title as the backend stored it: as text.
  await widget.host.getByTestId("view-status").click();
  await expect(widget.host.locator(".sw-status-title")).toHaveText(hostileTitle);
  await expectNoInjectedMarkup(page, widget);
});

test("a draft of hostile text comes back exactly after a reload", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill(hostileTitle);
  const key = `support-widget:v1:draft:${backend}/:partner:partner-center`;
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).not.toBeNull();
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue(hostileTitle);
  await expectNoInjectedMarkup(page, widget);
});

test("100,000 characters get the localized too-long message at the field and are kept", async ({ page }) => {
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const long = "長".repeat(50_000) + "x".repeat(50_000);
  await widget.fill({ category: "billing", title: "Long", description: long, name: "A", email: "a@contoso.com" });
  await widget.submit();
  const fieldError = widget.host.locator("#sw-description-error");
  // Fluent isolates its arguments with U+2068 and U+2069; numbers are
  // grouped as each locale groups them.
  const tooLong = /Description\u2069? must be \u2068?10,000\u2069? characters or fewer/;
  await expect(fieldError).toContainText(tooLong);
  await expect(widget.errorSummary).toContainText(tooLong);
  // The way out: what is too long to type out goes as a file.
  await expect(fieldError).toContainText("Attach a long log or text as a file instead");
  await widget.setAttribute("locale", "es-ES");
  await expect(fieldError).toContainText(/\u2068?10\.000\u2069?/);
  await expect(fieldError).not.toContainText("must be");
  await widget.setAttribute("locale", "zh-TW");
  await expect(fieldError).toContainText(/\u2068?10,000\u2069? 個字元。較長的記錄檔或文字請改以檔案附加/);
  // Any other field says only its limit.
  await widget.host.locator("#sw-title").fill("長".repeat(201));
  await widget.submit();
  await expect(widget.host.locator("#sw-title-error")).toContainText(/\u2068?200\u2069? 個字元$/);
  expect(await widget.host.locator("#sw-description").inputValue()).toBe(long);
  expect(posts).toEqual([]);
});

test("invisible control characters, such as a terminal log's colour codes, are left out of what is sent", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-CN");
  const log = "\u001b[31mERROR\u001b[0m timeout\n\tat step 2";
  await widget.fill({ category: "billing", title: "bell\u0007", description: log, name: "A", email: "a@contoso.com" });
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.title).toBe("bell");
  expect(stored.request.description).toBe("[31mERROR[0m timeout\n\tat step 2");
});

test("control characters a backend refuses are named at the field, in the user's language", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-CN");
  await page.route("**/support-requests", (route) => answerWith(route, 422, { errors: [{ field: "title", code: "control_characters" }] }));
  await widget.fill({ category: "billing", title: "bell", description: "d", name: "A", email: "a@contoso.com" });
  await widget.submit();
  await expect(widget.host.locator("#sw-title-error")).toContainText("控制字符");
  await expect(widget.host.locator("#sw-title")).toHaveValue("bell");
});

test("a 422 that repeats its errors lists each field once", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "es-ES");
  const errors = Array.from({ length: 500 }, (_, n) => ({ field: n % 2 ? "description" : "title", code: "too_long" }));
  await page.route("**/support-requests", (route) => answerWith(route, 422, { errors }));
  await widget.fill({ category: "billing", title: "Factura", description: "d", name: "A", email: "a@contoso.com" });
  await widget.submit();
  await expect(widget.host.locator(".sw-error-summary li")).toHaveCount(2);
  await expect(widget.host.locator("#sw-title")).toHaveValue("Factura");
});

test("a reference with bidi controls from the backend is shown, and kept, in its own order", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await page.route("**/support-requests", (route) => answerWith(route, 201, { id: "0b9d5c1e-9f6a-4f0e-8a3b-3c2d1e0f9a8b", reference: "\u202eSR-000123", status: "submitted", created_at: "2026-11-25T08:00:00Z" }));
  await widget.fill({ category: "billing", title: "Factura", description: "d", name: "A", email: "a@contoso.com" });
  await widget.submit();
  const reference = widget.host.getByTestId("reference");
  await expect(reference).toHaveAttribute("data-reference", "SR-000123");
  await expect(reference).toContainText("SR-000123");
  expect(await reference.textContent()).not.toContain("\u202e");
});

test("times the backend writes unreadably are shown as unknown, never as a wrong date or its own text", async ({ page }) => {
  // The browser's Date would read "2" as a day in 2001 and "-1" as one in year 2.
  await page.route(`${backend}/support-requests`, async (route) => {
    const answer = await route.fetch();
    await route.fulfill({ response: answer, json: { ...(await answer.json()), created_at: "2" } });
  });
  await page.route(`${backend}/support-requests/*`, async (route) => {
    const answer = await route.fetch();
    const stored = await answer.json();
    const history = [{ ...stored.history[0], changed_at: "-1" }, { status: "in_progress", changed_at: "", note: null }];
    await route.fulfill({ response: answer, json: { ...stored, history } });
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "billing", title: "Factura", description: "d", name: "A", email: "a@contoso.com" });
  await widget.submit();
  await widget.host.getByTestId("view-status").click();
  const history = widget.host.getByTestId("status-change");
  await expect(history).toHaveText(["Submitted · (time unknown)", "In progress · (time unknown)"]);
  await expect(history.locator("time[datetime]")).toHaveCount(0);
  await widget.goto();
  await widget.setAttribute("locale", "zh-TW");
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(widget.host.getByTestId("filed-request")).toContainText(/提交於 \u2068?（時間不明）/);
  await expect(widget.host.getByTestId("filed-request")).not.toContainText(/2001|Invalid/);

  const incident = {
    id: "i-1", service: "azure", kind: "incident", status: "investigating", title: "Sign-in failures", summary: "",
    locale: "en-US", started_at: "yesterday", updated_at: "2026-11-25T08:30:00Z",
  };
  await page.route("**/service-health*", (route) => route.fulfill({ json: { incidents: [incident] } }));
  await page.goto("/self-service.html");
  await widget.setAttribute("locale", "es-ES");
  await expect(widget.host.getByTestId("incident")).toContainText(/Comenzó el \u2068?\(fecha desconocida\)/);
});

test("a customer name from the backend is shown as text, never as markup", async ({ page }) => {
  const name = `${markup} \u202EContoso\u202C 😀`;
  await page.route(`${backend}/customers?*`, (route) => answerWith(route, 200, { customers: [{ id: "contoso", name, domain: "<b>contoso</b>.partner.onmschina.cn" }] }));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  const option = widget.host.getByTestId("customer-option").first();
  await expect(option).toContainText(markup);
  await expect(option).toContainText("<b>contoso</b>");
  await expectNoInjectedMarkup(page, widget);
  await option.click();
  await expect(widget.heading).toContainText(markup);
  await widget.host.getByTestId("service-option").first().click();
  await expect(widget.host.getByTestId("self-help")).toContainText(markup);
  await widget.escalate();
  await expect(widget.host.getByTestId("request-context")).toContainText(markup);
  await expectNoInjectedMarkup(page, widget);
});

test("an unknown locale falls back to the page's language, an unknown audience to partner", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "es-ES");
  await expect(widget.heading).toHaveText("Nueva solicitud del Centro de partners");
  await widget.setAttribute("locale", "xx-YY");
  await expect(widget.heading).toHaveText("New Partner Center request");
  await page.evaluate((url) => {
    const element = document.createElement("support-widget");
    element.id = "robots";
    element.setAttribute("backend", url);
    element.setAttribute("audience", "robots");
    document.body.append(element);
  }, backend);
  const robots = new SupportWidgetPage(page, page.locator("#robots"));
  await expect(robots.home).toBeVisible();
  await robots.openPartnerCenterRequest();
  await expect(robots.heading).toHaveText("New Partner Center request");
});
