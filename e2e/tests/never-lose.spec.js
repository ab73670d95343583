// Fault injection against the reference backend: failures, a backend that is
// down or slow, a reload mid-draft or mid-retry, going offline, double
// submits. In each case exactly one request is stored, with every character
// the user typed, and every attempt carried the draft's one Idempotency-Key.
import { expect, test } from "@playwright/test";
import { backend, failWith, routeDemoVariant, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";

const draftKey = `support-widget:v1:draft:${backend}/:partner:partner-center`;

const typed = {
  category: "billing",
  title: "Invoice counts a licence twice",
  description: "The October invoice lists Office 365 E3 for Fabrikam twice.\nSecond line — keep it.",
  name: "Alex Morgan",
  email: "alex.morgan@contoso.com",
};

/** Routes the widget's POSTs to `plan(n, route, post)`; preflights pass. */
async function interceptPosts(page, plan) {
  const posts = [];
  await page.route(`${backend}/support-requests`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const post = { key: request.headers()["idempotency-key"], reached: false };
    posts.push(post);
    await plan(posts.length - 1, route, post);
  });
  return posts;
}

/** Sends the POST on to the backend and records what it answered. */
async function passOn(route, post, { answer = true } = {}) {
  const response = await route.fetch();
  post.reached = true;
  post.status = response.status();
  post.replayed = response.headers()["idempotent-replayed"] === "true";
  post.id = (await response.json()).id;
  if (answer) await route.fulfill({ response });
  else await route.abort("connectionreset");
}

/** Exactly one request: one key for every attempt, every answer naming the
 *  confirmed request, and that request holding what was typed. */
async function expectOneStoredRequest(widget, request, posts) {
  const stored = await widget.storedRequest(request);
  const keys = new Set(posts.map((post) => post.key));
  expect(keys.size).toBe(1);
  expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
  const reached = posts.filter((post) => post.reached);
  expect(reached.length).toBeGreaterThan(0);
  for (const post of reached) expect(post.id).toBe(stored.id);
  expect(stored.request).toMatchObject({
    kind: "partner_center",
    category: typed.category,
    title: typed.title,
    description: typed.description,
    contact: { name: typed.name, email: typed.email },
  });
  return stored;
}

/** Opens the form, fills in what was typed and submits it; the sending
 *  notice is where a wait to send it again shows. */
async function submitTyped(page) {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  return { widget, notice: widget.host.getByTestId("sending-notice") };
}

async function draftStored(page) {
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), draftKey)).not.toBeNull();
}

test("500s then success: retried with the same key, stored once", async ({ page, request }) => {
  // The first wait is 20 s, however slow the machine: its notice is read at
  // leisure, then the test's clock runs on past it.
  await page.clock.install();
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (n === 0) return failWith(route, 500, { "Retry-After": "20" });
    if (n === 1) return failWith(route, 503);
    return passOn(route, post);
  });
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toContainText("Trying again in");
  // It says why: the service answered, with its error (less the isolation
  // marks around the figures).
  const shown = async () => (await notice.locator("p[aria-hidden=true]").textContent()).replace(/[\u2068\u2069]/g, "");
  await expect.poll(shown).toMatch(/^The support service couldn't take the request just now \(error 500\)\. Trying again in \d+ seconds?…/);
  await expect(widget.host.getByTestId("sending-announced")).toHaveText(
    "The support service couldn't take the request just now. Trying again soon… Everything you typed is still here.",
  );
  await expect(widget.submitError).toHaveCount(0);
  // The second wait (no Retry-After: up to 2 s) runs on by itself.
  await page.clock.runFor(21_000);
  await expect(widget.confirmation).toBeVisible({ timeout: 15_000 });
  // The confirmation says it: no other notice does.
  await expect(widget.host.getByTestId("filed-away")).toHaveText("");

  expect(posts).toHaveLength(3);
  expect(posts.filter((post) => post.reached)).toHaveLength(1);
  await expectOneStoredRequest(widget, request, posts);
});

/** Submits the Partner Center request to a backend that answers the first
 *  attempt 503, to be tried again in 3 s, and goes Back to home meanwhile. */
async function submitAndGoBack(page) {
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (n === 0) return failWith(route, 503, { "Retry-After": "3" });
    return passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Trying again in");
  await widget.host.getByTestId("back").click();
  return { widget, posts };
}

test("a request filed by a retry after the user went back says so wherever the user is, with its reference", async ({ page, request }) => {
  const { widget, posts } = await submitAndGoBack(page);
  await expect(widget.home).toBeVisible();
  // While it waits, its way in says so, rather than "Unsent draft".
  const choice = widget.host.getByTestId("open-partner-center-request");
  await expect(choice.getByTestId("waiting-to-send")).toHaveText("Waiting to send…");
  await expect(choice.getByTestId("unsent-draft")).toHaveCount(0);

  const notice = widget.host.getByTestId("filed-away");
  await expect(notice).toBeVisible({ timeout: 15_000 });
  expect(posts).toHaveLength(2);
  expect(posts[1].status).toBe(201);
  const response = await request.get(`${backend}/support-requests/${posts[1].id}`);
  const stored = await response.json();
  expect(stored.request.title).toBe(typed.title);
  await expect(notice).toContainText(`Your request “\u2068${typed.title}\u2069” has now been submitted.`);
  await expect(notice).toContainText(`Its reference is \u2068${stored.reference}\u2069.`);
  // Screen readers hear its words (not its button): they come into a
  // status region.
  await expect(notice.locator("[role=status] p")).toHaveCount(1);
  await expect(notice.locator("[role=status] button")).toHaveCount(0);
  // The home screen shows the filed list, and no unsent draft.
  await expect(widget.host.getByTestId("open-filed-requests")).toBeVisible();
  await expect(choice.getByTestId("unsent-draft")).toHaveCount(0);
  await expect(choice.getByTestId("waiting-to-send")).toHaveCount(0);
  // It follows the language, Hide keeping focus, and stays while the user
  // moves on.
  const hide = notice.getByTestId("hide-filed-away");
  await hide.focus();
  await widget.setAttribute("locale", "zh-CN");
  await expect(notice).toContainText(`请求编号为 \u2068${stored.reference}\u2069`);
  await expect(hide).toBeFocused();
  await widget.host.getByTestId("open-customer-request").click();
  await expect(notice).toBeVisible();
  await hide.click();
  await expect(notice).toHaveText("");
  await expect(notice).toBeHidden();
  await expect(widget.heading).toBeFocused();
});

test("a user back on the form before the retry files it sees the confirmation, and no other notice", async ({ page, request }) => {
  const { widget, posts } = await submitAndGoBack(page);
  await widget.openPartnerCenterRequest();
  await expect(widget.confirmation).toBeVisible({ timeout: 15_000 });
  await expect(widget.host.getByTestId("filed-away")).toHaveText("");
  await expectOneStoredRequest(widget, request, posts);
});

test("an answer lost on the way back: the retry gets the same request", async ({ page, request }) => {
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post, { answer: n > 0 }));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible({ timeout: 15_000 });

  expect(posts).toHaveLength(2);
  expect(posts[1].replayed).toBe(true);
  await expectOneStoredRequest(widget, request, posts);
});

test("backend busy then up: retry now, stop, try again, by keyboard, focus kept in the form", async ({ page, request }) => {
  // Busy for 90 s at a time: no automatic retry comes between the steps.
  // A wait the widget still takes by itself, though told in minutes once
  // stopped: Stop hands over to "Try again", which takes focus.
  await page.clock.install();
  let busy = true;
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (busy) return failWith(route, 503, { "Retry-After": "90" });
    await held;
    return passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submitButton.focus();
  await page.keyboard.press("Enter");
  const notice = widget.host.getByTestId("sending-notice");
  await expect(notice).toBeVisible();
  await expect(widget.submitButton).toBeFocused();
  await expect(widget.submitButton).toHaveText("Waiting to send…");
  // Each of these buttons goes as it is pressed: focus moves to what
  // follows, never to the page.
  // Retry now sends at once; the service is still busy, the next wait
  // begins, and focus comes back to Retry now.
  await notice.getByTestId("retry-now").focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => posts.length).toBe(2);
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId("retry-now")).toBeFocused();
  await notice.getByTestId("stop-retrying").focus();
  await page.keyboard.press("Enter");
  await expect(notice).toHaveCount(0);
  await expect(widget.submitError).toBeVisible();
  await expect(widget.submitError.getByRole("button")).toBeFocused();
  // A wait the widget would have taken itself is not told as one to keep
  // to: the Try again beside it may go at once.
  await expect(widget.submitError.locator("p")).toHaveText(
    /^\u2068?The support service had a problem \(error \u2068?503\u2069?\)\. Try again in a moment\./,
  );
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);

  // Past the wait the service asked for (and the longest backoff): a
  // retry Stop had not ended would have gone by now.
  const stopped = posts.length;
  await page.clock.runFor(130_000);
  await page.waitForTimeout(300);
  expect(posts.length, "Stop ends the retries").toBe(stopped);
  busy = false;
  await page.keyboard.press("Enter");
  await expect.poll(() => posts.length).toBe(stopped + 1);
  await expect(widget.submitButton).toBeFocused();
  await expect(widget.submitButton).toHaveText("Submitting your request…");
  release();
  await expect(widget.confirmation).toBeVisible();
  await expectOneStoredRequest(widget, request, posts);
});

test("an automatic retry goes with the headers the page renewed while it waited", async ({ page, request }) => {
  await page.clock.install();
  const signIns = [];
  const posts = await interceptPosts(page, (n, route, post) => {
    signIns.push(route.request().headers().authorization);
    // Long enough that the retry cannot go before the page renews its
    // sign-in, however slow the machine: it goes when the clock is run on.
    return n === 0 ? failWith(route, 503, { "Retry-After": "20" }) : passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer first" }));
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toBeVisible();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer renewed" }));
  await page.clock.runFor(21_000);
  await expect(widget.confirmation).toBeVisible();
  expect(signIns).toEqual(["Bearer first", "Bearer renewed"]);
  await expectOneStoredRequest(widget, request, posts);
});

test("text typed while a request waits to be sent again stops the wait, and goes with the next send", async ({ page, request }) => {
  await page.clock.install();
  let down = true;
  const posts = await interceptPosts(page, (n, route, post) => (down ? failWith(route, 503, { "Retry-After": "20" }) : passOn(route, post)));
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toBeVisible();
  // The user adds a line while the widget waits to try again.
  const description = widget.host.locator("#sw-description");
  await description.press("End");
  await description.pressSequentially(" Added while waiting.");
  await expect(notice).toHaveCount(0);
  await expect(widget.submitError).toBeVisible();
  await expect(description).toBeFocused();
  const stopped = posts.length;
  down = false;
  // Past the 20 s the service asked for: a wait typing had not ended would
  // have sent the request by now.
  await page.clock.runFor(130_000);
  await page.waitForTimeout(300);
  expect(posts.length, "nothing goes by itself").toBe(stopped);
  await widget.submitError.getByRole("button").click();
  const stored = await widget.storedRequest(request);
  expect(stored.request.description).toBe(`${typed.description} Added while waiting.`);
  expect(new Set(posts.map((post) => post.key)).size).toBe(1);
});

test("backend down: an automatic retry moves focus from the notice to Submit, not to the page", async ({ page }) => {
  const posts = await interceptPosts(page, (n, route) => route.abort("connectionrefused"));
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toBeVisible();
  // No answer came: the notice says the service couldn't be reached.
  await expect(notice.locator("p[aria-hidden=true]")).toContainText("The support service couldn't be reached. Trying again in");
  await expect(widget.host.getByTestId("sending-announced")).toHaveText(
    "The support service couldn't be reached. Trying again soon… Everything you typed is still here.",
  );
  await notice.getByTestId("stop-retrying").focus();
  const sent = posts.length;
  // The notice goes while the next attempt is on its way (within 2 s), and
  // comes back when it fails.
  await expect.poll(() => posts.length, { timeout: 10_000 }).toBeGreaterThan(sent);
  await expect(notice).toBeVisible();
  // Focus is still in the form: on Submit when the notice went, or still on
  // Stop when it was back before the page was drawn again.
  const focused = () =>
    page.evaluate(() => document.querySelector("support-widget").shadowRoot.activeElement?.dataset.testid ?? "page");
  await expect.poll(focused).toMatch(/^(submit|stop-retrying)$/);
  await page.waitForTimeout(300);
  expect(await focused()).toMatch(/^(submit|stop-retrying)$/);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  // Stopped, it names both things that may be wrong: the connection, or
  // the service (the browser is online).
  await expect(notice).toBeVisible();
  await notice.getByTestId("stop-retrying").click();
  await expect(widget.submitError).toContainText(
    "We couldn't reach the support service. Check your connection, or try again in a moment: the service may be briefly unavailable.",
  );
});

test("focus on Stop comes back to Stop when the next wait begins, unless the user moved on", async ({ page }) => {
  // Every attempt after the first is held until the test lets it fail.
  const holds = [];
  await interceptPosts(page, async (n, route) => {
    if (n > 0) await new Promise((resolve) => holds.push(resolve));
    return failWith(route, 503, { "Retry-After": "3" });
  });
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toBeVisible();
  await notice.getByTestId("stop-retrying").focus();
  const focused = () =>
    page.evaluate(() => {
      const active = document.querySelector("support-widget").shadowRoot.activeElement;
      return active ? active.dataset.testid || active.id : "page";
    });
  // While the next attempt is on its way, Submit holds focus...
  await expect.poll(() => holds.length, { timeout: 10_000 }).toBe(1);
  await expect.poll(focused).toBe("submit");
  // ...and gives it back to Stop when the attempt fails and the next wait
  // begins: Submit, "Waiting to send…", would do nothing.
  holds[0]();
  await expect(notice).toBeVisible();
  await expect.poll(focused).toBe("stop-retrying");
  // The user moves on while the next attempt is on its way: focus stays.
  await expect.poll(() => holds.length, { timeout: 10_000 }).toBe(2);
  await expect.poll(focused).toBe("submit");
  await widget.host.locator("#sw-description").focus();
  holds[1]();
  await expect(notice).toBeVisible();
  await page.waitForTimeout(300);
  expect(await focused()).toBe("sw-description");
  await notice.getByTestId("stop-retrying").click();
  await expect(widget.submitError).toBeVisible();
});

test("a slow backend shows progress, and double clicks and repeated Enter send once", async ({ page, request }) => {
  const posts = await interceptPosts(page, async (n, route, post) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  // Several submits in one task, before the page can even repaint.
  await widget.form.evaluate((form) => {
    form.requestSubmit();
    form.requestSubmit();
    form.requestSubmit();
  });
  await widget.host.locator("#sw-title").press("Enter");
  await widget.submitButton.dblclick({ force: true });
  await expect(widget.submitButton).toHaveAttribute("aria-busy", "true");
  await expect(widget.submitButton).toHaveText("Submitting your request…");
  await expect(widget.confirmation).toBeVisible();

  expect(posts).toHaveLength(1);
  await expectOneStoredRequest(widget, request, posts);
});

test("reload mid-draft: the text comes back, and a submission clears it", async ({ page, request }) => {
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await draftStored(page);

  await page.reload();
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await expect(widget.host.locator("#sw-category-billing")).toBeChecked();
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await expectOneStoredRequest(widget, request, posts);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), draftKey)).toBeNull();

  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
});

test("reload mid-draft after picking another language: the contact language the form showed comes back, and is sent", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.host.getByTestId("language-picker").selectOption("es-ES");
  await widget.openPartnerCenterRequest();
  const language = widget.host.locator("#sw-contact-language");
  // Not picked: it follows the widget's language.
  await expect(language).toHaveValue("es-ES");
  await widget.fill(typed);
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain('"contact_language":"es-ES"');
  // A change of the widget's language alone writes nothing.
  const draft = await widget.draft("partner", "partner-center");
  await widget.host.getByTestId("language-picker").selectOption("zh-TW");
  await expect(language).toHaveValue("zh-TW");
  await page.waitForTimeout(1000);
  expect(await widget.draft("partner", "partner-center")).toBe(draft);
  await widget.host.getByTestId("language-picker").selectOption("es-ES");
  // Typed, then the language switched before the pause's write: the draft
  // has the language shown when it is written.
  await widget.host.locator("#sw-title").press("End");
  await widget.host.locator("#sw-title").pressSequentially("!");
  await widget.host.getByTestId("language-picker").selectOption("zh-TW");
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain("!");
  expect(await widget.draft("partner", "partner-center")).toContain('"contact_language":"zh-TW"');

  // The page's language again after the reload; the form's as it was, and
  // kept as if picked.
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
  await expect(widget.heading).toHaveText("New Partner Center request");
  await expect(language).toHaveValue("zh-TW");
  await widget.host.getByTestId("language-picker").selectOption("zh-CN");
  await expect(language).toHaveValue("zh-TW");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const stored = await widget.storedRequest(request);
  expect(stored.request.contact.language).toBe("zh-TW");
});

test("a page that sets the backend after the widget started gets the draft of an earlier visit back, not written over", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await draftStored(page);
  const demoBackend = await widget.host.getAttribute("backend");

  // The same portal, whose script sets the backend once it knows it.
  await routeDemoVariant(page, "/late-backend.html", (demo) => demo.replace(/ backend="[^"]*"/, ""));
  await page.goto("/late-backend.html");
  await expect(widget.host.getByTestId("config-error")).toBeVisible();
  await widget.setAttribute("backend", demoBackend);
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await widget.host.locator("#sw-title").fill(`${typed.title}, and more`);
  // What is stored is the draft read back, with the new words.
  const stored = () => page.evaluate((key) => localStorage.getItem(key), draftKey);
  await expect.poll(stored).toContain(`${typed.title}, and more`);
  expect(await stored()).toContain("The October invoice lists Office 365 E3");
});

test("a request sent from one widget leaves another widget's newer draft of the same form alone", async ({ page, request }) => {
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post));
  const first = new SupportWidgetPage(page);
  await first.open();
  await first.fill(typed);
  await draftStored(page);
  // A second widget of the same backend and audience (or the same form in
  // another tab) opens with the first one's draft, and goes on with it.
  await page.evaluate((backendUrl) => {
    const second = document.createElement("support-widget");
    second.setAttribute("backend", backendUrl);
    document.querySelector("main").append(second);
  }, backend);
  const second = new SupportWidgetPage(page, page.locator("support-widget").nth(1));
  await expect(second.home).toBeVisible();
  await second.openPartnerCenterRequest();
  await expect(second.host.locator("#sw-title")).toHaveValue(typed.title);
  const othersTitle = "Second tab: the partner's own draft";
  await second.host.locator("#sw-title").fill(othersTitle);
  const storedTitle = () =>
    page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.draft.fields.title ?? null, draftKey);
  await expect.poll(storedTitle).toBe(othersTitle);

  await first.submit();
  await expect(first.confirmation).toBeVisible();
  await expectOneStoredRequest(first, request, posts);
  await page.waitForTimeout(800);
  expect(await storedTitle()).toBe(othersTitle);

  await page.reload();
  await first.openPartnerCenterRequest();
  await expect(first.host.getByTestId("draft-restored")).toBeVisible();
  await expect(first.host.locator("#sw-title")).toHaveValue(othersTitle);
});

test("reload while retrying: the draft's key still files the request once", async ({ page, request }) => {
  // Every answer before the reload is lost, however soon the widget retries.
  let reloaded = false;
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post, { answer: reloaded }));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await draftStored(page);
  await widget.submit();
  await expect.poll(() => posts.filter((post) => post.reached).length).toBeGreaterThanOrEqual(1);

  reloaded = true;
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("draft-restored")).toBeVisible();
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(posts.every((post) => post.id === posts[0].id)).toBe(true);
  expect(posts.at(-1).replayed).toBe(true);
  await expectOneStoredRequest(widget, request, posts);
});

test("a restored draft cannot be discarded while its request is on its way", async ({ page }) => {
  await interceptPosts(page, (n, route) => failWith(route, 503, { "Retry-After": "20" }));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await draftStored(page);
  await page.reload();
  await widget.openPartnerCenterRequest();
  const discard = widget.host.getByTestId("discard-draft");
  await expect(discard).toBeVisible();
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toBeVisible();
  await expect(discard).toBeHidden();
  await widget.host.getByTestId("stop-retrying").click();
  await expect(discard).toBeVisible();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
});

test("discard draft empties the form and the storage", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill("Half a thought");
  await draftStored(page);
  await page.reload();
  await widget.openPartnerCenterRequest();
  await widget.host.getByTestId("discard-draft").click();
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  // The notice went with its button: focus moves to Undo, in its place.
  await expect(widget.host.getByTestId("draft-discarded")).toHaveText(/The draft was discarded\./);
  await expect(widget.host.getByTestId("undo-discard")).toBeFocused();
  await expect(widget.host.getByTestId("draft-restored")).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), draftKey)).toBeNull();
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.getByTestId("undo-discard")).toHaveCount(0);
});

test("home marks the Partner Center choice while its form holds an unsent request", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const choice = widget.host.getByTestId("open-partner-center-request");
  await widget.host.locator("#sw-title").fill(typed.title);
  await widget.host.getByTestId("back").click();
  await expect(choice.getByTestId("unsent-draft")).toHaveText("Unsent draft");
  // Its name says so to screen readers too.
  await expect(choice).toHaveAccessibleName(/Unsent draft$/);
  await draftStored(page);
  await page.reload();
  await expect(choice.getByTestId("unsent-draft")).toBeVisible();
  await expect(widget.host.getByTestId("open-customer-request").getByTestId("unsent-draft")).toHaveCount(0);

  await choice.click();
  await widget.fill(typed);
  await widget.submit();
  await widget.storedRequest(request);
  await widget.goto();
  await expect(choice).toBeVisible();
  await expect(choice.getByTestId("unsent-draft")).toHaveCount(0);
});

test("a discarded draft comes back with Undo, until something new is typed", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-TW");
  await widget.fill(typed);
  await draftStored(page);
  await page.reload();
  await widget.setAttribute("locale", "zh-TW");
  await widget.openPartnerCenterRequest();
  await widget.host.getByTestId("discard-draft").click();
  await expect(widget.host.locator("#sw-description")).toHaveValue("");
  await expect(widget.host.getByTestId("undo-discard")).toHaveText("復原");
  await expect(widget.host.getByTestId("undo-discard")).toBeFocused();
  await page.keyboard.press("Enter");
  // Every field back, the notice gone, and the draft stored again.
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue(typed.email);
  await expect(widget.host.locator("#sw-category-billing")).toBeChecked();
  await expect(widget.host.getByTestId("draft-discarded")).toHaveCount(0);
  await expect(widget.heading).toBeFocused();
  await draftStored(page);
  expect(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), draftKey)).draft.fields.title).toBe(typed.title);

  // Discarded, then typed over: Undo would overwrite the new text, so it goes.
  await page.reload();
  await widget.setAttribute("locale", "zh-TW");
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
  await widget.host.getByTestId("discard-draft").click();
  await widget.host.locator("#sw-title").fill("Something else");
  await expect(widget.host.getByTestId("undo-discard")).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue("Something else");
});

test("focus on Retry now moves to Stop when the wait turns into one for the connection", async ({ page, context }) => {
  await page.clock.install();
  await interceptPosts(page, (n, route) => failWith(route, 503, { "Retry-After": "20" }));
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toContainText("Trying again in");
  await notice.getByTestId("retry-now").focus();
  // The connection goes during the wait: when it ends, the request waits
  // for the connection instead, and has no Retry now.
  await context.setOffline(true);
  await page.clock.runFor(21_000);
  await expect(notice).toContainText("You're offline");
  await expect(notice.getByTestId("retry-now")).toBeHidden();
  await expect(notice.getByTestId("stop-retrying")).toBeFocused();
  await context.setOffline(false);
});

test("focus on Retry now moves to Stop when the connection goes while its attempt is on its way", async ({ page, context }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const posts = await interceptPosts(page, async (n, route) => {
    if (n === 0) return failWith(route, 503, { "Retry-After": "20" });
    await held;
    return route.abort("internetdisconnected");
  });
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toContainText("Trying again in");
  await notice.getByTestId("retry-now").focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => posts.length).toBe(2);
  await context.setOffline(true);
  release();
  // The attempt found no connection: the request waits for it, and focus
  // goes back to the notice, to the button that is there.
  await expect(notice).toContainText("You're offline");
  await expect(notice.getByTestId("stop-retrying")).toBeFocused();
  await context.setOffline(false);
});

test("the page closing the form while focus is in the retry notice breaks nothing", async ({ page }) => {
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await interceptPosts(page, (n, route) => failWith(route, 503, { "Retry-After": "20" }));
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toBeVisible();
  await notice.getByTestId("stop-retrying").focus();
  // Inline, close() is back to the start screen: the notice goes with its
  // focused button.
  await page.evaluate(() => document.querySelector("support-widget").close());
  await expect(widget.host.getByTestId("open-partner-center-request")).toBeVisible();
  await widget.host.getByTestId("open-partner-center-request").click();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
  expect(failures).toEqual([]);
});

test("offline then online: held while offline, sent once when back", async ({ page, context, request }) => {
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await context.setOffline(true);
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("You're offline");
  await expect(widget.submitButton).toHaveText("Waiting to send…");
  await page.waitForTimeout(1000);
  expect(posts).toHaveLength(0);

  await context.setOffline(false);
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toHaveLength(1);
  await expectOneStoredRequest(widget, request, posts);
});

test("without localStorage the widget says drafts are off and still files", async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const posts = await interceptPosts(page, (n, route, post) => passOn(route, post));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await expect(widget.host.getByTestId("drafts-off")).toContainText("Drafts are off");
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await expectOneStoredRequest(widget, request, posts);
});

test("a full localStorage turns drafts off without losing the text", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await expect(widget.host.getByTestId("drafts-off")).toHaveCount(0);
  await widget.host.locator("#sw-title").fill(typed.title);
  await expect(widget.host.getByTestId("drafts-off")).toBeVisible();
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);
});

test("the countdown is shown every second but announced once, without its figure", async ({ page }) => {
  await interceptPosts(page, (n, route) => failWith(route, 503, { "retry-after": "5" }));
  const { widget, notice } = await submitTyped(page);
  const live = widget.host.getByTestId("sending-announced");
  await expect(live).toContainText("Trying again soon");
  const announced = await live.textContent();
  // No figure that the countdown would leave behind for whoever reads it later.
  expect(announced).not.toMatch(/\d/);
  const shown = await notice.locator("p[aria-hidden=true]").textContent();
  expect(shown).toMatch(/\d/);
  await expect(notice.locator("p[aria-hidden=true]")).not.toHaveText(shown, { timeout: 3_000 });
  expect(await live.textContent()).toBe(announced);
  await notice.getByTestId("stop-retrying").click();
});

test("a wait tried again and again is announced once, not at each attempt", async ({ page, request }) => {
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (n < 3) return failWith(route, 503, { "Retry-After": "1" });
    return passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  // Each time the wait's words come into a status region (a live region,
  // read out when its text changes or it is drawn with text).
  await widget.host.evaluate((host) => {
    window.__announced = 0;
    let said = false;
    new MutationObserver(() => {
      const saying = [...host.shadowRoot.querySelectorAll("[role=status]")].some((region) => region.textContent.includes("Trying again soon"));
      if (saying && !said) window.__announced++;
      said = saying;
    }).observe(host.shadowRoot, { childList: true, characterData: true, subtree: true });
  });
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible({ timeout: 15_000 });
  expect(posts).toHaveLength(4);
  expect(await page.evaluate(() => window.__announced)).toBe(1);
  await expectOneStoredRequest(widget, request, posts);
});

test("a service that asks for a long wait says how long, sends no more, and keeps what was typed", async ({ page }) => {
  const posts = await interceptPosts(page, (n, route) =>
    failWith(route, [429, 503, 500, 503][n], { "Retry-After": ["900", String(3 * 3600), String(3 * 86400), "4294967295"][n] }),
  );
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  // Longer than the widget waits by itself: no countdown, and the user is
  // told the wait the service asked for.
  // (Less the isolation marks around the figures.)
  const shown = async () => (await widget.submitError.textContent()).replace(/[\u2068\u2069]/g, "");
  await expect.poll(shown).toContain("asked us to wait 15 minutes before sending again (error 429)");
  await expect(widget.host.getByTestId("sending-notice")).toHaveCount(0);
  // No "Try again" that would go against the wait: Submit stays for later.
  await expect(widget.submitError.getByRole("button")).toHaveCount(0);
  await page.waitForTimeout(1_500);
  expect(posts).toHaveLength(1);
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);

  await widget.setAttribute("locale", "es-ES");
  await widget.submit();
  await expect.poll(shown).toContain("ha pedido esperar 3 horas antes de volver a enviar (error 503)");
  expect(posts).toHaveLength(2);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);

  // Any status may ask for a wait; a long one is told in days.
  await widget.setAttribute("locale", "zh-CN");
  await widget.submit();
  await expect.poll(shown).toContain("支持服务要求等待 3 天后再发送（错误代码：500）");
  expect(posts).toHaveLength(3);
  await expect(widget.host.locator("#sw-title")).toHaveValue(typed.title);

  // More than a month is told as that, not as "49,711 days".
  await widget.setAttribute("locale", "zh-TW");
  await widget.submit();
  await expect.poll(shown).toContain("支援服務表示需等待一個多月後才能再傳送（錯誤代碼：503）");
  expect(await shown()).not.toMatch(/\d天/);
  expect(posts).toHaveLength(4);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
});

test("a filed answer without a reference: the form says it may be filed, keeps the text, and Try again confirms the same request", async ({ page, request }) => {
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (n > 0) return passOn(route, post);
    // Filed by the backend, then answered without the reference.
    const response = await route.fetch();
    const created = await response.json();
    Object.assign(post, { reached: true, id: created.id });
    await route.fulfill({ response, body: JSON.stringify({ ...created, reference: "" }) });
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.submitError).toContainText("its answer couldn't be read");
  await expect(widget.submitError).toContainText("as long as nothing is changed it won't be filed twice");
  await expect(widget.confirmation).toHaveCount(0);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await draftStored(page);

  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toHaveLength(2);
  const stored = await expectOneStoredRequest(widget, request, posts);
  await expect(widget.confirmation).toContainText(stored.reference);
});

test("an answer that is slow to come says so, and the request still goes once", async ({ page, request }) => {
  await page.clock.install();
  let answer;
  const held = new Promise((resolve) => (answer = resolve));
  const posts = await interceptPosts(page, async (n, route, post) => {
    await held;
    await passOn(route, post);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.fill(typed);
  await widget.submit();
  await expect.poll(() => posts.length).toBe(1);
  const slow = widget.host.getByTestId("slow-answer");
  await expect(slow).toHaveAttribute("role", "status");
  await page.clock.runFor(7_000);
  await expect(slow).toBeEmpty();
  await page.clock.runFor(1_500);
  await expect(slow).toHaveText(/taking longer than usual to answer.*still on its way/);
  await expect(widget.submitButton).toHaveAttribute("aria-busy", "true");
  answer();
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toHaveLength(1);
  await expectOneStoredRequest(widget, request, posts);
});

test("leaving the page right after typing keeps the last keystrokes", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.host.locator("#sw-title").fill("Typed just before leaving");
  // No pause for the draft to be written: the page goes at once.
  await page.goto("/");
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue("Typed just before leaving");
});

/** Opens the form on a page that signs in with its own headers (no token
 *  provider: identity-session.spec.js has a provider's), with an
 *  Authorization the backend refuses until the page renews it to
 *  `Bearer renewed`; the page's error events gather in `window.__errors`. */
async function signedInByHeaders(page) {
  await withoutTokenProvider(page);
  const signIns = [];
  const posts = await interceptPosts(page, (n, route, post) => {
    const authorization = route.request().headers().authorization;
    signIns.push(authorization);
    return authorization === "Bearer renewed" ? passOn(route, post) : failWith(route, 401);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => window.__errors.push(event.detail));
  });
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer expired" }));
  const heard = () => page.evaluate(() => window.__errors);
  return { widget, posts, signIns, heard, notice: widget.host.getByTestId("sending-notice") };
}

test("a submit refused with headers the page has replaced meanwhile goes again with the new ones, and no session ends", async ({ page, request }) => {
  await withoutTokenProvider(page);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let firstArrived;
  const first = new Promise((resolve) => (firstArrived = resolve));
  const signIns = [];
  const posts = await interceptPosts(page, async (n, route, post) => {
    const authorization = route.request().headers().authorization;
    signIns.push(authorization);
    if (authorization === "Bearer renewed") return passOn(route, post);
    firstArrived();
    await released;
    return failWith(route, 401);
  });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => window.__errors.push(event.detail.code));
  });
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer expiring" }));
  await widget.fill(typed);
  await widget.submit();
  // While the request is on its way, the page renews its sign-in, as a
  // portal that refreshes its tokens ahead of time does; then the backend
  // refuses the old one.
  await first;
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer renewed" }));
  release();
  await expect(widget.confirmation).toBeVisible();
  expect(signIns).toEqual(["Bearer expiring", "Bearer renewed"]);
  expect(await page.evaluate(() => window.__errors)).toEqual([]);
  await expectOneStoredRequest(widget, request, posts);
});

test("a refused sign-in (401) says the session ended, keeps what was typed, and goes once the page renews its headers", async ({ page, request }) => {
  const { widget, posts, signIns, heard, notice } = await signedInByHeaders(page);
  await widget.fill(typed);
  await widget.submit();
  await expect(notice).toContainText("Your session has ended: sign in again, then send.");
  // The page hears why, to sign the user in again; not yet a failure.
  await expect.poll(heard).toEqual([expect.objectContaining({ code: "session_ended" })]);
  await expect(widget.submitError).toHaveCount(0);
  await expect(widget.confirmation).toHaveCount(0);
  expect(posts).toHaveLength(1);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await draftStored(page);

  // The page sets the same headers again, as one that sets them on every
  // route change does: no new sign-in, so nothing goes (and the backend is
  // not told the same refused sign-in again).
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer expired" }));
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
  await expect(notice).toContainText("Your session has ended: sign in again, then send.");

  // The page signs the user in again with fresh headers: the waiting
  // request goes with them, once, under the same key.
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer renewed" }));
  await expect(widget.confirmation).toBeVisible();
  await expect(notice).toHaveCount(0);
  expect(signIns).toEqual(["Bearer expired", "Bearer renewed"]);
  expect(posts).toHaveLength(2);
  expect(posts.filter((post) => post.reached)).toHaveLength(1);
  await expectOneStoredRequest(widget, request, posts);
  expect(await heard()).toEqual([expect.objectContaining({ code: "session_ended" })]);
});

test("stopping the wait after a refused sign-in (401) says the sign-in was refused, keeps what was typed, and the page hears its status", async ({ page, request }) => {
  const { widget, posts, heard, notice } = await signedInByHeaders(page);
  await widget.fill(typed);
  await widget.submit();
  await expect(notice).toContainText("Your session has ended: sign in again, then send.");
  await notice.getByTestId("stop-retrying").click();
  await expect(notice).toHaveCount(0);
  await expect(widget.submitError).toContainText("didn't accept your sign-in");
  expect(await heard()).toEqual([
    expect.objectContaining({ code: "session_ended" }),
    expect.objectContaining({ code: "server", status: 401 }),
  ]);
  expect(posts).toHaveLength(1);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);

  // Signed in again, the form no longer says the sign-in was refused, and
  // focus on its "Try again" goes to Submit, which files it, once.
  await widget.submitError.getByRole("button").focus();
  await widget.host.evaluate((el) => el.setRequestHeaders({ Authorization: "Bearer renewed" }));
  await expect(widget.submitError).toHaveCount(0);
  await expect(widget.submitButton).toBeFocused();
  await widget.submitButton.click();
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toHaveLength(2);
  await expectOneStoredRequest(widget, request, posts);
});

test("a backend address with no support service (404) says so for the site's administrator, keeps what was typed, and tells the console", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const logged = [];
  page.on("console", (message) => message.type() === "error" && logged.push(message.text()));
  // A wrong path on the portal's server: its own "not found" page.
  const posts = await interceptPosts(page, (n, route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>", headers: { "Access-Control-Allow-Origin": "*" } }),
  );
  const heard = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("support-widget:error", (e) => resolve(e.detail), { once: true })),
  );
  await widget.fill(typed);
  await widget.submit();
  await expect(widget.submitError.locator("p")).toHaveText(
    /^\u2068?The support service wasn't found at this page's address for support requests \(error \u2068?404\u2069?\), so the request can't be sent from here\. Please let the site's administrator know\./,
  );
  expect(await heard).toMatchObject({ code: "server", status: 404 });
  // Not retried: trying again would not mend the address.
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
  expect(logged.some((text) => text.includes("answered 404") && text.includes("check the backend attribute"))).toBe(true);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await widget.setAttribute("locale", "es-ES");
  await expect(widget.submitError.locator("p")).toContainText("No se ha encontrado el servicio de soporte en la dirección que esta página indica");
});

test("an attempt that reached the backend, then changes: the form says so, and sending again files the request as it is now", async ({ page, request }) => {
  // The first POST is stored but its answer lost; the backend is then
  // busy, so the user stops the retries and changes the description.
  const posts = await interceptPosts(page, async (n, route, post) => {
    if (n === 0) return passOn(route, post, { answer: false });
    if (n === 1) return failWith(route, 503, { "Retry-After": "20" });
    return passOn(route, post);
  });
  const { widget, notice } = await submitTyped(page);
  await expect(notice).toBeVisible();
  await expect.poll(() => posts.length).toBe(2);
  await notice.getByTestId("stop-retrying").click();
  const changed = `${typed.description}\nOne more line.`;
  await widget.host.locator("#sw-description").fill(changed);

  // The same key with other words: refused, and said so.
  await widget.submit();
  await expect.poll(() => posts.length).toBe(3);
  await expect(widget.errorSummary).toContainText("An earlier attempt to send this request");
  await expect(widget.host.locator("#sw-description")).toHaveValue(changed);
  expect(posts[2].status).toBe(422);

  // Sending again files it as it is now, under a new key.
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(posts).toHaveLength(4);
  expect(posts[3].key).not.toBe(posts[0].key);
  const stored = await widget.storedRequest(request);
  expect(stored.id).toBe(posts[3].id);
  expect(stored.request.description).toBe(changed);
});
