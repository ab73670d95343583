// The element's JavaScript API and DOM events, as a portal's scripts use
// them.
import { expect, test } from "@playwright/test";
import { addWidget, answerWith, backend, failWith, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";

/** Records support-widget:* events at the document: they bubble and are composed. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    const events = [];
    Object.defineProperty(window, "__widgetEvents", { value: events });
    for (const name of ["ready", "submitted", "error", "locale"]) {
      document.addEventListener(`support-widget:${name}`, (event) =>
        events.push({ name, detail: event.detail, bubbles: event.bubbles, composed: event.composed }),
      );
    }
  });
  return () => page.evaluate(() => window.__widgetEvents);
}

test("a flow the page opens as it loads leaves the page's focus and scroll alone", async ({ page }) => {
  // The page's own script, as it loads: no user action, so no activation.
  // The test touches the page only once the script has looked: a test's
  // evaluate counts as a user action.
  await page.addInitScript(() => {
    addEventListener("DOMContentLoaded", async () => {
      const input = document.createElement("input");
      input.id = "page-search";
      document.body.prepend(input, Object.assign(document.createElement("div"), { style: "height: 3000px" }));
      input.focus();
      await customElements.whenDefined("support-widget");
      const widget = document.querySelector("support-widget");
      await widget.open("partner-center");
      await widget.close();
      await widget.open("partner-center");
      await new Promise((resolve) => setTimeout(resolve, 500));
      window.seen = {
        form: !!widget.shadowRoot.querySelector("[data-testid=partner-center-request]"),
        focus: document.activeElement?.localName,
        scrollY: window.scrollY,
      };
      console.log("page script: looked");
    });
  });
  const looked = page.waitForEvent("console", (message) => message.text() === "page script: looked");
  await page.goto("/");
  await looked;
  expect(await page.evaluate(() => window.seen)).toEqual({ form: true, focus: "input", scrollY: 0 });
});

test("ready fires once the widget is mounted", async ({ page }) => {
  const events = await recordEvents(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await expect.poll(events).toContainEqual({ name: "ready", detail: { locale: "en-US" }, bubbles: true, composed: true });
});

test("open, close and setLocale drive the widget from the page", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // The page's own "Help" button: the user's click, so focus follows it.
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.id = "page-help";
    button.textContent = "Help";
    button.addEventListener("click", () => document.querySelector("support-widget").open("customer"));
    document.body.prepend(button);
  });
  await page.locator("#page-help").click();
  await expect(widget.host.getByTestId("customer-search")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  await widget.host.evaluate((el) => el.open("partner-center"));
  await expect(widget.form).toBeVisible();
  // Spanish once, so that its messages are here: a call applied out of
  // order below would show at once.
  await widget.host.evaluate((el) => el.setLocale("es-ES"));
  await expect(widget.heading).toHaveText(/Centro de partners/);
  await widget.host.evaluate((el) => el.setLocale("zh-TW"));
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  // Calls on a loaded widget apply in order with the page's own changes.
  await widget.host.evaluate((el) => {
    el.setLocale("es-ES");
    el.setAttribute("locale", "zh-TW");
  });
  await page.waitForTimeout(300);
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  await widget.host.evaluate((el) => el.close());
  await expect(widget.home).toBeVisible();

  const refused = await widget.host.evaluate((el) => el.open("escalate").then(() => "opened", (e) => e.message));
  // The name the page gave is quoted back (Debug formatting prints nothing
  // in the release build).
  expect(refused).toContain('unknown flow "escalate"');
  await expect(widget.home).toBeVisible();
});

test("the page closing a form whose error summary has focus leaves the widget working", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  // The page's own Escape handler, say: the form and its summary go.
  await widget.host.evaluate((el) => el.close());
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await widget.host.locator("#sw-title").fill("Still working");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Still working");
  expect(errors).toEqual([]);
});

test("setLocale(null) goes back to the page's language from one the user picked, with no locale attribute to remove", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.evaluate((el) => el.removeAttribute("locale"));
  await widget.openPartnerCenterRequest();
  await widget.host.getByTestId("language-picker").selectOption("zh-TW");
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  await widget.host.evaluate((el) => el.setLocale(null));
  await expect(widget.heading).toHaveText("New Partner Center request");
  await expect(widget.host.getByTestId("language-picker")).toHaveValue("en-US");
  expect(await widget.host.evaluate((el) => el.hasAttribute("locale"))).toBe(false);
});

test("prefill fills what the portal knows, and a bad prefill is refused whole", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // Called as early as a portal would: before or after loading, it applies.
  await widget.host.evaluate((el) =>
    el.prefill({
      contact: { name: "陳怡君", email: "chen@contoso.com.tw", phone: "02 2555 0100", language: "zh-TW" },
      customer: { id: "contoso", name: "Contoso Ltd" },
      service: "azure",
      category: "billing",
      title: "Prefilled title",
    }),
  );
  await widget.host.evaluate((el) => el.open("partner-center"));
  await expect(widget.host.locator("#sw-category-billing")).toBeChecked();
  await expect(widget.host.locator("#sw-title")).toHaveValue("Prefilled title");
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("chen@contoso.com.tw");
  await expect(widget.host.locator("#sw-contact-language")).toHaveValue("zh-TW");

  await widget.host.evaluate((el) => el.open("customer"));
  await expect(widget.host.getByTestId("service-choice")).toContainText("Contoso Ltd");
  const azure = widget.host.getByTestId("service-option").filter({ hasText: "Azure" });
  // Said in words, to screen readers as part of the button's name; not
  // marked as the current choice, which it is not yet.
  await expect(widget.host.getByTestId("service-suggested")).toHaveCount(1);
  await expect(azure).toHaveAccessibleName(/^Azure\s*Suggested$/);
  await expect(azure).not.toHaveAttribute("aria-current");
  await azure.click();
  await widget.escalate();
  await widget.host.locator("#sw-severity-minimal").check();
  await widget.host.locator("#sw-description").fill("From a prefilled form.");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request).toMatchObject({
    kind: "customer",
    customer: { id: "contoso", name: "Contoso Ltd" },
    service: "azure",
    title: "Prefilled title",
    contact: { name: "陳怡君", email: "chen@contoso.com.tw", phone: "02 2555 0100", language: "zh-TW" },
  });

  const refused = await widget.host.evaluate((el) =>
    el.prefill({ title: "Not applied", category: "urgent" }).then(() => "applied", (e) => e.message),
  );
  expect(refused).toContain("prefill");
  await widget.host.evaluate((el) => el.open("partner-center"));
  await expect(widget.host.locator("#sw-title")).not.toHaveValue("Not applied");
});

test("a screen the page's call changes while the user is in the widget takes focus, with no user action on the page", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").click();
  await page.keyboard.type("Typing");
  // Past the user activation the typing gave: the call comes from the
  // page's own script (a timer, a message), not from a user's click.
  await page.waitForTimeout(5_500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Runtime.evaluate", {
    expression: 'document.querySelector("support-widget").close()',
    userGesture: false,
    awaitPromise: true,
  });
  await expect(widget.home).toBeVisible();
  // Not to the page's body: to the new screen's heading.
  await expect(widget.heading).toBeFocused();
});

test("starting again after another customer goes back to the customer the page prefilled", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "contoso", name: "Contoso Ltd" } }));
  await widget.host.getByTestId("open-customer-request").click();
  const search = widget.host.locator("#sw-customer-search");
  await expect(search).toHaveValue("Contoso Ltd");
  // Another customer, whose problem the admin center solves.
  await search.fill("fabrikam");
  await widget.host.getByTestId("customer-option").first().click();
  await widget.host.getByTestId("service-option").first().click();
  await widget.host.getByTestId("solved").click();
  await widget.host.getByTestId("start-again").click();
  await expect(widget.home).toBeVisible();
  // The page's customer again, at its services.
  await widget.host.evaluate((el) => el.open("customer"));
  await expect(widget.host.getByTestId("service-choice")).toContainText("Contoso Ltd");
  await widget.host.getByTestId("back").click();
  await expect(search).toHaveValue("Contoso Ltd");
});

test("the page prefilling another customer mid-flow starts at that customer's services, and keeps what was typed", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "contoso", name: "Contoso Ltd" } }));
  await widget.host.evaluate((el) => el.open("customer"));
  await widget.host.getByTestId("service-option").nth(1).click();
  await widget.escalate();
  await widget.host.locator("#sw-description").fill("Typed for Contoso.");
  // The page prefills the customer it has again: the form stays.
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "contoso", name: "Contoso Ltd" } }));
  await expect(widget.host.locator("#sw-description")).toHaveValue("Typed for Contoso.");
  // The portal moves on to another customer: its services, none chosen.
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "fabrikam", name: "Fabrikam Inc" } }));
  const services = widget.host.getByTestId("service-choice");
  await expect(services).toContainText("Fabrikam Inc");
  // The user was typing in the form it replaced: focus stays in the widget.
  await expect(widget.heading).toBeFocused();
  await expect(widget.host.locator("[data-testid=service-option][aria-current]")).toHaveCount(0);
  await expect(widget.host.getByTestId("request-form")).toHaveCount(0);
  // The search shows the new customer; the text typed for Contoso is kept,
  // and the form says for whom it was typed.
  await widget.host.getByTestId("back").click();
  await expect(widget.host.locator("#sw-customer-search")).toHaveValue("Fabrikam Inc");
  await widget.host.getByRole("option", { name: "Fabrikam Inc" }).click();
  await widget.host.getByTestId("service-option").nth(1).click();
  await widget.escalate();
  await expect(widget.host.locator("#sw-description")).toHaveValue("Typed for Contoso.");
  await expect(widget.host.getByTestId("draft-typed-for")).toContainText("Contoso Ltd");
  // A search the user typed is theirs: a prefill does not replace it.
  await widget.host.evaluate((el) => el.open("customer"));
  await widget.host.getByTestId("back").click();
  await widget.host.locator("#sw-customer-search").fill("north");
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "contoso", name: "Contoso Ltd" } }));
  await expect(widget.host.locator("#sw-customer-search")).toHaveValue("north");
});

test("signing out on a shared device as the README says leaves nothing of the user's in the widget or in storage", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "technical", title: "Filed by A", description: "A's request.", name: "User A", email: "a@contoso.com" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  // A second request, typed and not sent: stored as a draft.
  await widget.host.evaluate((el) => el.close());
  await widget.openPartnerCenterRequest();
  await widget.host.locator("#sw-title").fill("A's unsent text");
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("support-widget:")).length)).toBe(2);
  // The README's sign-out.
  await page.evaluate(() => {
    for (const old of document.querySelectorAll("support-widget")) {
      const fresh = old.cloneNode(false);
      old.after(fresh);
      old.remove();
    }
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("support-widget:")) localStorage.removeItem(key);
    }
  });
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("open-filed-requests")).toHaveCount(0);
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("");
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("support-widget:")))).toEqual([]);
});

test("a prefilled service the backend does not list marks none, and the console says why", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await widget.goto();
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "contoso", name: "Contoso Ltd" }, service: "azure-stack" }));
  await widget.host.evaluate((el) => el.open("customer"));
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await expect(widget.host.locator("[data-testid=service-option][aria-current]")).toHaveCount(0);
  await expect.poll(() => warnings).toEqual([
    '<support-widget>: prefill: the backend lists no service "azure-stack", so none is suggested',
  ]);
});

test("a prefilled customer the catalogue does not know is told to the page at once, and the partner picks one in the search", async ({ page }) => {
  const events = await recordEvents(page);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "no-such-customer", name: "Nowhere Ltd" } }));
  const heard = { name: "error", detail: { code: "unknown_customer", message: 'prefill: the backend knows no customer "no-such-customer"' }, bubbles: true, composed: true };
  // When it is given, before any form is filled in or sent.
  await expect.poll(events).toContainEqual(heard);
  expect(warnings).toEqual(['<support-widget>: prefill: the backend knows no customer "no-such-customer", so the partner picks one']);
  await widget.host.evaluate((el) => el.open("customer"));
  await expect(widget.host.getByTestId("customer-search")).toBeVisible();
  await expect(widget.host.getByTestId("service-choice")).toHaveCount(0);
  expect(posts).toEqual([]);
  // The partner picks a customer the catalogue knows, and goes on.
  await widget.host.locator("#sw-customer-search").fill("contoso");
  await widget.host.getByRole("option", { name: "Contoso Ltd" }).click();
  await expect(widget.host.getByTestId("service-choice")).toContainText("Contoso Ltd");
  expect((await events()).filter((e) => e.name === "error")).toEqual([heard]);
});

test("a prefilled customer whose check the ended session refused is checked again once the page signs the user in again", async ({ page }) => {
  await withoutTokenProvider(page);
  const events = await recordEvents(page);
  let refused = true;
  await page.route("**/customers/no-such-customer", (route) =>
    refused ? answerWith(route, 401, { errors: [{ field: "", code: "unauthorized" }] }) : route.continue(),
  );
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  const checked = page.waitForResponse((r) => r.url().endsWith("/customers/no-such-customer"));
  await widget.host.evaluate((el) => el.prefill({ customer: { id: "no-such-customer", name: "Nowhere Ltd" } }));
  expect((await checked).status()).toBe(401);
  // Refused, the page's customer stays meanwhile, as before the check.
  await widget.host.evaluate((el) => el.open("customer"));
  await expect(widget.host.getByTestId("service-choice")).toContainText("Nowhere Ltd");
  const unknown = async () => (await events()).filter((e) => e.detail?.code === "unknown_customer");
  expect(await unknown()).toEqual([]);
  refused = false;
  const checkedAgain = page.waitForResponse((r) => r.url().endsWith("/customers/no-such-customer"));
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer signed-in-again" }));
  expect((await checkedAgain).status()).toBe(404);
  await expect.poll(async () => (await unknown()).length).toBe(1);
  await expect(widget.host.getByTestId("customer-search")).toBeVisible();
});

test("a prefilled customer that cannot be checked (no network, the backend's error) is kept", async ({ page }) => {
  const events = await recordEvents(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  for (const [id, fail] of [["contoso", (route) => failWith(route, 503)], ["fabrikam", (route) => route.abort("connectionrefused")]]) {
    const checked = page.waitForRequest((r) => r.url().endsWith(`/customers/${id}`));
    await page.route(`**/customers/${id}`, fail);
    await widget.host.evaluate((el, id) => el.prefill({ customer: { id, name: `${id} as the page names it` } }), id);
    await checked;
    await widget.host.evaluate((el) => el.open("customer"));
    await expect(widget.host.getByTestId("service-choice")).toContainText(`${id} as the page names it`);
  }
  expect((await events()).filter((e) => e.detail?.code === "unknown_customer")).toEqual([]);
});

test("request headers from the page go with every request, and reserved ones are refused", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer portal-session-7" }));
  const sent = page.waitForRequest((r) => r.url().endsWith("/support-requests") && r.method() === "POST");
  await widget.fill({ category: "technical", title: "Headers", description: "With a token.", name: "Ana", email: "ana@contoso.com" });
  await widget.submit();
  expect(await (await sent).headerValue("authorization")).toBe("Bearer portal-session-7");
  await expect(widget.confirmation).toBeVisible();

  const refused = await widget.host.evaluate((el) =>
    el.setRequestHeaders({ "Idempotency-Key": "mine" }).then(() => "set", (e) => e.message),
  );
  expect(refused).toContain('"Idempotency-Key" is set by the widget');

  // The page's own Headers, or a Map, work as an object does.
  await widget.host.evaluate((el) => el.open("customer"));
  for (const [kind, token, query] of [["Headers", "Bearer from-headers", "contoso"], ["Map", "Bearer from-map", "fabrikam"]]) {
    const set = await widget.host.evaluate(
      (el, [kind, token]) =>
        el.setRequestHeaders(kind === "Headers" ? new Headers({ Authorization: token }) : new Map([["Authorization", token]])).then(() => "set", (e) => e.message),
      [kind, token],
    );
    expect(set).toBe("set");
    const lookup = page.waitForRequest((r) => r.url().includes(`/customers?`) && r.url().includes(query));
    await widget.host.locator("#sw-customer-search").fill(query);
    expect(await (await lookup).headerValue("authorization"), kind).toBe(token);
  }
  const notHeaders = await widget.host.evaluate((el) => el.setRequestHeaders("Bearer x").then(() => "set", (e) => e.message));
  expect(notHeaders).toContain("setRequestHeaders: expected an object");
});

test("request headers outlive a move of the element, which mounts the widget anew", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer portal-session-7" }));
  // A refused call leaves the accepted headers in place.
  const refused = await widget.host.evaluate((el) => el.setRequestHeaders({ "Idempotency-Key": "mine" }).then(() => "set", () => "refused"));
  expect(refused).toBe("refused");
  await widget.host.evaluate((el) => el.open("customer"));
  const lookup = page.waitForRequest((r) => r.url().includes("/customers?") && r.url().includes("contoso"));
  await widget.host.locator("#sw-customer-search").fill("contoso");
  expect(await (await lookup).headerValue("authorization")).toBe("Bearer portal-session-7");
  // Headers set just before the move, in the same task, are applied first.
  const applied = await page.evaluate(() => {
    const element = document.querySelector("support-widget");
    const call = element.setRequestHeaders({ Authorization: "Bearer portal-session-8" });
    const box = document.createElement("section");
    document.body.append(box);
    box.append(element);
    return call.then(() => "applied");
  });
  expect(applied).toBe("applied");
  await widget.host.evaluate((el) => el.open("partner-center"));
  const sent = page.waitForRequest((r) => r.url().endsWith("/support-requests") && r.method() === "POST");
  await widget.fill({ category: "technical", title: "Moved", description: "After a move.", name: "Ana", email: "ana@contoso.com" });
  await widget.submit();
  expect(await (await sent).headerValue("authorization")).toBe("Bearer portal-session-8");
  await expect(widget.confirmation).toBeVisible();
});

test("a language the user picks in the widget is told to the page, which can keep it", async ({ page }) => {
  const events = await recordEvents(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("language-picker").selectOption("zh-TW");
  await expect.poll(async () => (await events()).filter((e) => e.name === "locale")).toEqual([
    { name: "locale", detail: { locale: "zh-TW" }, bubbles: true, composed: true },
  ]);
  // The attribute is the page's: it stays until the page sets it.
  expect(await widget.host.getAttribute("locale")).toBe("en-US");
  await page.evaluate(() =>
    document.addEventListener("support-widget:locale", (event) => event.target.setAttribute("locale", event.detail.locale)),
  );
  await widget.host.getByTestId("language-picker").selectOption("es-ES");
  await expect(widget.host).toHaveAttribute("locale", "es-ES");
  // Moved, the widget mounts anew in the language the page kept.
  await page.evaluate(() => document.body.append(document.querySelector("support-widget")));
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("language-picker")).toHaveValue("es-ES");
});

test("submitted and error events tell the page what happened", async ({ page, request }) => {
  const events = await recordEvents(page);
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill({ category: "technical", title: "Events", description: "Watch them.", name: "Ana", email: "ana@contoso.com" });

  await page.route("**/support-requests", (route) => route.abort("connectionrefused"));
  await widget.submit();
  // The widget retries on its own; the user stops it, and the error stays.
  await widget.host.getByTestId("stop-retrying").click();
  await expect(widget.submitError).toBeVisible();
  await expect.poll(events).toContainEqual(
    expect.objectContaining({
      name: "error",
      // In English for the page's developers, without the bidi marks of the
      // user's localized text.
      detail: expect.objectContaining({ code: "network", message: "the support service could not be reached" }),
      bubbles: true,
      composed: true,
    }),
  );

  await page.unroute("**/support-requests");
  await widget.submitError.getByRole("button").click();
  const stored = await widget.storedRequest(request);
  await expect.poll(events).toContainEqual({
    name: "submitted",
    detail: { id: stored.id, reference: stored.reference, status: "submitted" },
    bubbles: true,
    composed: true,
  });

  // Each outcome is told once: not again when the user comes back to the
  // confirmation from the request's status.
  await widget.confirmation.getByTestId("view-status").click();
  await expect(widget.host.getByTestId("status-current")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.confirmation).toBeVisible();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const told = (await events()).filter((e) => e.name === "submitted" || e.name === "error").map((e) => e.name);
  expect(told).toEqual(["error", "submitted"]);
});

// The page removes the element during `steps`, while the widget is busy: it
// must go quietly (a panic stops the WebAssembly, and so every widget on the
// page), and a new one must still work.
async function expectRemovedQuietly(page, widget, steps, screen = "home") {
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  const backendAttribute = await widget.host.getAttribute("backend");
  await steps();
  await expect(page.locator("support-widget")).toHaveCount(0);
  const next = await addWidget(page, backendAttribute, screen);
  await next.host.evaluate((element) => element.open());
  await next.openPartnerCenterRequest();
  expect(failures).toEqual([]);
}

test("a page that removes the element when it hears of a submit breaks nothing", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await expectRemovedQuietly(page, widget, async () => {
    await page.evaluate(() =>
      document.addEventListener("support-widget:submitted", (event) => {
        window.__filed = event.detail.reference;
        event.target.remove();
      }),
    );
    await widget.fill({ category: "technical", title: "Removed on submit", description: "The portal moves on.", name: "Ana", email: "ana@contoso.com" });
    await widget.submit();
    await expect.poll(() => page.evaluate(() => window.__filed ?? null)).toMatch(/\S/);
  });
});

test("a page that removes the element when it hears of a refused sign-in breaks nothing", async ({ page }) => {
  await page.route("**/services", (route) => failWith(route, 401));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await expectRemovedQuietly(page, widget, async () => {
    // Told while the failed lookup is being drawn: the page signs the user out.
    await page.evaluate(() =>
      document.addEventListener("support-widget:error", (event) => {
        if (event.detail.status === 401) event.target.remove();
      }),
    );
    await widget.host.getByTestId("open-customer-request").click();
    await widget.host.locator("#sw-customer-search").fill("contoso");
    await widget.host.getByRole("option", { name: "Contoso Ltd" }).click();
    await expect(page.locator("support-widget")).toHaveCount(0);
    await page.unroute("**/services");
    // Signed in again, the widget the page adds finds the customer chosen.
  }, "service-choice");
});

test("a page that removes the element a moment after a submit breaks nothing", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await expectRemovedQuietly(page, widget, async () => {
    // As a framework's state update would: in a later task, before the
    // confirmation's next frame.
    await page.evaluate(() =>
      document.addEventListener("support-widget:submitted", (event) => setTimeout(() => event.target.remove(), 0)),
    );
    await widget.fill({ category: "technical", title: "Removed soon after", description: "The portal moves on.", name: "Ana", email: "ana@contoso.com" });
    await widget.submit();
  });
});

test("a page that removes the element as a submit's answer arrives breaks nothing", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await expectRemovedQuietly(page, widget, async () => {
    // The portal moves on just as the answer's body is read (its own code
    // wrapping the browser's, as monitoring scripts do): the widget is gone
    // before it reads the answer and remembers the request.
    await page.evaluate(() => {
      const text = Response.prototype.text;
      Response.prototype.text = function () {
        const body = text.call(this);
        if (!this.url.endsWith("/support-requests")) return body;
        return body.then((read) => {
          document.querySelector("support-widget")?.remove();
          window.__answered = true;
          return read;
        });
      };
    });
    await widget.fill({ category: "technical", title: "Removed as answered", description: "The portal moves on.", name: "Ana", email: "ana@contoso.com" });
    await widget.submit();
    await expect.poll(() => page.evaluate(() => window.__answered ?? false)).toBe(true);
  });
});

test("headers the page changes after setRequestHeaders are not the ones kept across a move", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await page.evaluate(async () => {
    const element = document.querySelector("support-widget");
    const headers = { Authorization: "Bearer kept" };
    await element.setRequestHeaders(headers);
    headers.Authorization = "Bearer changed afterwards";
    headers["X-Portal-User"] = "Zoë 令牌";
    // A single-page app moves the element: it mounts afresh.
    document.body.append(element);
  });
  const asked = page.waitForRequest((r) => r.url().includes("/customers?"));
  await expect(widget.home).toBeVisible();
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  const headers = (await asked).headers();
  expect(headers.authorization).toBe("Bearer kept");
  expect(headers["x-portal-user"]).toBeUndefined();
});

test("setRequestHeaders(null) removes the headers, across a move too", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  const outcome = await page.evaluate(async () => {
    const element = document.querySelector("support-widget");
    await element.setRequestHeaders({ Authorization: "Bearer signed-out" });
    // A portal signing the user out.
    const cleared = await element.setRequestHeaders(null).then(() => "cleared", (e) => `${e}`);
    document.body.append(element);
    return cleared;
  });
  expect(outcome).toBe("cleared");
  const asked = page.waitForRequest((r) => r.url().includes("/customers?"));
  await expect(widget.home).toBeVisible();
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  expect((await asked).headers().authorization).toBeUndefined();
});

test("a misconfigured element reports an error event", async ({ page }) => {
  const events = await recordEvents(page);
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await page.evaluate(() => {
    const element = document.createElement("support-widget");
    element.setAttribute("backend", "javascript:alert(1)");
    document.body.append(element);
  });
  await expect.poll(events).toContainEqual(
    expect.objectContaining({ name: "error", detail: expect.objectContaining({ code: "invalid_backend" }) }),
  );
  // The misconfigured element says so; the page's other widget works on.
  await expect(page.locator("support-widget").last().getByTestId("config-error")).toBeVisible();
  await widget.host.evaluate((el) => el.open("partner-center"));
  await expect(widget.form).toBeVisible();
});

test("calls with arguments of the wrong kind are refused, and the widget works on", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  const outcome = (call) =>
    widget.host.evaluate(
      (el, call) => {
        const calls = {
          openNumber: () => el.open(123),
          openObject: () => el.open({}),
          prefillSymbol: () => el.prefill(Symbol("x")),
          headersSymbol: () => el.setRequestHeaders(Symbol("x")),
          headersBeyondLatin1: () => el.setRequestHeaders({ "X-Portal-User": "Zoë 令牌" }),
          localeNumber: () => el.setLocale(123),
        };
        return calls[call]().then(() => "applied", (e) => `${e.constructor.name}: ${e.message}`);
      },
      call,
    );
  expect(await outcome("openNumber")).toMatch(/^Error: .*open: the flow is a name/);
  expect(await outcome("openObject")).toMatch(/^Error: .*open: the flow is a name/);
  expect(await outcome("prefillSymbol")).toMatch(/^Error: .*prefill: expected an object/);
  expect(await outcome("headersSymbol")).toMatch(/^Error: .*setRequestHeaders: expected an object/);
  expect(await outcome("headersBeyondLatin1")).toMatch(/^Error: .*setRequestHeaders: .*beyond Latin-1/);
  expect(await outcome("localeNumber")).toMatch(/^Error: .*setLocale: the locale is a language tag/);
  await expect(widget.host).not.toHaveAttribute("locale", "123");

  // None of them changed anything: a request goes out, with no header.
  let authorization = "not sent";
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/support-requests") && (authorization = r.headers()["x-portal-user"]));
  await widget.openPartnerCenterRequest();
  await widget.fill({ category: "billing", title: "Invoice", description: "Twice.", name: "Zoë", email: "zoe@contoso.com" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(authorization).toBeUndefined();
});

test("a refused call the page handles leaves the console silent, and one it leaves unhandled the browser reports", async ({ page }) => {
  const logged = [];
  page.on("console", (message) => ["error", "warning"].includes(message.type()) && logged.push(message.text()));
  const uncaught = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await expect(widget.home).toBeVisible();
  // The page catches each refusal, with catch() or try around await.
  const caught = await widget.host.evaluate(async (el) => {
    const caught = [];
    const calls = [
      () => el.open("escalate"),
      () => el.open(42),
      () => el.prefill({ colour: "red" }),
      () => el.prefill({ customer: { id: " ", name: "Nobody" } }),
      () => el.setRequestHeaders({ Cookie: "session=1" }),
      () => el.setLocale(7),
    ];
    for (const call of calls) {
      try {
        await call();
        caught.push("applied");
      } catch (error) {
        caught.push(error instanceof Error ? error.message : `not an Error: ${error}`);
      }
    }
    await el.open("nowhere").catch((error) => caught.push(error.message));
    return caught;
  });
  expect(caught).toHaveLength(7);
  for (const message of caught) expect(message).toMatch(/^<support-widget>: \S/);
  // One the page leaves unhandled: the browser itself reports it, by its
  // message, and nothing else is said of it. (Console messages come in
  // order: those of the handled calls would have come before.)
  await widget.host.evaluate((el) => {
    el.open("left-unhandled");
  });
  await expect.poll(() => uncaught).toEqual([expect.stringContaining('<support-widget>: unknown flow "left-unhandled"')]);
  expect(logged).toEqual([]);
});

test("a refused token provider warns in the console once, and the promise rejects each time", async ({ page }) => {
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  // A token where a function of one belongs: what a page that signs no one
  // in by mistake does, often without looking at the promise.
  const refused = await widget.host.evaluate(async (el) => {
    const refused = [];
    for (const value of ["Bearer eyJhbGciOi", 42, {}]) {
      await el.setTokenProvider(value).catch((error) => refused.push(error.message));
    }
    return refused;
  });
  const said = "<support-widget>: setTokenProvider: the provider is a function that gives a token, or nothing";
  expect(refused).toEqual([said, said, said]);
  // Another element on the page refuses as well, and says nothing more.
  await addWidget(page, backend);
  await page.locator("support-widget").last().evaluate((el) => el.setTokenProvider("token").catch(() => {}));
  await page.evaluate(() => console.warn("page script: done"));
  await expect.poll(() => warnings.at(-1)).toBe("page script: done");
  expect(warnings).toEqual([said, "page script: done"]);
});

test("what the page prefills is no draft of the user's, and a discarded draft leaves it", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const prefill = () =>
    widget.host.evaluate((el) => el.prefill({ title: "The page's title", contact: { name: "Portal User", email: "user@contoso.com" } }));
  await widget.goto();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("Portal User");
  await page.waitForTimeout(800); // the draft's write waits 0.5 s for typing to pause
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(":draft:")))).toEqual([]);

  await page.reload();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("The page's title");
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  await widget.host.locator(".sw-back").click();
  await expect(widget.home).toBeVisible();
  await expect(widget.home).not.toContainText("Unsent draft");

  // Once the user types, the draft is theirs, and discarding it leaves what
  // the page filled in.
  await widget.openPartnerCenterRequest();
  await widget.host.locator("#sw-description").fill("Typed by the user.");
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain("Typed by the user.");
  await page.reload();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
  await widget.host.getByTestId("discard-draft").click();
  await expect(widget.host.locator("#sw-description")).toHaveValue("");
  await expect(widget.host.locator("#sw-title")).toHaveValue("The page's title");
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("user@contoso.com");
  await expect(widget.host.getByTestId("undo-discard")).toBeVisible();
  await expect.poll(() => widget.draft("partner", "partner-center")).toBe("");
});

test("a form the user empties back to what the page prefilled keeps no draft", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const prefill = () =>
    widget.host.evaluate((el) => el.prefill({ title: "The page's title", category: "billing", contact: { name: "Page Name" } }));
  await widget.goto();
  await prefill();
  await widget.openPartnerCenterRequest();
  const fields = ["#sw-title", "#sw-contact-name", "#sw-description"].map((id) => widget.host.locator(id));
  for (const field of fields) await field.fill("Typed by the user");
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain("Typed by the user");
  // Every text field emptied by hand: the category left is the page's.
  for (const field of fields) await field.fill("");
  await expect.poll(() => widget.draft("partner", "partner-center")).toBe("");

  await page.reload();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("The page's title");
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
});

test("a contact language the user picks over the page's prefilled one is kept as a draft", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const prefill = () => widget.host.evaluate((el) => el.prefill({ contact: { name: "Ana", language: "zh-TW" } }));
  await widget.goto();
  await prefill();
  await widget.openPartnerCenterRequest();
  const language = widget.host.locator("#sw-contact-language");
  await expect(language).toHaveValue("zh-TW");
  await language.selectOption("en-US");
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain('"contact_language":"en-US"');

  await page.reload();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(language).toHaveValue("en-US");
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
});

test("prefill fills only what the user left empty, so a draft survives a page that prefills on every load", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  const prefill = () =>
    widget.host.evaluate((el) => el.prefill({ title: "The page's title", category: "billing", contact: { name: "Page Name" } }));
  await widget.open();
  await widget.host.locator("#sw-category").check();
  await widget.host.locator("#sw-title").fill("My own summary");
  await prefill();
  await expect(widget.host.locator("#sw-title")).toHaveValue("My own summary");
  await expect(widget.host.locator("#sw-category")).toBeChecked();
  await expect(widget.host.locator("#sw-contact-name")).toHaveValue("Page Name");
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain("My own summary");

  await page.reload();
  await prefill();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("My own summary");
  await expect(widget.host.locator("#sw-category")).toBeChecked();
});
