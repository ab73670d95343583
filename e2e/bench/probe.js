// What the benchmark runs inside the page, before the page's own scripts
// (Playwright's addInitScript serializes this function). Times are taken in
// the page with performance.now(), whose zero is the navigation's start, so
// that no figure includes the latency of driving the browser.
//
// "Painted" means the end of the next frame: a requestAnimationFrame
// callback runs just before the frame is drawn, and a message posted from it
// is handled just after.
export function probe({ idle = true, inline = true } = {}) {
  // The page never goes idle, so that only the user's intent can load the
  // widget in launcher mode (the worst case: a click before the page idled).
  if (!idle) window.requestIdleCallback = () => 0;

  const roots = [document];
  const watchers = new Set();
  const check = () => {
    for (const watcher of [...watchers]) watcher();
  };
  const observe = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true });
  observe(document);
  // Shadow roots are opaque to a MutationObserver on the document.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observe(root);
    return root;
  };
  // Layout-only changes (a stylesheet arriving) do not mutate the DOM: look
  // again every frame while anything is awaited.
  let looking = false;
  const everyFrame = () => {
    check();
    looking = watchers.size > 0;
    if (looking) requestAnimationFrame(everyFrame);
  };

  // WebAssembly memory is not in the JS heap: keep a handle to count it,
  // from whichever of the two calls the glue instantiates with (streaming,
  // when the loader hands it the .wasm's response).
  const memories = [];
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const instantiate = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return instantiate.apply(this, args).then((result) => {
        for (const value of Object.values((result.instance ?? result).exports)) {
          if (value instanceof WebAssembly.Memory) memories.push(value);
        }
        return result;
      });
    };
  }

  const find = (selector) => {
    for (const root of roots) {
      const found = root.querySelector(selector);
      if (found) return found;
    }
    return null;
  };
  const isShown = (selector) => {
    const found = find(selector);
    return Boolean(found && found.getClientRects().length);
  };
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  /** When `selector` is first on screen: { at, painted } in ms since navigation start. */
  const whenShown = (selector) =>
    new Promise((resolve) => {
      const watcher = () => {
        if (!isShown(selector)) return;
        watchers.delete(watcher);
        const at = performance.now();
        afterNextPaint().then((painted) => resolve({ at, painted }));
      };
      watchers.add(watcher);
      watcher();
      if (watchers.size && !looking) {
        looking = true;
        requestAnimationFrame(everyFrame);
      }
    });

  // The first moment of intent: the pointer arriving on the launcher (the
  // widget starts loading then) or, failing that, the press or the click.
  let intent = null;
  const intentEvents = ["pointerover", "pointerdown", "click", "keydown"];
  const noteIntent = (event) => {
    if (intent && intent.at === null) intent.at = event.timeStamp;
  };
  for (const type of intentEvents) addEventListener(type, noteIntent, { capture: true });

  // Input latency: from an event's timestamp (when the browser received the
  // input) to the end of the next frame after its handlers ran. A keystroke
  // runs from its keydown to the frame after its input event.
  const latencies = { typing: [], click: [] };
  let tracking = false;
  let keydownAt = null;
  const measure = (list, start) => afterNextPaint().then((end) => list.push(end - start));
  addEventListener("keydown", (event) => (keydownAt = event.timeStamp), { capture: true });
  addEventListener(
    "input",
    (event) => {
      if (tracking && keydownAt !== null) measure(latencies.typing, keydownAt);
      keydownAt = null;
    },
    { capture: true },
  );
  addEventListener("click", (event) => tracking && measure(latencies.click, event.timeStamp), { capture: true });

  window.__supportWidgetBench = {
    isShown,
    whenShown,
    // Only inline pages show the home screen at once; elsewhere the watch
    // would cost a check on every frame.
    firstRender: inline ? whenShown("[data-testid=home]") : null,
    /**
     * Arms the intent clock; `intentResult()` then resolves once `selector`
     * is shown. With `next`, the page then clicks `selector` at once, as a
     * user who knows where they are going, and the result's `next` says
     * when `next` was shown.
     */
    armIntent(selector, next) {
      intent = { at: null };
      const armed = intent;
      armed.result = whenShown(selector).then(async ({ at, painted }) => {
        const result = { intent: armed.at, at, painted };
        if (next) {
          const shown = whenShown(next);
          find(selector).click();
          result.next = await shown;
        }
        return result;
      });
    },
    intentResult: () => intent.result,
    trackInput() {
      tracking = true;
      for (const list of Object.values(latencies)) list.length = 0;
    },
    /** The latencies recorded since trackInput(), once every frame they wait for is drawn. */
    inputLatencies: () => afterNextPaint().then(afterNextPaint).then(() => structuredClone(latencies)),
    wasmMemoryBytes: () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
  };
}
