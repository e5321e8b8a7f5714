// The runtime client: one module worker (worker.js, the only place Python runs) shared by every
// calculator on the page, its state and its start timeout.
//
// Listeners (calculator blocks) get onRuntimeState(state, message) on every state change and
// onResult(answer) for their own requests. States: off | loading | ready | failed.

import { messages } from "./messages.js";
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

// config: {pyodideIndex, lockFile, stdlib, packageName, parameters, timeoutMs}, site-relative.
export function startRuntime(config) {
  if (runtime.worker) return;
  runtime.state = "loading";
  runtime.startedAt = performance.now();
  runtime.worker = new Worker(siteUrl("assets/calculator/worker.js"), { type: "module" });
  runtime.worker.onmessage = ({ data }) => onWorkerMessage(data);
  runtime.worker.onerror = (event) => {
    event.preventDefault();
    failRuntime(messages.scriptFailed);
  };
  // A blocked WebAssembly compile (a CSP without 'wasm-unsafe-eval') can leave loading hanging;
  // the timeout turns that into a visible error.
  runtime.timer = setTimeout(
    () => failRuntime(messages.timedOut(Math.round(config.timeoutMs / 1000))),
    config.timeoutMs,
  );
  runtime.worker.postMessage({
    type: "init",
    indexURL: siteUrl(config.pyodideIndex),
    lockFileURL: siteUrl(config.lockFile),
    stdLibURL: siteUrl(config.stdlib),
    packageName: config.packageName,
    parametersURL: siteUrl(config.parameters),
  });
  broadcast("loading", messages.starting);
}

// Terminates the worker: on Retry, and when a page without a calculator is shown, so instant
// navigation never leaves one running in the background.
export function stopRuntime() {
  clearTimeout(runtime.timer);
  if (runtime.worker) runtime.worker.terminate();
  runtime.worker = null;
  runtime.state = "off";
  runtime.pending.clear();
}

// Sends one scenario to the worker; the answer goes to listener.onResult.
export function request(listener, payload) {
  const id = runtime.nextId++;
  runtime.pending.set(id, listener);
  runtime.worker.postMessage({ type: "evaluate", id, ...payload });
}

function failRuntime(reason) {
  stopRuntime();
  runtime.state = "failed";
  broadcast("failed", messages.failed(reason));
}

function onWorkerMessage(data) {
  if (data.type === "progress") {
    broadcast("loading", data.message);
  } else if (data.type === "ready") {
    clearTimeout(runtime.timer);
    // Boot stages on this page's clock, for the benchmark's breakdown.
    const shift = data.timeOrigin - performance.timeOrigin;
    runtime.marks = Object.fromEntries(Object.entries(data.marks).map(([k, v]) => [k, v + shift]));
    runtime.marks.readyAt = performance.now();
    runtime.state = "ready";
    broadcast("ready", "");
  } else if (data.type === "failed") {
    console.warn("calculator runtime:", data.detail || data.message);
    failRuntime(data.message);
  } else if (data.type === "result") {
    const listener = runtime.pending.get(data.id);
    runtime.pending.delete(data.id);
    if (listener) listener.onResult(data);
  }
}

function broadcast(state, message) {
  for (const listener of runtime.listeners) listener.onRuntimeState(state, message);
}
