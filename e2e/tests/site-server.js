// Serves the demo site that scripts/serve prepared (target/e2e/site, or the
// `root` given) from another loopback port, with extra response headers: the page as a
// deployer's own server would send it, the files named by the build's hash
// cacheable for good (docs/embedding.md, "The snippet"), plus any extra pages
// given. It lists the paths it was asked for (`requested`): the browser's
// own cache answers the rest. No one is signed in: the demo's sign-in
// (demo/sign-in.js) gets no token (204), as from scripts/serve with
// AUTH=none.
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const demoSite = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e/site");
const hashed = /^\/support-widget-[0-9a-f]+\./;
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

export async function serveSite(port, headers = {}, pages = {}, site = demoSite) {
  const requested = [];
  const server = http.createServer(async (request, response) => {
    const name = new URL(request.url, "http://x").pathname.replace(/^\/$/, "/index.html");
    requested.push(name);
    if (name === "/demo-token") return response.writeHead(204, headers).end();
    if (pages[name] !== undefined) {
      response.writeHead(200, { "content-type": types[".html"], ...headers });
      return response.end(pages[name]);
    }
    const file = path.join(site, path.normalize(name));
    if (!file.startsWith(site)) return response.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      const cache = hashed.test(name) ? { "cache-control": "public, max-age=31536000, immutable" } : {};
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", ...cache, ...headers });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, requested, close: () => server.close() };
}
