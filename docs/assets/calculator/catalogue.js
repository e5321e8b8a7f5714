// The catalogue planner ([data-catalogue], written by generator/catalogue_html.py). The file's
// bytes (or the pasted text) go to the page's Python worker, which reads the CSV (BOM, GB18030,
// UTF-16, commas or tabs), plans it with calculators.catalogue and renders the plan in the page's
// language; the plan's HTML and CSV come back. Nothing leaves the browser.

import { download } from "./export.js";
import { language, messages } from "./messages.js";
import { request, runtime, startRuntime, subscribe, unsubscribe } from "./runtime.js";

const say = messages.catalogue;
const MAX_FILE_BYTES = 20 * 1024 * 1024; // far above 5,000 products; a larger file is a mistake

export class CataloguePlanner {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".amc-cat-form");
    this.status = root.querySelector(".amc-cat-status");
    this.results = root.querySelector(".amc-cat-results");
    this.toolbar = root.querySelector(".amc-cat-toolbar");
    this.button = this.form.querySelector("button[type=submit]");
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
    this.csv = null;
    this.pending = null; // a plan asked for before the runtime was ready
  }

  attach() {
    subscribe(this);
    this.button.disabled = false;
    this.status.textContent = say.attached;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.plan();
    });
    this.form.elements.file.addEventListener("change", () => {
      if (this.form.elements.file.files.length) this.plan();
    });
    this.results.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action=show-all-products]");
      if (!button) return;
      // The rows past the first hundred wait in a <template>: parsed, never laid out until now.
      const more = button.closest(".amc-cat-more");
      this.results.querySelector(".amc-cat-products tbody").append(more.querySelector("template").content);
      more.remove();
    });
    this.toolbar.addEventListener("click", (event) => {
      if (event.target.closest("[data-action=export-plan]") && this.csv) {
        download("catalogue-plan.csv", "text/csv", this.csv);
      }
    });
    // The planner is this page's whole purpose: start Python at once, as the calculator page does.
    if (runtime.state === "off") startRuntime(this.config);
    this.root.amcCatalogue = this; // for tests and the benchmark
  }

  detach() {
    unsubscribe(this);
  }

  async readInput() {
    const file = this.form.elements.file.files[0];
    if (file) {
      if (file.size > MAX_FILE_BYTES) throw new Error(say.tooLarge(Math.round(file.size / 1e6)));
      return new Uint8Array(await file.arrayBuffer());
    }
    const text = this.form.elements.text.value;
    if (!text.trim()) throw new Error(say.empty);
    return text;
  }

  settings() {
    const settings = {};
    for (const name of ["labour_rate_cny_per_hour", "fx_cny_per_usd"]) {
      const value = this.form.elements[name].value.trim();
      settings[name] = value === "" ? value : Number(value);
    }
    return settings;
  }

  async plan() {
    let data;
    try {
      data = await this.readInput();
    } catch (error) {
      this.status.textContent = error.message;
      return;
    }
    this.pending = { type: "catalogue", data, settings: this.settings(), language };
    this.startedAt = performance.now();
    if (runtime.state === "ready") this.send();
    else {
      this.status.textContent = say.starting;
      if (runtime.state === "off" || runtime.state === "failed") startRuntime(this.config);
    }
  }

  send() {
    const payload = this.pending;
    this.pending = null;
    this.status.textContent = say.planning;
    this.button.disabled = true;
    this.sentAt = performance.now();
    request(this, payload);
  }

  onResult(answer) {
    this.button.disabled = false;
    if (!answer.ok) {
      this.csv = null;
      this.toolbar.hidden = true;
      this.results.replaceChildren();
      this.status.textContent = answer.problems.map((p) => say.problem(p.column, p.message)).join(say.separator);
      this.root.dispatchEvent(new CustomEvent("amc:plan", { detail: { ok: false } }));
      return;
    }
    this.results.innerHTML = answer.html;
    this.csv = answer.csv;
    this.toolbar.hidden = answer.products === 0;
    this.status.textContent = say.planned(answer.products, answer.problems);
    this.lastTimings = { shownMs: performance.now() - this.sentAt, workerMs: answer.workerMs };
    this.root.dispatchEvent(new CustomEvent("amc:plan", { detail: { ok: true } }));
  }

  onRuntimeState(state, detail) {
    this.root.dataset.state = state;
    if (state === "ready" && this.pending) this.send();
    else if (state === "failed") {
      this.button.disabled = false;
      this.status.textContent = messages.failed(detail);
    } else if (state === "ready") this.status.textContent = say.ready;
  }
}
