// The one path to a request on a customer's behalf, which is the
// escalation to 21Vianet (seeds 001 to 003): the customer, the service, the
// admin center's self-help, then the guide (service health, troubleshooting,
// whether the problem is one of the five to hand off to 21Vianet, the partner's
// duties when it is not); and after filing, the request's status and the
// list of requests filed from this device.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Changes a stored request's status the documented way: the backend's CLI. */
function setStatus(reference, status, note) {
  execFileSync(
    `${root}target/release/support-backend`,
    ["set-status", "--database-url", `sqlite://${root}target/e2e/support-widget.db`, reference, status, "--note", note],
    { stdio: "pipe" },
  );
}

const texts = {
  "en-US": {
    search: "contoso",
    customer: "Contoso Ltd",
    healthHeading: "Check service health first",
    knownHeading: "21Vianet already knows about this",
    incident: "Virtual machines in China East 2 may fail to start",
    dutiesHeading: "This is yours to support",
    decline: "We'll support it ourselves",
    ownHeading: "Nothing was escalated",
    remediationHeading: "Escalating what you can't support",
    submitted: "Submitted",
    resolved: "Resolved",
  },
  "zh-CN": {
    search: "北京",
    customer: "北京云计算有限公司",
    healthHeading: "先检查服务运行状况",
    knownHeading: "世纪互联已知晓此问题",
    incident: "中国东部 2 区域的虚拟机可能无法启动",
    dutiesHeading: "这属于你的支持范围",
    decline: "我们自行提供支持",
    ownHeading: "未呈报任何问题",
    remediationHeading: "呈报你无法提供支持的问题",
    submitted: "已提交",
    resolved: "已解决",
  },
  "zh-TW": {
    search: "台北",
    customer: "台北雲端服務股份有限公司",
    healthHeading: "先檢查服務健康狀態",
    knownHeading: "21Vianet 已知悉此問題",
    incident: "中國東部 2 區域的虛擬機器可能無法啟動",
    dutiesHeading: "這屬於您的支援範圍",
    decline: "我們會自行提供支援",
    ownHeading: "未呈報任何問題",
    remediationHeading: "呈報您無法提供支援的問題",
    submitted: "已提交",
    resolved: "已解決",
  },
  "es-ES": {
    search: "asociados",
    customer: "Núñez y Asociados S.L.",
    healthHeading: "Compruebe primero el estado del servicio",
    knownHeading: "21Vianet ya tiene constancia de esto",
    incident: "las máquinas virtuales de China Este 2",
    dutiesHeading: "Este soporte le corresponde a usted",
    decline: "Nos encargaremos nosotros",
    ownHeading: "No se ha remitido nada",
    remediationHeading: "Remitir a 21Vianet lo que no puede atender",
    submitted: "Enviada",
    resolved: "Resuelta",
  },
};

/** From home: the one path, with its customer and service, past the admin
 *  center's self-help to the guide's first question. */
async function startEscalation(widget, locale, serviceId) {
  const text = texts[locale];
  await widget.goto();
  await widget.setAttribute("locale", locale);
  await widget.host.getByTestId("open-customer-request").click();
  await pickCustomerAndService(widget, locale, serviceId);
  await expect(widget.host.getByTestId("guide-health")).toBeVisible();
  await expect(widget.heading).toHaveText(text.healthHeading);
}

/** On the customer search: the customer, the service, and "still needs
 *  help" on the admin center's self-help. */
async function pickCustomerAndService(widget, locale, serviceId) {
  await widget.host.locator("#sw-customer-search").fill(texts[locale].search);
  await widget.host.getByRole("option", { name: texts[locale].customer }).click();
  await widget.host.locator(`[data-testid=service-option]`).nth(serviceIndex[serviceId]).click();
  // The admin center comes first, whatever the partner knows of the case.
  await expect(widget.host.getByTestId("self-help")).toBeVisible();
  await widget.host.getByTestId("still-needs-help").click();
}

// The services in the order GET /services lists them.
const serviceIndex = { office365: 0, azure: 1, dynamics365: 2, powerbi: 3 };

// Past service health and troubleshooting, to the escalation reason.
async function answerGuide(widget, reason) {
  // Health is checked once the list has been shown: a Continue before it
  // has loaded (or failed to) sends health_checked: false.
  const answered = "[data-testid=incident], [data-testid=health-none], [role=alert]";
  await expect(widget.host.getByTestId("guide-health").locator(answered).first()).toBeVisible();
  await widget.host.getByTestId("guide-health-continue").click();
  // Nothing ticked: the guide asks once, then goes on.
  const next = widget.host.getByTestId("guide-troubleshoot-continue");
  await next.click();
  await expect(widget.host.getByTestId("guide-troubleshoot-none")).not.toBeEmpty();
  await next.click();
  await widget.host.locator(`[data-testid=guide-reason][data-reason=${reason}]`).click();
}

async function fillRequest(widget, title) {
  await widget.host.locator("#sw-severity").check();
  await widget.host.locator("#sw-title").fill(title);
  await widget.host.locator("#sw-description").fill("Every user of the tenant is affected since 09:00.");
  await widget.host.locator("#sw-contact-name").fill("Li Na");
  await widget.host.locator("#sw-contact-email").fill("li.na@contoso.cn");
}

/** The POSTs of requests the page makes from now on. */
function postedRequests(page) {
  const posted = [];
  page.on("request", (r) => r.method() === "POST" && r.url().includes("/support-requests") && posted.push(r.url()));
  return posted;
}

const locales = ["en-US", "zh-CN", "zh-TW", "es-ES"];

for (const locale of locales) {
  test(`a known incident stops the escalation in ${locale}`, async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    const posted = postedRequests(page);
    await startEscalation(widget, locale, "azure");
    const incident = widget.host.getByTestId("incident").filter({ hasText: texts[locale].incident });
    // Under the screen's heading, its title is a level below it.
    await expect(incident.getByRole("heading", { level: 3 })).toHaveCount(1);
    await expect(incident).toBeVisible();
    // The words on what the list shows, above it.
    await expect(widget.host.getByTestId("guide-health").locator(":scope > p:not([data-testid=guide-progress])").first()).toBeVisible();
    await expect(incident.locator(".sw-incident-time")).not.toBeEmpty();
    // One service's health: its items need not name it.
    await expect(incident.getByTestId("incident-service")).toHaveCount(0);
    await incident.getByTestId("incident-mine").click();

    const known = widget.host.getByTestId("guide-known-incident");
    await expect(known).toBeVisible();
    await expect(widget.heading).toHaveText(texts[locale].knownHeading);
    await expect(widget.heading).toBeFocused();
    // It points to the incident, and there is no way on to a request.
    await expect(known.getByTestId("incident")).toHaveAttribute("data-incident-id", "azure-vm-start-china-east-2");
    await expect(widget.host.getByTestId("request-form")).toHaveCount(0);
    await known.getByTestId("guide-start-again").click();
    await expect(widget.home).toBeVisible();
    expect(posted).toEqual([]);
  });

  test(`a problem outside the five, lacking the means to solve it, is filed once with that reason in ${locale}`, async ({ page, request }) => {
    const widget = new SupportWidgetPage(page);
    const posted = postedRequests(page);
    await startEscalation(widget, locale, "dynamics365");
    await expect(widget.host.getByTestId("health-none")).toBeVisible();
    // Where the partner is among the guide's three questions.
    const progress = () =>
      widget.host.getByTestId("guide-progress").evaluateAll((found) => found.map((p) => p.textContent.replace(/[\u2068\u2069]/g, "")));
    const steps = {
      "en-US": (n) => `Step ${n} of 3`,
      "es-ES": (n) => `Paso ${n} de 3`,
      "zh-CN": (n) => `第 ${n} 步，共 3 步`,
      "zh-TW": (n) => `第 ${n} 步，共 3 步`,
    }[locale];
    await expect.poll(progress).toEqual([steps(1)]);
    // Nothing listed: no words about what the list shows, and plainly
    // "Continue", not "none of these".
    await expect(widget.host.getByTestId("guide-health").locator(":scope > p:not([data-testid=guide-progress])").first()).toBeHidden();
    await widget.host.getByTestId("guide-health-continue").click();
    // The checks are made in the customer's admin center, a click away.
    const adminCenter = widget.host.getByTestId("guide-troubleshoot").getByTestId("admin-center-link");
    await expect(adminCenter).toHaveAttribute("href", "https://portal.crm.dynamics.cn/");
    await expect(adminCenter).toContainText("Dynamics 365");
    await expect(adminCenter).toHaveAttribute("target", "_blank");
    await expect.poll(progress).toEqual([steps(2)]);
    await widget.host.getByTestId("troubleshoot-settings").check();
    await widget.host.getByTestId("guide-troubleshoot-continue").click();
    await expect(widget.host.getByTestId("guide-reason")).toHaveCount(5);
    // A list of the five kinds to hand off; "None of these" apart.
    const kinds = widget.host.getByTestId("guide-category").getByRole("list");
    await expect(kinds.getByRole("listitem")).toHaveCount(5);
    await expect(kinds.getByTestId("guide-reason-none")).toHaveCount(0);
    await expect(widget.host.getByTestId("guide-reason-none")).toHaveCSS("border-top-style", "dashed");
    await expect.poll(progress).toEqual([steps(3)]);
    await widget.host.getByTestId("guide-reason-none").click();
    // An outcome, not a question: the duties, and no way on to a request
    // but stating that the means are lacking.
    const duties = widget.host.getByTestId("guide-duties");
    await expect(duties).toBeVisible();
    await expect.poll(progress).toEqual([]);
    await expect(widget.heading).toHaveText(texts[locale].dutiesHeading);
    await expect(widget.host.getByTestId("partner-duties").locator("li")).toHaveCount(7);
    await expect(widget.host.getByTestId("point-of-contact")).toBeVisible();
    await expect(duties.getByRole("checkbox")).toHaveCount(0);
    await expect(duties.getByRole("button")).toHaveCount(2);

    await widget.host.getByTestId("guide-duties-lacks-means").click();
    // The warning before the request.
    await expect(widget.host.getByTestId("guide-remediation")).toBeVisible();
    await expect(widget.heading).toHaveText(texts[locale].remediationHeading);
    await expect(widget.heading).toBeFocused();
    await expect(widget.host.getByTestId("remediation-warning")).toBeVisible();
    await expect(widget.host.getByTestId("request-form")).toHaveCount(0);
    await widget.host.getByTestId("guide-remediation-continue").click();
    await expect(widget.host.getByTestId("request-form")).toBeVisible();
    await expect(widget.host.getByTestId("request-escalation")).toBeVisible();
    await fillRequest(widget, `Sales app slow for one user (${locale})`);
    await widget.submit();
    const stored = await widget.storedRequest(request);
    expect(stored.request.escalation).toEqual({
      reason: "lacks_training_documentation_tools",
      health_checked: true,
      troubleshooting: ["settings"],
    });
    expect(posted).toHaveLength(1);
  });

  test(`on the partner's duties, supporting it oneself ends the guide with nothing sent in ${locale}`, async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    const posted = postedRequests(page);
    await startEscalation(widget, locale, "dynamics365");
    await widget.host.getByTestId("guide-health-continue").click();
    await widget.host.getByTestId("troubleshoot-settings").check();
    await widget.host.getByTestId("guide-troubleshoot-continue").click();
    await widget.host.getByTestId("guide-reason-none").click();
    await expect(widget.host.getByTestId("guide-duties")).toBeVisible();
    // Stated, then thought better of: Back from the warning.
    await widget.host.getByTestId("guide-duties-lacks-means").click();
    await expect(widget.host.getByTestId("guide-remediation")).toBeVisible();
    await widget.host.getByTestId("back").click();
    const decline = widget.host.getByTestId("guide-duties-decline");
    await expect(decline).toHaveText(texts[locale].decline);
    await decline.click();
    const own = widget.host.getByTestId("guide-own-support");
    await expect(own).toBeVisible();
    await expect(widget.heading).toHaveText(texts[locale].ownHeading);
    await expect(widget.heading).toBeFocused();
    await expect(widget.host.getByTestId("request-form")).toHaveCount(0);
    await own.getByTestId("guide-start-again").click();
    await expect(widget.home).toBeVisible();
    // Started afresh: the customer is asked for again, from an empty
    // search, and the path starts from the admin center.
    await widget.host.getByTestId("open-customer-request").click();
    await expect(widget.host.locator("#sw-customer-search")).toHaveValue("");
    await expect(widget.host.getByTestId("customer-option")).toHaveCount(0);
    await pickCustomerAndService(widget, locale, "dynamics365");
    await expect(widget.host.getByTestId("guide-health")).toBeVisible();
    expect(posted).toEqual([]);
    expect(await widget.customerDraft()).toBe("");
  });
}

for (const [locale, reason] of [
  ["en-US", "unavailable_service"],
  ["zh-CN", "regional_multi_tenant_issue"],
  ["zh-TW", "bug_or_irregularity"],
  ["es-ES", "large_scale_network_disruption"],
]) {
  test(`an escalable problem files a request with its escalation in ${locale}`, async ({ page, request }) => {
    const widget = new SupportWidgetPage(page);
    await startEscalation(widget, locale, "office365");
    // An advisory that is not the customer's problem: go on.
    await expect(widget.host.getByTestId("incident")).toHaveCount(1);
    await widget.host.getByTestId("guide-health-continue").click();
    await widget.host.getByTestId("troubleshoot-software").check();
    await widget.host.getByTestId("troubleshoot-configuration").check();
    await widget.host.getByTestId("guide-troubleshoot-continue").click();
    await widget.host.locator(`[data-testid=guide-reason][data-reason=${reason}]`).click();

    await expect(widget.host.getByTestId("request-escalation")).toBeVisible();
    await fillRequest(widget, `Mail down for everyone (${locale})`);
    await widget.submit();
    const stored = await widget.storedRequest(request);
    expect(stored.request).toMatchObject({
      kind: "customer",
      customer: { name: texts[locale].customer },
      service: "office365",
      escalation: { reason, health_checked: true, troubleshooting: ["software", "configuration"] },
    });
  });
}

test("service health that could not be shown is filed as not checked, and escalating stays possible", async ({ page, request }) => {
  await page.route("**/service-health*", (route) => route.abort("connectionrefused"));
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "en-US", "azure");
  await expect(widget.host.getByRole("alert").filter({ hasText: "Service health couldn't be loaded" })).toBeVisible();
  await answerGuide(widget, "unavailable_service");
  await fillRequest(widget, "Portal down, health not shown");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.escalation).toMatchObject({ reason: "unavailable_service", health_checked: false });
});

test("each step's answer is kept on Back and across a reload", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "en-US", "azure");
  await expect(widget.host.getByTestId("incident").first()).toBeVisible();
  await widget.host.getByTestId("guide-health-continue").click();
  await widget.host.getByTestId("troubleshoot-software").check();
  await widget.host.getByTestId("guide-troubleshoot-continue").click();
  await widget.host.locator("[data-testid=guide-reason][data-reason=bug_or_irregularity]").click();
  await expect(widget.form).toBeVisible();
  await widget.host.getByTestId("back").click();
  // The reason chosen is marked, and the ticks are kept.
  await expect(widget.host.locator("[data-testid=guide-reason][data-reason=bug_or_irregularity]")).toHaveAttribute("aria-current", "true");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("troubleshoot-software")).toBeChecked();

  // A reload finds the same step, answered as it was, and the rest.
  await page.reload();
  await expect(widget.host.getByTestId("guide-troubleshoot")).toBeVisible();
  await expect(widget.host.getByTestId("troubleshoot-software")).toBeChecked();
  await widget.host.getByTestId("guide-troubleshoot-continue").click();
  await expect(widget.host.locator("[data-testid=guide-reason][data-reason=bug_or_irregularity]")).toHaveAttribute("aria-current", "true");
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("guide-health")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("self-help")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  // A new tab starts from home.
  const other = new SupportWidgetPage(await page.context().newPage());
  await other.goto();
  await other.page.close();
});

test("with nothing ticked, Continue asks whether anything was checked before it goes on", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "es-ES", "azure");
  await widget.host.getByTestId("guide-health-continue").click();
  const next = widget.host.getByTestId("guide-troubleshoot-continue");
  const warning = widget.host.getByTestId("guide-troubleshoot-none");
  await expect(warning).toBeEmpty();
  await next.click();
  // Still on troubleshooting, told why, in the user's language.
  await expect(widget.host.getByTestId("guide-troubleshoot")).toBeVisible();
  await expect(warning).not.toHaveClass(/sw-visually-hidden/);
  await expect(warning).toHaveAttribute("role", "alert");
  await expect(warning).toContainText("No ha marcado ninguno de estos puntos.");
  await expect(next).toHaveText("Continuar de todos modos");
  // Something ticked: no question, Continue goes on at once.
  await widget.host.getByTestId("troubleshoot-settings").check();
  await expect(warning).toBeEmpty();
  await expect(next).toHaveText("Continuar");
  // Unticked again, the question waits for the next Continue.
  await widget.host.getByTestId("troubleshoot-settings").uncheck();
  await page.waitForTimeout(100);
  await expect(warning).toBeEmpty();
  await next.click();
  await expect(warning).not.toBeEmpty();
  // Asked once: the second press goes on.
  await next.click();
  await expect(widget.host.getByTestId("guide-reason").first()).toBeVisible();
});

test("on a phone, a refused Continue keeps the focused control in sight", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "es-ES", "azure");
  await widget.host.getByTestId("guide-health-continue").click();
  // The question drawn above Continue pushes it down: it is brought back.
  const next = widget.host.getByTestId("guide-troubleshoot-continue");
  // The new screen's heading takes focus first.
  await expect(widget.heading).toBeFocused();
  await next.focus();
  // At the screen's bottom edge, where the question pushes it out of sight.
  await next.evaluate((button) => button.scrollIntoView({ block: "end" }));
  const before = await next.evaluate((button) => button.getBoundingClientRect().bottom);
  expect(before).toBeGreaterThan(844 - 20);
  await page.keyboard.press("Enter");
  await expect(next).toHaveText("Continuar de todos modos");
  await expect(next).toBeFocused();
  await expect(next).toBeInViewport({ ratio: 1 });
  // The question above it is in sight too.
  await expect(widget.host.getByTestId("guide-troubleshoot-none")).toBeInViewport();
  await page.keyboard.press("Enter");
  await widget.host.getByTestId("guide-reason-none").click();
  await expect(widget.host.getByTestId("guide-duties")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  // Both ways on from the duties fit a phone's width and are reached by keyboard.
  const lacks = widget.host.getByTestId("guide-duties-lacks-means");
  await lacks.focus();
  await expect(lacks).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(widget.host.getByTestId("guide-remediation")).toBeVisible();
  await expect(widget.heading).toBeFocused();
});

test("back into the guide undoes the draft's escalation: resumed later, the guide decides again", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "en-US", "azure");
  await answerGuide(widget, "unavailable_service");
  await widget.host.locator("#sw-title").fill("Virtual machines do not start");
  await expect.poll(() => widget.customerDraft()).toContain("unavailable_service");
  // The partner goes back, to think again.
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("guide-category")).toBeVisible();
  await expect.poll(() => widget.customerDraft()).not.toContain("unavailable_service");
  expect(await widget.customerDraft()).toContain("Virtual machines do not start");

  // Later, in another tab: home offers the draft, and the guide asks again.
  const later = new SupportWidgetPage(await page.context().newPage());
  await later.goto();
  await later.setAttribute("locale", "en-US");
  await later.host.getByTestId("resume-customer-request").click();
  await expect(later.host.getByTestId("guide-health")).toBeVisible();
  await answerGuide(later, "bug_or_irregularity");
  await expect(later.host.locator("#sw-title")).toHaveValue("Virtual machines do not start");
  await expect(later.host.getByTestId("request-escalation")).toBeVisible();
  await fillRequest(later, "Virtual machines do not start");
  await later.submit();
  const stored = await later.storedRequest(request);
  expect(stored.request.escalation.reason).toBe("bug_or_irregularity");
});

test("an escalated request left unsent resumes with the guide's decision after a reload", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "es-ES", "azure");
  await widget.host.getByTestId("guide-health-continue").click();
  await widget.host.getByTestId("troubleshoot-settings").check();
  await widget.host.getByTestId("guide-troubleshoot-continue").click();
  await widget.host.locator("[data-testid=guide-reason][data-reason=bug_or_irregularity]").click();
  await widget.host.locator("#sw-title").fill("El portal devuelve un error 500");
  await expect
    .poll(() => widget.customerDraft())
    .toContain("bug_or_irregularity");

  await page.reload();
  await widget.setAttribute("locale", "es-ES");
  await widget.host.getByTestId("resume-customer-request").click();
  await expect(widget.host.locator("#sw-title")).toHaveValue("El portal devuelve un error 500");
  await expect(widget.host.getByTestId("request-escalation")).toBeVisible();
  await expect(widget.host.getByTestId("draft-typed-for")).toHaveCount(0);
  await fillRequest(widget, "El portal devuelve un error 500");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request).toMatchObject({
    kind: "customer",
    customer: { name: texts["es-ES"].customer },
    service: "azure",
    escalation: { reason: "bug_or_irregularity", health_checked: true, troubleshooting: ["settings"] },
  });
});

test("another request after an escalation is a new problem: it goes the path again", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "en-US", "office365");
  await expect(widget.host.getByTestId("guide-health-continue")).toHaveText("It isn't any of these: continue");
  await answerGuide(widget, "unavailable_service");
  await expect(widget.host.getByTestId("request-escalation")).toBeVisible();
  await fillRequest(widget, "Mailboxes unavailable");
  await widget.submit();
  const first = await widget.storedRequest(request);
  expect(first.request.escalation.reason).toBe("unavailable_service");

  await widget.host.getByRole("button", { name: "Submit another request" }).click();
  // The same customer and service, from the admin center on.
  await expect(widget.host.getByTestId("self-help")).toBeVisible();
  await expect(widget.heading).toBeFocused();
  // The contact details alone are not worth a draft: past the draft's half
  // second of waiting, nothing is stored.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")))).toEqual([]);
  await widget.host.getByTestId("still-needs-help").click();
  await answerGuide(widget, "undocumented_service_problem");
  await expect(widget.host.getByTestId("request-context")).toContainText(texts["en-US"].customer);
  await expect(widget.host.locator("#sw-contact-email")).toHaveValue("li.na@contoso.cn");
  await widget.host.locator("#sw-severity").check();
  await widget.host.locator("#sw-title").fill("Calendar sharing fails");
  await widget.host.locator("#sw-description").fill("Sharing a calendar with another tenant fails with an error.");
  await widget.submit();
  const second = await widget.storedRequest(request);
  expect(second.id).not.toBe(first.id);
  expect(second.request).toMatchObject({ kind: "customer", service: "office365", title: "Calendar sharing fails" });
  expect(second.request.escalation.reason).toBe("undocumented_service_problem");
});

test("Back from an escalated request's confirmation skips the guide of the filed request, to the services", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "en-US", "office365");
  await answerGuide(widget, "regional_multi_tenant_issue");
  await fillRequest(widget, "Region down");
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const filed = await widget.storedRequest(request);
  expect(filed.request.escalation.reason).toBe("regional_multi_tenant_issue");
  await widget.host.getByTestId("back").click();
  await expect(widget.host.getByTestId("service-option").first()).toBeVisible();
  await expect(widget.heading).toBeFocused();
  // The same service again is a new problem, from the admin center and
  // the guide's start.
  await widget.host.locator("[data-testid=service-option]").nth(serviceIndex.office365).click();
  await widget.host.getByTestId("still-needs-help").click();
  await expect(widget.host.getByTestId("guide-health-continue")).toBeVisible();
});

test("a filed request takes the guide's answers with it: the same customer and service again start the guide over", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "zh-TW", "office365");
  await answerGuide(widget, "bug_or_irregularity");
  await fillRequest(widget, "郵件無法傳送");
  await widget.submit();
  await widget.storedRequest(request);
  await widget.host.evaluate((element) => element.open());
  await widget.host.getByTestId("open-customer-request").click();
  await pickCustomerAndService(widget, "zh-TW", "office365");
  await expect(widget.host.getByTestId("guide-health")).toBeVisible();
  await expect(widget.host.getByTestId("guide-health-continue")).toBeVisible();
});

test("a filed request's status is shown, refreshed, and listed among the filed requests", async ({ page, request }) => {
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "zh-CN", "powerbi");
  await answerGuide(widget, "unavailable_service");
  await fillRequest(widget, "报表服务不可用");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  // The confirmation already gives the status, and the reminder.
  await expect(widget.confirmation.getByTestId("confirm-status")).toHaveText(texts["zh-CN"].submitted);
  await expect(widget.confirmation.getByTestId("confirm-status")).toHaveAttribute("data-status", "submitted");
  await expect(widget.confirmation.getByTestId("close-the-loop")).toBeVisible();

  await widget.host.getByTestId("view-status").click();
  const current = widget.host.getByTestId("status-current");
  await expect(current).toHaveText(texts["zh-CN"].submitted);
  await expect(widget.host.getByTestId("status-reference")).toHaveText(stored.reference);
  // Whom it is for and how severe, as filed.
  const facts = widget.host.getByTestId("status-facts");
  await expect(facts).toContainText(texts["zh-CN"].customer);
  await expect(facts.getByTestId("status-service").locator("dt")).toHaveText("服务");
  await expect(facts.getByTestId("status-service").locator("dd")).toHaveText("Power BI");
  await expect(facts.locator("div").filter({ hasText: "严重程度" }).locator("dd")).toHaveText("严重");
  // And why it was escalated, as the request's screen said.
  await expect(facts.locator("div").filter({ hasText: "呈报" }).locator("dd")).toHaveText("服务不可用");
  await expect(facts.locator(".sw-facts-files")).toHaveCount(0);
  await expect(widget.host.getByTestId("close-the-loop")).not.toHaveClass(/sw-note-strong/);

  // Screen readers hear the status after each check.
  const announced = widget.host.getByTestId("status-announced");
  await expect(announced).toHaveAttribute("role", "status");
  await expect(announced).toHaveText(new RegExp(`^状态：\u2068?${texts["zh-CN"].submitted}\u2069?。检查时间：`));
  setStatus(stored.reference, "resolved", "已修复");
  await widget.host.getByTestId("status-refresh").click();
  await expect(current).toHaveText(texts["zh-CN"].resolved);
  await expect(announced).toHaveText(new RegExp(`^状态：\u2068?${texts["zh-CN"].resolved}\u2069?。`));
  await expect(current).toHaveAttribute("data-status", "resolved");
  await expect(widget.host.getByTestId("status-change")).toHaveCount(2);
  await expect(widget.host.getByTestId("status-change").last()).toContainText("已修复");
  await expect(widget.host.getByTestId("close-the-loop")).toHaveClass(/sw-note-strong/);
  // Back on the confirmation, the status is the one just seen.
  await widget.host.getByTestId("back").click();
  await expect(widget.confirmation.getByTestId("confirm-status")).toHaveText(texts["zh-CN"].resolved);
  await expect(widget.confirmation.getByTestId("confirm-status")).toHaveAttribute("data-status", "resolved");

  // The list survives a reload: it is kept on this device.
  await widget.goto();
  await widget.setAttribute("locale", "zh-CN");
  // The link lines up with the choices above it.
  const link = await widget.host.getByTestId("open-filed-requests").boundingBox();
  const choice = await widget.host.locator(".sw-choice").first().boundingBox();
  expect(Math.abs(link.x - choice.x)).toBeLessThanOrEqual(4);
  await widget.host.getByTestId("open-filed-requests").click();
  const item = widget.host.locator(`[data-testid=filed-request][data-request-id="${stored.id}"]`);
  await expect(item).toContainText(stored.reference);
  await expect(item.getByTestId("filed-status")).toHaveText(texts["zh-CN"].resolved);
  await item.click();
  await expect(widget.host.getByTestId("status-current")).toHaveText(texts["zh-CN"].resolved);
  await widget.host.getByTestId("back").click();
  // Back in the list, focus is on the request the user came back from.
  await expect(item).toBeFocused();

  // Forgetting the list can be undone while the screen is open.
  await widget.host.getByTestId("filed-clear").click();
  await expect(widget.host.getByTestId("filed-cleared")).toBeVisible();
  await expect(widget.host.getByTestId("filed-request")).toHaveCount(0);
  // Focus on Undo, the action the user may want next, which screen readers
  // hear with what it undoes: once, the notice being in no live region.
  await expect(widget.host.getByTestId("filed-undo")).toBeFocused();
  await expect(widget.host.getByTestId("filed-undo")).toHaveAccessibleDescription("列表已清空。你的请求仍保留在支持服务中。");
  await expect(widget.host.locator("[role=status], [aria-live]").filter({ has: widget.host.getByTestId("filed-cleared") })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(item).toContainText(stored.reference);
  await expect(widget.host.getByTestId("filed-cleared")).toHaveCount(0);
  await expect(widget.heading).toBeFocused();
  // Its status, the list, home and the list again: opened from home, the
  // list takes focus at its heading.
  await item.click();
  await widget.host.getByTestId("back").click();
  await expect(item).toBeFocused();
  await widget.host.getByTestId("back").click();
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(item).toContainText(stored.reference);
  await expect(widget.heading).toBeFocused();
  await widget.goto();
  await widget.host.getByTestId("open-filed-requests").click();
  await expect(item).toContainText(stored.reference);

  await widget.host.getByTestId("filed-clear").click();
  await expect(widget.host.getByTestId("filed-cleared")).toBeVisible();
  await widget.host.getByTestId("back").click();
  await expect(widget.home).toBeVisible();
  await expect(widget.host.getByTestId("open-filed-requests")).toHaveCount(0);
  await widget.goto();
  await expect(widget.host.getByTestId("open-filed-requests")).toHaveCount(0);
});

test.describe("in Shanghai", () => {
  test.use({ timezoneId: "Asia/Shanghai" });

  test("an incident's start and last update are in the user's time zone, which it names beside its own UTC text", async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    await startEscalation(widget, "en-US", "azure");
    const incident = widget.host.getByTestId("incident").filter({ hasText: texts["en-US"].incident });
    await expect(incident).toContainText("Since 01:40 UTC");
    await expect(incident.locator(".sw-incident-time")).toHaveText(
      /^Started \u2068?Nov 22, 2026, 9:40\sAM GMT\+8\u2069? · Updated \u2068?Nov 22, 2026, 11:15\sAM GMT\+8\u2069?$/,
    );
  });

  test("an item not updated since it started shows its start alone", async ({ page }) => {
    // The reference backend's answer, with the incident's update at its
    // start, written another way (as another backend may write it).
    await page.route("**/service-health*", async (route) => {
      const response = await route.fetch();
      const health = await response.json();
      const incidents = health.incidents.map((item) => ({ ...item, updated_at: item.started_at.replace("Z", ".000+00:00") }));
      await route.fulfill({ response, json: { ...health, incidents } });
    });
    const widget = new SupportWidgetPage(page);
    await startEscalation(widget, "zh-CN", "azure");
    const incident = widget.host.getByTestId("incident").first();
    const time = incident.locator(".sw-incident-time");
    await expect(time).toHaveText(/^开始于 \u2068?2026年11月22日 [^·]*09:40[^·]*$/);
    await expect(time).not.toContainText("更新于");
  });

  test("a time in zh-TW names its zone as the incident's own text does, without brackets", async ({ page }) => {
    const widget = new SupportWidgetPage(page);
    await startEscalation(widget, "zh-TW", "azure");
    const incident = widget.host.getByTestId("incident").first();
    await expect(incident).toContainText("UTC 時間 01:40");
    // Chromium writes "上午9:40 [GMT+8]" in zh-TW.
    const time = incident.locator(".sw-incident-time");
    await expect(time).toContainText(/2026年11月22日\s上午9:40\sGMT\+8/);
    await expect(time).not.toContainText("[");
  });
});

test("a health list of which nothing can be read is no all-clear in the guide: the check counts as not shown", async ({ page, request }) => {
  const incident = {
    id: "i-new", service: "azure", kind: "outage", status: "investigating", title: "Sign-in failures", summary: "",
    locale: "en-US", started_at: "2026-11-25T08:00:00Z", updated_at: "2026-11-25T08:30:00Z",
  };
  await page.route("**/service-health*", (route) => route.fulfill({ json: { service: "azure", incidents: [incident] } }));
  const widget = new SupportWidgetPage(page);
  await startEscalation(widget, "zh-CN", "azure");
  await expect(widget.host.getByTestId("guide-health").getByRole("alert")).toBeVisible();
  await expect(widget.host.getByTestId("health-none")).toHaveCount(0);
  await answerGuide(widget, "unavailable_service");
  await fillRequest(widget, "Sign-in fails for every user");
  await widget.submit();
  const stored = await widget.storedRequest(request);
  expect(stored.request.escalation.health_checked).toBe(false);
});
