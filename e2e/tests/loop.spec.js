// The whole loop, on the demo signed in: a customer writes to their
// partner from the help page, the partner reads it in its inbox, replies
// and escalates it to 21Vianet, a support agent (through the API, with an
// agent's token) asks a question, the partner answers it with a file, the
// agent resolves the escalation, the partner closes the loop with the
// customer, and the customer reads the answer on a resolved request. Three
// identities, each in a browser context of its own.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { agentToken, authBackend, authDemo, demoToken, failNextInboxPage, filePageAndOneMore, fileWith } from "./identity-tokens.js";

// What each locale's screens say, where the test reads words.
const texts = {
  "en-US": { replyReader: "Your customer will see this reply.", inbox: "Customer messages", message: "customer message", messageHeading: "Customer message", escalate: "Escalate to 21Vianet", escalatedResolved: "Your partner escalated this to 21Vianet, which has resolved it.", closeLoop: "Close the loop with", myRequests: "My requests", resolved: "Resolved", replySent: "Your reply was sent." },
  "zh-CN": { replyReader: "你的客户会看到此回复。", inbox: "客户咨询", message: "客户咨询", messageHeading: "客户咨询", escalate: "呈报给世纪互联", escalatedResolved: "你的合作伙伴已将此问题呈报给世纪互联，世纪互联已解决。", closeLoop: "处理结果", myRequests: "我的请求", resolved: "已解决", replySent: "你的回复已发送。" },
  "zh-TW": { replyReader: "您的客戶會看到此回覆。", inbox: "客戶詢問", message: "客戶詢問", messageHeading: "客戶詢問", escalate: "呈報給 21Vianet", escalatedResolved: "您的合作夥伴已將此問題呈報給 21Vianet，21Vianet 已解決。", closeLoop: "完成後續追蹤", myRequests: "我的要求", resolved: "已解決", replySent: "您的回覆已傳送。" },
  "es-ES": { replyReader: "Su cliente verá esta respuesta.", inbox: "Consultas de clientes", message: "consulta de cliente", messageHeading: "Consulta de cliente", escalate: "Remitir a 21Vianet", escalatedResolved: "Su partner ha remitido esto a 21Vianet, que ya lo ha resuelto.", closeLoop: "Informar a", myRequests: "Mis solicitudes", resolved: "Resuelta", replySent: "Su respuesta se ha enviado." },
};
// What the customer searches the help for first, an article it finds, and
// what the partner's screen calls the articles shown.
const searches = {
  "en-US": ["password", "Reset a user's password", "Help articles the customer was shown", "Help articles you were shown"],
  "zh-CN": ["重置密码", "在 Office 365 管理中心重置用户密码", "客户看到的帮助文章", "你看到的帮助文章"],
  "zh-TW": ["密碼", "在 Office 365 系統管理中心重設使用者密碼", "客戶看到的說明文章", "您看到的說明文章"],
  "es-ES": ["contraseña", "contraseña", "Artículos de ayuda que se mostraron al cliente", "Artículos de ayuda que se le mostraron"],
};
// The language a customer asks to be contacted in, named in its own.
const spoken = { "en-US": ["zh-TW", "繁體中文"], "zh-CN": ["es-ES", "Español"], "zh-TW": ["en-US", "English"], "es-ES": ["zh-CN", "简体中文"] };

for (const [locale, text] of Object.entries(texts)) {
  test(`a customer's message goes to the partner, to 21Vianet and back, in ${locale}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const title = `Mailbox full after the migration (${locale}, ${Date.now()})`;
    const customerContext = await browser.newContext();
    const partnerContext = await browser.newContext();
    const agentContext = await browser.newContext();
    const agent = agentContext.request;
    const asAgent = { authorization: `Bearer ${agentToken()}` };
    try {
      // 1. The customer writes to their partner.
      const customerPage = await customerContext.newPage();
      const customer = new SupportWidgetPage(customerPage);
      await customerPage.goto(`${authDemo}/self-service.html`);
      await customer.setAttribute("locale", locale);
      const [query, article, articlesLabel, ownArticlesLabel] = searches[locale];
      await customer.host.getByTestId("article-query").fill(query);
      await customer.host.getByTestId("article-search-button").click();
      await expect(customer.host.getByTestId("article").filter({ hasText: article }).first()).toBeVisible();
      await customer.host.getByTestId("help-contact").click();
      await customer.fill({ title, description: "Since the move, new mail bounces with 552.", phone: "+86 10 1234 5678" }, { category: false });
      const [language, languageName] = spoken[locale];
      await customer.host.locator("#sw-contact-language").selectOption(language);
      await customer.host.getByTestId("contact-service").selectOption("azure");
      await customer.host.getByTestId("attachments-input").setInputFiles({ name: "bounce.txt", mimeType: "text/plain", buffer: Buffer.from("552 5.2.2 Mailbox full\n") });
      await expect(customer.host.getByTestId("attachment-uploaded")).toBeVisible();
      await customer.submit();
      await expect(customer.confirmation).toBeVisible();
      const messageId = await customer.confirmation.getAttribute("data-request-id");

      // 2. The partner finds it in its inbox, with the open count, and
      //    replies.
      const partnerPage = await partnerContext.newPage();
      const partner = new SupportWidgetPage(partnerPage);
      await partner.goto(`${authDemo}/`);
      await partner.setAttribute("locale", locale);
      const inboxChoice = partner.host.getByTestId("open-inbox");
      await expect(inboxChoice).toContainText(text.inbox);
      await expect(inboxChoice.getByTestId("inbox-open-count")).toHaveText(/\d/);
      await inboxChoice.click();
      await expect(partner.heading).toHaveText(text.inbox);
      const entry = partner.host.getByTestId("inbox-request").filter({ hasText: title });
      await expect(entry).toHaveCount(1);
      await entry.click();
      // Partner staff read a customer's message, headed as such.
      await expect(partner.heading).toHaveText(text.messageHeading);
      await expect(partner.host.getByTestId("status-description")).toContainText("552");
      await expect(partner.host.getByTestId("status-description")).toContainText("bounce.txt");
      await expect(partner.host.getByTestId("status-facts")).toContainText("zhang.wei@beijingcloud.partner.onmschina.cn");
      // How the customer asked to be contacted: the phone, and the language.
      await expect(partner.host.getByTestId("status-facts")).toContainText("+86 10 1234 5678");
      await expect(partner.host.getByTestId("status-contact-language")).toHaveText(languageName);
      await expect(partner.host.getByTestId("status-contact-language")).toHaveAttribute("lang", language);
      // The articles the customer's search showed them: shown, not read.
      await expect(partner.host.getByTestId("status-facts")).toContainText(articlesLabel);
      await expect(partner.host.getByTestId("status-articles")).toContainText(article);
      // The customer's file opens for the partner: saved as sent.
      const file = partner.host.getByTestId("status-description").getByTestId("attachment-download");
      await expect(file).toHaveText("bounce.txt");
      const download = { "en-US": "Download", "zh-CN": "下载", "zh-TW": "下載", "es-ES": "Descargar" }[locale];
      await expect(file).toHaveAccessibleName(new RegExp(`^${download} \u2068?bounce\\.txt\u2069?$`));
      const saving = partnerPage.waitForEvent("download");
      await file.click();
      const saved = await saving;
      expect(saved.suggestedFilename()).toBe("bounce.txt");
      expect(fs.readFileSync(await saved.path(), "utf-8")).toBe("552 5.2.2 Mailbox full\n");
      // The box says who reads the reply.
      await expect(partner.host.getByTestId("reply-reader")).toHaveText(text.replyReader);
      await partner.host.locator("#sw-reply").fill("Thanks, we are on it.");
      await partner.host.getByTestId("reply-send").click();
      await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);
      // One timeline, the partner's own words set apart from the customer's.
      await expect(partner.host.getByTestId("status-reply")).toHaveClass(/sw-thread-own/);
      await expect(partner.host.getByTestId("status-description")).not.toHaveClass(/sw-thread-own/);
      // Said as well as shown, until the partner reads the thread again.
      await expect(partner.host.getByTestId("reply-waiting")).toHaveText(text.replySent);
      await partner.host.getByTestId("status-refresh").click();
      await expect(partner.host.getByTestId("status-checked")).not.toBeEmpty();
      await expect(partner.host.getByTestId("reply-waiting")).toHaveText("");
      await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);

      // ...and escalates it: the one path, with the customer and service
      // chosen, from the admin center on, and the message's words carried
      // over.
      await partner.host.getByTestId("message-escalate").click();
      await expect(partner.host.getByTestId("self-help")).toBeVisible();
      await partner.escalate("unavailable_service");
      await expect(partner.host.locator("#sw-title")).toHaveValue(title);
      await expect(partner.host.locator("#sw-description")).toHaveValue("Since the move, new mail bounces with 552.");
      await expect(partner.host.getByTestId("attachments")).toContainText("bounce.txt");
      await partner.host.locator("#sw-severity").check();
      await partner.submit();
      await expect(partner.confirmation).toBeVisible();
      const escalationId = await partner.confirmation.getAttribute("data-request-id");
      const reference = await partner.host.getByTestId("reference").getAttribute("data-reference");
      const escalation = await (await agent.get(`${authBackend}/support-requests/${escalationId}`, { headers: asAgent })).json();
      expect(escalation.request.related_request).toBe(messageId);
      // The customer's file went with it, as a copy of the escalation's own.
      expect(escalation.attachments.map((file) => file.name)).toEqual(["bounce.txt"]);

      // 3. 21Vianet's agent asks a question on the escalation.
      const asked = await agent.post(`${authBackend}/support-requests/${escalationId}/replies`, {
        headers: { ...asAgent, "idempotency-key": crypto.randomUUID() },
        data: { body: "Which mailbox plan does the tenant use?" },
      });
      expect(asked.status()).toBe(201);

      // 4. The escalation and the customer message each lead to the
      //    other; on the escalation, the partner answers the question,
      //    with a file.
      await partner.host.getByTestId("view-status").click();
      await expect(partner.host.getByTestId("escalated-from")).toContainText("北京云计算有限公司");
      // It began as a customer message, not as a customer request: in the
      // seeds, those are what partner staff file with 21Vianet.
      await expect(partner.host.getByTestId("escalated-from")).toContainText(text.message);
      await expect(partner.host.getByTestId("escalated-from")).not.toHaveClass(/\bsw-note-strong\b/);
      await partner.host.getByTestId("open-message").click();
      await expect(partner.host.getByTestId("status-escalated-as")).toContainText(reference);
      await expect(partner.host.getByTestId("status-escalated-as")).not.toContainText(text.escalatedResolved);
      await expect(partner.host.getByTestId("escalated-from")).toHaveCount(0);
      await partner.host.getByTestId("open-escalation").click();
      await expect(partner.host.getByTestId("status-reference")).toHaveText(reference);
      await expect(partner.host.getByTestId("status-reply")).toContainText("Which mailbox plan");
      await partner.host.getByTestId("attachments-input").setInputFiles({ name: "plan.txt", mimeType: "text/plain", buffer: Buffer.from("Exchange Online Plan 1\n") });
      await expect(partner.host.getByTestId("attachment-uploaded")).toBeVisible();
      await partner.host.locator("#sw-reply").fill("Exchange Online Plan 1, see the file.");
      await partner.host.getByTestId("reply-send").click();
      await expect(partner.host.getByTestId("status-reply")).toHaveCount(2);
      await expect(partner.host.getByTestId("status-reply").nth(1)).toContainText("plan.txt");

      // 5. The agent resolves it.
      const note = "The tenant's mailbox quota was raised.";
      const resolved = await agent.post(`${authBackend}/support-requests/${escalationId}/status`, { headers: asAgent, data: { status: "resolved", note } });
      expect(resolved.status()).toBe(200);

      // 6. The partner closes the loop: from the escalation to the
      //    message, a reply that begins with 21Vianet's note.
      await partner.host.getByTestId("status-refresh").click();
      await expect(partner.host.getByTestId("close-loop-open")).toContainText(text.closeLoop);
      // The way to close the loop stands out; the way back before it did not.
      await expect(partner.host.getByTestId("escalation-resolved")).toHaveClass(/\bsw-note-strong\b/);
      // It says what to do: the general reminder would say it again.
      await expect(partner.host.getByTestId("close-the-loop")).toHaveCount(0);
      await partner.host.getByTestId("close-loop-open").click();
      const closing = partner.host.getByTestId("close-loop-box");
      await expect(closing).toBeVisible();
      await expect(partner.host.locator("#sw-reply")).toHaveValue(note);
      // The note the box begins with is not the partner's unsent reply
      // until they change it: nothing is kept for the lists to mark.
      const replyDrafts = () => partner.page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(":reply:")));
      expect(await replyDrafts()).toEqual([]);
      // The box's heading and the note above stand out; what is typed is
      // plain text.
      await expect(partner.host.locator("#sw-reply")).toHaveCSS("font-weight", "400");
      await partner.host.locator("#sw-reply").fill(`${note} New mail arrives again.`);
      // Sent from the keyboard, the box goes: focus goes to the heading,
      // not to the page's start.
      await partner.host.getByTestId("reply-send").press("Enter");
      await expect(partner.host.getByTestId("status-current")).toHaveAttribute("data-status", "resolved");
      await expect(partner.host.getByTestId("status-escalated-as")).toContainText(reference);
      // The partner read the resolution on the escalation and in the box
      // that closed the loop: the note does not say it again.
      await expect(partner.host.getByTestId("status-escalated-as")).not.toContainText(text.escalatedResolved);
      await expect(partner.host.getByTestId("close-loop-box")).toHaveCount(0);
      await expect(partner.heading).toBeFocused();
      // Back leads to the escalation the message was opened from, which
      // now says that the loop is closed, and asks no more to close it.
      await partner.host.getByTestId("back").click();
      await expect(partner.host.getByTestId("status-reference")).toHaveText(reference);
      await expect(partner.host.getByTestId("loop-closed")).toContainText(reference);
      await expect(partner.host.getByTestId("close-loop-open")).toHaveCount(0);
      await expect(partner.host.getByTestId("loop-closed").getByTestId("open-message")).toBeVisible();

      // 7. The customer reads the answer on a resolved request, in "My
      //    requests".
      await customerPage.reload();
      await customer.setAttribute("locale", locale);
      await customer.host.getByTestId("open-filed-requests").click();
      await expect(customer.heading).toHaveText(text.myRequests);
      await customer.host.locator(`[data-testid=filed-request][data-request-id="${messageId}"]`).click();
      await expect(customer.host.getByTestId("status-current")).toHaveText(text.resolved);
      // That much of the escalation is the customer's: 21Vianet resolved it.
      // Its reference is of no use to them.
      await expect(customer.host.getByTestId("status-escalated-as")).toHaveText(text.escalatedResolved);
      await expect(customer.host.getByTestId("status-escalated-as")).not.toContainText(reference);
      await expect(customer.host.getByTestId("open-escalation")).toHaveCount(0);
      const thread = customer.host.getByTestId("status-reply");
      await expect(thread).toHaveCount(2);
      await expect(thread.nth(1)).toContainText("New mail arrives again.");
      // The customer's own request speaks to them: the articles they were
      // shown, and not their own company as if it were news.
      const ownFacts = customer.host.getByTestId("status-facts");
      await expect(ownFacts).toContainText(ownArticlesLabel);
      await expect(ownFacts).not.toContainText(articlesLabel);
      await expect(ownFacts).not.toContainText("北京云计算有限公司");
      // The partner's exchange with 21Vianet is not the customer's.
      await expect(customer.host.getByTestId("status-thread")).not.toContainText("Which mailbox plan");
      // And the customer can answer.
      await customer.host.locator("#sw-reply").fill("Thank you, it works.");
      await customer.host.getByTestId("reply-send").click();
      await expect(thread).toHaveCount(3);
    } finally {
      await Promise.all([customerContext.close(), partnerContext.close(), agentContext.close()]);
    }
  });
}

/** The answer a backend would give with `status` and `body`, to a request
 *  from the demo's page. */
function answer(route, status, body) {
  return route.fulfill({ status, contentType: "application/json", headers: { "Access-Control-Allow-Origin": authDemo }, body: JSON.stringify(body) });
}

/** Answers the widget's requests to `url` with `status` and `body`, in place
 *  of the backend; their preflights still go to the backend. */
async function answerInstead(page, url, status, body) {
  await page.route(url, (route) => (route.request().method() === "OPTIONS" ? route.continue() : answer(route, status, body)));
}

test("a reply or a status change that fails is said, keeps what was typed, and goes once tried again", async ({ page, request }) => {
  test.setTimeout(60_000);
  const title = `Cannot sign in to Teams (${Date.now()})`;
  // The customer's message, sent from the help page's API.
  const customerToken = await demoToken(request, "customer");
  const uploaded = await request.post(`${authBackend}/attachments?name=loop.log.1`, {
    headers: { authorization: `Bearer ${customerToken}`, "content-type": "text/plain" },
    data: Buffer.from("redirect loop\n"),
  });
  expect(uploaded.status()).toBe(201);
  const { id: messageId } = await fileWith(request, customerToken, {
    kind: "customer_self_service", title, description: "The sign-in page loops.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
    attachments: [(await uploaded.json()).id],
  });
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  await partner.host.getByTestId("inbox-request").filter({ hasText: title }).click();
  await expect(partner.host.getByTestId("status-description")).toContainText("The sign-in page loops.");

  // A text file named without a text file's extension saves as text, as
  // the backend serves it.
  const saving = page.waitForEvent("download");
  await partner.host.getByTestId("attachment-download").click();
  expect((await saving).suggestedFilename()).toBe("loop.log.1.txt");

  // A file the backend no longer has says so, rather than that the
  // support service is missing from the page's address.
  await answerInstead(page, "**/attachments/*", 404, { errors: [{ field: "id", code: "not_found" }] });
  await partner.host.getByTestId("attachment-download").click();
  await expect(partner.host.getByTestId("attachment-download-failed")).toHaveText("The support service can't find this file anymore: it may have been removed, or you may no longer have access to it.");
  await page.unroute("**/attachments/*");

  // A reply with nothing in it says so, in the language the widget shows
  // now, not in the one it was first said in.
  await partner.host.getByTestId("reply-send").click();
  const replyError = partner.host.locator("#sw-reply-error");
  await expect(replyError).toContainText("Enter your reply");
  await partner.setAttribute("locale", "es-ES");
  await expect(replyError).toContainText("Escriba su respuesta");
  await partner.setAttribute("locale", "en-US");
  await expect(replyError).toContainText("Enter your reply");

  // The backend no longer knows the request (the contract's 404, which
  // names it): the reply says so, not that the service is missing, and
  // keeps its words.
  const replies = `**/support-requests/${messageId}/replies`;
  await answerInstead(page, replies, 404, { errors: [{ field: "id", code: "not_found" }] });
  const box = partner.host.locator("#sw-reply");
  await box.fill("Clear the browser's cookies for login.partner.microsoftonline.cn.");
  await partner.host.getByTestId("reply-send").click();
  const replyFailure = partner.host.getByTestId("reply-failure");
  await expect(replyFailure).toContainText("can't find this request anymore");
  await expect(replyFailure).toContainText("Everything you typed is still here.");
  await expect(replyFailure).not.toContainText("address");
  await expect(box).toHaveValue("Clear the browser's cookies for login.partner.microsoftonline.cn.");
  await expect(partner.host.getByTestId("status-reply")).toHaveCount(0);
  // Sent again once the backend answers: stored once, the box emptied.
  await page.unroute(replies);
  await partner.host.getByTestId("reply-send").click();
  await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);
  await expect(box).toHaveValue("");
  await expect(replyFailure).toHaveText("");

  // "Mark resolved" while the backend fails: said, the request still
  // open, the button still there; then it goes.
  const status = `**/support-requests/${messageId}/status`;
  await answerInstead(page, status, 503, { errors: [{ field: "", code: "internal" }] });
  const mark = partner.host.getByTestId("message-mark-resolved");
  await mark.click();
  const markFailure = partner.host.getByTestId("message-failure");
  await expect(markFailure).toContainText(/had a problem \(error \u2068?503\u2069?\)/);
  // Nothing was typed, so nothing is said to be kept.
  await expect(markFailure).not.toContainText("Everything you typed");
  await expect(mark).toHaveAttribute("aria-disabled", "false");
  await expect(partner.host.getByTestId("status-current")).not.toHaveAttribute("data-status", "resolved");
  await page.unroute(status);
  await mark.click();
  await expect(partner.host.getByTestId("status-current")).toHaveAttribute("data-status", "resolved");
  await expect(mark).toHaveCount(0);
  await expect(markFailure).toHaveText("");
});

test("a failed mark is said until the message is read again, and a message opened again is marked resolved again", async ({ page, request }) => {
  const title = `Licences show twice (${Date.now()})`;
  const { id: messageId } = await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Two E3 licences per user.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  await partner.host.getByTestId("inbox-request").filter({ hasText: title }).click();
  const current = partner.host.getByTestId("status-current");
  const mark = partner.host.getByTestId("message-mark-resolved");
  const markFailure = partner.host.getByTestId("message-failure");
  // Nobody has answered the customer yet: "Mark resolved" asks first.
  const ask = partner.host.getByTestId("mark-resolved-ask");
  await mark.click();
  await expect(ask).toContainText("You have not replied to your customer yet.");
  await expect(mark).toHaveAttribute("aria-expanded", "true");
  await expect(current).not.toHaveAttribute("data-status", "resolved");
  await partner.host.getByTestId("mark-resolved-reply-first").click();
  await expect(ask).toHaveCount(0);
  await expect(partner.host.locator("#sw-reply")).toBeFocused();
  const markWithoutReply = async () => {
    await mark.click();
    await partner.host.getByTestId("mark-resolved-confirm").click();
  };

  // A failure is said, and goes once the user reads the request again.
  const status = `**/support-requests/${messageId}/status`;
  await answerInstead(page, status, 503, { errors: [{ field: "", code: "internal" }] });
  await markWithoutReply();
  await expect(markFailure).toContainText(/had a problem \(error \u2068?503\u2069?\)/);
  await page.unroute(status);
  await partner.host.getByTestId("status-refresh").click();
  await expect(markFailure).toHaveText("");
  await markWithoutReply();
  await expect(current).toHaveAttribute("data-status", "resolved");
  await expect(mark).toHaveCount(0);

  // 21Vianet's desk opens it again: "Mark resolved" is back, and marks it
  // resolved again, a change of its own rather than the first one repeated.
  const reopened = await request.post(`${authBackend}/support-requests/${messageId}/status`, {
    headers: { authorization: `Bearer ${agentToken()}` },
    data: { status: "in_progress" },
  });
  expect(reopened.status()).toBe(200);
  await partner.host.getByTestId("status-refresh").click();
  await expect(current).toHaveAttribute("data-status", "in_progress");
  await markWithoutReply();
  await expect(current).toHaveAttribute("data-status", "resolved");
  await expect(mark).toHaveCount(0);
  await expect(markFailure).toHaveText("");
});

test("a reply typed and not sent marks its request in the lists until it goes", async ({ page, browser, request }) => {
  const title = `Left half-answered (${Date.now()})`;
  const { id: messageId } = await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Licences show twice.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  // The customer's own list of what they sent marks it too.
  const customerContext = await browser.newContext();
  try {
    const customer = new SupportWidgetPage(await customerContext.newPage());
    await customer.page.goto(`${authDemo}/self-service.html`);
    await customer.setAttribute("locale", "en-US");
    await customer.host.getByTestId("open-filed-requests").click();
    const own = customer.host.locator(`[data-testid=filed-request][data-request-id="${messageId}"]`);
    await own.click();
    await customer.host.locator("#sw-reply").fill("It is the E3 licences.");
    await customer.host.getByTestId("back").click();
    await expect(own.getByTestId("unsent-reply")).toHaveText("Unsent reply");
  } finally {
    await customerContext.close();
  }

  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  const row = partner.host.getByTestId("inbox-request").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("unsent-reply")).toHaveCount(0);
  await row.click();
  await partner.host.locator("#sw-reply").fill("We are looking at the licences.");
  await partner.host.getByTestId("back").click();
  await expect(row.getByTestId("unsent-reply")).toHaveText("Unsent reply");
  // In another language, in that language.
  await partner.setAttribute("locale", "zh-TW");
  await expect(row.getByTestId("unsent-reply")).toHaveText("未傳送的回覆");
  await partner.setAttribute("locale", "en-US");
  // Sent, the mark goes.
  await row.click();
  await expect(partner.host.locator("#sw-reply")).toHaveValue("We are looking at the licences.");
  await partner.host.getByTestId("reply-send").click();
  await expect(partner.host.getByTestId("status-reply")).toHaveCount(1);
  await partner.host.getByTestId("back").click();
  await expect(row).toBeVisible();
  await expect(row.getByTestId("unsent-reply")).toHaveCount(0);
});

test("a reply tried again and again says so once, not at each attempt", async ({ page, request }) => {
  test.setTimeout(60_000);
  const title = `Slow to answer (${Date.now()})`;
  const { id: messageId } = await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title, description: "Replies take a while.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  await partner.host.getByTestId("inbox-request").filter({ hasText: title }).click();
  const waiting = partner.host.getByTestId("reply-waiting");
  await expect(waiting).toBeAttached();
  // Every text the status line (a live region) comes to hold, in order.
  await waiting.evaluate((element) => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(element.textContent)).observe(element, { childList: true, characterData: true, subtree: true });
  });
  // The backend is busy for three attempts, then takes the reply.
  let refused = 0;
  await page.route(`**/support-requests/${messageId}/replies`, (route) => {
    if (route.request().method() === "OPTIONS" || refused >= 3) return route.continue();
    refused++;
    return answer(route, 503, { errors: [{ field: "", code: "internal" }] });
  });
  await partner.host.locator("#sw-reply").fill("Tried until it goes.");
  await partner.host.getByTestId("reply-send").click();
  await expect(partner.host.getByTestId("status-reply")).toHaveCount(1, { timeout: 30_000 });
  await expect(waiting).toHaveText("Your reply was sent.");
  expect(refused).toBe(3);
  // Said once while it was tried again, not emptied and said anew at each
  // attempt, which a screen reader would read out each time.
  const said = await page.evaluate(() => window.__said.filter((text, i, all) => text !== all[i - 1]));
  expect(said.filter((text) => text.includes("Trying again soon"))).toHaveLength(1);
});

test("the inbox lists a page at a time: Show more brings the next, and a page that fails says so and comes with Try again", async ({ page, request }) => {
  test.setTimeout(60_000);
  // One more open customer message than a page lists.
  const stamp = await filePageAndOneMore(request, "Paged message");

  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await partner.host.getByTestId("open-inbox").click();
  const items = partner.host.getByTestId("inbox-request");
  await expect(items).toHaveCount(20);
  // Newest first: the oldest of them waits for the next page.
  await expect(items.filter({ hasText: `Paged message 20 (${stamp})` })).toHaveCount(1);
  await expect(items.filter({ hasText: `Paged message 0 (${stamp})` })).toHaveCount(0);

  // The next page fails: said below the list, with "Try again", which
  // takes the focus "Show more" had.
  const nextPage = await failNextInboxPage(page, 503, "internal");
  await partner.host.getByTestId("inbox-more").click();
  const failed = partner.host.getByTestId("inbox-failed");
  await expect(failed).toContainText("The customer messages couldn't be loaded.");
  await expect(failed.getByRole("button", { name: "Try again" })).toBeFocused();
  await expect(items).toHaveCount(20);
  await expect(partner.host.getByTestId("inbox-more")).toHaveCount(0);

  // Tried again, the page comes after those shown, and focus goes to its
  // first request.
  await page.unroute(nextPage);
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(failed).toHaveCount(0);
  await expect(items.nth(20)).toBeVisible();
  await expect(items.nth(20)).toBeFocused();
  await expect(items.filter({ hasText: `Paged message 0 (${stamp})` })).toHaveCount(1);
});

test("the inbox aborts the page on its way when another is asked for, and when the partner leaves it", async ({ page }) => {
  // Every first page of customer messages held back, so that each is still
  // on its way when the next is asked for.
  const firstPage = (url) => url.searchParams.get("kind") === "customer_self_service" && !url.searchParams.has("before") && !url.searchParams.has("limit");
  await page.route(firstPage, async (route) => {
    if (route.request().method() !== "OPTIONS") {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    await route.continue().catch(() => {});
  });
  const asked = (status) => page.waitForRequest((r) => r.method() === "GET" && firstPage(new URL(r.url())) && new URL(r.url()).searchParams.get("status") === status);
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");

  // The open messages' page, overtaken by the resolved ones'.
  const open = asked("open");
  await partner.host.getByTestId("open-inbox").click();
  const openRequest = await open;
  const openAborted = page.waitForEvent("requestfailed", (r) => r === openRequest);
  const resolved = asked("resolved");
  await partner.host.getByTestId("inbox-show-resolved").click();
  await openAborted;
  const resolvedRequest = await resolved;

  // The resolved ones' page, left behind with the inbox.
  const resolvedAborted = page.waitForEvent("requestfailed", (r) => r === resolvedRequest);
  await partner.host.getByTestId("back").click();
  await resolvedAborted;
  await expect(partner.host.getByTestId("home")).toBeVisible();
});

test("the filed list and a request's status abort what they read when the partner leaves them", async ({ page, request }) => {
  const { id } = await fileWith(request, await demoToken(request, "partner"), {
    kind: "partner_center", category: "billing", title: `Read and left ${Date.now()}`, description: "Opened, then left before it loads.",
    contact: { name: "Mei Lin", email: "mei.lin@contosocloud.cn" },
  });
  // The list's page and the request itself, each held back while `hold` says
  // so, so that each is still on its way when the partner goes back.
  let hold = true;
  const held = (url) => url.searchParams.get("filed_by") === "me" || url.pathname.endsWith(`/support-requests/${id}`);
  await page.route(held, async (route) => {
    if (hold && route.request().method() !== "OPTIONS") {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    await route.continue().catch(() => {});
  });
  const read = (what) => page.waitForRequest((r) => r.method() === "GET" && held(new URL(r.url())) && what(new URL(r.url())));
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");

  // The list's page (the pager), left behind with the list.
  const listed = read((url) => url.searchParams.get("filed_by") === "me");
  await partner.host.getByTestId("open-filed-requests").click();
  const listRequest = await listed;
  const listAborted = page.waitForEvent("requestfailed", (r) => r === listRequest);
  await partner.host.getByTestId("back").click();
  await listAborted;
  await expect(partner.home).toBeVisible();

  // The request's own read (`Loaded`), left behind with its status screen.
  hold = false;
  await partner.host.getByTestId("open-filed-requests").click();
  const item = partner.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`);
  await expect(item).toBeVisible();
  hold = true;
  const opened = read((url) => url.pathname.endsWith(`/support-requests/${id}`));
  await item.click();
  const statusRequest = await opened;
  const statusAborted = page.waitForEvent("requestfailed", (r) => r === statusRequest);
  await partner.host.getByTestId("back").click();
  await statusAborted;
  await expect(partner.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`)).toBeVisible();
});

test("the page opens the inbox by its name, and by the name it had before", async ({ page }) => {
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await partner.setAttribute("locale", "en-US");
  await expect(partner.home).toBeVisible();
  await partner.host.evaluate((el) => el.open("customer-messages"));
  await expect(partner.heading).toHaveText("Customer messages");
  await partner.host.evaluate((el) => el.close());
  await expect(partner.home).toBeVisible();
  // Pages written when the inbox was "customer-requests" still open it.
  await partner.host.evaluate((el) => el.open("customer-requests"));
  await expect(partner.heading).toHaveText("Customer messages");
  // A name it does not know is refused with the current names.
  const refused = await partner.host.evaluate((el) => el.open("inbox").then(() => "opened", (e) => e.message));
  expect(refused).toContain('"customer-messages"');
});
