// Entry point, loaded on every page by mkdocs.yml (a module script). Finds the page's
// [data-calculator] blocks and attaches one Calculator to each. A page without a calculator
// costs this file and the small scroll-hints.js: the other modules are imported only when a
// calculator shows.
//
// The modules, by job:
//   calculator-block.js  one calculator: form, results, problems, state, toolbar
//   runtime.js           the shared module worker (worker.js runs Python), its states, timeout
//   runtime-start.js     when a calculator starts the runtime
//   url-state.js         the scenario in the URL
//   export.js            CSV/JSON download and copy link
//   scroll-hints.js      says which tables scroll sideways on a narrow screen
//   charts.js            the main calculator's charts (uPlot, loaded on first use)
//   messages.js          the sentences the script shows
//   offline.js           the service worker that keeps the site for repeat and offline visits
//   site-url.js          site-relative paths to URLs

import { markScrollers } from "./scroll-hints.js";

const attached = new Map(); // root element -> Calculator
let modules = null; // {Calculator, stopRuntime} once a page with a calculator has been seen

function loadModules() {
  modules ??= Promise.all([import("./calculator-block.js"), import("./runtime.js")]).then(
    ([{ Calculator }, { stopRuntime }]) => ({ Calculator, stopRuntime }),
  );
  return modules;
}

// Idempotent: attaches new blocks, detaches blocks that left the page.
async function initPage() {
  markScrollers();
  const roots = document.querySelectorAll("[data-calculator]");
  if (roots.length === 0 && !modules) return; // nothing was ever started
  const { Calculator, stopRuntime } = await loadModules();
  for (const [root, calculator] of attached) {
    if (!root.isConnected) {
      calculator.detach();
      attached.delete(root);
    }
  }
  for (const root of document.querySelectorAll("[data-calculator]")) {
    if (attached.has(root)) continue;
    const calculator = new Calculator(root);
    attached.set(root, calculator);
    calculator.attach();
    // Each answer replaces tables (the result, then its sensitivity): their hints follow, in the
    // frame that lays them out anyway.
    root.addEventListener("amc:result", () => requestAnimationFrame(() => markScrollers(root)));
  }
  markScrollers(); // the calculator's tables may have changed
  if (attached.size === 0) stopRuntime();
}

// Material's instant navigation swaps the page without reloading scripts and announces each new
// page on document$.
// Run now (module scripts run once the document is parsed) rather than waiting for Material's
// first document$ emission, which comes later.
initPage();
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => initPage());
}
