// Who is asking: the demo runs signed in (scripts/serve with its default
// auth). The portal hands the widget its user's token, the backend files
// the request as that user, and refuses callers without a token or with a
// role that may not.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, claimsOf, demoToken, expiredToken, signToken } from "./identity-tokens.js";

const bearer = (token) => ({ authorization: `Bearer ${token}` });

test("a partner signed in on the demo portal files a request without typing who they are", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  // Whom the request goes from, as the portal's sign-in says, in place of
  // the name and email fields; the phone and language stay.
  await expect(widget.host.getByTestId("sending-as")).toHaveText(/^Sending as \u2068?Mei Lin\u2069? \(\u2068?mei\.lin@contosocloud\.cn\u2069?\)$/);
  await expect(widget.host.locator("#sw-contact-name")).toHaveCount(0);
  await expect(widget.host.locator("#sw-contact-email")).toHaveCount(0);
  await expect(widget.host.locator("#sw-contact-phone")).toBeVisible();

  await widget.fill({ category: "billing", title: "Signed-in invoice question", description: "Filed by the portal's signed-in user.", phone: "+86 10 5555 0100" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");

  // The backend stored the token's name and email, for its user to read.
  const partner = await demoToken(request, "partner");
  const stored = await request.get(`${authBackend}/support-requests/${id}`, { headers: bearer(partner) });
  expect(stored.status()).toBe(200);
  expect((await stored.json()).request).toMatchObject({
    kind: "partner_center",
    title: "Signed-in invoice question",
    contact: { name: "Mei Lin", email: "mei.lin@contosocloud.cn", phone: "+86 10 5555 0100" },
  });
  // Read without a token, the request is not there for anyone to see.
  expect((await request.get(`${authBackend}/support-requests/${id}`)).status()).toBe(401);
});

test("a sign-in whose role the backend does not know is told to ask for access, and keeps what was typed", async ({ page, request }) => {
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => window.__errors.push(event.detail));
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  // The portal's identity provider gives this user a role the backend
  // does not know: the backend takes the token and refuses every action.
  const viewer = signToken({ ...claimsOf(await demoToken(request, "partner")), sub: `viewer-${Date.now()}`, role: "viewer" });
  expect((await request.get(`${authBackend}/customers?query=`, { headers: bearer(viewer) })).status()).toBe(403);
  await widget.host.evaluate((element, token) => element.setTokenProvider(() => token), viewer);

  // A lookup says why, and that trying again will not mend it.
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  const refusal = /accepted your sign-in, but it doesn't give you access to this \(error \u2068?403\u2069?\)\. Please ask the site's administrator to check your access\./;
  await expect(widget.host.getByText(refusal)).toBeVisible();
  await expect(widget.host.getByText(/had a problem/)).toHaveCount(0);
  // The page hears of it, with the status, to check the user's role.
  const refusals = () => page.evaluate(() => window.__errors.filter((e) => e.code === "server" && e.status === 403).length);
  const lookups = await refusals();
  expect(lookups).toBeGreaterThan(0);

  // So does home's count of open customer messages, as any lookup.
  await widget.host.getByTestId("back").click();
  await expect.poll(refusals).toBe(lookups + 1);

  // So does a request, which keeps what was typed.
  await widget.openPartnerCenterRequest();
  await widget.fill({ category: "billing", title: "Filed with a role the backend does not know", description: "Nothing is lost." });
  await widget.submit();
  await expect(widget.submitError).toContainText(/doesn't allow you to do this \(error \u2068?403\u2069?\)/);
  await expect(widget.submitError).toContainText("Everything you typed is still here.");
  await expect(widget.host.locator("#sw-title")).toHaveValue("Filed with a role the backend does not know");
  expect(await refusals()).toBe(lookups + 2);

  // A file says the same of itself, rather than that the service refused
  // the file (which removing it would mend).
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: Buffer.from("a log line\n") });
  const failed = widget.host.getByTestId("attachment-failed");
  await expect(failed).toHaveText(/accepted your sign-in, but it doesn't allow you to upload files \(error \u2068?403\u2069?\)\. Please ask the site's administrator to check your access\./);
  await expect(widget.host.getByTestId("attachment-retry")).toBeVisible();
});

test("a customer signed in on the customers' page contacts their partner as themselves", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await page.goto(`${authDemo}/self-service.html`);
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("help-contact").click();
  await expect(widget.host.getByTestId("sending-as")).toContainText("zhang.wei@beijingcloud.partner.onmschina.cn");
  await widget.fill({ title: "Cannot sign in after a password reset", description: "The new password is refused." }, { category: false });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");

  const customer = await demoToken(request, "customer");
  const stored = await (await request.get(`${authBackend}/support-requests/${id}`, { headers: bearer(customer) })).json();
  // The customer is the token's, whatever a page might send.
  expect(stored.request).toMatchObject({
    kind: "customer_self_service",
    customer: { id: claimsOf(customer).customer_id },
    contact: { name: "张伟", email: "zhang.wei@beijingcloud.partner.onmschina.cn" },
  });
});

test("the backend refuses a caller without a valid token (401) and a customer the customer list (403)", async ({ request }) => {
  const partner = await demoToken(request, "partner");
  const customer = await demoToken(request, "customer");
  const refused = {
    none: {},
    expired: bearer(expiredToken(partner)),
    "signed with another secret": bearer(signToken(claimsOf(partner), "not the demo's secret, but 32 bytes long")),
    malformed: bearer("not.a.token"),
  };
  const body = {
    kind: "partner_center",
    category: "technical",
    title: "Filed by no one",
    description: "This must not be stored.",
    contact: { name: "Mallory", email: "mallory@example.com" },
    locale: "en-US",
  };
  for (const [label, headers] of Object.entries(refused)) {
    for (const response of [
      await request.get(`${authBackend}/customers?query=`, { headers }),
      await request.post(`${authBackend}/support-requests`, { headers: { ...headers, "idempotency-key": crypto.randomUUID() }, data: body }),
    ]) {
      expect(response.status(), `${label}: ${response.url()}`).toBe(401);
      expect(response.headers()["www-authenticate"]).toBe('Bearer error="invalid_token"');
      expect(await response.json()).toEqual({ errors: [{ field: "Authorization", code: "invalid_token" }] });
    }
  }

  // A customer's valid token may not list the partner's customers.
  const forbidden = await request.get(`${authBackend}/customers?query=`, { headers: bearer(customer) });
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.json()).toEqual({ errors: [{ field: "Authorization", code: "forbidden" }] });
  // Partner staff may.
  const listed = await request.get(`${authBackend}/customers?query=contoso`, { headers: bearer(partner) });
  expect(listed.status()).toBe(200);
});
