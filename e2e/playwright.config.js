// End-to-end tests: the release build on the demo portal page, served by
// scripts/serve as `scripts/demo` serves it, on ports of their own. Most run
// against an open backend (AUTH=none), where users type their contact; the
// identity tests (identity*.spec.js) against the demo as it runs, signed in
// with its HS256 tokens, and against a portal on an OpenID Connect provider
// (oidc/server.mjs).
import { defineConfig } from "@playwright/test";

export const demoPort = Number(process.env.E2E_DEMO_PORT ?? 18080);
export const backendPort = Number(process.env.E2E_BACKEND_PORT ?? 18787);
// A second portal origin, for loading the widget from another origin.
export const portalPort = Number(process.env.E2E_PORTAL_PORT ?? 18082);
// The demo site again, served with a strict Content Security Policy.
export const cspPort = Number(process.env.E2E_CSP_PORT ?? 18083);
// A bare page of the portal's own, for checking what the widget leaves behind.
export const guestPort = Number(process.env.E2E_GUEST_PORT ?? 18084);
// The demo page with the widget in launcher mode.
export const launcherPort = Number(process.env.E2E_LAUNCHER_PORT ?? 18085);
// The demo signed in, as scripts/demo runs it: its portal and backend.
export const authDemoPort = Number(process.env.E2E_AUTH_DEMO_PORT ?? 18090);
export const authBackendPort = Number(process.env.E2E_AUTH_BACKEND_PORT ?? 18791);
// The demo's webhook receivers (scripts/webhook_receiver.py), one per server.
export const webhookPort = Number(process.env.E2E_WEBHOOK_PORT ?? 18788);
export const authWebhookPort = Number(process.env.E2E_AUTH_WEBHOOK_PORT ?? 18789);
// A portal on OpenID Connect: the provider, the portal, its backend.
export const oidcProviderPort = Number(process.env.E2E_OIDC_PROVIDER_PORT ?? 18092);
export const oidcPortalPort = Number(process.env.E2E_OIDC_PORTAL_PORT ?? 18093);
export const oidcBackendPort = Number(process.env.E2E_OIDC_BACKEND_PORT ?? 18792);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 18025);
// Where the signed-in demo's mail lands (scripts/smtp_sink.py), from e2e/.
export const mailDir = "../target/e2e-mail";
// The demo backends' files in a store rather than a folder, each under a
// prefix of its own (scripts/test: E2E_ATTACHMENTS_URL=azure://attachments).
const attachmentsUrl = (prefix) =>
  process.env.E2E_ATTACHMENTS_URL ? { ATTACHMENTS_URL: `${process.env.E2E_ATTACHMENTS_URL}/${prefix}` } : {};

// The backends log every request they serve. The two demo backends write
// their logs to a file in their data folder, one as text and one as JSON,
// which scripts/check-logs searches for secrets and personal data after a
// run; the OpenID Connect portal's backend shows only its warnings and
// errors (E2E_BACKEND_LOG=info shows every request).
const backendLog = process.env.E2E_BACKEND_LOG ?? "warn";

// The servers, by name: E2E_SERVERS (comma-separated) starts fewer than all
// three, as the attachment tests on Azurite need only the open demo.
const servers = {
  open: {
    command: "bash ../scripts/serve",
    env: {
      AUTH: "none",
      RUST_LOG: "info",
      BACKEND_LOG: "target/e2e/backend.log",
      LOG_FORMAT: "text",
      DEMO_PORT: String(demoPort),
      BACKEND_PORT: String(backendPort),
      WEBHOOK_PORT: String(webhookPort),
      DATA_DIR: "target/e2e",
      ...attachmentsUrl("e2e"),
      ALLOWED_ORIGINS: `http://127.0.0.1:${demoPort},http://localhost:${demoPort},http://127.0.0.1:${portalPort},http://127.0.0.1:${cspPort},http://127.0.0.1:${guestPort},http://127.0.0.1:${launcherPort}`,
    },
    url: `http://127.0.0.1:${demoPort}/support-widget.js`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
  },
  "signed-in": {
    command: "bash ../scripts/serve",
    env: {
      RUST_LOG: "info",
      BACKEND_LOG: "target/e2e-auth/backend.log",
      LOG_FORMAT: "json",
      DEMO_PORT: String(authDemoPort),
      BACKEND_PORT: String(authBackendPort),
      WEBHOOK_PORT: String(authWebhookPort),
      DATA_DIR: "target/e2e-auth",
      ...attachmentsUrl("e2e-auth"),
      // Mail through a real SMTP server (the "mail" server below), each
      // mail's link to its reader's own demo page (mail-links.spec.js).
      // The partner's own addresses are a local relay's: the backend names
      // its sender when it starts, and this log is searched for e-mail
      // addresses (scripts/check-logs), which a customer's would be.
      SUPPORT_BACKEND_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SUPPORT_BACKEND_MAIL_FROM: "Contoso Support <support@localhost>",
      SUPPORT_BACKEND_PARTNER_SUPPORT_EMAIL: "support@localhost",
      SUPPORT_BACKEND_PORTAL_URL_PARTNER: `http://127.0.0.1:${authDemoPort}/?request={id}`,
      SUPPORT_BACKEND_PORTAL_URL_CUSTOMER: `http://127.0.0.1:${authDemoPort}/self-service.html?request={id}`,
      SUPPORT_BACKEND_MAIL_COALESCE_SECS: "1",
    },
    url: `http://127.0.0.1:${authDemoPort}/support-widget.js`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
  },
  // The signed-in demo's SMTP server: every mail written to mailDir.
  mail: {
    command: `rm -rf ${mailDir} && python3 ../scripts/smtp_sink.py --listen 127.0.0.1:${smtpPort} --dir ${mailDir}`,
    port: smtpPort,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
  },
  oidc: {
    command: "node oidc/server.mjs",
    env: {
      RUST_LOG: backendLog,
      OIDC_PROVIDER_PORT: String(oidcProviderPort),
      OIDC_PORTAL_PORT: String(oidcPortalPort),
      OIDC_BACKEND_PORT: String(oidcBackendPort),
      DATA_DIR: "target/e2e-oidc",
    },
    url: `http://127.0.0.1:${oidcPortalPort}/support-widget.js`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
  },
};
const serverNames = (process.env.E2E_SERVERS ?? Object.keys(servers).join(",")).split(",");
for (const name of serverNames) {
  if (!(name in servers)) throw new Error(`E2E_SERVERS names no server "${name}" (${Object.keys(servers).join(", ")})`);
}

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  workers: 2,
  // In CI a failed test runs once more: one that passes then is still
  // reported, as flaky, in the summary. Locally a failure is final.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${demoPort}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      // This machine's network is closed: keep Chromium from calling home.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: serverNames.map((name) => servers[name]),
});
