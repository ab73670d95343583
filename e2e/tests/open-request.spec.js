// A page opens one request, as a mail's link leads to it: open("request",
// id) and the open-request attribute, inline and in launcher mode, for
// partner staff and for a customer, on the demo signed in; the demo's pages
// open the request their address names (demo/request-link.js); and a
// request the user may not read is said so, on screen and to the page.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authDemo, claimsOf, demoToken, fileWith, signToken } from "./identity-tokens.js";

const contact = { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" };

/** A request of the demo's `user` ("partner" or "customer"), filed through
 *  the API as another device of theirs would: its id, reference and title. */
async function filedBy(request, user, title) {
  const body =
    user === "partner"
      ? { kind: "partner_center", category: "billing", title, description: "Filed elsewhere.", contact, locale: "en-US" }
      : { kind: "customer_self_service", title, description: "Filed elsewhere.", contact, locale: "en-US" };
  const { id, reference } = await fileWith(request, await demoToken(request, user), body);
  return { id, reference, title };
}

// The demo's two pages, by the audience of their widget.
const pages = { partner: "/", customer: "/self-service.html" };

/** Makes the demo's page a launcher's: its element has mode="launcher"
 *  before the loader defines it, as if written so. (A page served by the
 *  test itself would be of another address space than the backend's, whose
 *  requests the browser then refuses.) */
const asLauncher = (page) =>
  page.addInitScript(() => {
    // Once parsed, before the page's module scripts run.
    document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive") document.querySelector("support-widget")?.setAttribute("mode", "launcher");
    });
  });

/** Records the page's support-widget:error events in window.errors. */
const recordErrors = (page) =>
  page.addInitScript(() => {
    window.errors = [];
    document.addEventListener("support-widget:error", (event) => window.errors.push(event.detail));
  });

for (const user of ["partner", "customer"]) {
  for (const mode of ["inline", "launcher"]) {
    test(`a ${user}'s page opens a request by its address and by open(), ${mode}`, async ({ page, request }) => {
      const stamp = Date.now();
      const first = await filedBy(request, user, `Opened by its link (${user}, ${mode}, ${stamp})`);
      const second = await filedBy(request, user, `Opened by the page's script (${user}, ${mode}, ${stamp})`);
      if (mode === "launcher") await asLauncher(page);
      await recordErrors(page);

      // The demo's page reads ?request= and hands it to open-request.
      await page.goto(`${authDemo}${pages[user]}?request=${first.id}`);
      const widget = new SupportWidgetPage(page);
      const status = widget.host.getByTestId("request-status");
      await expect(status).toBeVisible();
      if (mode === "launcher") {
        // The attribute is intent enough: the panel opens on the request.
        await expect(page.locator("support-widget .sw-panel")).toBeVisible();
        await expect(page.locator("support-widget .sw-launcher")).toHaveAttribute("aria-expanded", "true");
      }
      await expect(widget.host.getByTestId("status-reference")).toHaveText(first.reference);
      await expect(status).toContainText(first.title);
      await expect(widget.host.getByTestId("status-description")).toContainText("Filed elsewhere.");
      await widget.setAttribute("locale", "en-US");

      // Back leads to the list it is in: the user's own requests.
      await widget.host.getByTestId("back").click();
      await expect(widget.host.getByTestId("filed-requests")).toBeVisible();
      await expect(widget.host.locator(`[data-testid="filed-request"][data-request-id="${first.id}"]`)).toBeVisible();

      // The page's own script opens another; in launcher mode the closed
      // panel opens for it.
      if (mode === "launcher") {
        await page.keyboard.press("Escape");
        await expect(page.locator("support-widget .sw-panel")).toBeHidden();
      }
      await widget.host.evaluate((element, id) => element.open("request", id), second.id);
      await expect(widget.host.getByTestId("status-reference")).toHaveText(second.reference);
      await expect(page.locator("support-widget .sw-panel")).toBeVisible({ visible: mode === "launcher" });
      if (mode === "launcher") await expect(widget.heading).toBeFocused();
      expect(await page.evaluate(() => window.errors)).toEqual([]);
    });
  }
}

test("partner staff open a customer's message by the attribute, and Back leads to their inbox", async ({ page, request }) => {
  const message = await filedBy(request, "customer", `Opened from the partner's mail (${Date.now()})`);
  const own = await filedBy(request, "partner", `The partner's own, opened next (${Date.now()})`);
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");

  await widget.setAttribute("open-request", message.id);
  await expect(widget.host.getByTestId("status-reference")).toHaveText(message.reference);
  // The screen the inbox opens, with what partner staff do with a message.
  await expect(widget.host.getByTestId("message-escalate")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("inbox")).toBeVisible();
  await expect(widget.host.getByTestId("inbox-request").filter({ hasText: message.title })).toBeVisible();

  // The last of open() and the attribute wins: the attribute set again to
  // the same request changes nothing; another request opens.
  await widget.host.evaluate((element) => element.open("partner-center"));
  await expect(widget.form).toBeVisible();
  await widget.setAttribute("open-request", message.id);
  await expect(widget.form).toBeVisible();
  await widget.setAttribute("open-request", own.id);
  await expect(widget.host.getByTestId("status-reference")).toHaveText(own.reference);
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("filed-requests")).toBeVisible();
});

test("another customer's request is not theirs to read: said plainly, once to the page, and the widget goes on", async ({ page, request }) => {
  // A user of another of the partner's customers files a message.
  const customer = await demoToken(request, "customer");
  const now = Math.floor(Date.now() / 1000);
  const other = signToken({
    ...claimsOf(customer),
    sub: `shanghai-data:li.na-${Date.now()}`,
    name: "Li Na",
    email: "li.na@shanghaidata.partner.onmschina.cn",
    customer_id: "shanghai-data",
    iat: now,
    exp: now + 600,
  });
  const { id, reference } = await fileWith(request, other, {
    kind: "customer_self_service", title: "Shanghai Data's own message", description: "Not for Beijing Cloud's eyes.", contact, locale: "en-US",
  });
  await recordErrors(page);
  // The demo's customer follows a link naming it.
  await page.goto(`${authDemo}/self-service.html?request=${id}`);
  const widget = new SupportWidgetPage(page);
  await widget.setAttribute("locale", "en-US");
  const unreadable = widget.host.getByTestId("status-unreadable");
  await expect(unreadable).toHaveText(
    "This request can't be opened: it doesn't exist, or you don't have access to it. Check the link you followed, and that you're signed in with the right account.",
  );
  await expect(widget.host.getByText(reference)).toHaveCount(0);
  await expect(widget.host.getByText("Not for Beijing Cloud's eyes.")).toHaveCount(0);
  // In the user's language.
  await widget.setAttribute("locale", "zh-CN");
  await expect(unreadable).toHaveText("无法打开此请求：它不存在，或者你无权查看。请检查你打开的链接，并确认你登录的是正确的帐户。");
  // The page heard it once, with the id, however often it was drawn.
  await expect.poll(() => page.evaluate(() => window.errors)).toEqual([
    { code: "request_not_found", message: `open: the support service has no request "${id}" that this user may read`, id },
  ]);

  // Nothing else broke: Back to their own requests, and on to contact the
  // partner.
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("filed-requests")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.form).toBeVisible();
  expect(await page.evaluate(() => window.errors.length)).toBe(1);
});

test("a sign-in whose role may read no request (403) is told the same, as request_forbidden", async ({ page, request }) => {
  const { id } = await filedBy(request, "partner", `Opened with a role the backend does not know (${Date.now()})`);
  // The portal signs its user in with a role the backend does not know:
  // the backend takes the token and refuses every action.
  const viewer = signToken({ ...claimsOf(await demoToken(request, "partner")), sub: `viewer-${Date.now()}`, role: "viewer" });
  await page.route(`${authDemo}/demo-token*`, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify({ token: viewer }) }));
  await recordErrors(page);
  await page.goto(`${authDemo}/?request=${id}`);
  const widget = new SupportWidgetPage(page);
  await widget.setAttribute("locale", "es-ES");
  await expect(widget.host.getByTestId("status-unreadable")).toHaveText(
    "No se puede abrir esta solicitud: no existe o no tiene permiso para verla. Compruebe el enlace que ha seguido y que ha iniciado sesión con la cuenta correcta.",
  );
  await expect
    .poll(() => page.evaluate(() => window.errors.filter((e) => e.code.startsWith("request_"))))
    .toEqual([{ code: "request_forbidden", message: `open: the support service does not let this user read request "${id}"`, id }]);
});

test("open() refuses a request without an id, and an id that is not text", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  const refusals = await widget.host.evaluate((element) =>
    Promise.all(
      [() => element.open("request"), () => element.open("request", "  "), () => element.open("request", 42), () => element.open("home", "3f2b")].map((call) =>
        call().then(
          () => "opened",
          (error) => error.message,
        ),
      ),
    ),
  );
  expect(refusals).toEqual([
    '<support-widget>: open: "request" needs the request\'s id, as in open("request", id)',
    '<support-widget>: open: "request" needs the request\'s id, as in open("request", id)',
    "<support-widget>: open: the request's id is text, such as the id in a mail's link",
    '<support-widget>: open: only "request" takes an id, not "home"',
  ]);
  // Nothing was half applied.
  await expect(widget.home).toBeVisible();
});
