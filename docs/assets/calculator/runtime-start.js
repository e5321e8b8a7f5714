// When a calculator starts Python. The runtime is about 14 MB, so it is fetched for readers who
// use a calculator, not for those who only read the page around it:
//   - a touch of the form (focus, pointer down; an input change starts it in calculator-block.js)
//     always starts it;
//   starting: the block has already asked for the runtime (a scenario from the URL);
//   eager: the calculator is the page's content (the calculator page itself): start now, unless
//     the reader asked the browser to save data (Save-Data), then on interaction only. On a full
//     page load its <head> has already started the worker (overrides/partials/early-runtime.html,
//     the same Save-Data rule; generator/calculator_html.py's starts_at_once, the same rule as
//     eager here): "now" then takes that worker over.
// A compact calculator in a guide never starts on visibility or idle alone: it sits at the end of
// the page, where every reader who scrolls to the bottom passes it (issue 14: a guide page read
// without touching its calculator moves at most 1 MB). Its prerendered numbers are there anyway.

// Arms the triggers for one calculator block and returns a function that disarms them.
export function armStart({ form, eager, starting }, start) {
  const events = ["focusin", "pointerdown"];
  const once = () => {
    disarm();
    start();
  };
  const disarm = () => events.forEach((name) => form.removeEventListener(name, once));
  events.forEach((name) => form.addEventListener(name, once));
  if (!starting && eager && !saveData()) once();
  return disarm;
}

export function saveData() {
  return Boolean(navigator.connection && navigator.connection.saveData);
}
