// Tables too wide for the screen scroll sideways inside their box; this says so where it
// happens, so no column is hidden without a hint (a phone shows no scrollbar until touched).

import { messages } from "./messages.js";

const SCROLLERS = ".md-typeset__scrollwrap, .amc-table-wrap";

export function markScrollers(root = document) {
  for (const box of root.querySelectorAll(SCROLLERS)) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) box.dataset.scrolls = messages.scrollSideways;
    else delete box.dataset.scrolls;
  }
}

let timer = 0;
addEventListener("resize", () => {
  clearTimeout(timer);
  timer = setTimeout(() => markScrollers(), 150);
});
