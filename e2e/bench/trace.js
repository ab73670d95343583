// The longest main-thread task in a Chromium trace. A "long task" observer
// only reports tasks of 50 ms and more; the trace has every task the
// renderer's main thread ran (its RunTask events), however short.

/** Categories to record: RunTask comes with the DevTools timeline. */
export const traceCategories = ["devtools.timeline", "disabled-by-default-devtools.timeline"];

/**
 * The longest task, in ms, that the main thread of the renderer showing
 * `origin` ran while the trace was recorded.
 */
export function longestTask(buffer, origin) {
  const events = JSON.parse(buffer.toString("utf-8")).traceEvents;
  // The renderer process of the page's main frame: the one it committed a
  // navigation to `origin` in, or the one it was in when the trace started.
  const processes = new Set();
  for (const event of events) {
    const data = event.args?.data;
    if (event.name === "FrameCommittedInBrowser" && data?.url?.startsWith(origin)) processes.add(data.processId);
    if (event.name === "TracingStartedInBrowser") {
      for (const frame of data?.frames ?? []) {
        if (frame.url?.startsWith(origin) && frame.isOutermostMainFrame !== false) processes.add(frame.processId);
      }
    }
  }
  if (!processes.size) throw new Error(`the trace shows no renderer for ${origin}`);
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain" && processes.has(event.pid))
      .map((event) => `${event.pid}:${event.tid}`),
  );
  let longest = 0;
  for (const event of events) {
    if (event.name === "RunTask" && event.ph === "X" && mainThreads.has(`${event.pid}:${event.tid}`)) {
      longest = Math.max(longest, event.dur);
    }
  }
  return longest / 1000;
}
