// Module Web Worker: boots the self-hosted Pyodide, loads the calculators wheel by name (Pyodide
// checks its sha256 against the site's lockfile) and evaluates scenarios, off the main thread.
//
// Messages in:  {type: "init", indexURL, lockFileURL, stdLibURL, packageName, parametersURL}
//               {type: "evaluate", id, raw: {field: text}, overrides: {param id: text}, modes}
// Messages out: {type: "progress", message} | {type: "ready"} | {type: "failed", message}
//               {type: "result", id, ok: true, json, html, csv}
//               {type: "result", id, ok: false, problems: [{field, code, message}]}

let handle = null; // calculators.bridge.Session(...).handle once the runtime is ready
const bootMarks = {}; // stage -> ms since the worker started, for the benchmark
let booting = null;

function progress(message) {
  postMessage({ type: "progress", message });
}

async function boot({ indexURL, lockFileURL, stdLibURL, packageName, parametersURL }) {
  progress("Downloading the Python runtime");
  // Fetch the bundle while Pyodide boots; both are needed before the first result.
  const parameters = fetch(parametersURL).then((response) => {
    if (!response.ok) throw new Error(`parameters: HTTP ${response.status}`);
    return response.text();
  });
  bootMarks.start = performance.now();
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  bootMarks.imported = performance.now();
  // Naming the wheel here downloads it while the runtime boots (Pyodide checks its sha256).
  // stdLibURL: the site's python_stdlib.zip, precompiled for what the calculator imports.
  const pyodide = await loadPyodide({ indexURL, lockFileURL, stdLibURL, packages: [packageName] });
  bootMarks.loaded = performance.now();
  const loadErrors = [];
  if (!(packageName in pyodide.loadedPackages)) {
    // Try once more to get the reason: loadPackage reports failures (bad sha256, 404) through
    // errorCallback and does not throw, so its outcome is checked, not assumed.
    progress("Loading the calculators");
    await pyodide.loadPackage(packageName, {
      messageCallback: () => {},
      errorCallback: (message) => loadErrors.push(message),
    });
  }
  if (!(packageName in pyodide.loadedPackages)) {
    throw new Error(`could not load ${packageName}: ${loadErrors.join("; ") || "unknown error"}`);
  }
  bootMarks.package = performance.now();
  progress("Starting the model");
  // The Python side of the protocol is calculators.bridge, imported (not compiled here: the
  // site's wheel carries its bytecode) like the rest of the package.
  const bridge = pyodide.pyimport("calculators.bridge");
  handle = bridge.Session(await parameters).handle;
  bootMarks.bridge = performance.now();
}

// Readers see one plain sentence; a Python traceback goes to the console (as `detail`) only.
function shortReason(error) {
  if (error && error.type && error.constructor && error.constructor.name === "PythonError") {
    return "the calculator model failed to start";
  }
  const text = String((error && error.message) || error).split("\n")[0];
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function evaluate(request) {
  const started = performance.now();
  const answer = JSON.parse(handle(JSON.stringify(request)));
  postMessage({ type: "result", id: request.id, ...answer, workerMs: performance.now() - started });
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    booting ??= boot(data).then(
      () => postMessage({ type: "ready", marks: bootMarks, timeOrigin: performance.timeOrigin }),
      (error) => postMessage({ type: "failed", message: shortReason(error), detail: String(error) }),
    );
    return;
  }
  if (data.type === "evaluate") {
    await booting;
    if (!handle) return; // boot failed and was already reported
    try {
      evaluate(data);
    } catch (error) {
      // A bug, not bad input: report it plainly; the details go to the console for developers.
      console.warn("calculator evaluation failed", error);
      postMessage({ type: "result", id: data.id, ok: false, problems: [
        { field: "", code: "internal", message: "The calculator hit an internal error for this input." },
      ] });
    }
  }
};
