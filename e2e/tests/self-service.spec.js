// Customers help themselves first (service health, help articles), then
// contact their partner, who learns which articles they saw.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { answerWith, axeTags, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";

const texts = {
  "zh-CN": { query: "重置密码", article: "在 Office 365 管理中心重置用户密码", heading: "需要什么帮助？", sent: "你的合作伙伴将与你联系。请保留好请求编号，向合作伙伴询问此请求时请提供该编号。", notSure: "不确定", subtitle: "由你的合作伙伴提供" },
  "zh-TW": { query: "密碼", article: "在 Office 365 系統管理中心重設使用者密碼", heading: "需要什麼協助？", sent: "您的合作夥伴會與您聯絡。請保留此編號，向合作夥伴詢問此要求時請提供此編號。", notSure: "不確定", subtitle: "由您的合作夥伴提供" },
  "es-ES": { query: "contraseña", article: "contraseña", heading: "¿En qué podemos ayudarle?", sent: "Su partner se pondrá en contacto con usted. Tenga a mano la referencia e indíquela cuando consulte a su partner sobre esta solicitud.", notSure: "No lo sé", subtitle: "Ofrecido por su partner" },
  "en-US": { query: "password", article: "Reset a user's password", heading: "How can we help?", sent: "Your partner will contact you. Keep the reference handy: quote it when you ask your partner about this request.", notSure: "Not sure", subtitle: "Provided by your partner" },
};

/** The demo's customer page, in `locale`. */
async function openSelfService(page, locale) {
  const widget = new SupportWidgetPage(page);
  await page.goto("/self-service.html");
  await widget.setAttribute("locale", locale);
  await expect(widget.host.getByTestId("self-service")).toBeVisible();
  await expect(widget.heading).toHaveText(texts[locale].heading);
  return widget;
}

async function search(widget, query) {
  await widget.host.getByTestId("article-query").fill(query);
  await widget.host.getByTestId("article-search-button").click();
}

for (const locale of Object.keys(texts)) {
  test(`a customer finds an article and contacts the partner in ${locale}`, async ({ page, request }) => {
    const widget = await openSelfService(page, locale);
    // Customers hear from their partner, not from Partner Center.
    await expect(widget.host.locator(".sw-brand-subtitle")).toHaveText(texts[locale].subtitle);
    // Service health comes first: the seeded Azure incident is current.
    await expect(widget.host.getByTestId("incident").first()).toBeVisible();
    // Its title is a level below the "Service health" subheading.
    await expect(widget.host.getByTestId("incident").first().getByRole("heading", { level: 4 })).toHaveCount(1);

    await search(widget, texts[locale].query);
    const article = widget.host.getByTestId("article").filter({ hasText: texts[locale].article }).first();
    await expect(article).toBeVisible();
    const articleId = await article.getAttribute("data-article-id");
    const link = article.locator("a");
    await expect(link).toHaveAttribute("target", "_blank");
    expect(await link.getAttribute("href")).toMatch(/^https:\/\//);

    await widget.host.getByTestId("help-contact").click();
    await expect(widget.host.getByTestId("articles-seen")).toContainText(texts[locale].article);
    // Categories and severities are the partner's business.
    await expect(widget.host.locator("#sw-category")).toHaveCount(0);
    await expect(widget.host.locator("#sw-severity")).toHaveCount(0);
    // The service is the customer's to name, or not: "Not sure" at first.
    const service = widget.host.getByTestId("contact-service");
    await expect(service).toHaveValue("");
    await expect(service.locator("option:checked")).toHaveText(texts[locale].notSure);
    await service.selectOption("azure");
    await widget.fill({ title: "密码重置后仍无法登录", description: "按文章重置了密码，但仍然提示密码错误。", name: "张伟", email: "zhang.wei@example.cn" }, { category: false });
    await widget.submit();
    await expect(widget.confirmation).toContainText(texts[locale].sent);
    // Signed out on an open backend, which mailed no link to confirm.
    await expect(widget.host.getByTestId("address-link-sent")).toHaveCount(0);
    // The customer follows it on its status view, as the partner does.
    await expect(widget.host.getByTestId("view-status")).toBeVisible();

    const stored = await widget.storedRequest(request);
    expect(stored.request.kind).toBe("customer_self_service");
    expect(stored.request.articles_seen).toContain(articleId);
    expect(stored.request.locale).toBe(locale);
    expect(stored.request.service).toBe("azure");
  });
}

test("the page's close() and open() lead back to the help, the one start screen, and keep what was typed", async ({ page }) => {
  const widget = await openSelfService(page, "en-US");
  for (const call of ["close", "open", "openEscalation"]) {
    await widget.host.getByTestId("help-contact").click();
    await expect(widget.host.getByTestId("contact-partner")).toBeVisible();
    await widget.host.locator("#sw-title").fill(`Typed before ${call}`);
    await widget.host.evaluate((el, call) => (call === "close" ? el.close() : call === "open" ? el.open() : el.open("escalation")), call);
    await expect(widget.host.getByTestId("contact-partner")).toHaveCount(0);
    await expect(widget.host.getByTestId("self-service")).toBeVisible();
    await widget.host.getByTestId("help-contact").click();
    await expect(widget.host.locator("#sw-title")).toHaveValue(`Typed before ${call}`);
    await widget.host.getByTestId("back").click();
  }
});

test("the service of a message to the partner: none unless chosen, kept over a reload, the page's until the customer chooses", async ({ page, request }) => {
  let widget = await openSelfService(page, "en-US");
  await widget.host.getByTestId("help-contact").click();
  const service = () => widget.host.getByTestId("contact-service");
  // Labelled, with its hint, and offering the backend's services.
  await expect(widget.host.getByLabel("Service (optional)", { exact: true })).toHaveAttribute("aria-describedby", "sw-service-hint");
  await expect(service().locator("option")).toHaveText(["Not sure", "Office 365", "Azure", "Dynamics 365", "Power BI"]);
  // Chosen alone, it is a message begun: kept over a reload.
  await service().selectOption("powerbi");
  await expect.poll(() => widget.draft("customer", "contact-partner")).toContain('"service":"powerbi"');
  await page.reload();
  widget = new SupportWidgetPage(page);
  await widget.host.getByTestId("help-contact").click();
  await expect(service()).toHaveValue("powerbi");
  // Back to "Not sure": nothing named.
  await service().selectOption("");
  await widget.fill({ title: "Reports are blank", description: "Every report shows no data since this morning.", name: "Ana Ruiz", email: "ana.ruiz@example.com" }, { category: false });
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.service).toBeUndefined();

  // A page about one service prefills it; it is not a draft of the user's.
  await page.reload();
  widget = new SupportWidgetPage(page);
  await page.locator("support-widget").evaluate((element) => element.prefill({ service: "office365" }));
  await widget.host.getByTestId("help-contact").click();
  await expect(service()).toHaveValue("office365");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("help-contact")).toBeVisible();
  await expect(widget.host.getByTestId("help-contact").getByTestId("unsent-draft")).toHaveCount(0);
  // Past the draft's half second of waiting, nothing is stored.
  await page.waitForTimeout(1000);
  expect(await widget.draft("customer", "contact-partner")).toBe("");
});

test("a service chosen in a draft that the list no longer offers goes back to Not sure", async ({ page, request }) => {
  let widget = await openSelfService(page, "zh-CN");
  await widget.host.getByTestId("help-contact").click();
  await widget.host.getByTestId("contact-service").selectOption("powerbi");
  await widget.host.locator("#sw-title").fill("报表是空的");
  await expect.poll(() => widget.draft("customer", "contact-partner")).toContain('"service":"powerbi"');
  // Power BI is no longer offered.
  await page.route("**/services", async (route) => {
    const listed = await (await route.fetch()).json();
    await route.fulfill({ json: { services: listed.services.filter((service) => service.id !== "powerbi") } });
  });
  await page.reload();
  widget = new SupportWidgetPage(page);
  await widget.setAttribute("locale", "zh-CN");
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.getByTestId("contact-service").locator("option")).toHaveCount(4);
  await expect(widget.host.getByTestId("contact-service")).toHaveValue("");
  await expect(widget.host.locator("#sw-title")).toHaveValue("报表是空的");
  await widget.host.locator("#sw-description").fill("从今天早上开始，所有报表都没有数据。");
  await widget.host.locator("#sw-contact-name").fill("张伟");
  await widget.host.locator("#sw-contact-email").fill("zhang.wei@example.cn");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.service).toBeUndefined();
});

/**
 * Lists of services that still offer one the backend has since dropped,
 * until a message is sent; after that, `after(route, listed)` answers.
 */
async function serviceDroppedSinceListed(page, after) {
  let sent = false;
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/support-requests") && (sent = true));
  await page.route("**/services", async (route) => {
    const listed = await (await route.fetch()).json();
    if (sent) return after(route, listed);
    const services = [...listed.services, { id: "retired", name: "Retired Service", admin_center_url: "https://example.com/" }];
    await route.fulfill({ json: { services } });
  });
}

async function sendWithRetiredService(page, widget) {
  await widget.host.getByTestId("help-contact").click();
  await widget.host.getByTestId("contact-service").selectOption("retired");
  await widget.fill({ title: "Reports are empty", description: "No data since this morning.", name: "Wei Zhang", email: "wei.zhang@example.com" }, { category: false });
  const refused = page.waitForResponse((response) => response.url().endsWith("/support-requests") && response.request().method() === "POST");
  await widget.submit();
  expect((await refused).status()).toBe(422);
}

test("a service the backend refuses (gone since the list came) is named at the select, which reads the list again", async ({ page, request }) => {
  // The list read again after the refusal arrives when the test says.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let listsAfter = 0;
  await serviceDroppedSinceListed(page, async (route, listed) => {
    listsAfter += 1;
    await released;
    await route.fulfill({ json: listed });
  });
  const widget = await openSelfService(page, "en-US");
  await sendWithRetiredService(page, widget);
  const service = widget.host.getByTestId("contact-service");
  const sentence = "The support service doesn't recognize this service anymore. Choose another one, or “Not sure”";
  // In the summary, whose link leads to the select, and at the select.
  const summary = widget.host.getByTestId("error-summary");
  await expect(summary.getByRole("link")).toHaveText([sentence]);
  await expect(widget.host.locator("#sw-service-error")).toHaveText(sentence);
  await expect(service).toHaveAttribute("aria-invalid", "true");
  await expect(service).toHaveAttribute("aria-describedby", "sw-service-hint sw-service-error");
  await expect.poll(() => listsAfter).toBe(1);
  await summary.getByRole("link").click();
  await expect(service).toBeFocused();
  // The list read again drops the service, and the choice of it; the
  // select, which the user is on, stays (and so keeps focus).
  release();
  await expect(service.locator("option")).toHaveText(["Not sure", "Office 365", "Azure", "Dynamics 365", "Power BI"]);
  await expect(service).toHaveValue("");
  await expect(service).toBeFocused();
  // Nothing typed is lost, and the message goes with another service.
  await expect(widget.host.locator("#sw-title")).toHaveValue("Reports are empty");
  await service.selectOption("powerbi");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const stored = await widget.storedRequest(request);
  expect(stored.request.service).toBe("powerbi");
  expect(stored.request.title).toBe("Reports are empty");
  expect(listsAfter).toBe(1);
});

test("a refused service whose list cannot be read again leaves the field out, with no error left pointing at it", async ({ page, request }) => {
  // The list read again fails when the test says.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await serviceDroppedSinceListed(page, async (route) => {
    await released;
    await route.fulfill({ status: 503, body: "" });
  });
  const widget = await openSelfService(page, "es-ES");
  await sendWithRetiredService(page, widget);
  const summary = widget.host.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  release();
  await expect(widget.host.getByTestId("contact-service")).toHaveCount(0);
  await expect(summary).toBeHidden();
  // Focus, which the summary had, moves on to sending the message.
  await expect(widget.host.getByTestId("submit")).toBeFocused();
  await expect(widget.host.locator("#sw-title")).toHaveValue("Reports are empty");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const stored = await widget.storedRequest(request);
  expect(stored.request.service).toBeUndefined();
  expect(stored.request.title).toBe("Reports are empty");
});

test("a visitor whose address the backend mailed a link to confirm reads where the replies are meanwhile, in each language", async ({ page, request }) => {
  // Only the display is checked here: the backend files the message as
  // it does for a visitor, and its answer is told here that a link was
  // mailed (confirmation_mailed), as a backend with --anonymous-customers
  // and mail answers. The mail itself is the backend's tests' to check.
  await page.route(
    (url) => url.pathname.endsWith("/support-requests"),
    async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const response = await route.fetch();
      const created = await response.json();
      await route.fulfill({ response, json: response.ok() ? { ...created, confirmation_mailed: true } : created });
    },
  );
  const widget = await openSelfService(page, "en-US");
  await widget.host.getByTestId("help-contact").click();
  await widget.fill({ title: "Cannot sign in", description: "Since this morning.", name: "Ana Ruiz", email: "ana.ruiz@example.com" }, { category: false });
  await widget.submit();
  await expect(widget.confirmation).toContainText(texts["en-US"].sent);
  const said = widget.host.getByTestId("address-link-sent");
  const words = {
    "en-US": "We've sent a link to your email address. Once you confirm the address with it, the replies to this request are emailed to you. Until then, read them here on this device, under “My requests”.",
    "zh-CN": "我们已向你的电子邮件地址发送了一个链接。用它确认该地址后，此请求的回复将通过电子邮件发送给你。在此之前，请在此设备上的“我的请求”中查看回复。",
    "zh-TW": "我們已將一個連結寄到您的電子郵件地址。透過此連結確認地址後，此要求的回覆將以電子郵件寄給您。在此之前，請在這部裝置上的「我的要求」中查看回覆。",
    "es-ES": "Le hemos enviado un enlace a su dirección de correo electrónico. Cuando confirme la dirección con él, recibirá por correo electrónico las respuestas a esta solicitud. Mientras tanto, puede leerlas aquí, en este dispositivo, en «Mis solicitudes».",
  };
  for (const [locale, text] of Object.entries(words)) {
    await widget.setAttribute("locale", locale);
    await expect(said).toHaveText(text);
  }
  expect((await widget.storedRequest(request)).request.contact.email).toBe("ana.ruiz@example.com");
  // The request's status says it too, from what this device kept of it.
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("view-status").click();
  await expect(widget.host.getByTestId("status-current")).toBeVisible();
  await expect(said).toHaveText(words["en-US"]);
});

test("a list of services that cannot be had leaves the field out, and the message still goes", async ({ page, request }) => {
  await page.route("**/services", (route) => route.fulfill({ status: 503, body: "" }));
  const widget = await openSelfService(page, "es-ES");
  // A page's service, which the form cannot show without the list: not sent.
  await page.locator("support-widget").evaluate((element) => element.prefill({ service: "azure" }));
  const refused = page.waitForResponse("**/services");
  await widget.host.getByTestId("help-contact").click();
  expect((await refused).status()).toBe(503);
  await widget.host.locator("#sw-title").fill("No puedo iniciar sesión");
  await expect(widget.host.getByTestId("contact-service")).toHaveCount(0);
  await widget.host.locator("#sw-description").fill("Desde esta mañana no puedo entrar.");
  await widget.host.locator("#sw-contact-name").fill("Ana Ruiz");
  await widget.host.locator("#sw-contact-email").fill("ana.ruiz@example.com");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const stored = await widget.storedRequest(request);
  expect(stored.request.service).toBeUndefined();
});

test("a search that finds nothing says so, to screen readers too, and keeps the query", async ({ page }) => {
  const widget = await openSelfService(page, "en-US");
  await search(widget, "zzzz-nothing-matches");
  // Said in the live region that announces what a search found.
  const found = widget.host.getByRole("status").filter({ hasText: "zzzz-nothing-matches" });
  await expect(found).toHaveCount(1);
  await expect(found).toHaveAttribute("data-testid", "article-count");
  await expect(widget.host.getByTestId("article")).toHaveCount(0);
  await expect(widget.host.getByTestId("article-query")).toHaveValue("zzzz-nothing-matches");
  // A pasted page of text is repeated cut short, and kept whole in the box.
  const pasted = "nothing like this ".repeat(30).trim();
  await search(widget, pasted);
  await expect(widget.host.getByTestId("article-count")).toHaveText(/^No articles match “\u2068?nothing like this nothing like this noth…\u2069?”\./);
  await expect(widget.host.getByTestId("article-query")).toHaveValue(pasted);
});

test("a search that lists as many articles as a search lists at most says there may be more", async ({ page }) => {
  const many = Array.from({ length: 20 }, (_, n) => ({
    id: `article-${n}`,
    title: `Article ${n + 1}`,
    summary: "A summary.",
    url: `https://docs.example.com/${n}`,
    locale: "es-ES",
  }));
  await page.route("**/articles?*", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify({ articles: many }) }));
  const widget = await openSelfService(page, "es-ES");
  await search(widget, "cuenta");
  await expect(widget.host.getByTestId("article")).toHaveCount(20);
  await expect(widget.host.getByTestId("article-count")).toHaveText(/^Se muestran los \u2068?20\u2069? primeros artículos\. Añada palabras para acotar la búsqueda\.$/);
});

test("a blank search lists the first articles to browse", async ({ page }) => {
  const widget = await openSelfService(page, "es-ES");
  await widget.host.getByTestId("article-search-button").click();
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  expect(await widget.host.getByTestId("article").count()).toBeGreaterThan(1);
});

test("'This solved it' ends without sending anything", async ({ page }) => {
  const widget = await openSelfService(page, "en-US");
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST") posted = true;
  });
  await search(widget, "password");
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-solved").click();
  await expect(widget.host.getByTestId("help-solved-screen")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  expect(posted).toBe(false);
  // A mis-click: Back returns to the search, as it was.
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("article-query")).toHaveValue("password");
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-solved").click();
  await expect(widget.host.getByTestId("help-solved-screen")).toBeVisible();

  // Back to start: a new journey, without the last search, so that what it
  // shows is what a message to the partner names.
  await widget.host.getByRole("button", { name: "Back to start" }).click();
  await expect(widget.host.getByTestId("article-query")).toHaveValue("");
  await expect(widget.host.getByTestId("article")).toHaveCount(0);
  await search(widget, "password");
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.getByTestId("articles-seen")).toBeVisible();
  expect(posted).toBe(false);
});

test("a search still on its way when the customer starts again is aborted, never shown, nor named to the partner", async ({ page }) => {
  // The first search's answer waits until the test lets it go.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let arrived;
  const held = new Promise((resolve) => (arrived = resolve));
  let holding = true;
  await page.route("**/articles?*", async (route) => {
    if (holding && route.request().method() === "GET") {
      holding = false;
      arrived(route.request());
      await released;
    }
    await route.continue().catch(() => {});
  });
  const widget = await openSelfService(page, "en-US");
  await search(widget, "password");
  const heldRequest = await held;
  const aborted = page.waitForEvent("requestfailed", (r) => r === heldRequest);
  await widget.host.getByTestId("help-solved").click();
  await widget.host.getByRole("button", { name: "Back to start" }).click();
  await expect(widget.host.getByTestId("article-query")).toHaveValue("");
  await aborted;

  release();
  await expect(widget.host.getByTestId("article")).toHaveCount(0);
  await expect(widget.host.getByTestId("article-count")).toHaveText("");
  // The new journey searches at once, and a message names none of the
  // last journey's articles.
  await search(widget, "");
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.locator("#sw-title")).toBeVisible();
  await expect(widget.host.getByTestId("articles-seen")).toHaveCount(0);
});

test("a new search overtakes the one on its way: its request is aborted, and only the new one's articles show", async ({ page }) => {
  // The first search's answer is held back, so that it is still on its way
  // when the customer searches again.
  let holding = true;
  await page.route("**/articles?*", async (route) => {
    if (holding && route.request().method() === "GET") {
      holding = false;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    await route.continue().catch(() => {});
  });
  const asked = (query) => page.waitForRequest((r) => r.method() === "GET" && new URL(r.url()).pathname.endsWith("/articles") && new URL(r.url()).searchParams.get("query") === query);
  const widget = await openSelfService(page, "en-US");
  const first = asked("zzzz-nothing-matches");
  await search(widget, "zzzz-nothing-matches");
  const firstRequest = await first;
  const firstAborted = page.waitForEvent("requestfailed", (r) => r === firstRequest);
  await search(widget, texts["en-US"].query);
  await firstAborted;
  await expect(widget.host.getByTestId("article")).toHaveCount(1);
  await expect(widget.host.getByTestId("article")).toContainText(texts["en-US"].article);
  await expect(widget.host.getByTestId("article-count")).not.toContainText("zzzz");
});

test("articles listed by a blank search are browsed, not named to the partner", async ({ page, request }) => {
  const widget = await openSelfService(page, "en-US");
  await search(widget, "");
  await expect(widget.host.getByTestId("article").nth(3)).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.locator("#sw-title")).toBeVisible();
  await expect(widget.host.getByTestId("articles-seen")).toHaveCount(0);
  // Nor does the form promise to name any.
  const intro = widget.host.getByTestId("contact-partner").locator(".sw-intro");
  await expect(intro).toHaveText("Describe the problem.");
  // A search for the problem still counts.
  await widget.host.getByTestId("back").click();
  await search(widget, texts["en-US"].query);
  // The blank search's list gives way to this one's.
  await expect(widget.host.getByTestId("article")).toHaveCount(1);
  const found = await widget.host.getByTestId("article").evaluateAll((items) => items.map((item) => item.dataset.articleId));
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.getByTestId("articles-seen")).toContainText(texts["en-US"].article);
  await expect(intro).toHaveText("Describe the problem. Your partner will see which help articles your searches showed you.");
  await widget.fill({ title: "Still can't sign in", description: "Nothing in the list helped.", name: "Wei Zhang", email: "wei.zhang@example.cn" }, { category: false });
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.articles_seen).toEqual(found);
});

test("going back from the contact form keeps the search and what was typed", async ({ page }) => {
  const widget = await openSelfService(page, "zh-CN");
  await search(widget, "重置密码");
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await widget.host.locator("#sw-title").fill("还没写完");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.locator("#sw-title")).toHaveValue("还没写完");
});

test("a message resumed after a reload still names the articles seen before it", async ({ page, request }) => {
  let widget = await openSelfService(page, "zh-TW");
  await search(widget, texts["zh-TW"].query);
  const article = widget.host.getByTestId("article").filter({ hasText: texts["zh-TW"].article }).first();
  const articleId = await article.getAttribute("data-article-id");
  await widget.host.getByTestId("help-contact").click();
  await widget.host.locator("#sw-title").fill("重設後仍無法登入");
  await expect.poll(() => widget.draft("customer", "contact-partner")).toContain(articleId);

  await page.reload();
  widget = new SupportWidgetPage(page);
  await widget.setAttribute("locale", "zh-TW");
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.locator("#sw-title")).toHaveValue("重設後仍無法登入");
  await expect(widget.host.getByTestId("articles-seen")).toContainText(texts["zh-TW"].article);
  await widget.host.locator("#sw-description").fill("依文章重設了密碼，仍然顯示密碼錯誤。");
  await widget.host.locator("#sw-contact-name").fill("陳怡君");
  await widget.host.locator("#sw-contact-email").fill("chen.yijun@example.tw");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.articles_seen).toEqual([articleId]);
});

for (const locale of Object.keys(texts)) {
  test(`every example the search box gives finds an article, in ${locale}`, async ({ page }) => {
    const widget = await openSelfService(page, locale);
    const hint = await widget.host.locator("#sw-article-query-hint").textContent();
    // "For example: a, b, c", "例如：a、b、c".
    const examples = hint.replace(/^[^:：]*[:：]\s*/, "").split(/\s*[,、]\s*/);
    expect(examples.length).toBe(3);
    for (const example of examples) {
      // Each on a fresh page, so that no earlier search's list can answer.
      const fresh = await openSelfService(page, locale);
      await search(fresh, example);
      await expect(fresh.host.getByTestId("article").first(), example).toBeVisible();
    }
  });
}

test("'Contact my partner' is marked while a message is typed and not sent, after a reload too", async ({ page }) => {
  let widget = await openSelfService(page, "es-ES");
  const contact = widget.host.getByTestId("help-contact");
  await expect(contact.getByTestId("unsent-draft")).toHaveCount(0);
  await contact.click();
  await widget.host.locator("#sw-title").fill("Sigo sin poder iniciar sesión");
  await widget.host.getByTestId("back").click();
  await expect(contact.getByTestId("unsent-draft")).toHaveText("Borrador sin enviar");
  // Its name says so to screen readers too, and it reads as the button's
  // own text does (white on the primary button's blue).
  await expect(contact).toHaveAccessibleName("Contactar con mi partner Borrador sin enviar");
  const colour = await contact.evaluate((el) => getComputedStyle(el).color);
  await expect(contact.getByTestId("unsent-draft")).toHaveCSS("color", colour);
  const audit = await new AxeBuilder({ page }).include("support-widget").withTags(axeTags).analyze();
  expect(audit.violations.map((v) => v.id)).toEqual([]);
  await expect.poll(() => widget.draft("customer", "contact-partner")).toContain("Sigo sin poder");

  await page.reload();
  widget = new SupportWidgetPage(page);
  await widget.setAttribute("locale", "es-ES");
  await expect(contact.getByTestId("unsent-draft")).toBeVisible();
  await contact.click();
  await widget.host.locator("#sw-description").fill("Restablecí la contraseña como indica el artículo.");
  await widget.host.locator("#sw-contact-name").fill("Lucía Pérez");
  await widget.host.locator("#sw-contact-email").fill("lucia.perez@example.es");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(contact).toBeVisible();
  await expect(contact.getByTestId("unsent-draft")).toHaveCount(0);
});

test("once the message is sent, contacting the partner again begins a new one", async ({ page }) => {
  const widget = await openSelfService(page, "en-US");
  await search(widget, texts["en-US"].query);
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  await widget.host.getByTestId("help-contact").click();
  await widget.fill({ title: "Still can't sign in", description: "I reset the password as the article says.", name: "Wei Zhang", email: "wei.zhang@example.cn" }, { category: false });
  await widget.submit();
  await expect(widget.confirmation).toContainText(texts["en-US"].sent);
  // The confirmation says what comes next; the articles were the form's.
  await expect(widget.host.getByTestId("articles-seen")).toHaveCount(0);

  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.confirmation).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("Wei Zhang");
  await expect(widget.host.getByTestId("articles-seen")).toContainText(texts["en-US"].article);
});

test("an article in another language says so, and only its own words are read in that language", async ({ page }) => {
  const widget = await openSelfService(page, "zh-CN");
  // The vCPU quota article has no Chinese text: it is found in English.
  await search(widget, "vCPU");
  const articles = widget.host.getByTestId("article");
  const other = articles.filter({ has: page.locator(".sw-badge") }).first();
  const link = other.locator("a");
  await expect(link).toHaveAccessibleDescription("英文");
  // A small label, not a bar across the article.
  const badge = await other.locator(".sw-badge").boundingBox();
  expect(badge.width).toBeLessThan((await other.boundingBox()).width / 3);
  await expect(link.locator("span[lang]")).toHaveAttribute("lang", "en-US");
  // "Opens in a new tab" is the widget's words, in the widget's language.
  const newTab = link.locator(".sw-visually-hidden");
  await expect(newTab).toHaveText(/新标签页/);
  // Set close to the title, as Chinese sets full-width brackets.
  expect(await link.evaluate((e) => e.textContent)).toMatch(/\S（在新标签页中打开）/);
  expect(await newTab.evaluate((e) => e.closest("[lang]").getAttribute("lang"))).toBe("zh-CN");
  // A translated article has no badge, and its link no description.
  await search(widget, texts["zh-CN"].query);
  const translated = articles.filter({ hasText: texts["zh-CN"].article });
  await expect(translated).toBeVisible();
  await expect(translated.locator("span[lang]")).toHaveAttribute("lang", "zh-CN");
  await expect(translated.locator(".sw-badge")).toHaveCount(0);
  await expect(translated.locator("a")).not.toHaveAttribute("aria-describedby", /.+/);
});

test("articles found before a language switch stay, each badge naming the language it is in", async ({ page }) => {
  const widget = await openSelfService(page, "es-ES");
  await search(widget, texts["es-ES"].query);
  const articles = widget.host.getByTestId("article");
  const spanish = articles.filter({ hasText: texts["es-ES"].article }).first();
  await expect(spanish).toBeVisible();
  await expect(spanish.locator(".sw-badge")).toHaveCount(0);
  await widget.host.getByTestId("language-picker").selectOption("en-US");
  await expect(widget.heading).toHaveText(texts["en-US"].heading);
  // Still the Spanish article, now said to be in Spanish, not in English.
  await expect(spanish.locator(".sw-badge")).toHaveText("Español");
  await expect(spanish.locator(".sw-badge")).toHaveAttribute("lang", "es-ES");
  await expect(spanish.locator("a")).toHaveAccessibleDescription("Español");
  await expect(articles.locator(".sw-badge", { hasText: "In English" })).toHaveCount(0);
});

test("service health on the customer's page names each item's service", async ({ page }) => {
  const widget = await openSelfService(page, "en-US");
  const incidents = widget.host.getByTestId("incident");
  await expect(incidents.filter({ hasText: "Email delivery delayed" }).getByTestId("incident-service")).toHaveText("Office 365");
  await expect(incidents.filter({ hasText: "Virtual machines in China East 2" }).getByTestId("incident-service")).toHaveText("Azure");
});

test("service health and article searches that fail say so, and Try again keeps focus in the widget", async ({ page }) => {
  let failing = true;
  const fail = (route) => (failing ? route.abort("connectionrefused") : route.continue());
  await page.route("**/service-health*", fail);
  await page.route("**/articles?*", fail);
  // The services' names, which health items carry, were not to be had either.
  await page.route("**/services", fail);
  const widget = new SupportWidgetPage(page);
  await page.goto("/self-service.html");
  await widget.setAttribute("locale", "es-ES");

  const healthFailure = widget.host.getByRole("alert").filter({ hasText: "No se ha podido cargar el estado del servicio" });
  await expect(healthFailure).toBeVisible();
  await search(widget, "contraseña");
  const searchFailure = widget.host.getByRole("alert").filter({ hasText: "No se ha podido buscar en los artículos de ayuda" });
  await expect(searchFailure).toBeVisible();
  await expect(widget.host.getByTestId("article-query")).toHaveValue("contraseña");

  failing = false;
  await searchFailure.getByRole("button", { name: "Volver a intentarlo" }).click();
  await expect(widget.host.getByTestId("article").first()).toBeVisible();
  // Back in the search box, where the query still is.
  await expect(widget.host.getByTestId("article-query")).toBeFocused();

  await healthFailure.getByRole("button", { name: "Volver a intentarlo" }).click();
  await expect(widget.host.getByTestId("incident").first()).toBeVisible();
  await expect(healthFailure).toHaveCount(0);
  await expect(widget.heading).toBeFocused();
  // Each item names its service again.
  await expect(widget.host.getByTestId("incident").first().getByTestId("incident-service")).toHaveText(/\S/);
});

test("service health whose every item this version cannot read says it couldn't be loaded, never that all is well", async ({ page }) => {
  // A newer backend's incident: a status this version does not know.
  const incident = {
    id: "i-new", service: "azure", kind: "incident", status: "mitigated", title: "Sign-in failures", summary: "",
    locale: "en-US", started_at: "2026-11-25T08:00:00Z", updated_at: "2026-11-25T08:30:00Z",
  };
  await page.route("**/service-health*", (route) => route.fulfill({ json: { incidents: [incident] } }));
  const widget = new SupportWidgetPage(page);
  await page.goto("/self-service.html");
  await widget.setAttribute("locale", "es-ES");
  await expect(widget.host.getByRole("alert").filter({ hasText: "No se ha podido cargar el estado del servicio" })).toBeVisible();
  await expect(widget.host.getByTestId("health-none")).toHaveCount(0);
});

test("a lookup refused with the last sign-in, after the page has signed in anew, goes again with the new one", async ({ page }) => {
  await withoutTokenProvider(page);
  const refused = (route) => answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] });
  const bearer = (route) => route.request().headers().authorization;
  // Service health asked for with the old sign-in is answered when the
  // test says: after the page has signed in anew.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let heldArrived;
  const held = new Promise((resolve) => (heldArrived = resolve));
  const healthAsNew = [];
  await page.route("**/service-health?*", async (route) => {
    if (bearer(route) === "Bearer old") {
      heldArrived();
      await released;
      return refused(route);
    }
    if (bearer(route) === "Bearer new") healthAsNew.push(route.request().url());
    return route.continue();
  });
  await page.route("**/articles?*", (route) => (bearer(route) === "Bearer old" ? refused(route) : route.continue()));
  const widget = await openSelfService(page, "en-US");
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => {
      window.__errors.push(event.detail.code);
      if (event.detail.code === "session_ended") event.target.setRequestHeaders({ Authorization: "Bearer new" });
    });
  });
  const sessionEvents = () => page.evaluate(() => window.__errors.filter((code) => code !== "server"));
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer old" }));
  // Another language: service health is read again, with the old sign-in.
  const oldAsked = page.waitForRequest((r) => r.url().includes("/service-health") && r.headers().authorization === "Bearer old");
  await widget.setAttribute("locale", "es-ES");
  await held;
  const oldRequest = await oldAsked;
  const oldAborted = page.waitForEvent("requestfailed", (r) => r === oldRequest);
  // A search with the old sign-in is refused: the session ended, and the
  // page signs in anew.
  await search(widget, "contraseña");
  await expect.poll(sessionEvents).toEqual(["session_ended"]);
  await expect.poll(() => healthAsNew.length).toBe(1);
  await expect(widget.host.getByTestId("incident").first()).toBeVisible();
  // The old sign-in's request, overtaken by the new one's, was aborted:
  // its refusal never reaches the widget, so the page hears of no other
  // end, and service health stays as the new sign-in read it.
  release();
  await oldAborted;
  await page.waitForTimeout(500);
  expect(await sessionEvents()).toEqual(["session_ended"]);
  await expect(widget.host.getByTestId("incident").first()).toBeVisible();
});
