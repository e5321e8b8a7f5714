"""The two editions in the browser, as deployed (SITE_URL set, under /guide/): instant navigation
through every page keeps the `hreflang` alternates in <head> and the language switcher on the page
being read, in both editions, and Material's own language script never takes a page for a root."""

from __future__ import annotations

import pytest
from test_subpath import PREFIX, site_pages

NOT_RELOADED = "window.notReloaded === true"


def alternates(page) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in page.eval_on_selector_all(
        "head link[rel=alternate][hreflang]", "els => els.map(e => [e.hreflang, e.href])")]


def switcher(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        ".md-select__link[hreflang]", "els => els.map(e => [e.hreflang, e.href])"))


def click_nav_link(page, url: str) -> None:
    """Follow the site navigation's link to `url`, as a click (the drawer may hide it), and wait
    for the new page (its canonical link: the address changes before the page arrives)."""
    page.eval_on_selector(f'nav.md-nav--primary a.md-nav__link[href="{url}"]', "a => a.click()")
    page.wait_for_function("url => document.querySelector('link[rel=canonical]')?.href === url",
                           arg=url.split("#")[0])


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_instant_navigation_keeps_hreflang_and_switcher_on_every_page(guide_site, guide_server,
                                                                      guide_page, edition):
    page, root = guide_page, guide_server.url(PREFIX)
    paths = [p.removeprefix(PREFIX) for p in site_pages(guide_site)
             if not p.startswith(PREFIX + "zh/")]
    assert len(paths) >= 14
    sitemaps: list[str] = []
    page.on("request", lambda r: r.url.endswith("sitemap.xml") and sitemaps.append(r.url))
    # The first page a deep one, as a reader arriving from a search engine would see it.
    first = "modes/fully-managed/"
    page.goto(root + edition + first)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.notReloaded = true")
    for path in [*paths, first]:  # the first page again: a page read earlier in the visit
        click_nav_link(page, root + edition + path)
        assert page.evaluate(NOT_RELOADED), f"{edition}{path}: the page was loaded in full"
        english, chinese = root + path, root + "zh/" + path
        assert alternates(page) == [("en", english), ("zh", chinese), ("x-default", english)], path
        assert switcher(page) == {"en": english, "zh": chinese}, path
    # Material's script loaded no sitemap beside a page's alternates, only this edition's own.
    page.wait_for_load_state("networkidle")
    assert set(sitemaps) <= {root + "sitemap.xml", root + "zh/sitemap.xml"}, sitemaps
    # A link to a heading of a page read before keeps its anchor and stays instant.
    compare = root + edition + "compare/"
    click_nav_link(page, compare)
    anchor = page.eval_on_selector("article h2[id]", "h => h.id")
    click_nav_link(page, root + edition + first)
    page.evaluate("([page, anchor]) => { const a = document.createElement('a');"
                  " a.href = page + '#' + encodeURIComponent(anchor);"
                  " document.querySelector('article').append(a); a.click(); }", [compare, anchor])
    page.wait_for_function("url => document.querySelector('link[rel=canonical]').href === url",
                           arg=compare)
    assert page.evaluate("decodeURIComponent(location.hash.slice(1))") == anchor
    assert page.evaluate(NOT_RELOADED)
    # The switcher then opens this page in the other edition.
    other = "zh/" if edition == "" else ""
    page.hover(".md-header__option .md-select")
    page.click(f".md-header__option .md-select__link[hreflang='{'zh' if other else 'en'}']")
    page.wait_for_url(root + other + "compare/")
    assert page.eval_on_selector("html", "el => el.lang") == ("zh" if other else "en")
    assert page.failed == [] and page.console_errors == []
