// Serves the demo site that scripts/serve prepared (target/e2e/site) from
// another loopback port, with extra response headers: the page as a
// deployer's own server would send it, plus any extra pages given. No one is
// signed in: the demo's sign-in (demo/sign-in.js) gets no token (204), as
// from scripts/serve with AUTH=none.
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/e2e/site");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

export async function serveSite(port, headers = {}, pages = {}) {
  const server = http.createServer(async (request, response) => {
    const name = new URL(request.url, "http://x").pathname.replace(/^\/$/, "/index.html");
    if (name === "/demo-token") return response.writeHead(204, headers).end();
    if (pages[name] !== undefined) {
      response.writeHead(200, { "content-type": types[".html"], ...headers });
      return response.end(pages[name]);
    }
    const file = path.join(site, path.normalize(name));
    if (!file.startsWith(site)) return response.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", ...headers });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
