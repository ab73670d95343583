// The strict Content Security Policy that docs/embedding.md gives deployers,
// with the widget's files on the page's origin: no inline scripts or styles,
// no eval, only that origin and the backend. Both the Chromium tests
// (csp.spec.js) and the Firefox ones (e2e/firefox/) serve the demo with it.

/** The policy for a widget whose backend is at `backend` (an origin). */
export const strictPolicy = (backend) =>
  [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `connect-src 'self' ${backend}/`,
    "img-src 'self' data: blob:",
  ].join("; ");
