// Scroll containers wider inside than outside that do not visibly say they scroll (a sentence
// over a table from scroll-hints.js, or Material's arrow over tabs); and the page itself.
// Visually hidden elements (1 px, clipped) are left out. Used by test_accessibility.py.
(() => {
  const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const says = (box) => {
    if (box.dataset.scrolls) return getComputedStyle(box, "::before").content.includes(box.dataset.scrolls);
    if (box.classList.contains("tabbed-labels")) return shown(box.parentElement.querySelector(".tabbed-control--next"));
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.clientWidth <= 1 || el.scrollWidth <= el.clientWidth + 1) continue;
    const style = getComputedStyle(el);
    if (!/(auto|scroll|hidden)/.test(style.overflowX)) continue;
    if (style.overflowX === "hidden" && el.closest(".md-sidebar, .md-header, .md-search, .md-tabs")) continue;
    if (!shown(el) || says(el)) continue;
    out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${el.clientWidth} < ${el.scrollWidth}`);
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) out.push(`page ${page.clientWidth} < ${page.scrollWidth}`);
  return out;
})
