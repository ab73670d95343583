// A partner finds a customer, tries the admin center, and files a service
// request on the customer's behalf (seeds 001, 003, 004).
import { expect, test } from "@playwright/test";
import { demoPort } from "../playwright.config.js";
import { answerWith, failWith, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";

const flows = {
  "zh-TW": {
    search: "台北",
    customer: "台北雲端服務股份有限公司",
    customerId: "taipei-cloud",
    service: "Azure",
    serviceId: "azure",
    adminCenter: "https://portal.azure.cn/",
    severity: "critical",
    title: "虛擬機器無法啟動",
    description: "客戶的虛擬機器從昨天起無法啟動。\n已重新啟動兩次。",
    name: "陳怡君",
    email: "chen.yijun@contoso.com.tw",
    confirmation: "已提交",
  },
  "es-ES": {
    search: "asociados",
    customer: "Núñez y Asociados S.L.",
    customerId: "nunez-asociados",
    service: "Office 365",
    serviceId: "office365",
    adminCenter: "https://portal.partner.microsoftonline.cn/AdminPortal",
    severity: "moderate",
    title: "No se reciben correos externos",
    description: "Desde esta mañana no llegan correos de fuera de la organización.",
    name: "Lucía Pérez",
    email: "lucia.perez@fabrikam.es",
    confirmation: "Solicitud enviada",
  },
  "zh-CN": {
    search: "北京",
    customer: "北京云计算有限公司",
    customerId: "beijing-cloud",
    service: "Power BI",
    serviceId: "powerbi",
    adminCenter: "https://app.powerbi.cn/admin-portal",
    severity: "minimal",
    title: "报表无法刷新",
    description: "计划刷新失败，显示凭据错误。",
    name: "王芳",
    email: "wang.fang@contoso.cn",
    confirmation: "已提交",
  },
  "en-US": {
    search: "contoso",
    customer: "Contoso Ltd",
    customerId: "contoso",
    service: "Dynamics 365",
    serviceId: "dynamics365",
    adminCenter: "https://portal.crm.dynamics.cn/",
    severity: "moderate",
    title: "Sales app is slow",
    description: "Opening an account takes over a minute since Monday.",
    name: "Alex Morgan",
    email: "alex.morgan@contoso.com",
    confirmation: "Request submitted",
  },
};

async function findCustomer(widget, search, customer) {
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");
  await combobox.fill(search);
  const option = widget.host.getByRole("option", { name: customer });
  await expect(option).toBeVisible();
  await option.click();
  await expect(widget.host.getByTestId("service-choice")).toBeVisible();
}

/** Finds the customer, picks the service and goes past the admin center
 *  and the escalation guide to the request. */
async function openRequestFor(widget, search, customer, service) {
  await findCustomer(widget, search, customer);
  await widget.host.getByTestId("service-option").filter({ hasText: service }).click();
  await widget.escalate();
}

for (const [locale, flow] of Object.entries(flows)) {
  test(`files a request for a customer in ${locale}, after the admin center`, async ({ page, request }) => {
    const widget = new SupportWidgetPage(page);
    await widget.goto();
    await widget.setAttribute("locale", locale);
    await findCustomer(widget, flow.search, flow.customer);
    await expect(widget.heading).toContainText(flow.customer);
    await expect(widget.host.getByTestId("service-choice")).toBeVisible();

    await widget.host.getByTestId("service-option").filter({ hasText: flow.service }).click();
    const link = widget.host.getByTestId("admin-center-link");
    await expect(link).toHaveAttribute("href", flow.adminCenter);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(widget.host.getByTestId("self-help")).toContainText(flow.customer);
    await widget.escalate();

    const context = widget.host.getByTestId("request-context");
    await expect(context).toContainText(flow.customer);
    await expect(context).toContainText(flow.service);
    await widget.host.locator(`#sw-severity${flow.severity === "critical" ? "" : `-${flow.severity}`}`).check();
    // Its example is about a service, not about the partner's invoice.
    await expect(widget.host.locator("#sw-title")).toHaveAccessibleDescription(/Outlook/);
    await widget.host.locator("#sw-title").fill(flow.title);
    await widget.host.locator("#sw-description").fill(flow.description);
    await widget.host.locator("#sw-contact-name").fill(flow.name);
    await widget.host.locator("#sw-contact-email").fill(flow.email);
    await widget.submit();
    await expect(widget.confirmation).toContainText(flow.confirmation);

    const stored = await widget.storedRequest(request);
    expect(stored.request).toMatchObject({
      kind: "customer",
      customer: { id: flow.customerId, name: flow.customer },
      service: flow.serviceId,
      severity: flow.severity,
      title: flow.title,
      description: flow.description,
      contact: { name: flow.name, email: flow.email, language: locale },
      locale,
    });
  });
}

test("full-width letters and other cases find the same customer", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");
  await combobox.fill("ＣＯＮＴＯＳＯ");
  await expect(widget.host.getByRole("option", { name: "Contoso Ltd" })).toBeVisible();
  await combobox.fill("nUÑez");
  await expect(widget.host.getByRole("option", { name: "Núñez y Asociados S.L." })).toBeVisible();
});

test("the combobox is usable by keyboard alone", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-customer-request").focus();
  await page.keyboard.press("Enter");
  // The new screen's heading takes focus once it is drawn; the partner moves
  // on from there.
  await expect(widget.heading).toBeFocused();
  const combobox = widget.host.locator("#sw-customer-search");
  await combobox.focus();
  await page.keyboard.type("fabrikam");
  await expect(widget.host.getByTestId("customer-option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(combobox).toHaveAttribute("aria-activedescendant", "sw-customer-option-0");
  const name = await widget.host.locator("#sw-customer-option-0 .sw-option-name").textContent();
  await page.keyboard.press("Enter");
  await expect(widget.heading).toContainText(name);
  await expect(widget.heading).toBeFocused();

  // With one customer found, Enter picks it without the arrow keys.
  await widget.host.getByTestId("back").click();
  await combobox.fill("fabrikam españa");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(1);
  await expect(combobox).not.toHaveAttribute("aria-activedescendant", /.*/);
  await combobox.press("Enter");
  await expect(widget.heading).toContainText("Fabrikam España S.A.");
});

test("text an input method is composing is searched for as it is typed, and the keys that compose it are the input method's", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "zh-CN");
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");

  // Still composing, through Chromium's own input-method events, as a
  // phone's keyboard composes every Latin word: the search runs meanwhile.
  await combobox.focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "fabrikam españa", selectionStart: 15, selectionEnd: 15 });
  await expect(combobox).toHaveValue("fabrikam españa");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(1);

  // Enter and Escape while an input method composes commit or drop its
  // text: they neither pick the one customer found nor clear the search.
  for (const key of ["Enter", "Escape"]) {
    await combobox.evaluate((input, key) => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key, isComposing: true, bubbles: true, composed: true, cancelable: true }));
    }, key);
  }
  await page.waitForTimeout(300);
  await expect(combobox).toHaveValue("fabrikam españa");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(1);
  await expect(widget.host.getByTestId("service-choice")).toHaveCount(0);
  // Committed, the same Enter picks it.
  await cdp.send("Input.insertText", { text: "fabrikam españa" });
  await combobox.press("Enter");
  await expect(widget.heading).toContainText("Fabrikam España S.A.");
});

test("a search that lists as many customers as a search lists at most says there may be more, and how to find them", async ({ page }) => {
  // A partner with many customers: the backend sends 25 where the contract
  // lists 20 at most.
  const many = Array.from({ length: 25 }, (_, n) => ({ id: `co-${n}`, name: `Contoso Branch ${n + 1}`, domain: `co${n}.partner.onmschina.cn` }));
  await page.route("**/customers?*", (route) => {
    const query = new URL(route.request().url()).searchParams.get("query").toLowerCase();
    const customers = many.filter((c) => c.name.toLowerCase().includes(query));
    return route.fulfill({ contentType: "application/json", body: JSON.stringify({ customers }) });
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "zh-TW");
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");
  const status = widget.host.getByTestId("customer-search-status");
  await combobox.fill("co");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(20);
  await expect(status).toContainText(/顯示前 \u2068?20\u2069? 個符合的客戶。繼續輸入客戶名稱或網域可縮小範圍。/);
  // Fewer than that is the whole list.
  await combobox.fill("contoso branch 2");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(7);
  await expect(status).toContainText(/找到 \u2068?7\u2069? 個客戶。/);
  // None: what was typed is repeated, cut short when it is long.
  await combobox.fill("無此客戶".repeat(40));
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(0);
  await expect(status).toContainText(`${"無此客戶".repeat(10)}…`);
  await expect(status).not.toContainText("無此客戶".repeat(11));
});

test("the option the arrow keys are on stays in sight in a long list, going down and back up", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");
  await combobox.fill("s");
  const options = widget.host.getByTestId("customer-option");
  await expect(options.nth(8)).toBeAttached();
  const count = await options.count();
  const list = widget.host.locator("#sw-customer-listbox");
  // Inside the list's scrolled box (a pixel of slack for rounding).
  const inSight = (index) =>
    list.evaluate((ul, index) => {
      const [box, option] = [ul.getBoundingClientRect(), ul.children[index].getBoundingClientRect()];
      return option.top >= box.top - 1 && option.bottom <= box.bottom + 1;
    }, index);
  expect(await list.evaluate((ul) => ul.scrollHeight > ul.clientHeight)).toBe(true);
  for (let index = 0; index < count; index++) {
    await combobox.press("ArrowDown");
    await expect(combobox).toHaveAttribute("aria-activedescendant", `sw-customer-option-${index}`);
    await expect.poll(() => inSight(index)).toBe(true);
  }
  for (let index = count - 2; index >= 0; index--) {
    await combobox.press("ArrowUp");
    await expect.poll(() => inSight(index)).toBe(true);
  }
});

test("solved in the admin center: a friendly close and nothing posted", async ({ page }) => {
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "es-ES");
  await findCustomer(widget, "fabrikam", "Fabrikam España S.A.");
  await widget.host.getByTestId("service-option").first().click();
  await widget.host.getByTestId("solved").click();
  await expect(widget.host.getByTestId("solved")).toBeVisible();
  // A mis-click: Back returns to the admin center's step for this customer.
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("self-help")).toContainText("Fabrikam España S.A.");
  await widget.host.getByTestId("solved").click();
  await widget.host.getByTestId("start-again").click();
  await expect(widget.home).toBeVisible();
  expect(posts).toEqual([]);
  // Started again: the next request searches afresh.
  await widget.host.getByTestId("open-customer-request").click();
  await expect(widget.host.locator("#sw-customer-search")).toHaveValue("");
  await expect(widget.host.getByTestId("customer-option")).toHaveCount(0);
});

test("going back keeps the search, the choices and what was typed", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Azure");
  await widget.host.locator("#sw-title").fill("Typed before going back");

  // Back through the guide's questions and the admin center.
  for (const screen of ["guide-category", "guide-troubleshoot", "guide-health", "self-help"]) {
    await widget.host.getByTestId("back").click();
    await expect(widget.host.getByTestId(screen)).toBeVisible();
  }
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("service-option").filter({ hasText: "Azure" })).toHaveAttribute("aria-current", "true");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.locator("#sw-customer-search")).toHaveValue("contoso");

  await widget.host.getByRole("option", { name: "Contoso Ltd" }).click();
  await widget.host.getByTestId("service-option").filter({ hasText: "Azure" }).click();
  await widget.escalate();
  await expect(widget.host.locator("#sw-title")).toHaveValue("Typed before going back");
});

test("a newer search aborts the one still in flight", async ({ page }) => {
  // Hold every search back, so that the first is still running when the
  // partner types on.
  await page.route("**/customers?*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue().catch(() => {});
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.getByTestId("open-customer-request").click();
  const combobox = widget.host.locator("#sw-customer-search");
  const first = page.waitForRequest((r) => /query=con(&|$)/.test(r.url()));
  await combobox.fill("con");
  const firstRequest = await first;
  const aborted = page.waitForEvent("requestfailed", (r) => r === firstRequest);
  await combobox.fill("contoso");
  await aborted;
  await expect(widget.host.getByRole("option", { name: "Contoso Ltd" })).toBeVisible();
});

for (const touch of [false, true]) {
  test(`the search says how many customers it found, and how to choose one by keyboard ${touch ? "not on a touch screen" : "with a mouse and keyboard"}`, async ({ browser }) => {
    const context = await browser.newContext(
      touch ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } },
    );
    const widget = new SupportWidgetPage(await context.newPage());
    await widget.goto();
    await widget.setAttribute("locale", "es-ES");
    await widget.host.getByTestId("open-customer-request").click();
    await widget.host.locator("#sw-customer-search").fill("contoso");
    const status = widget.host.getByTestId("customer-search-status");
    await expect(status).toContainText(/Se ha(n)? encontrado/);
    const keys = status.locator(".sw-keys-hint");
    await expect(keys).toHaveText("Use las flechas arriba y abajo para elegir.");
    await expect(status).toHaveText(/\. Use las flechas/);
    await expect(keys).toBeVisible({ visible: !touch });
    await context.close();
  });
}

test("lookups ask for exactly their query, with the page's headers and nothing trailing", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer portal-session-9" }));
  const asked = page.waitForRequest((r) => r.url().includes("/customers?"));
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("北京 & co");
  const request = await asked;
  expect(new URL(request.url()).search).toMatch(/^\?query=[^&]+(&[a-z]+=[^&]+)*$/);
  expect(new URL(request.url()).searchParams.get("query")).toMatch(/^北京/);
  expect(await request.headerValue("authorization")).toBe("Bearer portal-session-9");
});

test("a failed search says so and can be retried", async ({ page }) => {
  let fail = true;
  await page.route("**/customers?*", (route) => (fail ? route.abort("connectionrefused") : route.continue()));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "zh-CN");
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("北京");
  const status = widget.host.getByTestId("customer-search-status");
  await expect(status).toContainText("无法加载");
  fail = false;
  await widget.host.getByRole("button", { name: "重试" }).click();
  await expect(widget.host.getByRole("option", { name: "北京云计算有限公司" })).toBeVisible();
  // Chinese sentences follow each other without a space.
  await expect(status).toHaveText(/^找到 \u2068?\d+\u2069? 个客户。使用上下箭头键进行选择。$/);
  // Back in the search box, which the button went with.
  await expect(widget.host.locator("#sw-customer-search")).toBeFocused();
});

test("an unsent customer request keeps its customer and service: home resumes it, and another customer's form says whom the text was for", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Dynamics 365");
  await widget.host.locator("#sw-title").fill("Sales app is slow");
  await widget.host.locator("#sw-description").fill("Opening an account takes a minute.");
  await expect
    .poll(() => widget.customerDraft())
    .toContain("Contoso Ltd");

  await page.reload();
  await widget.setAttribute("locale", "en-US");
  const resume = widget.host.getByTestId("resume-customer-request");
  await expect(resume).toHaveText(/Continue the unsent request for \u2068?Contoso Ltd\u2069? \(\u2068?Dynamics 365\u2069?\)/);
  await resume.click();
  const context = widget.host.getByTestId("request-context");
  await expect(context).toContainText("Contoso Ltd");
  await expect(context).toContainText("Dynamics 365");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Sales app is slow");
  await expect(widget.host.getByTestId("draft-typed-for")).toHaveCount(0);

  // The same form for another customer keeps the text and says whom it was for.
  await widget.host.evaluate((element) => element.open());
  await openRequestFor(widget, "北京", "北京云计算有限公司", "Power BI");
  await expect(widget.host.getByTestId("request-context")).toContainText("北京云计算有限公司");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Sales app is slow");
  const typedFor = widget.host.getByTestId("draft-typed-for");
  await expect(typedFor).toContainText("Contoso Ltd");
  await expect(typedFor).toContainText("Dynamics 365");
  // One notice about the draft, though it was also restored after the reload.
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  // It still says so after another reload, resumed for the customer now chosen.
  await expect.poll(() => widget.customerDraft()).toContain('"typed_for"');
  await page.reload();
  await widget.setAttribute("locale", "en-US");
  await expect(resume).toContainText("北京云计算有限公司");
  await resume.click();
  await expect(widget.host.getByTestId("request-context")).toContainText("北京云计算有限公司");
  await expect(typedFor).toContainText("Contoso Ltd");
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  // Shown for Contoso's Dynamics 365 again, the text is where it belongs.
  await widget.host.evaluate((element) => element.open());
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Dynamics 365");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Sales app is slow");
  await expect(typedFor).toHaveCount(0);
  // For another customer once more, it was typed for Contoso.
  await widget.host.evaluate((element) => element.open());
  await openRequestFor(widget, "北京", "北京云计算有限公司", "Power BI");
  await expect(typedFor).toContainText("Contoso Ltd");
  await typedFor.getByRole("button", { name: "Discard draft" }).click();
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(typedFor).toHaveCount(0);
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);

  await expect(widget.host.getByTestId("undo-discard")).toBeVisible();

  // Nothing left to resume.
  await widget.host.evaluate((element) => element.open());
  await expect(widget.home).toBeVisible();
  await expect(resume).toHaveCount(0);
  // Nor to undo for another customer: the text was Contoso's.
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Azure");
  await expect(widget.host.getByTestId("request-context")).toContainText("Azure");
  await expect(widget.host.getByTestId("undo-discard")).toHaveCount(0);
});

test("a service list that cannot be loaded says so, and Try again loads it", async ({ page }) => {
  let asked = 0;
  await page.route("**/services", async (route) => {
    asked += 1;
    if (asked === 1) {
      await route.abort("connectionrefused");
    } else {
      await route.continue();
    }
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "es-ES");
  await findCustomer(widget, "fabrikam", "Fabrikam España S.A.");

  const failure = widget.host.getByRole("alert").filter({ hasText: "No se han podido cargar los servicios" });
  await expect(failure).toBeVisible();
  // Unreachable: the advice is the connection's.
  await expect(failure).toContainText("No se ha podido conectar con el servicio de soporte: compruebe la conexión o inténtelo de nuevo dentro de unos instantes.");
  await expect(widget.host.getByTestId("service-option")).toHaveCount(0);
  await failure.getByRole("button", { name: "Volver a intentarlo" }).click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  // The button went with the notice: focus is at the screen's top, not on
  // the page.
  await expect(widget.heading).toBeFocused();
  await expect(failure).toHaveCount(0);
  expect(asked).toBe(2);
});

test("a lookup whose sign-in is refused says to sign in again, and the page hears that the session ended and the 401", async ({ page }) => {
  // The page's own headers carry the sign-in (identity-session.spec.js has
  // a token provider's).
  await withoutTokenProvider(page);
  let refused = true;
  await page.route("**/services", (route) =>
    refused
      ? route.fulfill({
          status: 401,
          contentType: "application/json",
          headers: { "Access-Control-Allow-Origin": `http://127.0.0.1:${demoPort}` },
          body: JSON.stringify({ errors: [{ field: "", code: "unauthorized" }] }),
        })
      : route.continue(),
  );
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await page.evaluate(() => {
    window.__signInRefused = [];
    document.addEventListener("support-widget:error", (event) => window.__signInRefused.push(event.detail));
  });
  await widget.setAttribute("locale", "zh-CN");
  await findCustomer(widget, "北京", "北京云计算有限公司");
  const failure = widget.host.getByRole("alert").filter({ hasText: "支持服务未接受你的登录信息（错误代码：" });
  await expect(failure).toBeVisible();
  // First that the session ended (to sign the user in again), then the
  // lookup's own failure.
  expect(await page.evaluate(() => window.__signInRefused)).toEqual([
    expect.objectContaining({ code: "session_ended" }),
    expect.objectContaining({ code: "server", status: 401 }),
  ]);
  refused = false;
  await failure.getByRole("button", { name: "重试" }).click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
});

test("a lookup refused for an ended session loads by itself once the page signs the user in again", async ({ page }) => {
  await withoutTokenProvider(page);
  let refused = true;
  await page.route("**/services", (route) =>
    refused ? answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] }) : route.continue(),
  );
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await findCustomer(widget, "contoso", "Contoso Ltd");
  const failure = widget.host.getByRole("alert").filter({ hasText: "didn't accept your sign-in" });
  await expect(failure).toBeVisible();
  refused = false;
  const asked = page.waitForRequest((r) => r.url().endsWith("/services"));
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer signed-in-again" }));
  expect(await (await asked).headerValue("authorization")).toBe("Bearer signed-in-again");
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test("a page that signs in again whenever a session ends hears once that the backend refuses that sign-in too, and the widget stops asking", async ({ page }) => {
  await withoutTokenProvider(page);
  let refused = true;
  let asked = 0;
  await page.route("**/services", (route) => {
    asked += 1;
    return refused ? answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] }) : route.continue();
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await page.evaluate(() => {
    window.__errors = [];
    let signIns = 0;
    document.addEventListener("support-widget:error", (event) => {
      window.__errors.push(event.detail.code);
      // As a portal may do: a new sign-in for every session that ends.
      if (event.detail.code === "session_ended") {
        event.target.setRequestHeaders({ Authorization: `Bearer signed-in-again-${++signIns}` });
      }
    });
  });
  const errors = () => page.evaluate(() => window.__errors);
  await findCustomer(widget, "contoso", "Contoso Ltd");
  // The page signed in again, the widget read the services again by
  // itself, and the backend refused that sign-in too: the page hears so,
  // not that another session ended, and the widget asks no more.
  await expect.poll(errors).toContain("sign_in_refused");
  const failure = widget.host.getByRole("alert").filter({ hasText: "didn't accept your sign-in" });
  await expect(failure).toBeVisible();
  const settled = asked;
  await page.waitForTimeout(1000);
  expect(asked).toBe(settled);
  expect(await errors()).toEqual(["session_ended", "server", "sign_in_refused", "server"]);
  // Try again asks once more, and the page hears only the lookup's 401.
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect.poll(errors).toHaveLength(5);
  expect((await errors())[4]).toBe("server");
  expect(asked).toBe(settled + 1);
  // A sign-in the backend accepts mends it, with no Try again to press.
  refused = false;
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer accepted" }));
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test("a page that signs the user out after a session ended hears session_ended again, not that a sign-in was refused", async ({ page }) => {
  await withoutTokenProvider(page);
  // The backend refuses everyone, signed in or not.
  await page.route("**/services", (route) => answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] }));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => {
      window.__errors.push(event.detail.code);
      // The portal signs its user out once their session has ended.
      if (event.detail.code === "session_ended" && window.__errors.length === 1) event.target.setRequestHeaders(null);
    });
  });
  const sessionEvents = () => page.evaluate(() => window.__errors.filter((code) => code !== "server"));
  await findCustomer(widget, "contoso", "Contoso Ltd");
  // Read again signed out, and refused: nobody signed in, so nothing was
  // refused of a new sign-in.
  await expect.poll(sessionEvents).toEqual(["session_ended", "session_ended"]);
});

test("a customer search refused for an ended session runs again once the page signs the user in again", async ({ page }) => {
  await withoutTokenProvider(page);
  let refused = true;
  await page.route("**/customers?*", (route) =>
    refused ? answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] }) : route.continue(),
  );
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  await expect(widget.host.getByTestId("customer-search-status")).toContainText("didn't accept your sign-in");
  refused = false;
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer signed-in-again" }));
  await expect(widget.host.getByRole("option", { name: "Contoso Ltd" })).toBeVisible();
});

test("a list the support service fails to give says so, without blaming the connection, and shows what it can read", async ({ page }) => {
  let asked = 0;
  let listed = 0;
  await page.route("**/services", async (route) => {
    asked += 1;
    if (asked === 1) {
      return route.fulfill({ status: 502, contentType: "text/html", body: "<html><h1>Bad gateway</h1></html>", headers: { "Access-Control-Allow-Origin": "*" } });
    }
    // A newer backend's list: one service this version cannot read.
    const { services } = await (await route.fetch()).json();
    listed = services.length;
    await route.fulfill({
      json: { services: [{ id: "stack", name: 7, admin_center_url: "https://portal.example.cn/" }, ...services] },
      headers: { "Access-Control-Allow-Origin": "*" },
    });
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await findCustomer(widget, "contoso", "Contoso Ltd");
  const failure = widget.host.getByRole("alert").filter({ hasText: "Services couldn't be loaded." });
  await expect(failure).toContainText("The support service had a problem answering. Try again in a moment.");
  await expect(failure).not.toContainText("connection");
  await widget.setAttribute("locale", "zh-TW");
  await expect(widget.host.getByRole("alert")).toContainText("無法載入服務。\u2069支援服務暫時無法正常回應，請稍後再試一次。");
  await widget.host.getByRole("alert").getByRole("button").click();
  await expect(widget.host.getByTestId("service-option").filter({ hasText: "Azure" })).toBeVisible();
  await expect(widget.host.getByTestId("service-option")).toHaveCount(listed);
  expect(listed).toBeGreaterThan(1);
});

test("a lookup at a backend address with no support service (405) says so for the site's administrator, and the page hears it", async ({ page }) => {
  await page.route("**/services", (route) =>
    route.fulfill({ status: 405, contentType: "text/plain", body: "Method Not Allowed", headers: { "Access-Control-Allow-Origin": "*" } }),
  );
  const logged = [];
  page.on("console", (message) => message.type() === "error" && logged.push(message.text()));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  const heard = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("support-widget:error", (e) => resolve(e.detail), { once: true })),
  );
  await findCustomer(widget, "contoso", "Contoso Ltd");
  const failure = widget.host.getByRole("alert").filter({ hasText: "Services couldn't be loaded." });
  await expect(failure).toContainText("The support service wasn't found at this page's address for support requests (error \u2068405\u2069). Please let the site's administrator know.");
  expect(await heard).toMatchObject({ code: "server", status: 405 });
  expect(logged.some((text) => text.includes("answered 405"))).toBe(true);
  await widget.setAttribute("locale", "zh-CN");
  await expect(widget.host.getByRole("alert")).toContainText("在此页面设置的支持请求地址上找不到支持服务");
});

test("a backend address with no support service shows in the console as the partner's home loads, before any flow", async ({ page }) => {
  // The home's count of open customer requests is its first lookup.
  await page.route("**/support-requests?*", (route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>", headers: { "Access-Control-Allow-Origin": "*" } }),
  );
  const logged = [];
  page.on("console", (message) => message.type() === "error" && logged.push(message.text()));
  await page.addInitScript(() => {
    window.__heard = [];
    document.addEventListener("support-widget:error", (event) => window.__heard.push(event.detail));
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await expect(widget.home).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__heard)).toEqual([expect.objectContaining({ code: "server", status: 404 })]);
  expect(logged.filter((text) => text.includes("answered 404") && text.includes("check the backend attribute"))).toHaveLength(1);
  // The home says nothing of a count it could not have.
  await expect(widget.host.getByTestId("inbox-open-count")).toHaveCount(0);
});

test("a backend that never answers counts as unreachable after 30 seconds, and Try again asks again", async ({ page }) => {
  test.setTimeout(90_000);
  let asked = 0;
  await page.route("**/services", async (route) => {
    asked += 1;
    // The first request is held for ever: no answer, no error.
    if (asked > 1) await route.continue();
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await findCustomer(widget, "contoso", "Contoso Ltd");
  const failure = widget.host.getByRole("alert").filter({ hasText: "Services couldn't be loaded" });
  await expect(failure).toBeVisible({ timeout: 45_000 });
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  expect(asked).toBe(2);
});

/** Fills in the customer request on screen. */
async function fillCustomerRequest(widget, title) {
  await widget.host.locator("#sw-severity-moderate").check();
  await widget.host.locator("#sw-title").fill(title);
  await widget.host.locator("#sw-description").fill("Opening an account takes a minute.");
  await widget.host.locator("#sw-contact-name").fill("Alex Morgan");
  await widget.host.locator("#sw-contact-email").fill("alex.morgan@contoso.com");
}

/** Fills in and sends the customer request on screen; returns its id. */
async function fileCustomerRequest(widget, title) {
  await fillCustomerRequest(widget, title);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  // Filed, the request is no longer "new".
  await expect(widget.heading).toContainText(/^Service request/);
  return widget.confirmation.getAttribute("data-request-id");
}

/** The form is there, empty but for the contact details kept from the last request. */
async function expectNewRequest(widget) {
  await expect(widget.confirmation).toHaveCount(0);
  await expect(widget.form).toBeVisible();
  await expect(widget.heading).toContainText(/^New service request/);
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.locator("#sw-severity-moderate")).not.toBeChecked();
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("Alex Morgan");
  await expect(widget.host.getByTestId("draft-typed-for")).toHaveCount(0);
}

test("a filed request's confirmation stays with it: another service, another customer or a new flow begins a new request", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Dynamics 365");
  const filed = await fileCustomerRequest(widget, "Sales app is slow");

  // Its status and back: still its confirmation.
  await widget.host.getByTestId("view-status").click();
  await expect(widget.host.getByTestId("request-status")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.confirmation).toHaveAttribute("data-request-id", filed);

  // Back, straight to the services (the self-help can change nothing of a
  // filed request), and another one: a new request for it.
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await widget.host.getByTestId("service-option").filter({ hasText: "Power BI" }).click();
  await widget.escalate();
  await expect(widget.host.getByTestId("request-context")).toContainText("Power BI");
  await expectNewRequest(widget);
  const second = await fileCustomerRequest(widget, "Reports do not refresh");
  expect(second).not.toBe(filed);

  // Home, and the same customer and service again: a new request.
  await widget.host.evaluate((element) => element.open());
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Power BI");
  await expect(widget.host.getByTestId("request-context")).toContainText("Power BI");
  await expectNewRequest(widget);

  // Home, and the same flow for another customer: a new request too.
  await widget.host.evaluate((element) => element.open());
  await openRequestFor(widget, "北京", "北京云计算有限公司", "Power BI");
  await expect(widget.host.getByTestId("request-context")).toContainText("北京云计算有限公司");
  await expectNewRequest(widget);
});

test("a Partner Center request opened again after one was filed is a new one", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "billing", title: "Invoice shows twice", description: "October's invoice is listed twice.", name: "Alex Morgan", email: "alex.morgan@contoso.com" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await expect(widget.confirmation).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("alex.morgan@contoso.com");
});

test("contact details filed with one kind of request fill in the other's, without making it a draft", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "billing", title: "Invoice twice", description: "October's invoice came twice.", name: "Ana Ruiz", email: "ana@contoso.com", phone: "+86 10 1234 5678" });
  await widget.submit();
  await widget.storedRequest(request);
  await widget.host.getByTestId("back").click();
  await expect(widget.home).toBeVisible();
  // Nothing of the user's waits in the customer request.
  await expect(widget.home.getByTestId("unsent-draft")).toHaveCount(0);
  expect(await widget.customerDraft()).toBe("");

  await openRequestFor(widget, "contoso", "Contoso Ltd", "Azure");
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("Ana Ruiz");
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("ana@contoso.com");
  await expect(widget.host.locator("#sw-contact-phone")).toHaveValue("+86 10 1234 5678");
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  expect(await widget.customerDraft()).toBe("");
});

test("a request still on its way when the partner opens the form for another service is told of at the top, and the form begins anew", async ({ page }) => {
  let posts = 0;
  await page.route("**/support-requests", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts += 1;
    if (posts > 1) return route.continue();
    return failWith(route, 503, { "Retry-After": "3" });
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await openRequestFor(widget, "contoso", "Contoso Ltd", "Dynamics 365");
  await fillCustomerRequest(widget, "Sales app is slow");
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Trying again in");

  // Back to the services, and another one, while the request waits.
  for (let i = 0; i < 5; i++) await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("service-option").filter({ hasText: "Power BI" }).click();
  await widget.escalate();
  await expect(widget.host.getByTestId("request-context")).toContainText("Power BI");

  // Filed by the retry: told of at the top, not as a confirmation that
  // would name Power BI.
  const notice = widget.host.getByTestId("filed-away");
  await expect(notice).toContainText("Sales app is slow", { timeout: 15_000 });
  expect(posts).toBe(2);
  await expectNewRequest(widget);
  await expect(widget.host.getByTestId("request-context")).toContainText("Power BI");
  const filed = await page.evaluate(() =>
    JSON.parse(Object.entries(localStorage).find(([key]) => key.includes(":filed"))?.[1] ?? "null"),
  );
  expect(JSON.stringify(filed)).toContain("Sales app is slow");
});
