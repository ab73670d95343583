// The lists mark what someone else changed since the user last opened it
// (the backend's `unread`, per user), on the demo signed in: a customer's
// new message in the partner's inbox, the partner's answer in the
// customer's own list; opening the request clears its mark.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authDemo, demoToken, fileWith } from "./identity-tokens.js";

test("a list marks what is new to its reader until they open it, on both sides", async ({ browser, request }) => {
  const title = `Marked new (${Date.now()})`;
  const { id } = await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "The portal logs me out.", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
  });
  const partnerContext = await browser.newContext();
  const customerContext = await browser.newContext();
  try {
    // The customer's own message is not new to them.
    const customer = new SupportWidgetPage(await customerContext.newPage());
    await customer.page.goto(`${authDemo}/self-service.html`);
    await customer.setAttribute("locale", "en-US");
    await customer.host.getByTestId("open-filed-requests").click();
    const own = customer.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`);
    await expect(own).toBeVisible();
    await expect(own.getByTestId("unread-mark")).toHaveCount(0);

    // The partner's inbox marks it new, until it is opened.
    const partner = new SupportWidgetPage(await partnerContext.newPage());
    await partner.goto(`${authDemo}/`);
    await partner.setAttribute("locale", "en-US");
    await partner.host.getByTestId("open-inbox").click();
    const entry = partner.host.locator(`[data-testid=inbox-request][data-request-id="${id}"]`);
    await expect(entry.getByTestId("unread-mark")).toHaveText("New");
    await entry.click();
    await partner.host.locator("#sw-reply").fill("Does it happen in another browser?");
    await partner.host.getByTestId("reply-send").click();
    await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);
    await partner.host.getByTestId("back").click();
    await expect(entry).toBeVisible();
    await expect(entry.getByTestId("unread-mark")).toHaveCount(0);

    // The partner's answer is new to the customer, in the language they
    // read, on the list they have open, without a click.
    await customer.setAttribute("locale", "zh-CN");
    await expect(own.getByTestId("unread-mark")).toHaveText("新动态", { timeout: 5_000 });
    await own.click();
    await expect(customer.host.getByTestId("status-reply")).toContainText("Does it happen in another browser?");
    await customer.host.getByTestId("back").click();
    await expect(own).toBeVisible();
    await expect(own.getByTestId("unread-mark")).toHaveCount(0);
  } finally {
    await Promise.all([partnerContext.close(), customerContext.close()]);
  }
});
