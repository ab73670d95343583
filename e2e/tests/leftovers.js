// Test instrumentation, run in the page before its scripts (as an init
// script): tracks the timers and frame callbacks the widget's own files
// start and the listeners they add to the window, the document and its root
// elements, by the file that made the call; and the BroadcastChannels the
// page opens. `window.__guestProbe()` tells what is left.
export function watchLeftovers() {
  const byWidget = () => /support-widget[^/]*\.js/.test(new Error().stack ?? "");
  const pending = new Set();
  const wrap = (set, clear, repeats) => {
    const original = window[set];
    const cancel = window[clear];
    window[set] = function (callback, ...rest) {
      if (!byWidget() || typeof callback !== "function") return original.call(window, callback, ...rest);
      let id;
      id = original.call(window, function (...args) {
        if (!repeats) pending.delete(`${set}:${id}`);
        return callback.apply(this, args);
      }, ...rest);
      pending.add(`${set}:${id}`);
      return id;
    };
    window[clear] = function (id) {
      pending.delete(`${set}:${id}`);
      return cancel.call(window, id);
    };
  };
  wrap("setTimeout", "clearTimeout", false);
  wrap("setInterval", "clearInterval", true);
  wrap("requestAnimationFrame", "cancelAnimationFrame", false);
  const listeners = new Set();
  const watched = (target) => [window, document, document.documentElement, document.body].includes(target);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched(this) && byWidget()) listeners.add(listener);
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    listeners.delete(listener);
    return remove.call(this, type, listener, options);
  };
  const channels = new Set();
  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    constructor(name) {
      super(name);
      channels.add(this);
    }
    close() {
      channels.delete(this);
      return super.close();
    }
  };
  Object.defineProperty(window, "__guestProbe", {
    value: () => ({ pending: [...pending], listeners: listeners.size, channels: channels.size }),
  });
}
