// One calculator block ([data-calculator], written by generator/calculator_html.py): reads its
// form, sends each change to the shared runtime and shows the answer, problems and state.
// Result HTML and CSV come from the worker (calculators/report.py), the same renderer as the
// prerendered numbers, so the two cannot drift.

import { copyLink, download } from "./export.js";
import { messages } from "./messages.js";
import { request, runtime, startRuntime, stopRuntime, subscribe, unsubscribe } from "./runtime.js";
import { armStart } from "./runtime-start.js";
import { siteUrl } from "./site-url.js";
import { applyUrl, writeUrl } from "./url-state.js";

export class Calculator {
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
    subscribe(this);
    const fromUrl = applyUrl(this.form);
    this.form.addEventListener("input", () => this.changed()); // selects fire "input" too
    this.form.addEventListener("submit", (event) => event.preventDefault());
    // A scenario from the URL is computed at once; otherwise the full calculator page starts
    // Python eagerly and a compact one on the first sign of interest (runtime-start.js).
    const start = () => this.ensureRuntime();
    this.disarmStart = armStart(
      { root: this.root, form: this.form, eager: this.modes.length > 1, starting: fromUrl },
      start,
    );
    if (fromUrl) this.changed();
    this.root.addEventListener("click", (event) => this.onClick(event));
    this.root.dataset.live = "attached";
    this.root.amc = this; // for tests and the benchmark
    this.runtime = runtime;
    // Charts of the prerendered numbers wait while Python boots: on two cores, drawing them would
    // compete with the boot. They come with the first live result (or the error state).
    if (runtime.state !== "loading") this.scheduleCharts();
  }

  detach() {
    unsubscribe(this);
    clearTimeout(this.urlTimer); // must not write this scenario onto the next page's URL
    this.disarmStart?.();
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
    this.urlTimer = setTimeout(() => writeUrl(this.form), 250);
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
    if (state === "loading") this.statusText.textContent = messages.loading(message);
    else if (state === "failed") {
      this.scheduleCharts();
      this.statusText.textContent = messages.failedNote(message);
    } else if (state === "ready") {
      this.statusText.textContent = messages.live;
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
    else if (runtime.state === "ready") this.statusText.textContent = messages.live;
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
    writeUrl(this.form);
    const copied = await copyLink();
    if (copied) this.statusText.textContent = copied;
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
