// Screenshots and logs with a request: added by picker, drop or paste,
// checked before upload, uploaded at once, and stored intact.
import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addWidget, backend, SupportWidgetPage, withoutTokenProvider } from "./support-widget-page.js";

// A 1×1 PNG, as a screenshot stands in.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const log = Buffer.from("2026-11-22 09:00:01 INFO started\n2026-11-22 09:00:02 ERROR 连接超时\n");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

const texts = {
  "en-US": { tooLarge: "is larger than 10 MB", disguised: "isn't the kind of file its name or type says", notUtf8: "only plain text saved as UTF-8 is accepted", wait: "The request will be sent as soon as every file has uploaded." },
  "zh-CN": { tooLarge: "超过了 10 MB", disguised: "的实际内容与其文件名或类型不符", notUtf8: "仅接受以 UTF-8 编码保存的纯文本", wait: "所有文件上传完毕后，请求将立即发送。", failed: "有文件未能上传" },
};

async function openForm(page, locale = "en-US") {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", locale);
  await widget.openPartnerCenterRequest();
  return widget;
}

const request = {
  category: "technical",
  title: "Screenshot of the error",
  description: "The error is in the screenshot; the log is attached.",
  name: "Li Na",
  email: "li.na@contoso.cn",
};

/** Drops or pastes files made in the page, as a user's drag or Ctrl+V does. */
async function transfer(widget, kind, files) {
  await widget.form.evaluate(
    (form, [kind, files]) => {
      const data = new DataTransfer();
      for (const { name, type, bytes } of files) data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const target = kind === "paste" ? form.querySelector("#sw-description") : form;
      const event =
        kind === "paste"
          ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
    },
    [kind, files.map((f) => ({ ...f, bytes: [...f.bytes] }))],
  );
}

test("a screenshot and a log go with the request by picker, drop and paste, and download intact", async ({ page, request: api }) => {
  const widget = await openForm(page);
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await transfer(widget, "drop", [{ name: "dropped.png", type: "image/png", bytes: png }]);
  await transfer(widget, "paste", [{ name: "image.png", type: "image/png", bytes: png }]);

  const items = widget.host.getByTestId("attachment");
  await expect(items).toHaveCount(3);
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(3);
  await expect(items.filter({ hasText: "dropped.png" }).getByTestId("attachment-thumbnail")).toBeVisible();
  await expect(items.filter({ hasText: "app.log" })).toContainText("B");
  // Pasting a file does not paste anything into the field.
  await expect(widget.host.locator("#sw-description")).toHaveValue("");
  // A file added by mistake is removed, and the request does not carry it.
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "wrong.log", mimeType: "text/plain", buffer: log });
  const wrong = items.filter({ hasText: "wrong.log" });
  await expect(wrong.getByTestId("attachment-uploaded")).toBeVisible();
  await wrong.getByRole("button", { name: /^Remove \W?wrong\.log\W?$/ }).click();
  await expect(items).toHaveCount(3);

  await widget.fill(request);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name)).toEqual(["app.log", "dropped.png", "image.png"]);
  for (const [attachment, bytes] of [
    [stored.attachments[0], log],
    [stored.attachments[1], png],
  ]) {
    const download = await api.get(`${backend}/attachments/${attachment.id}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(sha256(await download.body())).toBe(sha256(bytes));
  }
  // The request's status names its files, with its category.
  let servicesAsked = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith("/services")) servicesAsked += 1;
  });
  await widget.host.getByTestId("view-status").click();
  // The files open the conversation, with the words they came with.
  await expect(widget.host.getByTestId("status-description").locator(".sw-facts-files li")).toHaveText(["app.log", "dropped.png", "image.png"]);
  const facts = widget.host.getByTestId("status-facts");
  await expect(facts).toContainText("Category");
  // A Partner Center request is about no service: none named, none asked for.
  await expect(facts.getByTestId("status-service")).toHaveCount(0);
  expect(servicesAsked).toBe(0);
});

for (const locale of ["en-US", "zh-CN"]) {
  test(`a file too large, a disguised file and a log not in UTF-8 are refused before upload, each saying why, in ${locale}`, async ({ page }) => {
    const widget = await openForm(page, locale);
    let uploads = 0;
    page.on("request", (r) => {
      if (r.url().includes("/attachments")) uploads++;
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png.copy(big);
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    // What Windows PowerShell's `>` writes (UTF-16 with a byte order mark),
    // and a log in GBK, as Chinese Windows saves text.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Get-Service: access denied\r\n", "utf16le")]);
    const gbk = Buffer.from([0xb5, 0xc7, 0xc2, 0xbc, 0xca, 0xa7, 0xb0, 0xdc, 0x0a]);
    await widget.host.getByTestId("attachments-input").setInputFiles([
      { name: "huge.png", mimeType: "image/png", buffer: big },
      { name: "cat.png", mimeType: "image/png", buffer: html },
      { name: "ps-output.txt", mimeType: "text/plain", buffer: utf16 },
      { name: "signin.log", mimeType: "", buffer: gbk },
    ]);
    const refused = widget.host.getByTestId("attachments-refused").locator("li");
    await expect(refused).toHaveCount(4);
    // The names and sizes sit in bidi isolates, as every placeable does.
    const messages = (await refused.allTextContents()).map((t) => t.replace(/[\u2068\u2069]/g, ""));
    expect(messages[0]).toContain("huge.png");
    expect(messages[0]).toContain(texts[locale].tooLarge);
    expect(messages[1]).toContain("cat.png");
    expect(messages[1]).toContain(texts[locale].disguised);
    for (const [index, name] of [[2, "ps-output.txt"], [3, "signin.log"]]) {
      expect(messages[index]).toContain(name);
      expect(messages[index]).toContain(texts[locale].notUtf8);
      expect(messages[index]).toContain("zip");
    }
    await expect(widget.host.getByTestId("attachment")).toHaveCount(0);
    expect(uploads).toBe(0);
  });
}

test("Add files opens the browser's file picker, and the files picked join the list", async ({ page }) => {
  const widget = await openForm(page);
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    widget.host.getByTestId("attachments-add").click(),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([{ name: "app.log", mimeType: "text/plain", buffer: log }]);
  await expect(widget.host.getByTestId("attachment")).toContainText("app.log");
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(1);
});

test("an upload that shows no sign of life for 30 seconds is given up and tried again", async ({ page, request: api }) => {
  await page.clock.install();
  const widget = await openForm(page);
  let tries = 0;
  await page.route("**/attachments?**", async (route) => {
    tries += 1;
    // The first try is never answered, and never fails either.
    if (tries > 1) await route.continue();
  });
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-progress")).toBeVisible();
  await expect.poll(() => tries).toBe(1);
  await page.clock.runFor(29_000);
  await expect(widget.host.getByTestId("attachment-progress")).toBeVisible();
  expect(tries).toBe(1);
  await expect(async () => {
    await page.clock.runFor(2_000);
    await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  expect(tries).toBe(2);
  await widget.fill(request);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  expect((await widget.storedRequest(api)).attachments).toHaveLength(1);
});

test("a failed upload holds the request back until it is retried", async ({ page, request: api }) => {
  // The page's clock, run on below past the widget's own retries.
  await page.clock.install();
  const widget = await openForm(page, "zh-CN");
  // Every try fails until the retry by hand has been clicked, the widget's own
  // retries included. The answer is chosen when it is given, so a retry of the
  // widget's own still on its way then cannot store the file first: the widget
  // ignores it once the retry by hand has started.
  let retriesByHand = 0;
  await page.route("**/attachments?**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await (retriesByHand >= 2 ? route.continue() : route.abort("connectionreset"));
  });
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  // While it is on its way, a progress bar names the file.
  await expect(widget.host.getByTestId("attachment-progress")).toHaveAttribute("aria-label", /app\.log/);
  await expect(widget.host.getByTestId("attachment-failed")).toBeVisible();
  // Screen readers hear it, in the form's language.
  const news = widget.host.getByTestId("attachments-news");
  await expect(news).toHaveText(/app\.log\u2069? 未能上传。/);
  await expect(news).toHaveAttribute("role", "status");
  // Once the widget's own attempts are over, the user is asked to act.
  await expect(async () => {
    await page.clock.runFor(30_000);
    await expect(widget.host.getByTestId("attachment-failed")).toContainText("请重试，或移除该文件", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toContainText(texts["zh-CN"].failed);
  await expect(widget.host.getByTestId("attachments-blocked").locator(".sw-field-error[role=alert]")).toContainText(texts["zh-CN"].failed);
  await expect(widget.confirmation).toHaveCount(0);

  // Tried again by hand, and failing again: the failure is old news while
  // the file is tried, and told anew when the try fails too.
  await widget.host.getByTestId("attachment-retry").click();
  retriesByHand = 1;
  await expect(news).toBeEmpty();
  await expect(news).toHaveText(/app\.log\u2069? 未能上传。/);
  await widget.host.getByTestId("attachment-retry").click();
  retriesByHand = 2;
  // Focus stays with the file, rather than falling back to the page, and not
  // on its remove button, where a second Enter would remove it.
  await expect(widget.host.getByTestId("attachment")).toBeFocused();
  await expect(news).toBeEmpty();
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await expect(news).toHaveText(/已上传 \u2068?app\.log/);
  await expect(widget.host.getByTestId("attachments-blocked")).toBeEmpty();
  // A failure's hold waits for the user to send again.
  await page.waitForTimeout(300);
  await expect(widget.confirmation).toHaveCount(0);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments).toHaveLength(1);
});

test("the same file added twice is attached once, and the second time says so", async ({ page, request: api }) => {
  const widget = await openForm(page, "es-ES");
  const input = widget.host.getByTestId("attachments-input");
  await input.setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await input.setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachments-refused")).toHaveText(/^\u2068?app\.log\u2069? ya está adjunto\.$/);
  await expect(widget.host.getByTestId("attachment")).toHaveCount(1);
  // Another file of the same name but other content is another file.
  await input.setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: Buffer.from("another log\n") });
  await expect(widget.host.getByTestId("attachment")).toHaveCount(2);
  await expect(widget.host.getByTestId("attachments-refused")).toBeEmpty();
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(2);
  await widget.fill(request);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments).toHaveLength(2);
});

/** Holds every upload back until the function it returns is called. */
async function holdUploads(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/attachments?**", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("file names are shown in full, wrapped, in the form and on the status screen", async ({ page, request: api }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const widget = await openForm(page, "en-US");
  const long = `${"quarterly-billing-export-".repeat(7)}final.log`;
  // Two screenshots a minute apart: alike but for their ends.
  const shots = ["09.41.27 invoice", "09.42.03 billing"].map((end) => `Screenshot 2026-10-14 at ${end} page.png`);
  await widget.host.getByTestId("attachments-input").setInputFiles([
    { name: "a.log", mimeType: "text/plain", buffer: log },
    { name: long, mimeType: "text/plain", buffer: Buffer.from("one line\n") },
    ...shots.map((name) => ({ name, mimeType: "image/png", buffer: png })),
  ]);
  const names = widget.host.locator(".sw-file-name");
  await expect(names).toHaveCount(4);
  await expect(names.nth(1)).toHaveText(long);
  const oneLine = (await names.nth(0).boundingBox()).height;
  // Nothing cut: every name drawn whole, the long one over several lines.
  for (const name of await names.all()) {
    const drawn = await name.evaluate((item) => ({ height: item.clientHeight, content: item.scrollHeight, width: item.clientWidth, wide: item.scrollWidth }));
    expect(drawn.content).toBeLessThanOrEqual(drawn.height);
    expect(drawn.wide).toBeLessThanOrEqual(drawn.width);
  }
  expect((await names.nth(1).boundingBox()).height).toBeGreaterThan(oneLine * 2 + 1);
  await expect(names.nth(2)).toHaveText(shots[0]);
  await expect(names.nth(3)).toHaveText(shots[1]);
  await expect(names.nth(1)).not.toHaveAttribute("title");
  // Each file one tidy row on a phone: the name takes most of the row's
  // width, its size and upload below it, and the remove button beside it.
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(4);
  for (const item of await widget.host.getByTestId("attachment").all()) {
    const row = await item.boundingBox();
    const name = await item.locator(".sw-file-name").boundingBox();
    const uploaded = await item.getByTestId("attachment-uploaded").boundingBox();
    const remove = await item.getByTestId("attachment-remove").boundingBox();
    expect(name.width).toBeGreaterThan(row.width * 0.6);
    expect(uploaded.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
    expect(remove.x).toBeGreaterThanOrEqual(name.x + name.width);
    expect(remove.y).toBeLessThan(uploaded.y);
  }
  await widget.fill(request);
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  await widget.host.getByTestId("view-status").click();
  const listed = widget.host.locator(".sw-facts-files li").filter({ hasText: "final.log" });
  await expect(listed).toHaveText(long);
  // Nothing cut: the whole name is drawn, over more than two lines.
  const drawn = await listed.evaluate((item) => ({ height: item.clientHeight, content: item.scrollHeight }));
  expect(drawn.content).toBeLessThanOrEqual(drawn.height);
  expect(drawn.height).toBeGreaterThan(oneLine * 2 + 1);
});

test("a request waiting for its files waits for the user instead once the form changes", async ({ page, request: api }) => {
  const widget = await openForm(page, "en-US");
  const release = await holdUploads(page);
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/support-requests") && posts.push(r.url()));
  const blocked = widget.host.getByTestId("attachments-blocked");
  const input = widget.host.getByTestId("attachments-input");
  await input.setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await widget.fill(request);
  await widget.submit();
  await expect(blocked).toHaveText(texts["en-US"].wait);
  // More text while it waits: the promise goes, and the request waits for
  // the user to send it, with the text as it is then.
  await widget.host.locator("#sw-description").fill(`${request.description} And one more thing.`);
  await expect(blocked).toBeEmpty();
  release();
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await page.waitForTimeout(500);
  expect(posts).toEqual([]);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.request.description).toContain("And one more thing.");
  expect(stored.attachments).toHaveLength(1);
});

test("a request that goes by itself once its files are in leaves focus on the page if the user went there", async ({ page }) => {
  const widget = await openForm(page, "en-US");
  const release = await holdUploads(page);
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toHaveText(texts["en-US"].wait);
  // The user goes on with the page meanwhile.
  await page.evaluate(() => {
    const search = Object.assign(document.createElement("input"), { id: "page-search" });
    document.body.prepend(search);
    search.focus();
  });
  release();
  await expect(widget.confirmation).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("page-search");
  // Screen readers still hear that it was sent, and its reference.
  const reference = await widget.host.getByTestId("reference").getAttribute("data-reference");
  await expect(widget.host.locator("p.sw-visually-hidden[role=status]").first()).toHaveText(
    new RegExp(`^Request submitted\\. Your request's reference is \u2068?${reference}\u2069?\\.$`),
  );
});

test("a file removed while the request waits for it leaves the request for the user to send", async ({ page }) => {
  const widget = await openForm(page, "en-US");
  await page.route("**/attachments?**", () => {});
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/support-requests") && posts.push(r.url()));
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toHaveText(texts["en-US"].wait);
  // A wait, not an error: a notice, and Submit says it waits.
  await expect(widget.host.getByTestId("attachments-blocked").locator(".sw-notice[role=status]")).toHaveText(texts["en-US"].wait);
  await expect(widget.submitButton).toHaveText("Waiting to send…");
  await widget.host.getByTestId("attachment-remove").click();
  await expect(widget.host.getByTestId("attachments-blocked")).toBeEmpty();
  await expect(widget.submitButton).toHaveText("Submit");
  await page.waitForTimeout(500);
  expect(posts).toEqual([]);
  await expect(widget.confirmation).toHaveCount(0);
});

test("a file added while another uploads leaves that upload going and focus on its item", async ({ page, request: api }) => {
  const widget = await openForm(page);
  // The first upload is held until the second file has come.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let first = true;
  await page.route("**/attachments?**", async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue();
  });
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-progress")).toHaveAttribute("aria-label", /app\.log/);
  const firstRemove = widget.host.getByTestId("attachment-remove").first();
  await firstRemove.focus();

  // A screenshot pasted meanwhile (the paste reaches the form from the
  // focused button) joins the list; the log's item keeps focus.
  await widget.form.evaluate((form, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "screenshot.png", { type: "image/png" }));
    const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    form.querySelector("[data-testid=attachment-remove]").dispatchEvent(paste);
  }, [...png]);
  await expect(widget.host.getByTestId("attachment")).toHaveCount(2);
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(1);
  await expect(firstRemove).toBeFocused();
  await expect(firstRemove).toHaveAttribute("aria-label", /app\.log/);

  // The held upload goes on and ends as if nothing had happened.
  release();
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(2);
  await expect(widget.host.getByTestId("attachment-progress")).toHaveCount(0);
  await widget.fill(request);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name).sort()).toEqual(["app.log", "screenshot.png"]);
});

test("closing the page while a file is not yet uploaded asks first; once it is uploaded, the page closes without asking", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/attachments?**", async (route) => {
    await held;
    await route.continue();
  });
  const widget = await openForm(page);
  // The window's `beforeunload` listeners, which keep some browsers from
  // caching the page for Back and Forward: none while no file waits.
  const cdp = await page.context().newCDPSession(page);
  const unloadListeners = async () => {
    const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.filter((l) => l.type === "beforeunload").length;
  };
  expect(await unloadListeners()).toBe(0);
  // A click of the user's own: browsers ask before leaving only a page the
  // user has used.
  await widget.host.locator("#sw-title").click();
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-progress")).toBeVisible();
  await expect.poll(unloadListeners).toBe(1);
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  // The user stays: the upload goes on.
  await dialog.dismiss();
  release();
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await expect.poll(unloadListeners).toBe(0);

  let askedAgain = false;
  page.on("dialog", (d) => {
    askedAgain = true;
    d.accept();
  });
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(askedAgain).toBe(false);
});

test("files uploaded together are each told to screen readers, and a removal begins the news anew", async ({ page }) => {
  const widget = await openForm(page);
  await widget.host.getByTestId("attachments-input").setInputFiles([
    { name: "app.log", mimeType: "text/plain", buffer: log },
    { name: "screenshot.png", mimeType: "image/png", buffer: png },
  ]);
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(2);
  // One element each in the live region: the second upload adds to what
  // the first told, rather than replacing it before it is spoken.
  const news = widget.host.getByTestId("attachments-news");
  await expect(news).toHaveAttribute("role", "status");
  const told = news.locator("span");
  await expect(told).toHaveCount(2);
  await expect(told.filter({ hasText: /app\.log\u2069? uploaded\./ })).toHaveCount(1);
  await expect(told.filter({ hasText: /screenshot\.png\u2069? uploaded\./ })).toHaveCount(1);

  await widget.host.getByTestId("attachment-remove").first().click();
  await expect(news).toHaveText(/^\u2068?app\.log\u2069? removed\.$/);
});

test("removing the first of two files leaves the second whole: its own elements, name, size, thumbnail and remove button", async ({ page, request: api }) => {
  const widget = await openForm(page);
  await widget.host.getByTestId("attachments-input").setInputFiles([
    { name: "app.log", mimeType: "text/plain", buffer: log },
    { name: "screenshot.png", mimeType: "image/png", buffer: png },
  ]);
  const items = widget.host.getByTestId("attachment");
  await expect(widget.host.getByTestId("attachment-uploaded")).toHaveCount(2);
  await expect(items.nth(0).getByTestId("attachment-thumbnail")).toHaveCount(0);
  // The second file's item, marked: it must stay the same element, not the
  // first one's redrawn with the second file.
  await items.nth(1).evaluate((item) => (item.keptAcrossRemoval = true));

  await items.first().getByTestId("attachment-remove").click();
  await expect(widget.host.getByTestId("attachments-add")).toBeFocused();
  await expect(widget.host.getByTestId("attachments-news")).toHaveText(/app\.log\u2069? removed\./);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("screenshot.png");
  await expect(items.first()).toHaveAttribute("data-kind", "image/png");
  await expect(items.first().getByTestId("attachment-thumbnail")).toBeVisible();
  await expect(items.first().getByTestId("attachment-uploaded")).toBeVisible();
  await expect(items.first().getByTestId("attachment-remove")).toHaveAttribute("aria-label", /screenshot\.png/);
  expect(await items.first().evaluate((item) => item.keptAcrossRemoval)).toBe(true);

  await widget.fill(request);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name)).toEqual(["screenshot.png"]);
});

test("the draft keeps the uploaded files across a reload", async ({ page, request: api }) => {
  const widget = await openForm(page);
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await widget.host.locator("#sw-title").fill("Kept with its file");
  await page.waitForTimeout(800); // the draft is written half a second after typing pauses
  await widget.goto();
  await widget.openPartnerCenterRequest();
  await expect(widget.host.getByTestId("attachment")).toContainText("app.log");
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  await widget.fill(request);
  await widget.submit();
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name)).toEqual(["app.log"]);
});

test("a failed upload is tried again by itself, like a submit", async ({ page, request: api }) => {
  const start = Date.now();
  await page.clock.install({ time: start });
  const widget = await openForm(page, "en-US");
  // Time flows after install: pause it, so the widget's own retry waits for
  // runFor below and the failure stays on screen until then. A minute on,
  // which opening the form cannot have passed even on a busy machine (a
  // pause in the past throws).
  await page.clock.pauseAt(start + 60_000);
  let attempts = 0;
  await page.route("**/attachments?**", async (route) => {
    attempts++;
    await (attempts === 1 ? route.abort("connectionreset") : route.continue());
  });
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-failed")).toContainText("It's tried again automatically");
  // The file's remove button stays beside its name; the failure and "Try
  // again" take the line below.
  const item = widget.host.getByTestId("attachment");
  const middle = (box) => box.y + box.height / 2;
  const name = await item.locator(".sw-file-name").boundingBox();
  const remove = await item.getByTestId("attachment-remove").boundingBox();
  const failure = await item.getByTestId("attachment-failed").boundingBox();
  expect(Math.abs(middle(remove) - middle(name))).toBeLessThan(name.height);
  expect(failure.y).toBeGreaterThanOrEqual(name.y + name.height);
  // Sent meanwhile, the request waits for it, as the file says, rather than
  // asking the user to retry it by hand, and goes once the file is in.
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toHaveText(texts["en-US"].wait);
  // The first wait is at most a second (full jitter below the 1 s base).
  await page.clock.runFor(1_000);
  await expect(widget.confirmation).toBeVisible();
  expect(attempts).toBe(2);
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name)).toEqual(["app.log"]);
});

for (const touch of [false, true]) {
  test(`the hint to drop or paste files is shown ${touch ? "not on a touch screen" : "with a mouse"}`, async ({ browser }) => {
    const context = await browser.newContext(
      touch ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } },
    );
    const page = await context.newPage();
    const widget = await openForm(page, "en-US");
    await expect(widget.host.locator(".sw-drop-hint")).toHaveText(/drop files here/);
    await expect(widget.host.locator(".sw-drop-hint")).toBeVisible({ visible: !touch });
    await expect(widget.host.getByTestId("attachments-input")).toBeAttached();
    await context.close();
  });
}

test("a draft whose file the backend no longer has says so at the files", async ({ page }) => {
  // A draft left longer than the backend keeps uploads no request took.
  await page.addInitScript(([backendUrl, idempotencyKey]) => {
    const draft = {
      version: 1,
      draft: {
        fields: {
          category: "technical",
          title: "Left over the weekend",
          description: "The screenshot was added on Friday.",
          contact_name: "Li Na",
          contact_email: "li.na@contoso.cn",
          contact_phone: "",
          contact_language: "en-US",
          attachments: [{ id: "0b7c1f9e-3d7a-4a52-9c3e-2f0d6f0a9b11", name: "friday.png", size: 68, content_type: "image/png" }],
        },
        contact_language_chosen: false,
        // A key of its own: the backend's data outlives a test run.
        idempotency_key: idempotencyKey,
        saved_at: 0,
      },
    };
    localStorage.setItem(`support-widget:v1:draft:${backendUrl}/:partner:partner-center`, JSON.stringify(draft));
  }, [backend, randomUUID()]);
  const widget = await openForm(page);
  await expect(widget.host.getByTestId("attachment")).toContainText("friday.png");
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  await expect(widget.errorSummary).toContainText("A file is no longer with the support service");
  await expect(widget.host.getByTestId("attachments-error")).toContainText("Remove it and add it again");
  await widget.errorSummary.getByRole("link").first().click();
  await expect(widget.host.getByTestId("attachments-add")).toBeFocused();
  // Removing it lets the request go.
  await widget.host.getByTestId("attachment-remove").click();
  // Focus stays in the widget, on the button that adds files.
  await expect(widget.host.getByTestId("attachments-add")).toBeFocused();
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
});

test("an SVG is refused with the kinds of image that can be attached", async ({ page }) => {
  const widget = await openForm(page);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "pic.svg", mimeType: "image/svg+xml", buffer: svg });
  const refused = widget.host.getByTestId("attachments-refused").locator("li");
  await expect(refused).toHaveText(/pic\.svg\W* can't be attached: attach PNG, JPEG, GIF or WebP images/);
  await expect(widget.host.getByTestId("attachment")).toHaveCount(0);
});

test("an upload the backend refuses says so and is not tried again by itself", async ({ page }) => {
  const widget = await openForm(page, "es-ES");
  let uploads = 0;
  await page.route("**/attachments?**", (route) => {
    uploads += 1;
    // A proxy in front of the backend with a smaller body limit.
    return route.fulfill({ status: 413, headers: { "Access-Control-Allow-Origin": new URL(page.url()).origin }, body: "" });
  });
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-failed")).toHaveText(
    "El servicio de soporte no ha aceptado este archivo porque es demasiado grande. Quítelo para enviar la solicitud sin él.",
  );
  // Refused, not retried: the text says so only when no retry is due, and
  // none comes in the time a first retry would take (at most 1 s).
  await page.waitForTimeout(1500);
  expect(uploads).toBe(1);
  // Only the user can settle it, and the request says so.
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toHaveText(
    "No se ha podido subir un archivo. Vuelva a intentarlo o quítelo y después envíe la solicitud.",
  );
});

test("a backend stricter than the widget says why it refused a file, in the user's language", async ({ page }) => {
  const widget = await openForm(page, "zh-TW");
  await page.route("**/attachments?**", (route) =>
    route.fulfill({
      status: 422,
      headers: { "Access-Control-Allow-Origin": new URL(page.url()).origin, "Content-Type": "application/json" },
      body: JSON.stringify({ errors: [{ field: "file", code: "file_type_mismatch" }] }),
    }),
  );
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-failed")).toHaveText(
    "支援服務未接受此檔案：其實際內容與檔名或類型不符。移除該檔案後即可傳送要求。",
  );
});

test("an upload whose sign-in is refused says to sign in again, and the page hears that the session ended and the 401", async ({ page }) => {
  // The page's own headers carry the sign-in (identity-session.spec.js has
  // a token provider's).
  await withoutTokenProvider(page);
  const widget = await openForm(page, "zh-CN");
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("support-widget:error", (event) => window.__errors.push(event.detail));
  });
  let refused = true;
  await page.route("**/attachments?**", (route) =>
    refused
      ? route.fulfill({ status: 401, headers: { "Access-Control-Allow-Origin": new URL(page.url()).origin }, body: "" })
      : route.continue(),
  );
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-failed")).toHaveText(
    /^支持服务未接受你的登录信息（错误代码：\u2068?401\u2069?）。请重新登录，然后重试。$/,
  );
  // First that the session ended (to sign the user in again), then the
  // upload's own failure.
  expect(await page.evaluate(() => window.__errors)).toEqual([
    expect.objectContaining({ code: "session_ended" }),
    expect.objectContaining({ code: "server", status: 401 }),
  ]);
  // Signed in again, the user retries the file by hand.
  refused = false;
  await widget.host.getByTestId("attachment-retry").click();
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
});

/** The form, offline, with app.log attached; `sent.uploads` counts the uploads the page sends. */
async function attachOffline(page, context) {
  const widget = await openForm(page);
  const sent = { uploads: 0 };
  page.on("request", (r) => {
    if (r.url().includes("/attachments?")) sent.uploads += 1;
  });
  await context.setOffline(true);
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "app.log", mimeType: "text/plain", buffer: log });
  return { widget, sent };
}

test("offline, a file waits for the connection without spending its attempts, then uploads", async ({ page, context, request: api }) => {
  const { widget, sent } = await attachOffline(page, context);
  await expect(widget.host.getByTestId("attachment-offline")).toHaveText(
    "Waiting for the connection. The file uploads when you're back online.",
  );
  await expect(widget.host.getByTestId("attachment-retry")).toHaveCount(0);
  await expect(widget.host.getByTestId("attachments-news")).toHaveText(/^\u2068?app\.log\u2069? will upload when you're back online\.$/);
  // Sent meanwhile, the request waits for the file rather than calling it
  // failed, and the form says it waits for the connection.
  await widget.fill(request);
  await widget.submit();
  await expect(widget.host.getByTestId("attachments-blocked")).toHaveText(
    "You're offline. The request will be sent as soon as the connection returns and every file has uploaded.",
  );
  expect(sent.uploads).toBe(0);

  // Back online, the file uploads and the request goes with it.
  await context.setOffline(false);
  await expect(widget.confirmation).toBeVisible();
  expect(sent.uploads).toBe(1);
  const stored = await widget.storedRequest(api);
  expect(stored.attachments.map((a) => a.name)).toEqual(["app.log"]);
});

test("a file removed while it waits for the connection is never uploaded", async ({ page, context }) => {
  const { widget, sent } = await attachOffline(page, context);
  await expect(widget.host.getByTestId("attachment-offline")).toBeVisible();
  await widget.host.getByTestId("attachment-remove").click();
  await expect(widget.host.getByTestId("attachment")).toHaveCount(0);
  await context.setOffline(false);
  // A file added now uploads once; the removed one not at all.
  await widget.host.getByTestId("attachments-input").setInputFiles({ name: "second.log", mimeType: "text/plain", buffer: log });
  await expect(widget.host.getByTestId("attachment-uploaded")).toBeVisible();
  expect(sent.uploads).toBe(1);
});

test("a file pasted as the element leaves the page breaks nothing: a widget added afterwards works", async ({ page }) => {
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const backendAttribute = await widget.host.getAttribute("backend");
  await widget.form.evaluate((form, png) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(png)], "screen.png", { type: "image/png" }));
    form.querySelector("#sw-description").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    // The portal moves on at once, as a single-page app's route change does,
    // while the file is still being read.
    form.getRootNode().host.remove();
  }, [...png]);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const next = await addWidget(page, backendAttribute);
  await next.openPartnerCenterRequest();
  expect(failures).toEqual([]);
});
