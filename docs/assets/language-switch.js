// Material's language switcher, kept pointing at the page being read.
//
// Each edition is its own MkDocs build (English at the site root, Chinese under zh/) with the same
// page paths. The switcher's links (overrides/partials/alternate.html) carry each edition's root;
// instant navigation changes the page without re-rendering the header, so on every page change
// the links are re-aimed at this page (and its query, which holds a calculator's scenario) in the
// other edition. A click on one loads that page in full: the other edition has its own theme
// language and search index, which an instant page swap would not bring.

const switcherLinks = () => document.querySelectorAll(".md-select__link[hreflang][data-root]");

// Each edition's root as an absolute URL, resolved once against the page first loaded.
const roots = new Map([...switcherLinks()].map((a) => [a.hreflang, new URL(a.dataset.root, location.href)]));
const here = roots.get(document.documentElement.lang);

function aim() {
  if (!here || !location.href.startsWith(here.href)) return;
  const page = location.pathname.slice(here.pathname.length) + location.search;
  for (const link of switcherLinks()) link.href = new URL(page, roots.get(link.hreflang)).href;
}

if (here) {
  aim();
  window.document$?.subscribe(aim);
  // Before Material's own handlers (instant navigation, its sitemap lookup) see the click.
  window.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest(".md-select__link[hreflang]");
    if (link) {
      aim();
      event.stopPropagation();
    }
  }, true);
}
