// A token that expires while a form is being typed: the backend refuses it
// (401), the widget asks the page's token provider once more and sends the
// same request again. A fresh token files it once; none keeps the draft and
// tells the user to sign in again, and the request goes once they have.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, demoToken, expiredToken } from "./identity-tokens.js";

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
    await (token ? route.fulfill({ json: { token } }) : route.fulfill({ status: 204 }));
  });
  return given;
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
  await widget.host.evaluate((element) =>
    element.setTokenProvider(() => fetch("demo-token?as=partner").then((r) => r.json()).then((body) => body.token)),
  );
  await expect(widget.confirmation).toBeVisible();
  await expect.poll(() => posts.map((post) => post.status)).toEqual([401, 201]);
  expect(posts[1].key).toBe(posts[0].key);
  const filed = await filedWith(request, title);
  expect(filed).toHaveLength(1);
  expect(filed[0].id).toBe(await widget.confirmation.getAttribute("data-request-id"));
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

  // Reloaded while still signed out: what was typed is all there.
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await expect(widget.host.locator("#sw-description")).toHaveValue(typed.description);

  // Signed in again, the user sends it.
  await page.unroute(isTokenRequest);
  await page.reload();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("sending-as")).toContainText("Mei Lin");
  await expect(widget.host.locator("#sw-title")).toHaveValue(title);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect(await filedWith(request, title)).toHaveLength(1);
});

test("a list of requests refused for an ended session loads by itself once the page signs the user in again, and focus stays in the widget", async ({ page, request }) => {
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
  await widget.host.evaluate((element) =>
    element.setTokenProvider(() => fetch("demo-token?as=partner").then((r) => r.json()).then((body) => body.token)),
  );
  await expect(widget.host.getByTestId("filed-failed")).toHaveCount(0);
  await expect.poll(() => listed.map((l) => l.status)).toEqual([401, 200]);
  // "Try again" went with the failure: focus passed to the screen's heading.
  await expect(widget.host.locator("h2.sw-heading").first()).toBeFocused();
});
