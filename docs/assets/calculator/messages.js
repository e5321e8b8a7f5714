// Every sentence the calculator's script shows to readers, in one place. (The result tables'
// words come from the parameter bundle through calculators/report.py, not from here.)

export const messages = {
  starting: "Starting the calculator",
  loading: (progress) => `${progress}…`,
  live: "Live: results update as you type.",
  scriptFailed: "the calculator's script could not start",
  timedOut: (seconds) => `Python did not start within ${seconds} s`,
  failed: (reason) => `The live calculator could not start: ${reason}.`,
  failedNote: (failure) =>
    `${failure} The numbers shown are still valid for the values they were worked out for.`,
  linkCopied: "Link copied: it reopens these numbers.",
  copyByHand: "Copy this link:",
};
