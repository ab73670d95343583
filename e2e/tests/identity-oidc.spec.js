// A portal whose users sign in with OpenID Connect (oidc/server.mjs): a
// real provider on loopback (npm oidc-provider) issues RS256 access tokens,
// the page hands them to the widget through the demo's token provider, and
// the backend verifies them against the provider's JWKS.
import { expect, test } from "@playwright/test";
import { SupportWidgetPage } from "./support-widget-page.js";
import { claimsOf, signToken } from "./identity-tokens.js";
import { oidcBackendPort, oidcPortalPort, oidcProviderPort } from "../playwright.config.js";

const portal = `http://127.0.0.1:${oidcPortalPort}`;
const issuer = `http://127.0.0.1:${oidcProviderPort}`;
const backend = `http://127.0.0.1:${oidcBackendPort}`;

/** Signs in on the portal, through the provider's login form. */
async function signIn(page, login) {
  await page.goto(`${portal}/login`);
  expect(new URL(page.url()).origin).toBe(issuer);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks to let the portal call the support API.
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${portal}/`);
}

test("a partner signed in with OpenID Connect files a request with the provider's RS256 token", async ({ page }) => {
  await signIn(page, "mei.lin");
  // The token the portal holds for its user, as the page's provider gets it.
  const { token } = await (await page.request.get(`${portal}/demo-token`)).json();
  const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url"));
  expect(header).toMatchObject({ alg: "RS256", kid: expect.any(String) });
  expect(claimsOf(token)).toMatchObject({ iss: issuer, aud: "support-widget", sub: "mei.lin", role: "partner" });

  const widget = new SupportWidgetPage(page);
  await widget.open(`${portal}/`);
  await widget.setAttribute("locale", "en-US");
  await expect(widget.host.getByTestId("sending-as")).toContainText("mei.lin@contosocloud.cn");
  await widget.fill({ category: "technical", title: "Filed through OpenID Connect", description: "Signed in at the portal's provider." });
  await widget.submit();
  await expect(widget.confirmation).toBeVisible();
  const id = await widget.confirmation.getAttribute("data-request-id");

  const stored = await page.request.get(`${backend}/support-requests/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(stored.status()).toBe(200);
  expect((await stored.json()).request).toMatchObject({
    kind: "partner_center",
    title: "Filed through OpenID Connect",
    contact: { name: "Mei Lin", email: "mei.lin@contosocloud.cn" },
  });
  // The backend trusts the provider's keys only: the same claims with
  // another signature, or signed with a shared secret (HS256), are refused.
  const [head, payload] = token.split(".");
  for (const forged of [`${head}.${payload}.${Buffer.from("forged").toString("base64url")}`, signToken(claimsOf(token), "a secret of the attacker's, 32 bytes")]) {
    expect((await page.request.get(`${backend}/support-requests/${id}`, { headers: { authorization: `Bearer ${forged}` } })).status()).toBe(401);
  }
});
