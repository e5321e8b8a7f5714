// The runtime client: one module worker (worker.js, the only place Python runs) shared by every
// calculator on the page, its state and its start timeout.
//
// Listeners (calculator blocks) get onRuntimeState(state, detail) on every state change and
// onResult(answer) for their own requests. States and their detail:
//   loading  {stage}    starting | downloading | loading-package | starting-model
//   ready    {}
//   failed   {code, ...} wasm-blocked | worker | missing | integrity | network | timeout | model |
//                       runtime, with file/status/seconds/reason where they apply; retry says
//                       whether trying again can help
//   off      (no event)

import { keepForOffline } from "./offline.js";
import { siteUrl } from "./site-url.js";

export const runtime = {
  worker: null,
  state: "off",
  listeners: new Set(),
  timer: 0,
  pending: new Map(), // request id -> listener
  nextId: 1,
  startedAt: undefined, // performance.now() at the last start, read by the benchmark
  marks: undefined, // the worker's boot stages on this page's clock, read by the benchmark
};

export function subscribe(listener) {
  runtime.listeners.add(listener);
}

export function unsubscribe(listener) {
  runtime.listeners.delete(listener);
}

// config: {pyodideIndex, lockFile, stdlib, snapshot, emptyStdlib, packageName, parameters,
// timeoutMs, integrity},
// paths site-relative; integrity: {site path: "sha256-..."} for every file the worker loads.
export function startRuntime(config) {
  if (runtime.worker) return;
  runtime.state = "loading";
  const workerUrl = siteUrl("assets/calculator/worker.js");
  const init = initMessage(config);
  const early = takeEarlyRuntime(init);
  runtime.startedAt = early ? early.startedAt : performance.now();
  if (early) runtime.worker = early.worker;
  else {
    try {
      runtime.worker = new Worker(workerUrl, { type: "module" });
    } catch (error) { // a policy that forbids workers, or no module workers at all
      console.warn("calculator worker:", error);
      failRuntime({ code: "worker" });
      return;
    }
  }
  runtime.worker.onmessage = ({ data }) => onWorkerMessage(data);
  runtime.worker.onerror = (event) => {
    event.preventDefault();
    workerFailed(workerUrl);
  };
  // Every known failure is reported as it happens; the timeout catches the unknown ones. It
  // counts from the worker's creation, in <head> for an early start.
  const waited = performance.now() - runtime.startedAt;
  runtime.timer = setTimeout(
    () => failRuntime({ code: "timeout", seconds: Math.round(config.timeoutMs / 1000) }),
    Math.max(0, config.timeoutMs - waited),
  );
  if (!early) runtime.worker.postMessage(init);
  broadcast("loading", { stage: "starting" });
  if (!early) return;
  // What the early worker said before this page's calculator asked for it.
  const worker = runtime.worker;
  for (const data of early.messages) {
    if (runtime.worker !== worker) return; // it failed meanwhile
    onWorkerMessage(data);
  }
  if (early.error) workerFailed(workerUrl);
}

function initMessage(config) {
  return {
    type: "init",
    indexURL: siteUrl(config.pyodideIndex),
    lockFileURL: siteUrl(config.lockFile),
    stdLibURL: siteUrl(config.stdlib),
    snapshotURL: config.snapshot ? siteUrl(config.snapshot) : null,
    emptyStdLibURL: config.emptyStdlib ? siteUrl(config.emptyStdlib) : null,
    packageName: config.packageName,
    parametersURL: siteUrl(config.parameters),
    integrity: Object.fromEntries(Object.entries(config.integrity).map(([path, hash]) => [siteUrl(path), hash])),
  };
}

// The worker the calculator page's <head> started (overrides/partials/early-runtime.html), if it
// was started for this init message; taken once. One for other files (never expected: the page
// and its block carry the same attributes) is stopped, and the caller starts its own.
function takeEarlyRuntime(init) {
  const early = window.amcEarlyRuntime;
  if (!early) return null;
  delete window.amcEarlyRuntime;
  if (JSON.stringify(early.init) === JSON.stringify(init)) return early;
  early.worker.terminate();
  return null;
}

// The worker's script did not run: the error event does not say why, so ask the server whether
// the file is there.
async function workerFailed(workerUrl) {
  const worker = runtime.worker;
  let failure = { code: "worker" };
  try {
    const response = await fetch(workerUrl, { method: "HEAD", cache: "no-store" });
    if (!response.ok) failure = { code: "missing", file: "worker.js", status: response.status };
  } catch {
    failure = { code: "network", file: "worker.js" };
  }
  if (runtime.worker === worker) failRuntime(failure);
}

// Terminates the worker: on Retry, and when a page without a calculator is shown, so instant
// navigation never leaves one running in the background.
export function stopRuntime() {
  window.amcEarlyRuntime?.worker.terminate(); // started in <head>, not yet taken
  delete window.amcEarlyRuntime;
  clearTimeout(runtime.timer);
  if (runtime.worker) runtime.worker.terminate();
  runtime.worker = null;
  runtime.state = "off";
  runtime.pending.clear();
}

const clients = Object.assign(new WeakMap(), { nextId: 1 }); // listener -> its number for the worker

// Sends one scenario to the worker and returns its id. The answers go to listener.onResult:
// stage "main" (the result, its sensitivity pending), then stage "full" unless the same listener
// asked again meanwhile (the worker drops the older sensitivity), or one "main" with ok: false.
export function request(listener, payload) {
  const id = runtime.nextId++;
  if (!clients.has(listener)) clients.set(listener, clients.nextId++);
  runtime.pending.set(id, listener);
  runtime.worker.postMessage({ type: "evaluate", id, client: clients.get(listener), ...payload });
  return id;
}

// Asks the worker for the CSV or JSON export of the form values in payload ({raw, overrides,
// language, format}); its one answer ({ok, export} or {ok: false, problems}) goes to onAnswer.
export function requestExport(onAnswer, payload) {
  const id = runtime.nextId++;
  runtime.pending.set(id, { onResult: onAnswer });
  runtime.worker.postMessage({ type: "export", id, ...payload });
}

function failRuntime(failure) {
  stopRuntime();
  runtime.state = "failed";
  runtime.failedAt = performance.now();
  // Retrying cannot lift a browser's ban on WebAssembly; everything else may be passing.
  broadcast("failed", { ...failure, retry: failure.code !== "wasm-blocked" });
}

function onWorkerMessage(data) {
  if (data.type === "progress") {
    broadcast("loading", { stage: data.stage });
  } else if (data.type === "ready") {
    clearTimeout(runtime.timer);
    // Boot stages on this page's clock, for the benchmark's breakdown.
    const shift = data.timeOrigin - performance.timeOrigin;
    runtime.marks = Object.fromEntries(Object.entries(data.marks).map(([k, v]) => [k, v + shift]));
    runtime.marks.readyAt = performance.now();
    runtime.state = "ready";
    broadcast("ready", {});
    keepForOffline();
  } else if (data.type === "failed") {
    console.warn("calculator runtime:", data.detail);
    const { type, detail, ...failure } = data;
    failRuntime(failure);
  } else if (data.type === "result") {
    const listener = runtime.pending.get(data.id);
    if (data.stage !== "main" || !data.ok) runtime.pending.delete(data.id); // its last answer
    if (listener && data.stage !== "superseded") listener.onResult(data);
  }
}

function broadcast(state, detail) {
  for (const listener of runtime.listeners) listener.onRuntimeState(state, detail);
}
