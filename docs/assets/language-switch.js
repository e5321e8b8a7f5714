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

// Material's own language script (setupAlternate in its bundle) takes every <link rel=alternate>
// in <head> for the root of a language's site: it loads "sitemap.xml" beside each, and from then
// on turns a click on any link under that address into a full reload of the address itself. Our
// alternates name this very page in each edition (overrides/main.html, for search engines), so
// each page would cost requests for <page>/sitemap.xml that fail, and once a page had been read, a
// later link to it would reload it in full and lose its #anchor. Material loads sitemaps through
// XMLHttpRequest: one that is not at an edition's root is ended here, unsent, as aborted, so
// Material records no such alternate. (Instant navigation's own sitemap, at the root, goes out.)
function keepMaterialOffPageAlternates() {
  const rootSitemaps = new Set([...roots.values()].map((root) => new URL("sitemap.xml", root).href));
  const unsent = new WeakSet();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(url, location.href);
    if (target.pathname.endsWith("/sitemap.xml") && !rootSitemaps.has(target.href)) unsent.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!unsent.has(this)) return send.apply(this, body);
    this.dispatchEvent(new ProgressEvent("abort"));
  };
}

if (here) {
  keepMaterialOffPageAlternates();
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
