// Module Web Worker: boots the self-hosted Pyodide, loads the calculators wheel by name and
// evaluates scenarios, off the main thread. Every runtime file is checked against the hashes the
// build wrote into the page (checked-fetch.js) before it runs. The site ships it as one file, its
// imports inlined (generator/worker_bundle.py): its start is then one request, not two round trips.
//
// Messages in:  {type: "init", indexURL, lockFileURL, stdLibURL, snapshotURL?, emptyStdLibURL?,
//                packageName, parametersURL, integrity: {absolute URL: "sha256-..."}}
//               {type: "evaluate", id, client, raw: {field: text}, overrides: {param id: text},
//                modes, language, compare_url, base?: {raw, overrides, name}}; client: which
//                calculator on the page asks; base: a pinned scenario to compare with
//               {type: "catalogue", id, client, data: Uint8Array | text, settings: {field: number},
//                language}
//               {type: "export", id, raw, overrides, language, format: "csv" | "json"}
// Messages out: {type: "progress", stage} (downloading | loading-package | starting-model) | {type: "ready", marks, timeOrigin}
//               {type: "failed", code, file?, status?, detail}, code one of wasm-blocked |
//                 missing | integrity | network | model | runtime (sent once, at the first failure)
//               {type: "result", id, stage: "main", ok: true, json, html}: the result with
//                 its sensitivity pending, at once; then either
//               {type: "result", id, stage: "full", ok: true, json, html, sensitivity_html}:
//                 sensitivity and all (sensitivity_html: just the parts the page swaps in)
//                 (both stages carry comparison: the HTML of the differences from base, or null)
//               {type: "result", id, stage: "superseded"}: the same client asked again meanwhile,
//                 so this request's sensitivity was dropped (it would be for other values)
//               {type: "result", id, stage: "main" | "full", ok: false, problems: [{field, code, message}]}
//               {type: "result", id, stage: "full", ok: true, html, csv, products, problems}: a
//                 catalogue's plan, in the request's language
//               {type: "result", id, stage: "full", ok: true, export}: the export asked for

import { installCheckedFetch, RuntimeFileError, verifyFile, webAssemblyAllowed } from "./checked-fetch.js";
import { restoreOptions } from "./snapshot-patch.mjs";

let session = null; // calculators.bridge.Session(...) once the runtime is ready
const latest = new Map(); // client -> id of its newest request: older sensitivities stop
const SLICE_MS = 4; // sensitivity work between two looks at the message queue
const bootMarks = {}; // stage -> ms since the worker started, for the benchmark
let booting = null;
let failed = false;

class WebAssemblyBlocked extends Error {}

// The first failure is reported at once: a missing or tampered file is named as soon as its
// request fails, whatever Pyodide then does with the error (it may log it and wait forever).
function fail(error) {
  if (failed) return;
  failed = true;
  postMessage({ type: "failed", ...describe(error), detail: String((error && error.stack) || error) });
}

function describe(error) {
  if (error instanceof RuntimeFileError) return { code: error.code, file: error.file, status: error.status };
  if (error instanceof WebAssemblyBlocked) return { code: "wasm-blocked" };
  if (error && error.constructor && error.constructor.name === "PythonError") return { code: "model" };
  const text = String((error && error.message) || error).split("\n")[0];
  return { code: "runtime", reason: text.length > 160 ? `${text.slice(0, 157)}...` : text };
}

function progress(stage) {
  postMessage({ type: "progress", stage });
}

async function boot({ indexURL, lockFileURL, stdLibURL, snapshotURL, emptyStdLibURL, packageName,
  parametersURL, integrity }) {
  bootMarks.start = performance.now();
  const checkedFetch = installCheckedFetch(integrity, fail);
  progress("downloading");
  // Fetch the bundle while Pyodide boots; both are needed before the first result.
  const parameters = checkedFetch(parametersURL).then((response) => response.text());
  parameters.catch(() => {}); // reported by the checked fetch; awaited below
  // The memory snapshot (generator/snapshot.py) replaces the standard library and the wheel: the
  // runtime starts with the calculator already imported. Checked like every runtime file.
  const snapshot = snapshotURL && typeof DecompressionStream === "function"
    ? checkedFetch(snapshotURL).then(unpack) : null;
  snapshot?.catch(() => {}); // a failed download is reported by the checked fetch
  const pyodideURL = new URL("pyodide.mjs", indexURL).href;
  const asmURL = new URL("pyodide.asm.mjs", indexURL).href;
  // Both scripts are checked before either runs; the import below then reads the checked bytes.
  const scripts = Promise.all([pyodideURL, asmURL].map((url) => verifyFile(checkedFetch, url)));
  if (!(await webAssemblyAllowed())) throw new WebAssemblyBlocked("WebAssembly is blocked");
  await scripts;
  const { loadPyodide } = await import(pyodideURL);
  bootMarks.imported = performance.now();
  if (snapshot) {
    try {
      session = await bootFromSnapshot(loadPyodide, { indexURL, lockFileURL, emptyStdLibURL, asmURL },
        snapshot, parameters);
      return;
    } catch (error) {
      if (error instanceof RuntimeFileError) throw error; // a missing or tampered file: named
      // Private Pyodide API, one exact build: if restoring fails, boot the usual way.
      console.warn("calculator: the memory snapshot did not restore; booting without it", error);
    }
  }
  session = await bootFromFiles(loadPyodide, { indexURL, lockFileURL, stdLibURL, packageName },
    checkedFetch, integrity, parameters);
}

async function unpack(response) {
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function bootFromSnapshot(loadPyodide, { indexURL, lockFileURL, emptyStdLibURL, asmURL },
  snapshot, parameters) {
  const createPyodideModule = import(asmURL).then((module) => module.default);
  const pyodide = await loadPyodide({ indexURL, lockFileURL, stdLibURL: emptyStdLibURL,
    ...restoreOptions(snapshot, createPyodideModule) });
  bootMarks.loaded = bootMarks.package = performance.now();
  progress("starting-model");
  const bridge = pyodide.pyimport("calculators.bridge");
  const started = bridge.Session(await parameters);
  bootMarks.bridge = performance.now();
  return started;
}

async function bootFromFiles(loadPyodide, { indexURL, lockFileURL, stdLibURL, packageName },
  checkedFetch, integrity, parameters) {
  // The wheel (small) is fetched and checked first: a tampered wheel is named now, not when
  // Pyodide's long synchronous start lets its own request's failure through (over 2 s on a busy
  // machine). Pyodide's request then reads these bytes from the HTTP cache (served immutable).
  await Promise.all(Object.keys(integrity).filter((url) => url.endsWith(".whl"))
    .map((url) => verifyFile(checkedFetch, url)));
  // Naming the wheel here downloads it while the runtime boots (its hash is in the lockfile).
  // stdLibURL: the site's python_stdlib.zip, precompiled for what the calculator imports.
  const pyodide = await loadPyodide({ indexURL, lockFileURL, stdLibURL, packages: [packageName] });
  bootMarks.loaded = performance.now();
  const loadErrors = [];
  if (!(packageName in pyodide.loadedPackages)) {
    // Try once more to get the reason: loadPackage reports failures (bad sha256, 404) through
    // errorCallback and does not throw, so its outcome is checked, not assumed.
    progress("loading-package");
    await pyodide.loadPackage(packageName, {
      messageCallback: () => {},
      errorCallback: (message) => loadErrors.push(message),
    });
  }
  if (!(packageName in pyodide.loadedPackages)) {
    throw new Error(`could not load ${packageName}: ${loadErrors.join("; ") || "unknown error"}`);
  }
  bootMarks.package = performance.now();
  progress("starting-model");
  // The Python side of the protocol is calculators.bridge, imported (not compiled here: the
  // site's wheel carries its bytecode) like the rest of the package.
  const bridge = pyodide.pyimport("calculators.bridge");
  const started = bridge.Session(await parameters);
  bootMarks.bridge = performance.now();
  return started;
}

// A message posted to ourselves runs after the messages already queued: a newer request from the
// page gets in between two slices of a sensitivity (setTimeout would be clamped to 4 ms).
const tick = new MessageChannel();
const ticks = [];
tick.port1.onmessage = () => ticks.shift()();
function nextTask() {
  return new Promise((resolve) => {
    ticks.push(resolve);
    tick.port2.postMessage(null);
  });
}

function post(request, stage, answer, started) {
  postMessage({ type: "result", id: request.id, stage, ...answer, workerMs: performance.now() - started });
}

// The result at once, its sensitivity pending; then the sensitivity in slices, dropped as soon as
// the same calculator sends a newer request (the page would not show it anyway).
async function evaluate(request) {
  let started = performance.now();
  const steps = session.stages(JSON.stringify(request));
  try {
    const main = JSON.parse(steps.next().value);
    post(request, "main", main, started);
    request.mainSent = true;
    if (!main.ok) return;
    started = performance.now();
    for (;;) {
      await nextTask();
      if (latest.get(request.client) !== request.id) {
        postMessage({ type: "result", id: request.id, stage: "superseded" });
        return;
      }
      const slice = performance.now();
      let step;
      do {
        step = steps.next();
      } while (step.value === undefined && !step.done && performance.now() - slice < SLICE_MS);
      if (step.value !== undefined) {
        post(request, "full", JSON.parse(step.value), started);
        return;
      }
      if (step.done) throw new Error("the sensitivity ended without a result");
    }
  } finally {
    steps.destroy();
  }
}

// A catalogue's file arrives as a Uint8Array (Python gets its bytes) or pasted text; the plan
// comes back in the page's language, as the calculator's results do. One answer, no stages.
function planCatalogue(request) {
  const started = performance.now();
  post(request, "full", JSON.parse(session.catalogue(request.data, JSON.stringify(request.settings), request.language)), started);
}

// The one sentence the worker writes itself (every other word comes from Python or the page).
const INTERNAL_ERROR = {
  en: "The calculator hit an internal error for this input.",
  zh: "计算器处理这组数字时出了内部错误。",
};

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    booting ??= boot(data).then(
      () => postMessage({ type: "ready", marks: bootMarks, timeOrigin: performance.timeOrigin }),
      fail,
    );
    return;
  }
  if (data.type === "export") {
    await booting;
    if (!session) return; // boot failed and was already reported
    let answer;
    try {
      answer = JSON.parse(session.export(JSON.stringify(data)));
    } catch (error) {
      console.warn("calculator export failed", error);
      answer = { ok: false, problems: [{ field: "", code: "internal", message: INTERNAL_ERROR[data.language] || INTERNAL_ERROR.en }] };
    }
    postMessage({ type: "result", id: data.id, stage: "full", ...answer });
    return;
  }
  if (data.type === "evaluate" || data.type === "catalogue") {
    latest.set(data.client, data.id);
    await booting;
    if (!session) return; // boot failed and was already reported
    try {
      if (data.type === "catalogue") planCatalogue(data);
      else await evaluate(data);
    } catch (error) {
      // A bug, not bad input: report it plainly; the details go to the console for developers.
      console.warn("calculator evaluation failed", error);
      postMessage({ type: "result", id: data.id, stage: data.mainSent ? "full" : "main", ok: false, problems: [
        { field: "", code: "internal", message: INTERNAL_ERROR[data.language] || INTERNAL_ERROR.en },
      ] });
    }
  }
};
