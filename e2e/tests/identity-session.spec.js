// A token that expires while a form is being typed: the backend refuses it
// (401), the widget asks the page's token provider once more and sends the
// same request again. A fresh token files it once; none keeps the draft and
// tells the user to sign in again, and the request goes once they have.
import { expect, test } from "@playwright/test";
import { failWith, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";
import { authBackend, authDemo, claimsOf, demoToken, expiredToken, failNextInboxPage, filePageAndOneMore, fileWith, signToken } from "./identity-tokens.js";

const typed = { category: "technical", description: "Typed for long enough for the sign-in to expire." };

const isTokenRequest = (url) => url.pathname === "/demo-token";

/**
 * Answers the demo page's own token requests (demo/sign-in.js asks
 * demo-token) from `answers` in turn: a function of a fresh token gives the
 * token to hand out, or null for none (the portal's session is over). Past
 * the list, the last answer again. Returns the tokens handed out so far.
 */
async function answerTokens(page, request, answers) {
  const given = [];
  await page.route(isTokenRequest, async (route) => {
    const token = await answers[Math.min(given.length, answers.length - 1)](await demoToken(request, "partner"));
    given.push(token);
    // Unrouted while the token was being made (a test signing in for
    // itself), the request has gone on to the demo's own answer already.
    await (token ? route.fulfill({ json: { token } }) : route.fulfill({ status: 204 })).catch(() => {});
  });
  return given;
}

/**
 * Answers what the widget asks with the first token as it starts, here and
 * without the backend: home's count of open customer messages and the
 * unread count, and the live stream, which cannot be reached. The first
 * token then expires while the form is typed, as in life, rather than on
 * one of those, which would have asked for the fresh one already.
 */
async function answerBeforeTheForm(page) {
  const json = (body) => (route) =>
    route.fulfill({
      status: route.request().method() === "OPTIONS" ? 204 : 200,
      contentType: "application/json",
      headers: {
        "Access-Control-Allow-Origin": authDemo,
        "Access-Control-Allow-Headers": "authorization, accept",
      },
      body: JSON.stringify(body),
    });
  await page.route((url) => url.searchParams.get("kind") === "customer_self_service", json({ requests: [] }));
  await page.route((url) => url.pathname === "/unread", json({ count: 0, requests: [] }));
  await page.route((url) => url.pathname === "/events", (route) => route.abort("connectionrefused"));
}

/** Mei Lin's token, from the demo, and Bo Chen's: another user of the
 *  same partner, signed with the demo's secret. */
async function twoPartners(request) {
  const mei = await demoToken(request, "partner");
  const bo = signToken({ ...claimsOf(mei), sub: `bo-${Date.now()}`, name: "Bo Chen", email: "bo.chen@example.com" });
  return { mei, bo };
}

/** The portal signs in the user of `token`: a new provider, without a reload. */
const signIn = (widget, token) => widget.host.evaluate((element, token) => element.setTokenProvider(() => token), token);

/** The portal signs the user in again: a new provider that asks the demo
 *  for the partner's token, without a reload. */
const signInFromTheDemo = (widget) =>
  widget.host.evaluate((element) =>
    element.setTokenProvider(() => fetch("demo-token?as=partner").then((r) => r.json()).then((body) => body.token)),
  );

/** A partner's path part-way to a request: from home to the services of
 *  Núñez y Asociados S.L. */
async function toServiceChoice(widget) {
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("asociados");
  await widget.host.getByRole("option", { name: "Núñez y Asociados S.L." }).click();
  await expect(widget.host.getByTestId("service-choice")).toBeVisible();
}

/** The POSTs of requests, with their answers' status. */
function recordPosts(page) {
  const posts = [];
  page.on("requestfinished", async (r) => {
    if (r.method() !== "POST" || !r.url().endsWith("/support-requests")) return;
    posts.push({ key: r.headers()["idempotency-key"], token: r.headers().authorization, status: (await r.response())?.status() });
  });
  return posts;
}

/** The requests the partner filed with `title`, as the backend has them. */
async function filedWith(request, title) {
  const response = await request.get(`${authBackend}/support-requests?filed_by=me&limit=50`, {
    headers: { authorization: `Bearer ${await demoToken(request, "partner")}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).requests.filter((stored) => stored.request.title === title);
}

test("a fresh token from the provider sends the refused request again, once", async ({ page, request }) => {
  await answerBeforeTheForm(page);
  const given = await answerTokens(page, request, [expiredToken, (fresh) => fresh]);
  const posts = recordPosts(page);
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  // The form shows whom the (expired) token names; nothing asked the
  // backend yet.
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  expect(given).toHaveLength(1);

  const title = `Expired while typing ${Date.now()}`;
  await widget.fill({ ...typed, title });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  // Refused once, then the same request (the same key) with the fresh token.
  await expect.poll(() => posts.length).toBe(2);
  // Recorded as each answer finishes, which may come after the screen.
  await expect.poll(() => posts.map((post) => post.status)).toEqual([401, 201]);
  expect(posts[1].key).toBe(posts[0].key);
  expect(posts[0].token).toBe(`Bearer ${given[0]}`);
  expect(posts[1].token).toBe(`Bearer ${given[1]}`);
  expect(given).toHaveLength(2);
  await expect(widget.host.getByTestId("sending-notice")).toHaveCount(0);

  const filed = await filedWith(request, title);
  expect(filed).toHaveLength(1);
  expect(filed[0].id).toBe(await widget.confirmation.getAttribute("data-request-id"));
  expect(filed[0].request.contact).toMatchObject({ name: "Mei Lin", email: "mei.lin@contosocloud.cn" });
});

test("no fresh token keeps the draft and says so; the request goes once the page signs the user in again", async ({ page, request }) => {
  await answerBeforeTheForm(page);
  const given = await answerTokens(page, request, [expiredToken, () => null]);
  const posts = recordPosts(page);
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");

  const title = `Session ended while typing ${Date.now()}`;
  await widget.fill({ ...typed, title });
  await widget.submit();
  const notice = widget.host.getByTestId("sending-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Your session has ended: sign in again, then send.");
  expect(given).toHaveLength(2);
  await expect.poll(() => posts.map((post) => post.status)).toEqual([401]);
  await expect(widget.confirmation).toHaveCount(0);
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain(title);

  // In another language, the same words in that language.
  await widget.setAttribute("locale", "es-ES");
  await expect(notice).toContainText("Su sesión ha finalizado: inicie sesión de nuevo");
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await widget.setAttribute("locale", "en-US");

  // The portal signs the user in again and hands the widget a new provider:
  // the waiting request goes, once.
  await page.unroute(isTokenRequest);
  await signInFromTheDemo(widget);
  await expect(widget.confirmation).toBeVisible();
  await expect.poll(() => posts.map((post) => post.status)).toEqual([401, 201]);
  expect(posts[1].key).toBe(posts[0].key);
  const filed = await filedWith(request, title);
  expect(filed).toHaveLength(1);
  expect(filed[0].id).toBe(await widget.confirmation.getAttribute("data-request-id"));
});

test("a page that gives no sign-in to a backend that asks for one is told so in the console, and the request waits for one", async ({ page }) => {
  await withoutTokenProvider(page);
  const warned = [];
  page.on("console", (message) => message.type() === "warning" && warned.push(message.text()));
  await page.addInitScript(() => {
    window.__heard = [];
    document.addEventListener("support-widget:error", (event) => window.__heard.push(event.detail));
  });
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.fill({ ...typed, title: "Sent with no sign-in", name: "Mei Lin", email: "mei.lin@contosocloud.cn" });
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Your session has ended");
  const said = "the support service asks for a sign-in, and the page gave none: give the widget the user's token with setTokenProvider";
  const heard = await page.evaluate(() => window.__heard);
  expect(heard.filter((detail) => detail.code === "session_ended")).toEqual([expect.objectContaining({ message: said })]);
  expect(warned).toContain(`<support-widget>: ${said}`);
  await expect(widget.host.locator("#sw-title")).toHaveValue("Sent with no sign-in");
});

test("a page whose headers carry no Authorization gave no sign-in, whatever else it set, and is told so", async ({ page }) => {
  await withoutTokenProvider(page);
  // The demo's backend allows no header of the page's own (its operator
  // names none with --allowed-header): its preflight is answered here as
  // one that allows X-Portal-Tenant does, and its answers are its own.
  await page.route(
    (url) => url.origin === authBackend,
    async (route) => {
      const cors = { "access-control-allow-origin": authDemo, "access-control-expose-headers": "Retry-After" };
      if (route.request().method() === "OPTIONS") {
        return route.fulfill({
          status: 204,
          headers: { ...cors, "access-control-allow-headers": "x-portal-tenant, idempotency-key, content-type, accept", "access-control-allow-methods": "GET, POST" },
        });
      }
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    },
  );
  const warned = [];
  page.on("console", (message) => message.type() === "warning" && warned.push(message.text()));
  // The page's tenant goes with every request, from the first: the page
  // sets it as it loads.
  await page.addInitScript(() => {
    window.__heard = [];
    document.addEventListener("support-widget:error", (event) => window.__heard.push(event.detail));
    addEventListener("DOMContentLoaded", async () => {
      await customElements.whenDefined("support-widget");
      window.__tenantSet = document.querySelector("support-widget").setRequestHeaders({ "X-Portal-Tenant": "contoso" }).then(() => "set", (e) => e.message);
    });
  });
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  expect(await page.evaluate(() => window.__tenantSet)).toBe("set");
  const sent = page.waitForRequest((r) => r.url() === `${authBackend}/support-requests` && r.method() === "POST");
  await widget.fill({ ...typed, title: "Sent with a tenant only", name: "Mei Lin", email: "mei.lin@contosocloud.cn" });
  await widget.submit();
  expect((await sent).headers()["x-portal-tenant"]).toBe("contoso");
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Your session has ended");
  const said = "the support service asks for a sign-in, and the page gave none: give the widget the user's token with setTokenProvider";
  const heard = await page.evaluate(() => window.__heard);
  expect(heard.filter((detail) => detail.code === "session_ended")).toEqual([expect.objectContaining({ message: said })]);
  expect(warned).toContain(`<support-widget>: ${said}`);
});

test("a draft whose session ended survives a reload, and is sent once the user is signed in again", async ({ page, request }) => {
  await answerTokens(page, request, [expiredToken, () => null]);
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  const title = `Kept across a reload ${Date.now()}`;
  await widget.fill({ ...typed, title });
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Your session has ended: sign in again, then send.");

  // Reloaded while still signed out: the draft is the user's, kept for
  // them, and not shown to whoever uses the browser signed out.
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-contact-name")).toBeVisible();
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  expect(await widget.draft("partner", "partner-center")).toContain(title);

  // Signed in again, the user finds all they typed, and sends it.
  await page.unroute(isTokenRequest);
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(await filedWith(request, title)).toHaveLength(1);
});

test("a list of requests refused for an ended session loads by itself once the page signs the user in again, and focus stays in the widget", async ({ page, request }) => {
  // The user has filed a request, which the list will bring.
  await fileWith(request, await demoToken(request, "partner"), {
    kind: "partner_center", category: "billing", title: "Listed once signed in again", description: "Filed before.", contact: { name: "Mei Lin", email: "mei.lin@contosocloud.cn" },
  });
  await answerTokens(page, request, [expiredToken, () => null]);
  const listed = [];
  page.on("requestfinished", async (r) => {
    if (r.url().includes("filed_by=me")) listed.push({ token: r.headers().authorization, status: (await r.response())?.status() });
  });
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-filed-requests").click();
  const retry = widget.host.getByTestId("filed-failed").getByRole("button");
  await expect(retry).toBeVisible();
  await expect.poll(() => listed.map((l) => l.status)).toEqual([401]);
  // The user is on "Try again" when the portal signs them in again.
  await retry.focus();
  await page.unroute(isTokenRequest);
  await signInFromTheDemo(widget);
  await expect(widget.host.getByTestId("filed-failed")).toHaveCount(0);
  await expect.poll(() => listed.map((l) => l.status)).toEqual([401, 200]);
  // "Try again" went with the failure: focus passed to the first request
  // the page brought.
  await expect(widget.host.getByTestId("filed-request").first()).toBeFocused();
});

test("the inbox refused for an ended session loads by itself once the page signs the user in again, and focus goes to its first request", async ({ page, request }) => {
  // A customer request is open, for the inbox to bring.
  await fileWith(request, await demoToken(request, "customer"), {
    kind: "customer_self_service", title: "Listed once the partner signs in again", description: "Sent before.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
  });
  await answerTokens(page, request, [expiredToken, () => null]);
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-inbox").click();
  const retry = widget.host.getByTestId("inbox-failed").getByRole("button");
  await expect(retry).toBeVisible();
  // The user is on "Try again" when the portal signs them in again.
  await retry.focus();
  await page.unroute(isTokenRequest);
  await signInFromTheDemo(widget);
  await expect(widget.host.getByTestId("inbox-failed")).toHaveCount(0);
  await expect(widget.host.getByTestId("inbox-request").first()).toBeFocused();
});

test("the inbox keeps its pages when its next page was refused for an ended session and the user signs in again", async ({ page, request }) => {
  test.setTimeout(60_000);
  // At least one more open customer message than a page lists.
  await filePageAndOneMore(request, "Kept page");
  // The portal's session is over when the widget next asks for a token.
  await answerTokens(page, request, [(fresh) => fresh, () => null]);
  const widget = new SupportWidgetPage(page);
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-inbox").click();
  const items = widget.host.getByTestId("inbox-request");
  await expect(items).toHaveCount(20);
  // The next page is refused: the token has ended.
  const nextPage = await failNextInboxPage(page, 401, "unauthenticated");
  await widget.host.getByTestId("inbox-more").click();
  await expect(widget.host.getByTestId("inbox-failed")).toBeVisible();
  await expect(items).toHaveCount(20);

  // Signed in again, the refused page comes below the pages shown, which
  // stay: the list is not read again from its first page.
  await page.unroute(nextPage);
  await page.unroute(isTokenRequest);
  await signInFromTheDemo(widget);
  await expect(widget.host.getByTestId("inbox-failed")).toHaveCount(0);
  await expect(items.nth(20)).toBeFocused();
  expect(await items.count()).toBeGreaterThan(20);
});

test("a request the user is on keeps its place in the list when the backend's page moves it", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await widget.fill({ category: "billing", title: "Filed on this device", description: "Listed here first." });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const here = await widget.confirmation.getAttribute("data-request-id");
  // Filed since on another device: newer, so first in the backend's page.
  const { id: other } = await fileWith(request, await demoToken(request, "partner"), {
    kind: "partner_center", category: "billing", title: "Filed on another device", description: "Listed by the backend.", contact: { name: "Mei Lin", email: "mei.lin@contosocloud.cn" },
  });

  // The backend's page waits while the list shows this device's request.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route((url) => url.searchParams.get("filed_by") === "me", async (route) => {
    await released;
    return route.continue();
  });
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("open-filed-requests").click();
  const item = (id) => widget.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`);
  await expect(widget.host.getByTestId("filed-loading")).toBeVisible();
  await item(here).focus();

  // The page puts the other device's request first: the one the user is
  // on keeps the focus, and opens itself.
  release();
  await expect(item(other)).toBeVisible();
  const listed = await widget.host.getByTestId("filed-request").evaluateAll((items) => items.map((item) => item.dataset.requestId));
  expect(listed.indexOf(other)).toBeLessThan(listed.indexOf(here));
  await expect(item(here)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("status-reference")).toBeVisible();
  await expect(widget.host.getByTestId("status-description")).toContainText("Listed here first.");
});

test("two partners on one browser each find only their own draft and list", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  // Who the portal has signed in: its token endpoint answers for them.
  let signedIn = mei;
  await page.route(isTokenRequest, (route) => route.fulfill({ json: { token: signedIn } }));
  const widget = new SupportWidgetPage(page);
  const title = widget.host.locator("#sw-title");
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");

  // Mei files one request and leaves another as a draft.
  const filed = `Filed by Mei ${Date.now()}`;
  await widget.fill({ ...typed, title: filed });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await widget.host.getByRole("button", { name: "Submit another request" }).click();
  const drafted = `Drafted by Mei ${Date.now()}`;
  await widget.fill({ ...typed, title: drafted });
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain(drafted);

  // Mei signs out of the portal and Bo signs in on the same browser.
  signedIn = bo;
  await page.reload();
  await widget.setAttribute("locale", "en-US");
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("unsent-draft")).toHaveCount(0);
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(widget.host.getByTestId("filed-requests")).toBeVisible();
  await expect(widget.host.getByTestId("filed-requests")).not.toContainText(filed);
  await widget.host.evaluate((element) => element.open("partner-center"));
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  await expect(title).toHaveValue("");
  const bosOwn = `Typed by Bo ${Date.now()}`;
  await title.fill(bosOwn);

  // Mei signs in again without a reload: Bo's form goes with Bo, kept as
  // his draft, and Mei starts at home and finds her own.
  await signIn(widget, mei);
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("unsent-draft")).toBeVisible();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  await expect(title).toHaveValue(drafted);
  const drafts = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.includes(":partner-center:user-")));
  expect(drafts.map(([, draft]) => JSON.parse(draft).draft.fields.title).sort()).toEqual([bosOwn, drafted].sort());

  // Signed out altogether, the form is nobody's: empty, and asking whom to
  // contact.
  await widget.host.evaluate((element) => element.setTokenProvider(null));
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-contact-name")).toBeVisible();
  await expect(title).toHaveValue("");
});

test("a partner's path part-way to a request is theirs alone after a reload", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  let signedIn = mei;
  await page.route(isTokenRequest, (route) => route.fulfill({ json: { token: signedIn } }));
  const widget = new SupportWidgetPage(page);
  const serviceChoice = widget.host.getByTestId("service-choice");
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await toServiceChoice(widget);

  // Bo, signed in on the same tab, starts at home.
  signedIn = bo;
  await page.reload();
  await expect(widget.home).toBeVisible();
  await expect(serviceChoice).toHaveCount(0);
  await expect(widget.host.getByTestId("open-customer-request")).toBeVisible();

  // Mei, signed in again, finds her step as she left it.
  signedIn = mei;
  await page.reload();
  await expect(serviceChoice).toBeVisible();
  await expect(widget.heading).toContainText("Núñez y Asociados S.L.");

  // The same without a reload: Bo signs in on the tab and starts at home,
  // then Mei, who finds her step again.
  await widget.setAttribute("locale", "en-US");
  await signIn(widget, bo);
  await expect(widget.home).toBeVisible();
  await expect(serviceChoice).toHaveCount(0);
  await signIn(widget, mei);
  await expect(serviceChoice).toBeVisible();
  await expect(widget.heading).toContainText("Núñez y Asociados S.L.");
});

test("a user who signs out leaves the start screen, not a path kept while nobody was signed in", async ({ page, request }) => {
  const { mei } = await twoPartners(request);
  let signedIn = mei;
  await page.route(isTokenRequest, (route) => (signedIn ? route.fulfill({ json: { token: signedIn } }) : route.fulfill({ status: 204 })));
  const widget = new SupportWidgetPage(page);
  const serviceChoice = widget.host.getByTestId("service-choice");
  await widget.goto(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await toServiceChoice(widget);
  // The same path, kept for the device (as by a visit while nobody was
  // signed in), and nobody signed in after a reload: the widget goes back
  // to it.
  await page.evaluate(() => {
    const [key, path] = Object.entries(sessionStorage).find(([key]) => key.includes(":path:"));
    sessionStorage.clear();
    sessionStorage.setItem(key.replace(/:user-[0-9a-f]+$/, ""), path);
  });
  signedIn = null;
  await page.reload();
  await widget.setAttribute("locale", "en-US");
  await expect(serviceChoice).toBeVisible();
  // Mei signs in (once her provider has answered, the widget knows her),
  // then out: the next user finds the start screen.
  await widget.host.evaluate((element, token) => element.setTokenProvider(() => ((window.askedMei = true), token)), mei);
  await expect.poll(() => page.evaluate(() => window.askedMei === true)).toBe(true);
  await widget.host.evaluate((element) => element.setTokenProvider(null));
  await expect(widget.home).toBeVisible();
  await expect(serviceChoice).toHaveCount(0);
});

test("a request held for an ended session never goes as the next user", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  await answerTokens(page, request, [expiredToken, () => null]);
  const posts = recordPosts(page);
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  const title = `Held for Mei ${Date.now()}`;
  await widget.fill({ ...typed, title });
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Your session has ended");

  // Bo signs in on the portal: Mei's request stays hers, unsent.
  await signIn(widget, bo);
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("unsent-draft")).toHaveCount(0);
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  await expect(widget.host.locator("#sw-title")).toHaveValue("");
  await expect(widget.host.getByTestId("sending-notice")).toHaveCount(0);
  await expect(widget.host.getByTestId("submit-error")).toHaveCount(0);
  expect(posts.filter((post) => post.token === `Bearer ${bo}`)).toEqual([]);

  // Mei, signed in again, finds it as she left it, and sends it once.
  await signIn(widget, mei);
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const filed = await filedWith(request, title);
  expect(filed).toHaveLength(1);
  expect(filed[0].request.contact).toMatchObject({ name: "Mei Lin" });
  expect(posts.filter((post) => post.token === `Bearer ${bo}`)).toEqual([]);
});

test("the notice of a user's request filed by a retry goes with them when the next user signs in", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  // The first submit is answered 503, to be tried again in 2 s.
  let refused = false;
  await page.route(
    (url) => url.pathname === "/support-requests",
    (route) => {
      if (route.request().method() !== "POST" || refused) return route.fallback();
      refused = true;
      return failWith(route, 503, { "Retry-After": "2" });
    },
  );
  const widget = new SupportWidgetPage(page);
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  const title = `Filed by a retry for Mei ${Date.now()}`;
  await widget.fill({ ...typed, title });
  await widget.submit();
  await expect(widget.host.getByTestId("sending-notice")).toContainText("Trying again in");
  await widget.host.getByTestId("back").click();
  const notice = widget.host.getByTestId("filed-away");
  await expect(notice).toContainText(title, { timeout: 15_000 });

  await signIn(widget, bo);
  await expect(widget.host.getByTestId("open-filed-requests")).toBeVisible();
  await expect(notice).toHaveText("");
  expect(await filedWith(request, title)).toHaveLength(1);
});

test("a sign-out and the next sign-in in one step, or a draft kept signed out, never hide a user's own draft", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  await page.route(isTokenRequest, (route) => route.fulfill({ json: { token: mei } }));
  const widget = new SupportWidgetPage(page);
  const title = widget.host.locator("#sw-title");
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  const meis = `Mei's own ${Date.now()}`;
  await title.fill(meis);
  await expect.poll(() => widget.draft("partner", "partner-center")).toContain(meis);

  // The portal signs Mei out and Bo in, in one task; Bo's token comes
  // when the test says. Mei's form is gone before it does.
  await widget.host.evaluate((element) => {
    element.setTokenProvider(null);
    element.setTokenProvider(() => new Promise((resolve) => (window.signInBo = resolve)));
  });
  await expect(widget.home).toBeVisible();
  await widget.openPartnerCenterRequest();
  await expect(title).toHaveValue("");
  await page.evaluate((token) => window.signInBo(token), bo);
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  await expect(title).toHaveValue("");

  // Signed out, someone keeps a draft on the device; then Mei signs in.
  await widget.host.evaluate((element) => element.setTokenProvider(null));
  await widget.openPartnerCenterRequest();
  const devices = `Typed signed out ${Date.now()}`;
  await title.fill(devices);
  await widget.host.locator("#sw-contact-name").fill("Someone");
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage).some(([key, value]) => key.endsWith(":partner:partner-center") && value.includes("Typed signed out")))).toBe(true);
  await signIn(widget, mei);
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  await expect(title).toHaveValue(meis);
});

test("what a user types while the widget waits to learn who they are is kept as their draft once it knows", async ({ page, request }) => {
  const { bo } = await twoPartners(request);
  const widget = new SupportWidgetPage(page);
  const title = widget.host.locator("#sw-title");
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  // The portal signs Mei out and Bo in; Bo's token comes when the test
  // says, and he types meanwhile.
  await widget.host.evaluate((element) => {
    element.setTokenProvider(null);
    element.setTokenProvider(() => new Promise((resolve) => (window.signInBo = resolve)));
  });
  await widget.openPartnerCenterRequest();
  const bos = `Typed by Bo before the widget knew him ${Date.now()}`;
  await title.fill(bos);
  await page.evaluate((token) => window.signInBo(token), bo);
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  // Kept as Bo's draft with no further keystroke, and there after a reload.
  const bosDraft = () =>
    page.evaluate(() => Object.entries(localStorage).find(([key]) => key.includes(":partner-center:user-"))?.[1] ?? "");
  await expect.poll(bosDraft).toContain(bos);
  await page.route(isTokenRequest, (route) => route.fulfill({ json: { token: bo } }));
  await page.reload();
  await widget.setAttribute("locale", "en-US");
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  await expect(title).toHaveValue(bos);
});

test("contact details one user lent to their other form are not the next user's", async ({ page, request }) => {
  const { mei, bo } = await twoPartners(request);
  const widget = new SupportWidgetPage(page);
  const phone = widget.host.locator("#sw-contact-phone");
  const toCustomerForm = async () => {
    await widget.host.evaluate((element) => element.open("customer"));
    await widget.host.locator("#sw-customer-search").fill("asociados");
    await widget.host.getByRole("option", { name: "Núñez y Asociados S.L." }).click();
    await widget.host.getByTestId("service-option").filter({ hasText: "Office 365" }).click();
    await widget.escalate();
    await expect(widget.form).toBeVisible();
  };
  await widget.open(`${authDemo}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  await widget.fill({ ...typed, title: `Mei's with a phone ${Date.now()}`, phone: "+86 10 5555 0199" });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  // Her other form has her phone number, lent once her request was filed.
  await toCustomerForm();
  await expect(phone).toHaveValue("+86 10 5555 0199");

  await signIn(widget, bo);
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("sending-as")).toHaveCount(0);
  await toCustomerForm();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Bo Chen");
  await expect(phone).toHaveValue("");
});
