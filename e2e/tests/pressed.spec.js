// A pressed toggle looks pressed, and not by colour alone: the inbox's
// "Open" and "Resolved" filters, on the demo signed in as partner staff, in
// the default theme, in a portal's theme and in forced colours.
import { expect, test } from "@playwright/test";
import { authDemo } from "./identity-tokens.js";
import { SupportWidgetPage } from "./support-widget-page.js";

/** What a filter looks like: its underline (a mark that is not a colour),
 *  and its fill. */
const look = (button) =>
  button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { underline: style.textDecorationLine, fill: style.backgroundColor };
  });

const themes = {
  "the default theme": async () => {},
  "a portal's theme": (page) =>
    page.addStyleTag({ content: "support-widget { --sw-accent: rgb(138, 21, 56); }" }),
  "forced colours": (page) => page.emulateMedia({ forcedColors: "active" }),
};

for (const [theme, apply] of Object.entries(themes)) {
  test(`the pressed inbox filter differs from the other by more than colour, in ${theme}`, async ({ page }) => {
    const partner = new SupportWidgetPage(page);
    await partner.goto(`${authDemo}/`);
    await partner.setAttribute("locale", "en-US");
    await apply(page);
    await partner.host.getByTestId("open-inbox").click();
    const open = partner.host.getByTestId("inbox-show-open");
    const resolved = partner.host.getByTestId("inbox-show-resolved");

    // Both ways round: "Open" pressed, then "Resolved".
    for (const [pressed, other] of [[open, resolved], [resolved, open]]) {
      await pressed.click();
      await expect(pressed).toHaveAttribute("aria-pressed", "true");
      await expect(other).toHaveAttribute("aria-pressed", "false");
      const [on, off] = [await look(pressed), await look(other)];
      expect(on.underline).toBe("underline");
      expect(off.underline).toBe("none");
      expect(on.fill).not.toBe(off.fill);
    }
  });
}
