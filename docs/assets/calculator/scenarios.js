// Scenarios around the full calculator: presets to start from, a pinned base scenario to compare
// with (the worker returns the differences, worked out by calculators.compare), and scenarios
// named and saved in this browser (localStorage; nothing leaves it). The URL carries the current
// scenario (url-state.js) and the base (?base=<its query>&base_name=<its name>), so a shared
// link reopens both.

import { messages } from "./messages.js";
import { fillFromQuery, formQuery, stateFromQuery } from "./url-state.js";

const say = messages.scenarios;

const STORE_KEY = "aliexpress-modes.scenarios.v1";

function loadSaved() {
  try {
    const list = JSON.parse(localStorage.getItem(STORE_KEY) || "[]");
    return Array.isArray(list) ? list.filter((s) => s && typeof s.name === "string" && typeof s.query === "string") : [];
  } catch {
    return [];
  }
}

export class Scenarios {
  constructor(calculator) {
    this.calculator = calculator;
    this.form = calculator.form;
    this.panel = calculator.root.querySelector(".amc-scenarios");
    this.note = this.panel.querySelector(".amc-scenario-note");
    this.comparison = this.panel.querySelector(".amc-comparison");
    this.preset = this.panel.querySelector(".amc-preset");
    this.base = null; // {query, name}
  }

  attach() {
    this.panel.hidden = false;
    const params = new URLSearchParams(location.search);
    if (params.has("base")) this.base = { query: params.get("base"), name: params.get("base_name") || say.sharedBase };
    const preset = params.get("preset");
    if (preset && this.preset.querySelector(`option[value="${CSS.escape(preset)}"]`)) {
      this.preset.value = preset;
      this.showPresetAbout();
    }
    this.preset.addEventListener("change", () => this.applyPreset());
    this.panel.addEventListener("click", (event) => this.onClick(event));
    this.renderSaved();
    this.showBase();
  }

  onClick(event) {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "pin") this.pin();
    else if (action === "unpin") this.unpin();
    else if (action === "save") this.save();
    else if (action === "open-saved") this.open(button.closest("li").dataset.name);
    else if (action === "delete-saved") this.remove(button.closest("li").dataset.name);
  }

  // What the worker needs to compare with the base; undefined without one.
  baseRequest() {
    if (!this.base) return undefined;
    return { ...stateFromQuery(this.form, new URLSearchParams(this.base.query)), name: this.base.name };
  }

  showComparison(html) {
    this.comparison.hidden = !html;
    this.comparison.innerHTML = html || "";
  }

  showPresetAbout() {
    const option = this.preset.selectedOptions[0];
    this.panel.querySelector("#amc-preset-about").textContent = option?.dataset.about || "";
  }

  applyPreset() {
    const option = this.preset.selectedOptions[0];
    this.showPresetAbout();
    if (!option || !option.value) return;
    fillFromQuery(this.form, new URLSearchParams(Object.entries(JSON.parse(option.dataset.values)).map(([k, v]) => [k, String(v)])));
    this.setUrlParam("preset", option.value);
    this.calculator.changed();
  }

  pin() {
    const name = this.panel.querySelector(".amc-scenario-name").value.trim() || say.defaultBase;
    this.base = { query: formQuery(this.form).toString(), name };
    this.showBase();
    this.note.textContent = say.pinned(name);
    this.calculator.changed();
  }

  unpin() {
    this.base = null;
    this.showBase();
    this.showComparison(null);
    this.note.textContent = say.unpinned;
  }

  showBase() {
    this.panel.querySelector("[data-action=pin]").hidden = Boolean(this.base);
    this.panel.querySelector("[data-action=unpin]").hidden = !this.base;
    this.setUrlParam("base", this.base ? this.base.query : null);
    this.setUrlParam("base_name", this.base ? this.base.name : null);
  }

  setUrlParam(key, value) {
    const params = new URLSearchParams(location.search);
    if (value === null) params.delete(key);
    else params.set(key, value);
    const query = params.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }

  save() {
    const input = this.panel.querySelector(".amc-scenario-name");
    const name = input.value.trim();
    if (!name) {
      this.note.textContent = say.nameFirst;
      input.focus();
      return;
    }
    const saved = loadSaved().filter((s) => s.name !== name);
    const replaced = saved.length !== loadSaved().length;
    saved.push({ name, query: formQuery(this.form).toString(), savedAt: new Date().toISOString() });
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(saved));
    } catch {
      this.note.textContent = say.cannotSave;
      return;
    }
    this.note.textContent = say.saved(name, replaced);
    this.renderSaved();
  }

  open(name) {
    const scenario = loadSaved().find((s) => s.name === name);
    if (!scenario) return;
    fillFromQuery(this.form, new URLSearchParams(scenario.query));
    this.preset.value = "";
    this.showPresetAbout();
    this.setUrlParam("preset", null);
    this.panel.querySelector(".amc-scenario-name").value = name;
    this.note.textContent = say.opened(name);
    this.calculator.changed();
  }

  remove(name) {
    const saved = loadSaved().filter((s) => s.name !== name);
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(saved));
    } catch {
      return;
    }
    this.note.textContent = say.deleted(name);
    this.renderSaved();
  }

  renderSaved() {
    const list = this.panel.querySelector(".amc-saved");
    list.replaceChildren(...loadSaved().map((scenario) => {
      const item = document.createElement("li");
      item.dataset.name = scenario.name;
      const label = document.createElement("span");
      label.className = "amc-saved-name";
      label.textContent = scenario.name;
      const open = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: say.open });
      open.dataset.action = "open-saved";
      open.setAttribute("aria-label", say.openNamed(scenario.name));
      const remove = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: say.delete });
      remove.dataset.action = "delete-saved";
      remove.setAttribute("aria-label", say.deleteNamed(scenario.name));
      item.append(label, " ", open, " ", remove);
      return item;
    }));
  }
}
