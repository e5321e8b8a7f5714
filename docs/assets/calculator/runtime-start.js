// When a calculator starts Python: on the first sign of interest. The worker boots off the main
// thread, so an early start costs the page little and brings the first live result forward.

// Arms the triggers for one calculator block and returns a function that disarms them.
// A touch of the form always starts it. Beyond that:
//   starting: the block has already asked for the runtime (a scenario from the URL);
//   eager: the calculator is the page's content (the calculator page itself): start now;
//   otherwise (a compact calculator in a guide): when it scrolls into view, or when the browser
//   has nothing else to do.
export function armStart({ root, form, eager, starting }, start) {
  form.addEventListener("focusin", start, { once: true });
  form.addEventListener("pointerdown", start, { once: true });
  if (starting) return () => {};
  if (eager) {
    start();
    return () => {};
  }
  const visibility = whenVisible(root, start);
  idle(start);
  return () => visibility?.disconnect();
}

function whenVisible(element, callback) {
  if (!("IntersectionObserver" in window)) return null;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      callback();
    }
  });
  observer.observe(element);
  return observer;
}

function idle(callback) {
  if ("requestIdleCallback" in window) requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
}
