// A portal whose users sign in with OpenID Connect, on loopback, for the
// end-to-end tests (tests/identity-oidc.spec.js) and for trying it by hand:
//
//   node e2e/oidc/server.mjs      (after scripts/build; ports below)
//
// Three parts, as a real deployment has them:
// - an OpenID Connect provider (npm oidc-provider, OpenID-certified) with an
//   RS256 key made at start, published at /jwks; users sign in on its
//   development login form (any password);
// - the reference backend, verifying the provider's access tokens through
//   that JWKS (--jwks-url, --jwt-issuer, --jwt-audience);
// - the portal: the built demo site (dist/) pointed at that backend, which
//   signs its users in with the authorization code flow (PKCE) at /login and
//   hands the page the user's access token at /demo-token, where the demo's
//   own sign-in script (demo/sign-in.js) asks for it.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const providerPort = Number(process.env.OIDC_PROVIDER_PORT ?? 18092);
const portalPort = Number(process.env.OIDC_PORTAL_PORT ?? 18093);
const backendPort = Number(process.env.OIDC_BACKEND_PORT ?? 18792);
const dataDir = path.resolve(root, process.env.DATA_DIR ?? "target/e2e-oidc");

const issuer = `http://127.0.0.1:${providerPort}`;
const portal = `http://127.0.0.1:${portalPort}`;
const backend = `http://127.0.0.1:${backendPort}`;
// The support API as a resource server: the access tokens' audience.
const audience = "support-widget";

// The provider's accounts, by the login typed on its form, which is also
// their subject (the stable user id in a token's `sub`).
const accounts = {
  "mei.lin": { name: "Mei Lin", email: "mei.lin@contosocloud.cn", role: "partner" },
  "zhang.wei": { name: "张伟", email: "zhang.wei@beijingcloud.partner.onmschina.cn", role: "customer", customer_id: "beijing-cloud" },
};

const client = {
  client_id: "contoso-portal",
  client_secret: crypto.randomBytes(32).toString("base64url"),
  redirect_uris: [`${portal}/callback`],
  grant_types: ["authorization_code"],
  response_types: ["code"],
  token_endpoint_auth_method: "client_secret_basic",
};

// The provider warns that it keeps its state in memory and signs users in
// on a development form, which is what a test portal wants: not repeated in
// every test run's output.
const warn = console.warn;
console.warn = (message, ...rest) => /^oidc-provider WARNING/.test(message) || warn(message, ...rest);
const { default: Provider, errors } = await import("oidc-provider");

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: crypto.randomUUID(), alg: "RS256", use: "sig" };

const provider = new Provider(issuer, {
  clients: [client],
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
  claims: { openid: ["sub"], profile: ["name", "email", "role", "customer_id"] },
  async findAccount(ctx, id) {
    const account = Object.hasOwn(accounts, id) && accounts[id];
    return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => backend,
      useGrantedResource: () => true,
      getResourceServerInfo(ctx, resource) {
        if (resource !== backend) throw new errors.InvalidTarget();
        return { scope: "support", audience, accessTokenTTL: 600, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } };
      },
    },
  },
  // Who the user is travels in the access token, as the backend reads it.
  async extraTokenClaims(ctx, token) {
    if (token.kind === "AccessToken" && Object.hasOwn(accounts, token.accountId)) return accounts[token.accountId];
  },
});

provider.on("server_error", (ctx, error) => console.error(error));

// The portal's sessions: a cookie's id to the user's access token.
const sessions = new Map();
// Sign-ins under way: state to the PKCE verifier.
const pending = new Map();

function signIn(response) {
  const state = crypto.randomBytes(16).toString("base64url");
  const verifier = crypto.randomBytes(32).toString("base64url");
  pending.set(state, verifier);
  const url = new URL(`${issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0],
    response_type: "code",
    scope: "openid profile support",
    resource: backend,
    state,
    code_challenge: crypto.createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  response.writeHead(302, { location: url.href }).end();
}

async function signedIn(url, response) {
  const verifier = pending.get(url.searchParams.get("state"));
  pending.delete(url.searchParams.get("state"));
  if (!verifier || !url.searchParams.get("code")) return response.writeHead(400).end(url.searchParams.get("error") ?? "no sign-in under way");
  const answer = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString("base64")}` },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: url.searchParams.get("code"),
      redirect_uri: client.redirect_uris[0],
      code_verifier: verifier,
    }),
  });
  const tokens = await answer.json();
  if (!answer.ok) return response.writeHead(502).end(JSON.stringify(tokens));
  const session = crypto.randomBytes(32).toString("base64url");
  sessions.set(session, tokens.access_token);
  response.writeHead(302, { location: "/", "set-cookie": `portal_session=${session}; Path=/; HttpOnly; SameSite=Lax` }).end();
}

function token(request, response) {
  const session = /(?:^|;\s*)portal_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
  const accessToken = sessions.get(session);
  if (!accessToken) return response.writeHead(204, { "cache-control": "no-store" }).end();
  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ token: accessToken }));
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const site = path.join(root, "dist");

async function file(url, response) {
  const name = path.normalize(url.pathname.replace(/\/$/, "/index.html"));
  const full = path.join(site, name);
  if (!full.startsWith(site)) return response.writeHead(403).end();
  let body;
  try {
    body = await fs.readFile(full);
  } catch {
    return response.writeHead(404).end();
  }
  // The demo pages point at this portal's backend.
  if (full.endsWith(".html")) body = body.toString("utf-8").replaceAll('backend="http://127.0.0.1:8787"', `backend="${backend}"`);
  response.writeHead(200, { "content-type": types[path.extname(full)] ?? "application/octet-stream", "cache-control": "no-cache" }).end(body);
}

const portalServer = http.createServer(async (request, response) => {
  const url = new URL(request.url, portal);
  try {
    if (url.pathname === "/login") return signIn(response);
    if (url.pathname === "/callback") return await signedIn(url, response);
    if (url.pathname === "/demo-token") return token(request, response);
    return await file(url, response);
  } catch (error) {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  }
});

function listen(server, port) {
  return new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
}

async function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(() => resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

const providerServer = http.createServer(provider.callback());
await listen(providerServer, providerPort);

await fs.mkdir(dataDir, { recursive: true });
// The demo's catalogue: the migrations hold none.
const seeded = spawnSync(
  path.join(root, "target/release/support-backend"),
  ["seed-demo", "--database-url", `sqlite://${dataDir}/support-widget.db`],
  { stdio: ["ignore", "ignore", "inherit"] },
);
if (seeded.status !== 0) throw new Error("support-backend seed-demo failed");
const backendProcess = spawn(
  path.join(root, "target/release/support-backend"),
  [
    "--listen", `127.0.0.1:${backendPort}`,
    "--database-url", `sqlite://${dataDir}/support-widget.db`,
    "--allowed-origin", portal,
    "--jwks-url", `${issuer}/jwks`,
    "--jwt-issuer", issuer,
    "--jwt-audience", audience,
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
const stop = () => {
  backendProcess.kill();
  process.exit();
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
backendProcess.on("exit", (code) => {
  console.error(`the backend stopped (${code})`);
  process.exit(1);
});
// Serve the portal only once the backend answers, so that a page that loads
// can always submit.
for (let attempt = 1; !(await answers(backendPort)); attempt++) {
  if (attempt === 600) {
    console.error(`the backend did not answer on 127.0.0.1:${backendPort} within 60 s`);
    backendProcess.kill();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await listen(portalServer, portalPort);

console.log(`OpenID Connect provider: ${issuer} (sign in as ${Object.keys(accounts).join(" or ")}, any password)`);
console.log(`Backend:                 ${backend} (keys from ${issuer}/jwks)`);
console.log(`Portal:                  ${portal}/login signs in, then ${portal}/`);
