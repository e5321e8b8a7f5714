// Main-thread side of the calculators. Finds [data-calculator] blocks, keeps the scenario in the
// URL, and sends each change to one shared module worker (worker.js) running Python in Pyodide.
// Imports nothing up front: a page without a calculator costs this file and nothing else.

const SITE_ROOT = new URL("../../", import.meta.url); // this file is <site>/assets/calculator/
const OVERRIDE_PREFIX = "o."; // URL key prefix for parameter overrides: ?o.self_operated.commission=0.1

// --- the shared worker -------------------------------------------------------------------------

// One worker serves every calculator on the page. It is terminated when a page without a
// calculator is shown, so instant navigation never leaves one running in the background.
const runtime = {
  worker: null,
  state: "off", // off | loading | ready | failed
  waiting: new Set(), // calculators to notify about state changes
  timer: 0,
  pending: new Map(), // request id -> calculator
  nextId: 1,
};

function startRuntime(config) {
  if (runtime.worker) return;
  runtime.state = "loading";
  runtime.startedAt = performance.now();
  runtime.worker = new Worker(siteUrl("assets/calculator/worker.js"), { type: "module" });
  runtime.worker.onmessage = ({ data }) => onWorkerMessage(data);
  runtime.worker.onerror = (event) => {
    event.preventDefault();
    failRuntime("the calculator's script could not start");
  };
  // A blocked WebAssembly compile (a CSP without 'wasm-unsafe-eval') can leave loading hanging;
  // the timeout turns that into a visible error.
  runtime.timer = setTimeout(
    () => failRuntime(`Python did not start within ${Math.round(config.timeoutMs / 1000)} s`),
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
  broadcast("loading", "Starting the calculator");
}

function stopRuntime() {
  clearTimeout(runtime.timer);
  if (runtime.worker) runtime.worker.terminate();
  runtime.worker = null;
  runtime.state = "off";
  runtime.pending.clear();
}

function failRuntime(reason) {
  stopRuntime();
  runtime.state = "failed";
  broadcast("failed", `The live calculator could not start: ${reason}.`);
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
    const calculator = runtime.pending.get(data.id);
    runtime.pending.delete(data.id);
    if (calculator) calculator.onResult(data);
  }
}

function broadcast(state, message) {
  for (const calculator of runtime.waiting) calculator.onRuntimeState(state, message);
}

function request(calculator, payload) {
  const id = runtime.nextId++;
  runtime.pending.set(id, calculator);
  runtime.worker.postMessage({ type: "evaluate", id, ...payload });
}

function siteUrl(path) {
  return new URL(path, SITE_ROOT).href;
}

// --- one calculator block ----------------------------------------------------------------------

class Calculator {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".amc-form");
    this.results = root.querySelector(".amc-results");
    this.statusText = root.querySelector(".amc-status-text");
    this.retryButton = root.querySelector("[data-action=retry]");
    this.modes = root.dataset.modes.split(" ");
    this.config = {
      pyodideIndex: root.dataset.pyodideIndex,
      lockFile: root.dataset.lockFile,
      stdlib: root.dataset.stdlib,
      packageName: root.dataset.package,
      parameters: root.dataset.parameters,
      timeoutMs: Number(root.dataset.timeoutMs) || 30000,
    };
    const prerendered = root.querySelector(".amc-prerendered").textContent;
    this.lastGood = {
      json: prerendered,
      result: JSON.parse(prerendered),
      csv: JSON.parse(root.querySelector(".amc-prerendered-csv").textContent),
      live: false,
    };
    this.lastGood.html = this.results.innerHTML;
    this.inFlight = false;
    this.dirty = false; // a change arrived while a request was in flight
    this.charts = null;
  }

  attach() {
    runtime.waiting.add(this);
    const fromUrl = this.applyUrl();
    this.form.addEventListener("input", () => this.changed()); // selects fire "input" too
    this.form.addEventListener("submit", (event) => event.preventDefault());
    // Start Python on the first sign of interest: the calculator page itself (where the
    // calculator is the content), a compact calculator scrolling into view, a touch of the form,
    // or the browser having nothing else to do. The worker boots off the main thread, so an early
    // start costs the page little and brings the first live result forward.
    const start = () => this.ensureRuntime();
    this.form.addEventListener("focusin", start, { once: true });
    this.form.addEventListener("pointerdown", start, { once: true });
    if (fromUrl) this.changed();
    else if (this.modes.length > 1) start();
    else {
      this.visibility = whenVisible(this.root, start);
      idle(start);
    }
    this.root.addEventListener("click", (event) => this.onClick(event));
    this.root.dataset.live = "attached";
    this.root.amc = this; // for tests and the benchmark
    this.runtime = runtime;
    // Charts of the prerendered numbers wait while Python boots: on two cores, drawing them would
    // compete with the boot. They come with the first live result (or the error state).
    if (runtime.state !== "loading") this.scheduleCharts();
  }

  detach() {
    runtime.waiting.delete(this);
    clearTimeout(this.urlTimer); // must not write this scenario onto the next page's URL
    this.visibility?.disconnect();
    cancelAnimationFrame(this.chartFrame);
    if (this.charts) this.charts.destroy();
  }

  runtimeFailed() {
    return runtime.state === "failed";
  }

  ensureRuntime() {
    if (runtime.state === "off") startRuntime(this.config);
    else if (runtime.state === "ready") this.onRuntimeState("ready", "");
  }

  changed() {
    // The URL is not on the path to the result: write it once typing pauses.
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.writeUrl(), 250);
    if (runtime.state === "ready") this.send();
    else {
      this.dirty = true;
      this.ensureRuntime();
    }
  }

  // One request in flight at a time; changes arriving meanwhile collapse into one follow-up.
  send() {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    this.sentAt = performance.now();
    const { raw, overrides } = this.readForm();
    request(this, { raw, overrides, modes: this.modes });
  }

  onResult(answer) {
    this.inFlight = false;
    if (this.dirty) return this.send(); // a newer input is waiting; skip this stale answer
    if (answer.ok) {
      const result = JSON.parse(answer.json);
      this.lastGood = { json: answer.json, result, html: answer.html, csv: answer.csv, live: true };
      this.firstLiveAt ??= performance.now(); // read by benchmarks/calculator_load.py
      this.results.innerHTML = answer.html;
      this.showProblems([]);
      this.scheduleCharts();
    } else {
      this.showProblems(answer.problems);
    }
    this.lastTimings = { roundTripMs: performance.now() - this.sentAt, workerMs: answer.workerMs };
    this.root.dispatchEvent(new CustomEvent("amc:result", { detail: { ok: answer.ok } }));
  }

  onRuntimeState(state, message) {
    this.root.querySelector(".amc-status").dataset.state = state;
    this.retryButton.hidden = state !== "failed";
    if (state === "loading") this.statusText.textContent = `${message}…`;
    else if (state === "failed") {
      this.scheduleCharts();
      this.statusText.textContent = `${message} The numbers shown are still valid for the values they were worked out for.`;
    } else if (state === "ready") {
      this.statusText.textContent = "Live: results update as you type.";
      if (this.dirty || !this.lastGood.live) this.send();
    }
  }

  readForm() {
    const raw = {};
    const overrides = {};
    for (const field of this.form.elements) {
      if (!field.name) continue;
      if (field.name.startsWith("overrides.")) {
        if (field.value.trim() !== "") overrides[field.name.slice("overrides.".length)] = field.value;
      } else {
        // A number box holding text reports "" (badInput); send it so the model names the problem.
        raw[field.name] = field.value;
      }
    }
    return { raw, overrides };
  }

  // Each problem goes next to its field; ones with no field on the form go to the status line.
  showProblems(problems) {
    if (problems.length === 0 && !this.showingProblems) return; // nothing to clear: stay cheap
    this.showingProblems = problems.length > 0;
    const byField = new Map(problems.map((p) => [p.field, p.message]));
    for (const box of this.root.querySelectorAll(".amc-field")) {
      const message = byField.get(box.dataset.field);
      byField.delete(box.dataset.field);
      const error = box.querySelector(".amc-error");
      const input = box.querySelector("input, select");
      error.hidden = !message;
      error.textContent = message || "";
      input.toggleAttribute("aria-invalid", Boolean(message));
    }
    const stale = problems.length > 0;
    this.results.classList.toggle("amc-stale", stale);
    this.root.querySelector(".amc-stale-note").hidden = !stale;
    if (byField.size) this.statusText.textContent = [...byField.values()].join(" ");
    else if (runtime.state === "ready") this.statusText.textContent = "Live: results update as you type.";
  }

  // --- the scenario in the URL: only values that differ from the defaults --------------------

  applyUrl() {
    const params = new URLSearchParams(location.search);
    let applied = false;
    for (const [key, value] of params) {
      const name = key.startsWith(OVERRIDE_PREFIX) ? `overrides.${key.slice(OVERRIDE_PREFIX.length)}` : key;
      const field = this.form.elements.namedItem(name);
      if (field && "value" in field) {
        field.value = value;
        applied = true;
      }
    }
    return applied;
  }

  writeUrl() {
    const params = new URLSearchParams(location.search);
    for (const field of this.form.elements) {
      if (!field.name) continue;
      const isOverride = field.name.startsWith("overrides.");
      const key = isOverride ? OVERRIDE_PREFIX + field.name.slice("overrides.".length) : field.name;
      const isDefault = isOverride ? field.value.trim() === "" : field.value === field.dataset.default;
      if (isDefault) params.delete(key);
      else params.set(key, field.value);
    }
    const query = params.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }

  // --- toolbar ----------------------------------------------------------------------------------

  onClick(event) {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "retry") {
      stopRuntime();
      this.dirty = true;
      startRuntime(this.config);
    } else if (action === "copy-link") this.copyLink(event.target);
    else if (action === "export-csv") download("aliexpress-modes.csv", "text/csv", this.lastGood.csv);
    else if (action === "export-json") download("aliexpress-modes.json", "application/json", this.lastGood.json);
    else if (action === "reset") this.reset();
  }

  async copyLink(button) {
    clearTimeout(this.urlTimer);
    this.writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.statusText.textContent = "Link copied: it reopens these numbers.";
    } catch {
      // No clipboard permission: show the link so it can be copied by hand.
      window.prompt("Copy this link:", location.href);
    }
    button.focus();
  }

  reset() {
    for (const field of this.form.elements) {
      if (!field.name) continue;
      field.value = field.name.startsWith("overrides.") ? "" : field.dataset.default;
    }
    this.changed();
  }

  // Charts are redrawn at most once per frame, after the tables, and never delay a result.
  scheduleCharts() {
    const box = this.root.querySelector(".amc-charts");
    if (!box || this.chartFrame) return;
    this.chartFrame = requestAnimationFrame(async () => {
      this.chartFrame = 0;
      const { drawCharts } = await import("./charts.js");
      if (!this.root.isConnected) return;
      this.charts = await drawCharts(box, this.lastGood.result, this.charts, {
        uplot: siteUrl(this.root.dataset.uplot),
        uplotCss: siteUrl(this.root.dataset.uplotCss),
      });
    });
  }
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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

// --- page lifecycle -------------------------------------------------------------------------------

const attached = new Map(); // root element -> Calculator

function initPage() {
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
  }
  if (attached.size === 0) stopRuntime();
}

// Material's instant navigation swaps the page without reloading scripts and announces each new
// page on document$.
// Run now (module scripts run once the document is parsed) rather than waiting for Material's
// first document$ emission, which comes later; initPage is idempotent.
initPage();
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => initPage());
}
