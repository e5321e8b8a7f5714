// Every sentence the calculator's script shows to readers, in one place. (The result tables'
// words come from the parameter bundle through calculators/report.py, not from here.)

const money = (value) =>
  `¥${Math.abs(value).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// Why the live calculator could not start, by the runtime's failure code (runtime.js).
const FAILURES = {
  "wasm-blocked": () => "your browser blocks WebAssembly, which the calculator needs to run Python " +
    "(a security setting, an extension or the site's content security policy).",
  worker: () => "your browser could not start the calculator's background script.",
  missing: ({ file, status }) => `a file it needs is missing from the site (${file}, HTTP ${status}).`,
  integrity: ({ file }) => `a file failed its integrity check (${file}): it is not the file this ` +
    "site was built with, so it was not run.",
  network: ({ file }) => `a file could not be downloaded (${file}). Check your connection.`,
  timeout: ({ seconds }) => `Python did not start within ${seconds} s.`,
  model: () => "the calculator's model failed to start.",
  runtime: ({ reason }) => `${reason || "an unexpected error"}.`,
};

export const messages = {
  prerendered: "These numbers are for the default values. Change any value to recalculate in your browser.",
  stages: {
    starting: "Starting the calculator…",
    downloading: "Downloading the Python runtime…",
    "loading-package": "Loading the calculators…",
    "starting-model": "Starting the model…",
  },
  live: "Live: results update as you type.",
  failed: (failure) => `The live calculator could not start: ${(FAILURES[failure.code] || FAILURES.runtime)(failure)}`,
  // Results that belong to other values than the form shows (runtime not ready yet, or failed).
  otherValues: ({ defaults, failed }) =>
    `The results below are for ${defaults ? "the default values" : "your previous values"}, not the ` +
    `ones above${failed ? "" : ": they update once the calculator has started"}.`,
  fixValues: "Fix the highlighted values: the results below are from your last valid input.",
  linkCopied: "Link copied: it reopens these numbers.",
  copyByHand: "Copy this link:",
  // The live region's one sentence after each result.
  announce: ({ label, profit, change }) =>
    `${label}: ${money(profit)} a month after your time` +
    (change ? `, ${change > 0 ? "up" : "down"} ${money(change)} since the last result.` : "."),
  recommended: (label) => `Recommended: ${label}`,
};
