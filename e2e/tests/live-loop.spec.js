// The whole loop, live, on the demo signed in, with no click on Refresh
// anywhere: a customer writes to their partner, the partner answers and
// escalates it, 21Vianet's agent (through the API, with an agent's token)
// asks a question and resolves the escalation, the partner closes the loop,
// and a late reply from the customer opens the message again. Each side's
// widget is a launcher, which counts what is new to its user on its badge
// before anyone opens it; opening the request takes it off the count.
// Other tests change the same demo users' counts meanwhile, so the badge is
// checked by the requests it counts, and its text against its own count.
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { agentToken, authBackend, authDemo, demoToken, fileWith } from "./identity-tokens.js";

// Within 2 s of the change, with room for a loaded machine.
const LIVE = { timeout: 5_000 };

/** The signed-in demo's `path` in a new page of `context`, its widget a
 *  launcher that nobody has opened, in en-US. (The page is the demo's own,
 *  its element changed as it is parsed: a page the test served itself
 *  would be refused the backend on loopback.) */
async function launcherPage(context, path) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const element = document.querySelector("support-widget");
      if (!element) return;
      element.setAttribute("mode", "launcher");
      element.setAttribute("locale", "en-US");
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${authDemo}${path}`);
  const widget = new SupportWidgetPage(page);
  await expect(widget.host.locator(".sw-launcher")).toBeVisible();
  return widget;
}

/** The launcher's badge as its user meets it: the count shown, the
 *  button's name, and what the element's getter says. */
const badge = (widget) =>
  widget.host.evaluate((el) => ({
    shown: el.shadowRoot.querySelector(".sw-launcher-badge")?.textContent.trim() ?? "",
    name: el.shadowRoot.querySelector(".sw-launcher").getAttribute("aria-label"),
    unread: el.unread,
  }));

/** Whether the launcher's badge counts request `id`, once the badge says
 *  its own count (as text, and in the launcher's name). */
async function counts(widget, id) {
  const { shown, name, unread } = await badge(widget);
  if (!unread) return null;
  const said = unread.count > 0 ? shown === String(unread.count) && name === `Help and support, ${unread.count} new` : shown === "" && name === null;
  if (!said) return null;
  return unread.requests.some((request) => request.id === id);
}

test("the loop runs live between customer, partner and 21Vianet, and each launcher's badge counts what is new", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const customerContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const asAgent = { authorization: `Bearer ${agentToken()}` };
  try {
    // Both portals are open, their launchers unopened: each widget has
    // started on idle and counted.
    const customer = await launcherPage(customerContext, "/self-service.html");
    const partner = await launcherPage(partnerContext, "/");
    for (const widget of [customer, partner]) {
      await expect.poll(() => badge(widget).then((b) => b.unread !== null)).toBe(true);
    }

    // 1. The customer writes (from another device): the partner's badge
    //    counts it, the customer's does not.
    const title = `Heard all the way round (${Date.now()})`;
    const { id: messageId } = await fileWith(request, await demoToken(request, "customer"), {
      kind: "customer_self_service", title, description: "Shared mailboxes stopped syncing.", service: "azure", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
    });
    await expect.poll(() => counts(partner, messageId), LIVE).toBe(true);
    expect(await counts(customer, messageId)).toBe(false);

    // 2. The partner opens it from the inbox, marked new, and replies: it
    //    leaves their count (a message that waits for an answer stays on
    //    partner staff's count until someone answers it).
    await partner.host.locator(".sw-launcher").click();
    await partner.host.getByTestId("open-inbox").click();
    const entry = partner.host.locator(`[data-testid=inbox-request][data-request-id="${messageId}"]`);
    await expect(entry.getByTestId("unread-mark")).toHaveText("New");
    await entry.click();
    await expect(partner.heading).toHaveText("Customer message");
    await partner.host.locator("#sw-reply").fill("Since when, and for which mailboxes?");
    await partner.host.getByTestId("reply-send").click();
    await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);
    await expect.poll(() => counts(partner, messageId), LIVE).toBe(false);

    // 3. The customer's badge counts the answer; their list marks it, and
    //    opening it shows the answer and takes it off the count.
    await expect.poll(() => counts(customer, messageId), LIVE).toBe(true);
    await customer.host.locator(".sw-launcher").click();
    await customer.host.getByTestId("open-filed-requests").click();
    const own = customer.host.locator(`[data-testid=filed-request][data-request-id="${messageId}"]`);
    await expect(own.getByTestId("unread-mark")).toHaveText("New");
    await own.click();
    await expect(customer.host.getByTestId("status-reply")).toContainText("Since when, and for which mailboxes?");
    await expect(customer.host.getByTestId("status-current")).toHaveAttribute("data-status", "in_progress");
    await expect.poll(() => counts(customer, messageId), LIVE).toBe(false);

    // 4. The partner escalates it to 21Vianet and reads the escalation.
    await partner.host.getByTestId("message-escalate").click();
    await expect(partner.host.getByTestId("self-help")).toBeVisible();
    await partner.escalate("unavailable_service");
    await expect(partner.host.locator("#sw-title")).toHaveValue(title);
    await partner.host.locator("#sw-severity").check();
    await partner.submit();
    await expect(partner.confirmation).toBeVisible();
    const escalationId = await partner.confirmation.getAttribute("data-request-id");
    await partner.host.getByTestId("view-status").click();
    await expect(partner.host.getByTestId("status-reply")).toHaveCount(0);

    // 5. The agent asks a question on it: it shows on the partner's open
    //    escalation, heard as a new reply, and is not counted there.
    const asked = await request.post(`${authBackend}/support-requests/${escalationId}/replies`, {
      headers: { ...asAgent, "idempotency-key": crypto.randomUUID() },
      data: { body: "Which mailbox plan does the tenant use?" },
    });
    expect(asked.status()).toBe(201);
    await expect(partner.host.getByTestId("status-reply")).toContainText("Which mailbox plan", LIVE);
    await expect(partner.host.getByTestId("status-announced")).toHaveText(/^New reply from \u2068?21Vianet support\u2069?\.$/, LIVE);
    await expect.poll(() => counts(partner, escalationId), LIVE).toBe(false);

    // 6. The agent resolves it: the partner's screen offers to close the
    //    loop, and the partner does.
    const note = "The tenant's sync service was restarted.";
    const resolved = await request.post(`${authBackend}/support-requests/${escalationId}/status`, { headers: asAgent, data: { status: "resolved", note } });
    expect(resolved.status()).toBe(200);
    await expect(partner.host.getByTestId("close-loop-open")).toBeVisible(LIVE);
    await partner.host.getByTestId("close-loop-open").click();
    await expect(partner.host.locator("#sw-reply")).toHaveValue(note);
    await partner.host.getByTestId("reply-send").click();
    await expect(partner.host.getByTestId("status-current")).toHaveAttribute("data-status", "resolved");

    // 7. The customer, still on their message, sees it resolved with the
    //    partner's words, which they have read there: not counted.
    await expect(customer.host.getByTestId("status-current")).toHaveAttribute("data-status", "resolved", LIVE);
    await expect(customer.host.getByTestId("status-reply")).toHaveCount(2);
    await expect(customer.host.getByTestId("status-reply").nth(1)).toContainText(note);
    await expect.poll(() => counts(customer, messageId), LIVE).toBe(false);

    // 8. A late reply from the customer opens the message again: the
    //    partner's open inbox lists it again and their badge counts it.
    await partner.host.evaluate((el) => el.open("customer-messages"));
    await expect(partner.host.getByTestId("inbox-list")).toBeVisible();
    await expect(entry).toHaveCount(0);
    await customer.host.locator("#sw-reply").fill("It stopped again this morning.");
    await customer.host.getByTestId("reply-send").click();
    await expect(customer.host.getByTestId("status-reply")).toHaveCount(3);
    await expect(entry).toHaveCount(1, LIVE);
    await expect(entry.getByTestId("unread-mark")).toHaveText("New");
    await expect.poll(() => counts(partner, messageId), LIVE).toBe(true);
  } finally {
    await Promise.all([customerContext.close(), partnerContext.close()]);
  }
});
