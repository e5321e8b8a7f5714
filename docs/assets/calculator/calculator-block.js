// One calculator block ([data-calculator], written by generator/calculator_html.py): reads its
// form, sends each change to the shared runtime and shows the answer, problems and state.
// Result HTML and the exports come from the worker (calculators/report.py, export.py), the same
// code as the prerendered numbers and exports, so the two cannot drift.
//
// The numbers on screen always belong to the values on screen: lastGood.key is the form state
// its numbers were worked out for (the untouched form, for the prerendered ones). Results for
// other values are marked as such, and never exported.
//
// Each change gets two answers: the result at once, with what would change the recommendation
// pending (the verdict, the nearest flips and the tornado), then the full result. The second one
// replaces only those parts, and only if no newer values were sent meanwhile: a sensitivity never
// shows beside numbers it was not worked out for. The pending parts keep the height of the ones
// they replace, so nothing below them moves, and say "working out" only when it takes a while.

import { copyLink, download } from "./export.js";
import { language, messages } from "./messages.js";
import { request, requestExport, runtime, startRuntime, stopRuntime, subscribe, unsubscribe } from "./runtime.js";
import { armStart } from "./runtime-start.js";
import { Scenarios } from "./scenarios.js";
import { siteUrl } from "./site-url.js";
import { applyUrl, scenarioQuery, writeUrl } from "./url-state.js";

export class Calculator {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".amc-form");
    this.results = root.querySelector(".amc-results");
    this.statusText = root.querySelector(".amc-status-text");
    this.retryButton = root.querySelector("[data-action=retry]");
    this.staleNote = root.querySelector(".amc-stale-note");
    this.modes = root.dataset.modes.split(" ");
    this.config = {
      pyodideIndex: root.dataset.pyodideIndex,
      lockFile: root.dataset.lockFile,
      stdlib: root.dataset.stdlib,
      snapshot: root.dataset.snapshot,
      emptyStdlib: root.dataset.emptyStdlib,
      packageName: root.dataset.package,
      parameters: root.dataset.parameters,
      timeoutMs: Number(root.dataset.timeoutMs) || 30000,
      integrity: JSON.parse(root.dataset.integrity || "{}"),
    };
    const prerendered = root.querySelector(".amc-prerendered").content.textContent;
    this.defaultsKey = this.formKey();
    this.lastGood = {
      json: prerendered,
      result: JSON.parse(prerendered),
      // {csv, json}: the exports of the prerendered numbers; live ones are asked for on Export.
      exports: JSON.parse(root.querySelector(".amc-prerendered-exports").content.textContent),
      html: this.results.innerHTML,
      live: false,
      key: this.defaultsKey,
      complete: true, // sensitivity included
      id: 0, // the request it answers
    };
    this.inFlight = false;
    this.dirty = false; // a change arrived while a request was in flight
    this.waiters = []; // resolved at the next answer or failure (an export waiting for numbers)
    this.onFailure = []; // resolved if the runtime fails (an export waiting for its file)
    this.charts = null;
  }

  attach() {
    subscribe(this);
    this.root.querySelector(".amc-toolbar").hidden = false; // hidden without JavaScript
    this.statusText.textContent = messages.prerendered;
    const fromUrl = applyUrl(this.form);
    if (this.root.querySelector(".amc-scenarios")) {
      this.scenarios = new Scenarios(this); // presets, a pinned base, saved scenarios
      this.scenarios.attach();
    }
    this.form.addEventListener("input", () => this.changed()); // selects fire "input" too
    this.form.addEventListener("submit", (event) => event.preventDefault());
    // A scenario from the URL is computed at once; otherwise the full calculator page starts
    // Python eagerly and a compact one on the first sign of interest (runtime-start.js).
    const start = () => this.ensureRuntime();
    this.disarmStart = armStart(
      { form: this.form, eager: this.modes.length > 1, starting: fromUrl },
      start,
    );
    if (fromUrl) this.changed();
    this.root.addEventListener("click", (event) => this.onClick(event));
    this.root.dataset.live = "attached";
    this.root.amc = this; // for tests and the benchmark
    this.runtime = runtime;
    this.showMatch();
    this.measureSensitivity();
    this.results.addEventListener("toggle", () => this.measureSensitivity(), true); // the tornado
    // Charts of the prerendered numbers wait while Python boots: on two cores, drawing them would
    // compete with the boot. They come with the first live result (or the error state).
    if (runtime.state !== "loading") this.scheduleCharts();
  }

  detach() {
    unsubscribe(this);
    clearTimeout(this.urlTimer); // must not write this scenario onto the next page's URL
    this.disarmStart?.();
    cancelAnimationFrame(this.chartFrame);
    cancelAnimationFrame(this.measureFrame);
    if (this.charts) this.charts.destroy();
  }

  runtimeFailed() {
    return runtime.state === "failed";
  }

  ensureRuntime() {
    if (runtime.state === "off") startRuntime(this.config);
    else if (runtime.state === "ready") this.onRuntimeState("ready", {});
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
    this.showMatch();
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
    this.sentKey = JSON.stringify({ raw, overrides });
    this.sentForm = { raw, overrides };
    this.sentId = request(this, { raw, overrides, modes: this.modes, language,
      compare_url: this.root.dataset.compareUrl || null, base: this.scenarios?.baseRequest() });
  }

  onResult(answer) {
    if (answer.stage === "full") return this.onSensitivity(answer);
    this.inFlight = false;
    if (this.dirty) return this.send(); // a newer input is waiting; skip this stale answer
    if (answer.ok) {
      const result = JSON.parse(answer.json);
      const previous = this.lastGood;
      this.lastGood = { json: answer.json, result, html: answer.html, form: this.sentForm,
                        live: true, key: this.sentKey, complete: false, id: answer.id };
      this.firstLiveAt ??= performance.now(); // read by benchmarks/calculator_load.py
      // The same values as the complete result on screen (the prerendered defaults, say): its
      // sensitivity is still theirs and stays until the new one replaces it.
      const keep = previous.complete && previous.key === this.sentKey;
      const before = this.sensitivityParts();
      this.results.innerHTML = answer.html;
      this.scenarios?.showComparison(answer.comparison);
      this.sensitivityParts().forEach((pending, k) => {
        if (!before[k]) return;
        if (keep) return pending.replaceWith(before[k]);
        keepOpen(before[k], pending); // a tornado the reader opened stays open
        if (this.heights?.[k]) pending.style.minHeight = `${this.heights[k]}px`;
      });
      this.showProblems([]);
      this.announce(result, previous.result);
      this.scheduleCharts();
    } else {
      this.showProblems(answer.problems);
    }
    this.answered(answer, "main");
  }

  // The second answer: what would change the recommendation, swapped in where it is pending.
  onSensitivity(answer) {
    if (answer.id !== this.sentId || answer.id !== this.lastGood.id) return; // for older values
    if (answer.ok) {
      const fresh = document.createElement("template");
      fresh.innerHTML = answer.sensitivity_html; // just the parts (answer.html: the whole result)
      const parts = this.sensitivityParts(fresh.content);
      this.sensitivityParts().forEach((shown, k) => {
        if (!parts[k]) return;
        keepOpen(shown, parts[k]);
        shown.replaceWith(parts[k]);
      });
      this.lastGood = { ...this.lastGood, json: answer.json, result: JSON.parse(answer.json),
                        html: answer.html, complete: true };
      this.measureSensitivity();
      this.firstSensitivityAt ??= performance.now(); // read by benchmarks/calculator_load.py
    } else { // an internal error: the numbers stand, their sensitivity will not come
      this.lastGood = { ...this.lastGood, id: -1 };
      this.showProblems(answer.problems);
    }
    this.answered(answer, "full");
  }

  // The heights the next pending parts keep, read when the browser lays the page out anyway (read
  // at the next change, they would force a layout on the path to the result).
  measureSensitivity() {
    cancelAnimationFrame(this.measureFrame);
    this.measureFrame = requestAnimationFrame(() => {
      this.heights = this.sensitivityParts().map((part) => part?.getBoundingClientRect().height);
    });
  }

  // The verdict with the nearest flips, and the tornado (calculators/sensitivity_report.py).
  sensitivityParts(within = this.results) {
    return [within.querySelector(".amc-sensitivity"), within.querySelector(".amc-tornado")];
  }

  answered(answer, stage) {
    this.showMatch();
    // For developers: ms from sending to each answer, and of that the worker's own.
    this.lastTimings = { ...this.lastTimings,
                         [stage]: { roundTripMs: performance.now() - this.sentAt, workerMs: answer.workerMs } };
    for (const resolve of this.waiters.splice(0)) resolve();
    this.root.dispatchEvent(new CustomEvent("amc:result", { detail: { ok: answer.ok, stage } }));
  }

  onRuntimeState(state, detail) {
    this.root.querySelector(".amc-status").dataset.state = state;
    this.retryButton.hidden = !(state === "failed" && detail.retry);
    if (state === "loading") {
      this.statusText.textContent = messages.stages[detail.stage] || messages.stages.starting;
    } else if (state === "failed") {
      this.inFlight = false;
      this.scheduleCharts();
      this.statusText.textContent = messages.failed(detail);
      for (const resolve of [...this.waiters.splice(0), ...this.onFailure.splice(0)]) resolve();
    } else if (state === "ready") {
      this.statusText.textContent = messages.live;
      if (this.dirty || !this.lastGood.live) this.send();
    }
    this.showMatch();
  }

  readForm() {
    const raw = {};
    const overrides = {};
    for (const field of this.form.elements) {
      if (!field.name) continue;
      if (field.name.startsWith("overrides.")) {
        if (field.value.trim() !== "") overrides[field.name.slice("overrides.".length)] = field.value;
      } else {
        // As typed: the worker reads a decimal comma, and the model names any other problem.
        raw[field.name] = field.value;
      }
    }
    return { raw, overrides };
  }

  formKey() {
    return JSON.stringify(this.readForm());
  }

  // Marks results that belong to other values than the form's, and keeps them from export.
  // While Python runs, a change is answered within milliseconds: nothing is marked meanwhile
  // (it would flicker on every keystroke) and an export waits for the answer instead.
  showMatch() {
    const matches = this.formKey() === this.lastGood.key;
    const waiting = runtime.state !== "ready";
    const other = !matches && waiting && !this.showingProblems;
    let text = "";
    if (this.showingProblems) text = messages.fixValues;
    else if (other) {
      text = messages.otherValues({
        defaults: this.lastGood.key === this.defaultsKey,
        failed: runtime.state === "failed",
      });
    }
    this.staleNote.querySelector(".amc-stale-text").textContent = text;
    this.staleNote.querySelector(".amc-back").hidden = !(other && runtime.state === "failed");
    this.staleNote.hidden = text === "";
    this.results.classList.toggle("amc-stale", text !== "");
    // Live numbers are exported by Python: not while it restarts or after it failed.
    const noExporter = this.lastGood.live && waiting;
    for (const button of this.root.querySelectorAll("[data-action^=export]")) {
      button.disabled = noExporter || (!matches && (waiting || Boolean(this.showingProblems)));
    }
  }

  // The live region's one sentence: the recommended mode's (in a compact block, the shown
  // mode's) profit after your time, and how it moved since the last result.
  announce(result, previous) {
    const shown = this.modes.length > 1 ? result.recommended.mode : this.modes[0];
    const mode = result.modes.find((m) => m.id === shown);
    const before = previous?.modes.find((m) => m.id === shown);
    const change = before ? Math.round((mode.profit_after_effort - before.profit_after_effort) * 100) / 100 : 0;
    const label = this.modes.length > 1 ? messages.recommended(mode.label) : mode.label;
    this.root.querySelector(".amc-announce").textContent =
      messages.announce({ label, profit: mode.profit_after_effort, change });
  }

  // Each problem goes next to its field; ones with no field on the form go to the status line.
  // Only boxes of the scenario's values ([data-field]) hold a message: the preset picker is
  // laid out as a field but is none.
  showProblems(problems) {
    if (problems.length === 0 && !this.showingProblems) return; // nothing to clear: stay cheap
    this.showingProblems = problems.length > 0;
    const byField = new Map(problems.map((p) => [p.field, p.message]));
    for (const box of this.root.querySelectorAll(".amc-field[data-field]")) {
      const message = byField.get(box.dataset.field);
      byField.delete(box.dataset.field);
      const error = box.querySelector(".amc-error");
      const input = box.querySelector("input, select");
      error.hidden = !message;
      error.textContent = message || "";
      input.toggleAttribute("aria-invalid", Boolean(message));
    }
    if (byField.size) this.statusText.textContent = [...byField.values()].join(" ");
    else if (runtime.state === "ready") this.statusText.textContent = messages.live;
  }

  // --- toolbar ----------------------------------------------------------------------------------

  onClick(event) {
    // The link to the full comparison carries this scenario (set now, before it is followed).
    const compare = event.target.closest(".amc-compare-link");
    if (compare) compare.search = scenarioQuery(this.form);
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "retry") {
      stopRuntime();
      this.dirty = true;
      startRuntime(this.config);
    } else if (action === "copy-link") this.copyLink(event.target);
    else if (action === "export-csv") this.export("csv");
    else if (action === "export-json") this.export("json");
    else if (action === "reset") this.reset();
  }

  // Exports only complete results of the values on the form: an answer on its way is waited for.
  async export(format) {
    while (runtime.state === "ready" && (this.inFlight || this.sensitivityPending())) {
      await new Promise((resolve) => this.waiters.push(resolve));
    }
    if (this.formKey() !== this.lastGood.key || !this.lastGood.complete) return; // invalid input, or Python stopped
    const text = this.lastGood.live ? await this.exportLive(format) : this.lastGood.exports[format];
    if (text === null) return; // Python stopped meanwhile
    if (format === "csv") download("aliexpress-modes.csv", "text/csv;charset=utf-8", text);
    else download("aliexpress-modes.json", "application/json", text);
  }

  // The export of the live numbers, made by Python from the same form values; null if the
  // runtime fails first.
  exportLive(format) {
    if (runtime.state !== "ready") return Promise.resolve(null);
    return new Promise((resolve) => {
      this.onFailure.push(() => resolve(null));
      requestExport((answer) => resolve(answer.ok ? answer.export : null),
        { ...this.lastGood.form, language, format });
    });
  }

  sensitivityPending() {
    return !this.lastGood.complete && this.lastGood.id === this.sentId;
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

function keepOpen(from, to) {
  if (to instanceof HTMLDetailsElement) to.open = from.open;
}
