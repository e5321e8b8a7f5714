// Entry point, loaded on every page by mkdocs.yml (a module script). Finds the page's
// blocks ([data-calculator], [data-catalogue], [data-chooser]) and attaches one object to each. A
// page without one costs this file and the small scroll-hints.js: the other modules are imported
// only when needed.
//
// The modules, by job:
//   calculator-block.js  one calculator: form, results, problems, state, toolbar
//   scenarios.js         presets, a pinned base scenario, scenarios saved in this browser
//   catalogue.js         the catalogue planner: a file or pasted list in, the best plan out
//   chooser.js           the 60-second chooser (no Python: answers worked out at build time)
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

// Block kinds: the selector that finds them, the module and class that run them, and whether
// they use the Python runtime (the chooser does not: its answers were worked out at build time).
const KINDS = [
  { selector: "[data-calculator]", load: () => import("./calculator-block.js"), name: "Calculator", python: true },
  { selector: "[data-catalogue]", load: () => import("./catalogue.js"), name: "CataloguePlanner", python: true },
  { selector: "[data-chooser]", load: () => import("./chooser.js"), name: "Chooser", python: false },
];

const attached = new Map(); // root element -> {block, python}
let runtimeModule = null; // runtime.js, once a page with a Python block has been seen

// Idempotent: attaches new blocks, detaches blocks that left the page.
async function initPage() {
  markScrollers();
  for (const [root, { block }] of attached) {
    if (!root.isConnected) {
      block.detach();
      attached.delete(root);
    }
  }
  for (const kind of KINDS) {
    const roots = [...document.querySelectorAll(kind.selector)].filter((root) => !attached.has(root));
    if (roots.length === 0) continue;
    const module = await kind.load();
    if (kind.python) runtimeModule ??= await import("./runtime.js");
    for (const root of roots) {
      if (attached.has(root)) continue; // attached by a call that ran while this one awaited
      const block = new module[kind.name](root);
      attached.set(root, { block, python: kind.python });
      block.attach();
      // Each answer replaces tables (the result, then its sensitivity): their hints follow, in
      // the frame that lays them out anyway.
      root.addEventListener("amc:result", () => requestAnimationFrame(() => markScrollers(root)));
    }
  }
  markScrollers(); // the blocks' tables may have changed
  const python = [...attached.values()].some((entry) => entry.python);
  if (!python && runtimeModule) runtimeModule.stopRuntime();
}

// Material's instant navigation swaps the page without reloading scripts and announces each new
// page on document$.
// Run now (module scripts run once the document is parsed) rather than waiting for Material's
// first document$ emission, which comes later.
initPage();
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => initPage());
}
