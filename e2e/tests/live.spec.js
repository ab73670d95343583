// Changes someone else makes show live, on the demo signed in, with no
// click on Refresh anywhere: the backend's event stream (GET /events)
// carries them to every widget whose user may read the request.
import crypto from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { authBackend, authDemo, demoToken, fileWith } from "./identity-tokens.js";
import { watchLeftovers } from "./leftovers.js";

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
  // Not heard: looked for again within 30 s of the refusal (a wait drawn
  // with full jitter).
  const entry = partner.host.getByTestId("inbox-request").filter({ hasText: title });
  await expect(entry).toHaveCount(1, { timeout: 45_000 });
  // Nothing told the user of the refused stream.
  await expect(partner.host.getByRole("alert")).toHaveCount(0);
});

// The backend's event streams a browser context opens, by the page that
// opened them, with the Last-Event-ID each carried.
function watchStreams(context) {
  const opened = [];
  context.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith("/events")) {
      opened.push({ page: request.frame().page(), lastEventId: request.headers()["last-event-id"] });
    }
  });
  return opened;
}

test("two tabs of one portal hold one stream, both hear each change and count it, and the other tab takes over when the leader closes", async ({ browser, request }) => {
  const context = await browser.newContext();
  const streams = watchStreams(context);
  const customerToken = await demoToken(request, "customer");
  const fileMessage = async (title) =>
    fileWith(request, customerToken, {
      kind: "customer_self_service", title, description: "Invoices are missing.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" },
    });
  try {
    const tabs = [];
    for (let n = 0; n < 2; n++) {
      const tab = new SupportWidgetPage(await context.newPage());
      await tab.goto(`${authDemo}/`);
      await tab.setAttribute("locale", "en-US");
      await tab.host.getByTestId("open-inbox").click();
      await expect(tab.host.getByTestId("inbox-request").first()).toBeVisible();
      tabs.push(tab);
      // The first tab leads: it holds the stream.
      await expect.poll(() => streams.length).toBe(1);
    }
    const [leader, follower] = tabs;

    // A customer writes: both tabs show it, over one stream, and both
    // count it as new (what each tab's element tells its page, and its
    // launcher's badge).
    const first = `Heard in both tabs (${Date.now()})`;
    const { id: firstId } = await fileMessage(first);
    for (const tab of tabs) {
      await expect(tab.host.getByTestId("inbox-request").filter({ hasText: first })).toHaveCount(1, LIVE);
      const counted = () => tab.host.evaluate((el, id) => el.unread?.requests.some((request) => request.id === id), firstId);
      await expect.poll(counted, LIVE).toBe(true);
    }
    expect(streams.map((stream) => stream.page)).toEqual([leader.page]);

    // The leader's tab closes: the other holds the stream from then on,
    // after the last event it was told of.
    await leader.page.close();
    await expect.poll(() => streams.length, LIVE).toBe(2);
    expect(streams[1].page).toBe(follower.page);
    expect(streams[1].lastEventId).toMatch(/^\d+$/);
    const second = `Heard after the takeover (${Date.now()})`;
    await fileMessage(second);
    await expect(follower.host.getByTestId("inbox-request").filter({ hasText: second })).toHaveCount(1, LIVE);
    expect(streams).toHaveLength(2);
  } finally {
    await context.close();
  }
});

test("a removed signed-in element leaves no stream, lock, channel, timer or listener behind", async ({ page }) => {
  await page.addInitScript(watchLeftovers);
  const ended = [];
  const isStream = (r) => r.url().endsWith("/events");
  page.on("requestfailed", (r) => isStream(r) && ended.push(r.failure()?.errorText));
  page.on("requestfinished", (r) => isStream(r) && ended.push("finished"));
  const opened = page.waitForRequest(isStream);
  const partner = new SupportWidgetPage(page);
  await partner.goto(`${authDemo}/`);
  await opened;
  const locks = async () => {
    const { held, pending } = await page.evaluate(() => navigator.locks.query());
    return [...held, ...pending].filter((lock) => lock.name.startsWith("support-widget live")).length;
  };
  await expect.poll(locks).toBe(1);
  expect((await page.evaluate(() => window.__guestProbe())).channels).toBe(1);

  await partner.host.evaluate((element) => element.remove());
  await expect.poll(() => ended).toEqual([expect.stringContaining("ABORTED")]);
  await expect.poll(locks).toBe(0);
  await expect.poll(() => page.evaluate(() => window.__guestProbe())).toEqual({ pending: [], listeners: 0, channels: 0 });
});

/** A proxy in front of the signed-in demo's backend, as a portal's network
 *  path would be: it forwards every request, and can cut the event streams
 *  it carries (their connections closed mid-stream) and hold new ones back
 *  until it lets them through. It keeps each stream's Last-Event-ID and the
 *  event ids the backend sent on it. */
async function streamProxy() {
  const target = new URL(authBackend);
  const streams = [];
  let held = null;
  const forward = (incoming, outgoing) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode, answer.headers);
      if (new URL(incoming.url, authBackend).pathname === "/events" && answer.statusCode === 200) {
        const stream = { lastEventId: incoming.headers["last-event-id"] ?? null, ids: [], socket: incoming.socket };
        streams.push(stream);
        // The ids of the events (blocks with data), not the id alone that
        // opens each stream at its point.
        let partial = "";
        answer.on("data", (chunk) => {
          const blocks = (partial + chunk.toString()).split("\n\n");
          partial = blocks.pop();
          for (const lines of blocks.map((block) => block.split("\n"))) {
            const id = lines.find((line) => line.startsWith("id:"));
            if (id && lines.some((line) => line.startsWith("data:"))) stream.ids.push(id.slice(3).trim());
          }
        });
      }
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  };
  const server = http.createServer((incoming, outgoing) => {
    const isStream = new URL(incoming.url, authBackend).pathname === "/events" && incoming.method === "GET";
    if (isStream && held) held.push(() => forward(incoming, outgoing));
    else forward(incoming, outgoing);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    streams,
    /** Closes the streams' connections, and holds new streams back; the
     *  event ids sent before the cut. */
    cut() {
      held = [];
      for (const stream of streams) stream.socket.destroy();
      return streams.flatMap((stream) => stream.ids);
    },
    /** Lets the streams held back through, and any that come after. */
    mend() {
      const waiting = held;
      held = null;
      waiting.forEach((go) => go());
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

test("a stream cut mid-thread resumes after the last event heard, with nothing lost and nothing repeated", async ({ browser, request }) => {
  const customerToken = await demoToken(request, "customer");
  const partnerToken = await demoToken(request, "partner");
  const { id } = await fileWith(request, customerToken, {
    kind: "customer_self_service", title: `Cut mid-thread (${Date.now()})`, description: "Calendars do not sync.", contact: { name: "Zhang Wei", email: "zhang.wei@example.cn" },
  });
  const reply = async (body) => {
    const sent = await request.post(`${authBackend}/support-requests/${id}/replies`, {
      headers: { authorization: `Bearer ${partnerToken}`, "idempotency-key": crypto.randomUUID() },
      data: { body },
    });
    expect(sent.status()).toBe(201);
  };
  const proxy = await streamProxy();
  const context = await browser.newContext();
  try {
    // The customer's widget talks to the backend through the proxy.
    const page = await context.newPage();
    await page.addInitScript((url) => {
      new MutationObserver((_, observer) => {
        const element = document.querySelector("support-widget");
        if (!element) return;
        element.setAttribute("backend", url);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, proxy.url);
    const customer = new SupportWidgetPage(page);
    await page.goto(`${authDemo}/self-service.html`);
    await customer.setAttribute("locale", "en-US");
    await customer.host.getByTestId("open-filed-requests").click();
    await customer.host.locator(`[data-testid=filed-request][data-request-id="${id}"]`).click();
    await expect(customer.host.getByTestId("status-description")).toContainText("Calendars do not sync.");
    await expect.poll(() => proxy.streams.length).toBeGreaterThan(0);
    const replies = customer.host.getByTestId("status-reply");

    // One answer comes over the stream; then the stream is cut, and two
    // more are sent while it is down.
    await reply("Which calendars?");
    await expect(replies).toHaveCount(1, LIVE);
    const streamsBefore = proxy.streams.length;
    const heardBefore = proxy.cut();
    await reply("Shared ones, or your own?");
    await reply("And since when?");
    proxy.mend();

    // The widget connects again after the last event it heard, and the
    // backend sends what it missed, and nothing it had.
    await expect.poll(() => proxy.streams.length, { timeout: 45_000 }).toBe(streamsBefore + 1);
    const resumed = proxy.streams.at(-1);
    expect(resumed.lastEventId).toBe(heardBefore.at(-1));
    await expect.poll(() => resumed.ids.length, LIVE).toBeGreaterThanOrEqual(2);
    expect(resumed.ids.filter((eventId) => heardBefore.includes(eventId))).toEqual([]);
    await expect(replies).toHaveText([/Which calendars\?/, /Shared ones, or your own\?/, /And since when\?/], LIVE);

    // And it is live again.
    await reply("We restarted the sync.");
    await expect(replies).toHaveCount(4, LIVE);
    await expect(replies.last()).toContainText("We restarted the sync.");
  } finally {
    await context.close();
    await proxy.close();
  }
});
