// Deployers theme the widget with custom properties; it follows the user's
// dark scheme unless the page sets a theme, and the page's root font size
// does not change it; forced colours keep what matters marked.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { axeTags, SupportWidgetPage } from "./support-widget-page.js";

const surface = (widget) => widget.host.locator(".sw-widget").evaluate((el) => getComputedStyle(el).backgroundColor);

test("the dark scheme follows the user's preference unless the page sets a theme", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await page.emulateMedia({ colorScheme: "light" });
  await widget.goto();
  expect(await surface(widget)).toBe("rgb(255, 255, 255)");

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await surface(widget)).toBe("rgb(31, 32, 35)");
  await widget.setAttribute("theme", "light");
  expect(await surface(widget)).toBe("rgb(255, 255, 255)");

  await page.emulateMedia({ colorScheme: "light" });
  await widget.setAttribute("theme", "dark");
  expect(await surface(widget)).toBe("rgb(31, 32, 35)");
});

test("the dark scheme passes axe, contrast included", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await widget.setAttribute("locale", "zh-CN");
  await widget.submit();
  await expect(widget.errorSummary).toBeFocused();
  const results = await new AxeBuilder({ page })
    .include("support-widget")
    .withTags(axeTags)
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("custom properties on the element theme it", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await page.addStyleTag({
    content: `support-widget { --sw-accent: rgb(138, 21, 56); --sw-radius: 0px; --sw-font: Georgia, serif; }`,
  });
  await expect(widget.submitButton).toHaveCSS("background-color", "rgb(138, 21, 56)");
  await expect(widget.submitButton).toHaveCSS("border-top-left-radius", "0px");
  await expect(widget.heading).toHaveCSS("font-family", "Georgia, serif");
});

test("inline, the card grows up to 640 px wide in a wider element, unless the page sets another width", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  await page.addStyleTag({ content: "support-widget { display: block; width: 1000px }" });
  const card = widget.host.locator(".sw-widget");
  await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().width)).toBe(640);
  await page.addStyleTag({ content: "support-widget { --sw-max-width: none }" });
  await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().width)).toBe(1000);
  await page.addStyleTag({ content: "support-widget { --sw-max-width: 52rem }" });
  await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().width)).toBe(832);
});

test("the page's root font size does not resize the widget", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const before = await widget.heading.evaluate((el) => getComputedStyle(el).fontSize);
  await page.addStyleTag({ content: "html { font-size: 40px !important }" });
  await expect(widget.heading).toHaveCSS("font-size", before);
  await expect(widget.host.locator("#sw-title")).toHaveCSS("font-size", "15px");
});

test("Traditional Chinese asks for Traditional fonts first, and the page's font still wins", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const fonts = () => widget.submitButton.evaluate((el) => getComputedStyle(el).fontFamily);
  await widget.setAttribute("locale", "zh-TW");
  await expect(widget.heading).toHaveText("新增合作夥伴中心要求");
  const traditional = await fonts();
  expect(traditional.indexOf("Microsoft JhengHei")).toBeGreaterThan(-1);
  expect(traditional).not.toContain("Microsoft YaHei");
  await widget.setAttribute("locale", "zh-CN");
  await expect(widget.heading).toHaveText("新建合作伙伴中心请求");
  expect(await fonts()).toContain("Microsoft YaHei");
  expect(await fonts()).not.toContain("JhengHei");

  await widget.setAttribute("locale", "zh-TW");
  await page.addStyleTag({ content: "support-widget { --sw-font: Georgia, serif; }" });
  await expect(widget.submitButton).toHaveCSS("font-family", "Georgia, serif");
});

/** The vertical space between each visible part of `container` and the next. */
const gaps = (container) =>
  container.evaluate((el) => {
    const boxes = [...el.children]
      .filter((child) => child.getClientRects().length > 0)
      .map((child) => child.getBoundingClientRect());
    return boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i].bottom));
  });

test("screens space their parts evenly: nothing touches, nothing drifts apart", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  const even = async (container) => {
    const between = await gaps(container);
    expect(between.length).toBeGreaterThan(1);
    for (const gap of between) {
      expect(gap).toBeGreaterThanOrEqual(8);
      expect(gap).toBeLessThanOrEqual(24);
    }
  };
  // The escalation guide's first step: the incidents, then "continue".
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("contoso");
  await widget.host.getByRole("option", { name: "Contoso Ltd" }).click();
  await widget.host.getByTestId("service-option").filter({ hasText: "Azure" }).click();
  await widget.host.getByTestId("still-needs-help").click();
  await expect(widget.host.getByTestId("incident").first()).toBeVisible();
  await even(widget.host.getByTestId("guide-health"));

  // The admin-center step, its paragraphs among the rest.
  await widget.host.evaluate((element) => element.open("customer"));
  await widget.host.getByTestId("service-option").filter({ hasText: "Azure" }).click();
  await even(widget.host.getByTestId("self-help"));

  // A confirmation, its reminder to close the loop before the buttons.
  await widget.escalate();
  await widget.host.locator("#sw-severity-moderate").check();
  await widget.host.locator("#sw-title").fill("VMs do not start");
  await widget.host.locator("#sw-description").fill("Since this morning.");
  await widget.host.locator("#sw-contact-name").fill("Alex Morgan");
  await widget.host.locator("#sw-contact-email").fill("alex.morgan@contoso.com");
  await widget.submit();
  await expect(widget.host.getByTestId("close-the-loop")).toBeVisible();
  await even(widget.confirmation);
});

test("in forced colours the option the arrow keys are on, and the service chosen before, stay marked", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  const widget = new SupportWidgetPage(page);
  await widget.goto();
  await widget.setAttribute("locale", "en-US");
  await widget.host.getByTestId("open-customer-request").click();
  await widget.host.locator("#sw-customer-search").fill("o");
  const options = widget.host.getByTestId("customer-option");
  await expect(options.nth(1)).toBeVisible();
  await widget.host.locator("#sw-customer-search").press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  const look = (option) => option.evaluate((e) => `${getComputedStyle(e).backgroundColor} ${getComputedStyle(e).color}`);
  expect(await look(options.first())).not.toBe(await look(options.nth(1)));

  // The service picked before, back on the services screen.
  await widget.host.locator("#sw-customer-search").press("Enter");
  const services = widget.host.getByTestId("service-option");
  await services.first().click();
  await widget.host.getByTestId("back").click();
  await expect(services.first()).toHaveAttribute("aria-current", "true");
  const outline = (service) => service.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(await outline(services.first())).toBe("solid");
  expect(await outline(services.nth(1))).toBe("none");
  // Focused by keyboard, it shows the focus ring rather than that mark.
  const ring = (service) => service.evaluate((e) => `${getComputedStyle(e).outlineWidth} ${getComputedStyle(e).outlineOffset}`);
  const marked = await ring(services.first());
  await services.nth(1).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(services.first()).toBeFocused();
  expect(await ring(services.first())).toBe("3px 2px");
  expect(await ring(services.first())).not.toBe(marked);
});
