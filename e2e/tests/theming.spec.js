// Deployers theme the widget with custom properties; it follows the user's
// dark scheme unless the page sets a theme, and the page's root font size
// does not change it.
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

test("the page's root font size does not resize the widget", async ({ page }) => {
  const widget = new SupportWidgetPage(page);
  await widget.open();
  const before = await widget.heading.evaluate((el) => getComputedStyle(el).fontSize);
  await page.addStyleTag({ content: "html { font-size: 40px !important }" });
  await expect(widget.heading).toHaveCSS("font-size", before);
  await expect(widget.host.locator("#sw-title")).toHaveCSS("font-size", "15px");
});
