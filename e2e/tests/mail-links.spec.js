// A mail's link opens its request on its reader's own page. The signed-in
// demo's backend mails through a real SMTP server (scripts/smtp_sink.py,
// the "mail" server of playwright.config.js), with --portal-url-partner and
// --portal-url-customer naming the demo's two pages; the test reads each
// mail back from that server and follows its link, as its reader would.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mailDir } from "../playwright.config.js";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, claimsOf, demoToken, fileWith } from "./identity-tokens.js";

/** The link to `reference` in the first mail to `address` that names it,
 *  waited for (the backend gathers a request's changes for a second). */
async function linkMailedTo(address, reference) {
  let link;
  await expect
    .poll(
      () => {
        const dir = path.resolve(mailDir);
        const mails = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".json")) : [];
        for (const name of mails.sort()) {
          const mail = JSON.parse(fs.readFileSync(path.join(dir, name), "utf-8"));
          if (!mail.rcpt.includes(address) || !`${mail.subject}\n${mail.text}`.includes(reference)) continue;
          link = mail.text.match(/https?:\/\/\S+request=\S+/)?.[0];
          if (link) return link;
        }
        return undefined;
      },
      { message: `a mail to ${address} naming ${reference}`, timeout: 20_000 },
    )
    .toBeTruthy();
  return link;
}

test("the partner's mail of a new customer message opens that message on the partner's page", async ({ page, request }) => {
  const title = `Mailed to the partner (${Date.now()})`;
  const { id, reference } = await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Invoices are missing.", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
  });
  const link = await linkMailedTo("support@localhost", reference);
  expect(new URL(link).origin).toBe(authDemo);
  expect(new URL(link).searchParams.get("request")).toBe(id);

  const partner = new SupportWidgetPage(page);
  await page.goto(link);
  await expect(partner.host.getByTestId("status-reference")).toHaveText(reference);
  await expect(partner.host.getByTestId("status-description")).toContainText("Invoices are missing.");
});

test("a customer's mail of their partner's reply opens that message on the customer's page", async ({ page, request }) => {
  const title = `Mailed to the customer (${Date.now()})`;
  const customerToken = await demoToken(request, "customer");
  const { id, reference } = await fileWith(request, customerToken, {
    kind: "customer_self_service", title, description: "Reports are empty.", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
  });
  const answered = await request.post(`${authBackend}/support-requests/${id}/replies`, {
    headers: { authorization: `Bearer ${await demoToken(request, "partner")}`, "idempotency-key": crypto.randomUUID() },
    data: { body: "Which report is empty?" },
  });
  expect(answered.status()).toBe(201);
  // A signed-in customer is mailed at the address their token names.
  const link = await linkMailedTo(claimsOf(customerToken).email, reference);
  expect(new URL(link).pathname).toBe("/self-service.html");

  const customer = new SupportWidgetPage(page);
  await page.goto(link);
  await expect(customer.host.getByTestId("status-reference")).toHaveText(reference);
  await expect(customer.host.getByTestId("status-reply")).toContainText("Which report is empty?");
});
