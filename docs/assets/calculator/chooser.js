// The 60-second chooser ([data-chooser], written by generator/chooser_html.py). Without this
// script the block lists every question with how each answer leans; with it, the answers are a
// form and the outcome appears once every question is answered. The outcome for each complete
// set of answers was worked out at build time by calculators.chooser (the block's answer table),
// so no Python runs here and nothing is scored twice.

export class Chooser {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".amc-ch-form");
    this.result = root.querySelector(".amc-ch-result");
    this.questions = [...root.querySelectorAll(".amc-ch-question")];
    this.table = JSON.parse(root.querySelector(".amc-ch-table").content.textContent);
  }

  attach() {
    this.root.classList.add("amc-ch-live"); // CSS folds each answer's reason under its label
    this.form.addEventListener("change", () => this.update());
    this.result.hidden = false;
    this.update();
    this.root.amcChooser = this; // for tests
  }

  detach() {}

  picks() {
    return this.questions.map((question) => question.querySelector("input:checked")?.value);
  }

  update() {
    const picks = this.picks();
    const missing = picks.filter((pick) => pick === undefined).length;
    const progress = this.result.querySelector(".amc-ch-progress");
    for (const box of this.result.querySelectorAll("[data-outcome], .amc-ch-preset")) box.hidden = true;
    const why = this.result.querySelector(".amc-ch-why");
    why.replaceChildren();
    this.result.querySelector(".amc-ch-why-title").hidden = true;
    if (missing) {
      progress.hidden = false;
      // The sentence is the page's, in its language: "{missing} of {total} questions left…".
      progress.textContent = this.result.dataset.progress
        .replace("{missing}", String(missing)).replace("{total}", String(picks.length));
      this.root.dataset.outcome = "";
      return;
    }
    progress.hidden = true;
    const [outcome, preset, reasons] = this.table[picks.join("")];
    this.result.querySelector(`[data-outcome="${outcome}"]`).hidden = false;
    for (const index of reasons) {
      const answer = this.questions[index].querySelector(`[data-answer="${picks[index]}"]`);
      const item = document.createElement("li");
      item.append(...[...answer.querySelector(".amc-ch-reason").childNodes].map((n) => n.cloneNode(true)));
      why.append(item);
    }
    this.result.querySelector(".amc-ch-why-title").hidden = reasons.length === 0;
    this.result.querySelector(`.amc-ch-preset[data-preset="${preset}"]`).hidden = false;
    this.root.dataset.outcome = String(outcome);
  }
}
