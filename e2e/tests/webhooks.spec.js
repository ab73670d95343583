// Requests reach people: on the demo signed in, a request filed in the
// widget arrives, signed, at the demo's webhook receiver
// (scripts/webhook_receiver.py), and a status or a reply that an agent
// posts back through the API shows in the widget's status view.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, signToken } from "./identity-tokens.js";

// The receiver's log, in the signed-in demo's DATA_DIR.
const webhookLog = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e-auth/webhook.log");
const received = () => (fs.existsSync(webhookLog) ? fs.readFileSync(webhookLog, "utf-8") : "");

/** A token of the partner's support desk, as its ticketing system holds. */
function agentToken() {
  const now = Math.floor(Date.now() / 1000);
  return signToken({
    sub: "support-desk",
    name: "Contoso Cloud support desk",
    role: "agent",
    iss: "support-widget-demo",
    aud: "support-widget",
    iat: now,
    exp: now + 600,
  });
}

test("a filed request reaches the partner's webhook and an agent's status comes back to the widget", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.fill({ category: "technical", title: "Webhook round trip", description: "Filed to see it reach the support desk." });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");

  // The receiver checked the signature before it printed the line.
  await expect.poll(received, { timeout: 15_000 }).toContain(`webhook: ${reference} submitted`);

  // The support desk moves it on, through the API, as an agent.
  const moved = await request.post(`${authBackend}/support-requests/${id}/status`, {
    headers: { authorization: `Bearer ${agentToken()}` },
    data: { status: "in_progress", note: "We are looking into it." },
  });
  expect(moved.status()).toBe(200);
  await expect.poll(received, { timeout: 15_000 }).toContain(`webhook: ${reference} in_progress (We are looking into it.)`);

  await widget.host.getByTestId("view-status").click();
  await expect(widget.host.getByTestId("status-current")).toHaveAttribute("data-status", "in_progress");
  await expect(widget.host.getByTestId("status-change").last()).toContainText("We are looking into it.");
});

test("an agent's reply through the API shows in the request's thread, as text, in the user's language", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.fill({ category: "billing", title: "Thread round trip", description: "Filed to read the support desk's answer." });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");

  const body = "Which invoice is it?\n<b>Not bold</b>: the number, please.";
  const replied = await request.post(`${authBackend}/support-requests/${id}/replies`, {
    headers: { authorization: `Bearer ${agentToken()}`, "idempotency-key": crypto.randomUUID() },
    data: { body },
  });
  expect(replied.status()).toBe(201);
  await expect.poll(received, { timeout: 15_000 }).toContain(`webhook: ${reference} reply by agent`);

  await widget.host.getByTestId("view-status").click();
  const thread = widget.host.getByTestId("status-thread");
  const reply = thread.getByTestId("status-reply");
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText("Contoso Cloud support desk · Support representative");
  // What the agent typed is text: its markup shows as typed, and its line
  // break as a line break.
  const text = reply.locator(".sw-reply-body");
  expect(await text.innerText()).toBe(body);
  await expect(reply.locator("b")).toHaveCount(0);

  await widget.setAttribute("locale", "zh-CN");
  await expect(widget.host.getByRole("heading", { name: "对话" })).toBeVisible();
  await expect(reply).toContainText("支持代表");
});

test("the filer's reply is kept across a reload, a lost answer and the connection dropping, and stored once", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.fill({ category: "billing", title: "A reply of mine", description: "Filed to answer the support desk." });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");
  const thread = async () => {
    const answer = await request.get(`${authBackend}/support-requests/${id}`, { headers: { authorization: `Bearer ${agentToken()}` } });
    return (await answer.json()).replies.map((reply) => reply.body);
  };

  // Typed, then the page reloads: the reply is still there.
  await widget.host.getByTestId("view-status").click();
  const box = widget.host.locator("#sw-reply");
  await box.fill("INV-2026-11-0042, line 3.");
  await page.reload();
  await expect(widget.home).toBeVisible();
  await widget.host.getByTestId("open-filed-requests").click();
  await widget.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`).click();
  await expect(box).toHaveValue("INV-2026-11-0042, line 3.");

  // Sent, but the answer is lost on the way back: the reply is kept, the
  // user is told, and it goes again by itself with the same key; the
  // backend stores it once.
  let lost = 0;
  await page.route(`**/support-requests/${id}/replies`, async (route) => {
    if (lost++ === 0) {
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  const waiting = widget.host.getByTestId("reply-waiting");
  await widget.host.getByTestId("reply-send").click();
  await expect(waiting).toContainText("Trying again soon");
  await expect(box).toHaveValue("INV-2026-11-0042, line 3.");
  await expect(widget.host.getByTestId("status-reply")).toHaveCount(1, { timeout: 15_000 });
  await expect(widget.host.getByTestId("status-reply")).toContainText("INV-2026-11-0042, line 3.");
  await expect(box).toHaveValue("");
  expect(lost).toBe(2);
  expect(await thread()).toEqual(["INV-2026-11-0042, line 3."]);

  // Sent while offline: it waits for the connection, then goes by itself.
  await box.fill("And line 4, sent offline.");
  await page.context().setOffline(true);
  await widget.host.getByTestId("reply-send").click();
  await expect(waiting).toContainText("You're offline");
  await expect(box).toHaveValue("And line 4, sent offline.");
  await page.context().setOffline(false);
  await expect(widget.host.getByTestId("status-reply")).toHaveCount(2);
  // No longer waiting: the line says that it went.
  await expect(waiting).toHaveText("Your reply was sent.");
  expect(await thread()).toEqual(["INV-2026-11-0042, line 3.", "And line 4, sent offline."]);

  // A blank reply is not sent; the field says why.
  await widget.host.getByTestId("reply-send").click();
  await expect(widget.host.locator("#sw-reply-error")).toContainText("Enter your reply");
  expect(await thread()).toHaveLength(2);
});
