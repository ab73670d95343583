// A partner files a Partner Center request on the demo portal, in each
// locale, and the reference backend stores exactly what they typed.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";

const requests = {
  "en-US": {
    subtitle: "Partner Center operated by 21Vianet",
    heading: "New Partner Center request",
    category: "billing",
    title: "Invoice shows a licence twice",
    description: "The October invoice counts the Office 365 E3 licence for Fabrikam twice.\nPlease correct it.",
    name: "Alex Morgan",
    email: "alex.morgan@contoso.com",
    phone: "+1 425 555 0100",
    language: "en-US",
    confirmation: "Request submitted",
    another: "Submit another request",
    filedHeading: "Partner Center request",
  },
  "zh-CN": {
    subtitle: "由世纪互联运营的合作伙伴中心",
    heading: "新建合作伙伴中心请求",
    category: "technical",
    title: "无法在合作伙伴中心下载发票",
    description: "点击“下载”后页面没有反应。\n已尝试更换浏览器。",
    name: "王芳",
    email: "wang.fang@contoso.cn",
    language: "zh-CN",
    confirmation: "已提交",
    another: "再提交一个请求",
    filedHeading: "合作伙伴中心请求",
  },
  "zh-TW": {
    subtitle: "由 21Vianet 營運的合作夥伴中心",
    heading: "新增合作夥伴中心要求",
    category: "customer_subscription_management",
    title: "無法為客戶新增訂用帳戶",
    description: "新增訂用帳戶時出現錯誤訊息。",
    name: "陳怡君",
    email: "chen.yijun@contoso.com.tw",
    phone: "02 2555 0100",
    language: "zh-TW",
    confirmation: "已提交",
    another: "再提交一個要求",
    filedHeading: "合作夥伴中心要求",
  },
  "es-ES": {
    subtitle: "Centro de partners operado por 21Vianet",
    heading: "Nueva solicitud del Centro de partners",
    category: "billing",
    title: "La factura de octubre está duplicada",
    description: "Aparecen dos cargos por la misma suscripción. ¿Pueden revisarlo?",
    name: "Lucía Pérez Ñúñez",
    email: "lucia.perez@fabrikam.es",
    language: "es-ES",
    confirmation: "Solicitud enviada",
    another: "Enviar otra solicitud",
    filedHeading: "Solicitud del Centro de partners",
  },
};

for (const [locale, typed] of Object.entries(requests)) {
  test(`files a Partner Center request in ${locale} and the backend stores it`, async ({ page, request }) => {
    const widget = new SupportWidgetPage(page);
    await widget.open();
    await widget.setAttribute("locale", locale);
    await expect(widget.heading).toHaveText(typed.heading);
    await expect(widget.host.locator(".sw-brand-subtitle")).toHaveText(typed.subtitle);

    await widget.fill(typed);
    await widget.submit();
    await expect(widget.confirmation).toContainText(typed.confirmation);
    await expect(widget.host.getByTestId("reference")).toContainText(/SR-\d{6}/);
    // The reference stands alone, without the invisible bidi marks a
    // formatted message places around values, so copying it copies it alone.
    const reference = widget.host.locator(".sw-reference-id");
    expect(await reference.evaluate((e) => e.textContent)).toMatch(/^SR-\d{6}$/);
    expect(await widget.host.getByTestId("reference").evaluate((e) => /[\u2066-\u2069]/.test(e.textContent))).toBe(false);
    await expect(widget.confirmation.locator("h3")).toBeFocused();
    // Filed, the request is no longer "new".
    await expect(widget.heading).toHaveText(typed.filedHeading);
    await expect(widget.confirmation.getByTestId("confirm-status")).toHaveAttribute("data-status", "submitted");
    // The form's introduction goes with the form; the customer reminder is
    // for requests on a customer's behalf only.
    await expect(widget.host.locator(".sw-intro")).toBeHidden();
    await expect(widget.host.getByTestId("close-the-loop")).toHaveCount(0);

    const stored = await widget.storedRequest(request);
    expect(stored.reference).toMatch(/^SR-\d{6}$/);
    expect(stored.status).toBe("submitted");
    expect(stored.request).toMatchObject({
      kind: "partner_center",
      category: typed.category,
      title: typed.title,
      description: typed.description,
      contact: { name: typed.name, email: typed.email, language: typed.language },
      locale,
    });
    expect(stored.request.contact.phone ?? null).toBe(typed.phone ?? null);

    // The next request: focus goes to the screen's top, not to the page, and
    // the contact details stay for it.
    await widget.confirmation.getByRole("button", { name: typed.another }).click();
    await expect(widget.confirmation).toHaveCount(0);
    await expect(widget.heading).toBeFocused();
    await expect(widget.heading).toHaveText(typed.heading);
    await expect(widget.host.locator("#sw-title")).toHaveValue("");
    await expect(widget.host.locator("#sw-contact-name")).toHaveValue(typed.name);
  });
}

test("contact details typed in full width, with an extension, or with a domain in Chinese are sent as meant", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-CN");
  // A Chinese input method in full-width mode writes digits, ＠ and 。 as
  // wide forms; an office number names its extension after 转.
  await widget.fill({
    ...requests["zh-CN"],
    email: "ｗａｎｇ＠ｃｏｎｔｏｓｏ。ｃｎ",
    phone: "＋８６　１０\u2013５５５５\u2013０１００ 转 １２",
  });
  await widget.submit();
  let stored = await widget.storedRequest(request);
  expect(stored.request.contact).toMatchObject({ email: "wang@contoso.cn", phone: "+86 10-5555-0100 转 12" });

  // A domain in Chinese reaches the support representative as typed, not
  // as the browser's Punycode (xn--…).
  await widget.confirmation.getByRole("button", { name: requests["zh-CN"].another }).click();
  const email = widget.host.locator("#sw-contact-email");
  await expect(email).toHaveAttribute("inputmode", "email");
  await widget.fill({ ...requests["zh-CN"], email: "王芳@例子.中国", phone: "" });
  await widget.submit();
  stored = await widget.storedRequest(request);
  expect(stored.request.contact.email).toBe("王芳@例子.中国");
});

test("a lost answer is retried with the same key and files the request once", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "en-US");
  await widget.fill(requests["en-US"]);

  // The first POST reaches the backend, which stores the request, but its
  // answer is lost on the way back: the widget sees a network error and
  // sends it again by itself (never-lose.spec.js covers Stop and Try again).
  const keys = [];
  let firstCreated;
  await page.route("**/support-requests", async (route) => {
    keys.push(await route.request().headerValue("idempotency-key"));
    if (keys.length === 1) {
      firstCreated = await (await route.fetch()).json();
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // The retry got the request the first attempt created, not a second one.
  await expect(widget.confirmation).toHaveAttribute("data-request-id", firstCreated.id);
  await expect(widget.host.getByTestId("reference")).toContainText(firstCreated.reference);
});

test("the error summary lists every problem, in the user's language, and takes focus", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-TW");
  await widget.host.locator("#sw-contact-email").fill("wang@");
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  await expect(widget.errorSummary.locator("li")).toHaveCount(5);
  await expect(widget.errorSummary).toContainText("電子郵件");
  // Focus reads its title and its list; it is no live region, which would
  // read the list out again each time a fix below takes an entry away.
  await expect(widget.errorSummary).toHaveAccessibleName("請修正下列問題");
  await expect(widget.errorSummary).toHaveAccessibleDescription(/電子郵件/);
  expect(await widget.errorSummary.evaluate((summary) => summary.closest("[role=alert], [aria-live]"))).toBeNull();
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("wang@");
  await expect(widget.host.locator("#sw-contact-email")).toHaveAttribute("aria-invalid", "true");

  await widget.errorSummary.locator("li a").nth(1).click();
  await expect(widget.host.locator("#sw-title")).toBeFocused();
  expect(new URL(page.url()).hash).toBe("");

  // A problem put right goes from its field and the summary at once; the
  // others stay until the next submit.
  await widget.host.locator("#sw-title").fill("無法登入");
  await expect(widget.host.locator("#sw-title")).not.toHaveAttribute("aria-invalid", "true");
  await expect(widget.errorSummary.locator("li")).toHaveCount(4);
  await widget.host.locator("#sw-category-billing").check();
  await expect(widget.errorSummary.locator("li")).toHaveCount(3);
  await widget.host.locator("#sw-contact-email").fill("wang@contoso");
  await expect(widget.host.locator("#sw-contact-email")).toHaveAttribute("aria-invalid", "true");
  await widget.host.locator("#sw-contact-email").fill("wang@contoso.com");
  await expect(widget.errorSummary.locator("li")).toHaveCount(2);
  await expect(widget.errorSummary).not.toContainText("電子郵件");
  await expect(widget.host.locator("#sw-title")).toHaveValue("無法登入");
});

test("a long summary or description counts its characters as it nears the limit, and over it", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "en-US");
  const title = widget.host.locator("#sw-title");
  const count = widget.host.locator("#sw-title-count");
  // No count while the text is far from the 200 characters a summary takes.
  await title.fill("x".repeat(159));
  await expect(count).toHaveCount(0);
  await expect(title).toHaveAttribute("aria-describedby", "sw-title-hint");
  await title.fill("x".repeat(160));
  await expect(count).toHaveText("You have \u206840\u2069 characters left");
  await expect(title).toHaveAccessibleDescription(/You have .40. characters left/);
  // Characters as the backend counts them: an emoji is one, not two.
  await title.fill("😀".repeat(199));
  await expect(count).toHaveText("You have \u20681\u2069 character left");
  await title.fill("x".repeat(203));
  await expect(count).toHaveText("You have \u20683\u2069 characters too many");
  await expect(count).toHaveClass(/sw-count-over/);

  // Over the limit, Submit says so at the field, and the count stays with
  // the error, in the language the user picks.
  await widget.fill({ ...requests["en-US"], title: "x".repeat(203) });
  await widget.submit();
  await expect(widget.host.locator("#sw-title-error")).toContainText(/200\u2069? characters or fewer/);
  await expect(title).toHaveAccessibleDescription(/200.? characters or fewer.*3.? characters too many/);
  await widget.setAttribute("locale", "zh-TW");
  await expect(count).toHaveText("超出 \u20683\u2069 個字元");
  const description = widget.host.locator("#sw-description");
  await description.fill("字".repeat(8_000));
  await expect(widget.host.locator("#sw-description-count")).toHaveText("還可以輸入 \u20682,000\u2069 個字元");
  await title.fill("x".repeat(200));
  await expect(count).toHaveText("還可以輸入 \u20680\u2069 個字元");
  await expect(count).not.toHaveClass(/sw-count-over/);
});

test("the backend's own validation errors are shown at their fields", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "en-US");
  await widget.fill(requests["en-US"]);
  // A backend with a stricter rule than the widget knows answers 422.
  await page.route("**/support-requests", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ errors: [{ field: "contact.email", code: "invalid_email" }] }),
    }),
  );
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  await expect(widget.host.locator("#sw-contact-email-error")).toContainText("correct format");
  await expect(widget.host.locator("#sw-title")).toHaveValue(requests["en-US"].title);
});

test("a status that cannot be loaded still names the request, offers one Try again, and claims no check", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ ...requests["en-US"], title: "Status while the service is down" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");

  await page.route("**/support-requests/*", (route) => (route.request().method() === "GET" ? route.abort("connectionrefused") : route.continue()));
  await widget.host.getByTestId("view-status").click();
  const status = widget.host.getByTestId("request-status");
  await expect(status.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(status).toContainText("The request's status couldn't be loaded");
  await expect(widget.host.getByTestId("status-reference")).toHaveText(reference);
  await expect(status).toContainText("Status while the service is down");
  await expect(widget.host.getByTestId("status-refresh")).toBeHidden();
  await expect(widget.host.getByTestId("status-checked")).toBeEmpty();

  // The list of filed requests says so where the status would be.
  await widget.host.getByTestId("back").click();
  await expect(widget.confirmation).toBeVisible();
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("open-filed-requests").click();
  const item = widget.host.getByTestId("filed-request").filter({ hasText: reference });
  await expect(item.getByTestId("filed-status")).toHaveText("Status couldn't be loaded");
  await item.click();
  await expect(status.getByRole("button", { name: "Try again" })).toBeVisible();

  await page.unroute("**/support-requests/*");
  await status.getByRole("button", { name: "Try again" }).click();
  await expect(widget.host.getByTestId("status-current")).toBeVisible();
  await expect(widget.host.getByTestId("status-refresh")).toBeVisible();
  await expect(widget.host.getByTestId("status-checked")).toContainText("Checked at");
});

test("a request the support service no longer has still shows what the device kept, and can be taken off the list", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const filed = [];
  for (const title of ["Gone from the service", "Still with the service"]) {
    await widget.fill({ ...requests["en-US"], title });
    await widget.submit();
    await expect(widget.confirmation).toBeVisible();
    filed.push({ id: await widget.confirmation.getAttribute("data-request-id"), reference: await widget.host.getByTestId("reference").getAttribute("data-reference") });
    await widget.confirmation.getByRole("button", { name: requests["en-US"].another }).click();
  }
  // The first is gone from the backend (deleted, say).
  await page.route(`**/support-requests/${filed[0].id}`, (route) =>
    route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ errors: [{ field: "id", code: "not_found" }] }) }),
  );
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("open-filed-requests").click();
  await widget.host.getByTestId("filed-request").filter({ hasText: filed[0].reference }).click();
  await expect(widget.host.getByTestId("status-not-found")).toHaveText("The support service can't find this request.");
  await expect(widget.host.getByTestId("status-reference")).toHaveText(filed[0].reference);
  await expect(widget.host.getByTestId("request-status")).toContainText("Gone from the service");

  await widget.host.getByTestId("status-forget").click();
  await expect(widget.host.getByTestId("filed-requests")).toBeVisible();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(1);
  await expect(widget.host.getByTestId("filed-request")).toContainText(filed[1].reference);
  // The list says so, and focus goes to its Undo, the item being gone.
  const removed = widget.host.getByTestId("filed-removed");
  // (The reference between the isolation marks Fluent puts around it.)
  await expect(removed).toContainText(`\u2068${filed[0].reference}\u2069 is off this list now.`);
  await expect(widget.host.getByTestId("filed-removed-undo")).toBeFocused();
  // Undo says what it undoes: the notice came with the screen, and a live
  // region is not heard when it comes with its text.
  await expect(widget.host.getByTestId("filed-removed-undo")).toHaveAccessibleDescription(`\u2068${filed[0].reference}\u2069 is off this list now.`);
  // Undo puts it back where it was (below the newer one), for this visit
  // and the next.
  await widget.host.getByTestId("filed-removed-undo").click();
  await expect(removed).toHaveCount(0);
  await expect(widget.heading).toBeFocused();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(2);
  await expect(widget.host.getByTestId("filed-request").nth(0)).toContainText(filed[1].reference);
  await expect(widget.host.getByTestId("filed-request").nth(1)).toContainText(filed[0].reference);
  await page.reload();
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(2);
  await expect(widget.host.getByTestId("filed-removed")).toHaveCount(0);

  // Removed again, and left so.
  await widget.host.getByTestId("filed-request").filter({ hasText: filed[0].reference }).click();
  await widget.host.getByTestId("status-forget").click();
  await expect(widget.host.getByTestId("filed-removed")).toBeVisible();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(1);
  // The notice stays with this visit to the list only.
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(widget.host.getByTestId("filed-removed")).toHaveCount(0);
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(1);
  // Off the device's list for good: the other stays.
  await page.reload();
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(1);
  await expect(widget.host.getByTestId("filed-request")).toContainText(filed[1].reference);
});

test("requests filed in two tabs are both kept in the device's list", async ({ context, request }) => {
  // Both tabs open before either files: each read the list when it was empty.
  const first = new SupportWidgetPage(await context.newPage());
  const second = new SupportWidgetPage(await context.newPage());
  await first.open();
  await second.open();
  const references = [];
  for (const [widget, title] of [[first, "First tab"], [second, "Second tab"]]) {
    await widget.fill({ category: "billing", title, description: "Filed from its own tab.", name: "Ana", email: "ana@contoso.com" });
    await widget.submit();
    references.push((await widget.storedRequest(request)).reference);
  }
  await first.goto();
  await first.host.getByTestId("open-filed-requests").click();
  const listed = first.host.getByTestId("filed-request");
  await expect(listed).toHaveCount(2);
  for (const reference of references) await expect(listed.filter({ hasText: reference })).toHaveCount(1);
});
