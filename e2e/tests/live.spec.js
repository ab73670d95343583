// Changes someone else makes show live, on the demo signed in, with no
// click on Refresh anywhere: the backend's event stream (GET /events)
// carries them to every widget whose user may read the request.
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, demoToken, fileWith } from "./identity-tokens.js";

// Within 2 s of the change, with room for a loaded machine.
const LIVE = { timeout: 5_000 };

test("a reply shows on the other side as it is sent, what is being typed stays, and screen readers hear who wrote it", async ({ browser, request }) => {
  const title = `Heard live (${Date.now()})`;
  const customerToken = await demoToken(request, "customer");
  const { id: messageId } = await fileWith(request, customerToken, {
    kind: "customer_self_service", title, description: "Reports are empty.", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
  });
  const customerContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  try {
    // The customer reads their message's thread...
    const customer = new SupportWidgetPage(await customerContext.newPage());
    await customer.page.goto(`${authDemo}/self-service.html`);
    await customer.setAttribute("locale", "en-US");
    await customer.host.getByTestId("open-filed-requests").click();
    await customer.host.locator(`[data-testid=filed-request][data-request-id="${messageId}"]`).click();
    await expect(customer.host.getByTestId("status-description")).toContainText("Reports are empty.");
    await expect(customer.host.getByTestId("status-reply")).toHaveCount(0);
    // ...and has begun a reply of their own.
    const typing = customer.host.locator("#sw-reply");
    await typing.fill("Also since Monday");
    await typing.focus();

    // The partner opens it from the inbox, which shows it, and answers.
    const partner = new SupportWidgetPage(await partnerContext.newPage());
    await partner.goto(`${authDemo}/`);
    await partner.setAttribute("locale", "en-US");
    await partner.host.getByTestId("open-inbox").click();
    await partner.host.getByTestId("inbox-request").filter({ hasText: title }).click();
    await partner.host.locator("#sw-reply").fill("Which report is empty?");
    await partner.host.getByTestId("reply-send").click();
    await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);

    // The customer sees it come, hears who wrote it, and keeps typing.
    await expect(customer.host.getByTestId("status-reply")).toContainText("Which report is empty?", LIVE);
    await expect(customer.host.getByTestId("status-announced")).toHaveText(/^New reply from .+\.$/, LIVE);
    await expect(typing).toHaveValue("Also since Monday");
    await expect(typing).toBeFocused();

    // The customer answers through the API, as from another device: the
    // partner's thread shows it.
    const answered = await request.post(`${authBackend}/support-requests/${messageId}/replies`, {
      headers: { authorization: `Bearer ${customerToken}`, "idempotency-key": crypto.randomUUID() },
      data: { body: "The sales report." },
    });
    expect(answered.status()).toBe(201);
    await expect(partner.host.getByTestId("status-reply")).toHaveCount(2, LIVE);
    await expect(partner.host.getByTestId("status-reply").last()).toContainText("The sales report.");
    await expect(partner.host.getByTestId("status-announced")).toHaveText(/^New reply from .+\.$/, LIVE);
  } finally {
    await customerContext.close();
    await partnerContext.close();
  }
});

test("a new customer message shows in the partner's open inbox as it is sent", async ({ page, request }) => {
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  await expect(partner.host.getByTestId("inbox-request").first()).toBeVisible();
  const title = `Filed while the inbox is open (${Date.now()})`;
  await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Licences show twice.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  await expect(partner.host.getByTestId("inbox-request").filter({ hasText: title })).toHaveCount(1, LIVE);
});

test("when the stream is refused, the widget looks again by itself", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A proxy that refuses the stream: every other call goes through.
  await page.route("**/events", (route) => route.fulfill({ status: 502, body: "Bad Gateway" }));
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  await expect(partner.host.getByTestId("inbox-request").first()).toBeVisible();
  const title = `Found by looking again (${Date.now()})`;
  await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Mail bounces.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  // Not heard: looked for again 30 s after the refusal.
  const entry = partner.host.getByTestId("inbox-request").filter({ hasText: title });
  await expect(entry).toHaveCount(1, { timeout: 45_000 });
  // Nothing told the user of the refused stream.
  await expect(partner.host.getByRole("alert")).toHaveCount(0);
});
