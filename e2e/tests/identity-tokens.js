// Tokens for the identity tests, from the demo signed in (scripts/serve
// with its default auth, on the ports playwright.config.js gives it): the
// demo's own token endpoint, and tokens signed here with the demo's secret
// that the backend must refuse.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { authBackendPort, authDemoPort } from "../playwright.config.js";

export const authDemo = `http://127.0.0.1:${authDemoPort}`;
export const authBackend = `http://127.0.0.1:${authBackendPort}`;

// The secret scripts/serve made for that run (DATA_DIR target/e2e-auth).
const secretFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e-auth/demo-token-secret");

/** A token of the demo's user `as` ("partner" or "customer"), from the
 *  demo's token endpoint, as the demo pages get it. */
export async function demoToken(request, as) {
  const response = await request.get(`${authDemo}/demo-token?as=${as}`);
  if (response.status() !== 200) throw new Error(`demo-token?as=${as}: ${response.status()}`);
  return (await response.json()).token;
}

/** The claims a JWT carries (read, not verified). */
export function claimsOf(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf-8"));
}

/** `claims` signed with HS256, with the demo's secret unless another is given. */
export function signToken(claims, secret = fs.readFileSync(secretFile, "utf-8").replace(/\r?\n$/, "")) {
  const encode = (part) => Buffer.from(JSON.stringify(part)).toString("base64url");
  const input = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`;
  return `${input}.${crypto.createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** `token` as it was an hour and a half ago: its user's, signed with the
 *  demo's secret, expired an hour ago (far past any leeway). */
export function expiredToken(token) {
  const now = Math.floor(Date.now() / 1000);
  return signToken({ ...claimsOf(token), iat: now - 5400, nbf: now - 5400, exp: now - 3600 });
}

/** Files `body` through the backend's API with `token`, as another device
 *  or system of its user would; the stored request. */
export async function fileWith(request, token, body) {
  const response = await request.post(`${authBackend}/support-requests`, {
    headers: { authorization: `Bearer ${token}`, "idempotency-key": crypto.randomUUID() },
    data: body,
  });
  if (response.status() !== 201) throw new Error(`filing ${body.kind}: ${response.status()}`);
  return response.json();
}

/** One more open customer message than the inbox lists on a page, from
 *  the demo's customer, titled `${title} ${n} (${stamp})` for n from 0 to
 *  20, the newest last; returns the stamp. */
export async function filePageAndOneMore(request, title) {
  const customer = await demoToken(request, "customer");
  const stamp = Date.now();
  for (let n = 0; n < 21; n++) {
    await fileWith(request, customer, { kind: "customer_self_service", title: `${title} ${n} (${stamp})`, description: "One of many.", contact: { name: "Chen Jie", email: "chen.jie@beijing-cloud.cn" } });
  }
  return stamp;
}

/** Answers the partner inbox's next page (any page asked for `before` one)
 *  with `status` and the error `code`, as the backend would to the demo's
 *  page; its preflights still go to the backend. Returns the route's
 *  matcher, for `page.unroute`. */
export async function failNextInboxPage(page, status, code) {
  const nextPage = (url) => url.searchParams.get("kind") === "customer_self_service" && url.searchParams.has("before");
  await page.route(nextPage, (route) =>
    route.request().method() === "OPTIONS"
      ? route.continue()
      : route.fulfill({ status, contentType: "application/json", headers: { "Access-Control-Allow-Origin": authDemo }, body: JSON.stringify({ errors: [{ field: "", code }] }) }),
  );
  return nextPage;
}

/** A token of 21Vianet's support desk, as its ticketing system holds. */
export function agentToken() {
  const now = Math.floor(Date.now() / 1000);
  return signToken({ sub: "21vianet-desk", name: "21Vianet support", role: "agent", iss: "support-widget-demo", aud: "support-widget", iat: now, exp: now + 600 });
}
