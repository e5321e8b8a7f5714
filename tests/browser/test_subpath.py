"""A build for a GitHub Pages project site, served under /guide/ as Pages serves it (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import CALCULATOR_PAGE, GUIDE_REPO_URL
from test_calculator import field, next_result, wait_live

PREFIX = "/guide/"


def site_pages(guide_site: Path) -> list[str]:
    site = guide_site / "guide"
    folders = (path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    return sorted(PREFIX if folder == "." else f"{PREFIX}{folder}/" for folder in folders)


def test_every_page_loads_all_it_needs_from_under_the_prefix(guide_site, guide_server, guide_page):
    pages = site_pages(guide_site)
    assert len(pages) >= 10
    for path in pages:
        guide_page.goto(guide_server.url(path))
        guide_page.wait_for_load_state("networkidle")
        assert guide_page.failed == [], path
    assert guide_page.console_errors == []


def test_the_404_page_is_styled_under_the_prefix(guide_server, guide_page):
    response = guide_page.goto(guide_server.url("/guide/no/such/page/"))
    assert response.status == 404
    guide_page.wait_for_load_state("networkidle")
    assert [url for _, url in guide_page.failed] == [guide_server.url("/guide/no/such/page/")]
    # Material's stylesheet applied: the header is a coloured bar, not unstyled text.
    header = guide_page.eval_on_selector(
        ".md-header", "el => getComputedStyle(el).position + ' ' + getComputedStyle(el).display")
    assert header == "sticky block"
    home = guide_page.eval_on_selector(".md-header__button.md-logo", "el => el.href")
    assert home == guide_server.url("/guide/")


@pytest.mark.parametrize(("missing", "first", "title"), [
    ("no/such/page/", "en", "Page not found"), ("zh/no/such/page/", "zh", "页面不存在")])
def test_the_404_page_speaks_the_language_of_the_address_and_links_its_edition(
        guide_server, guide_page, missing, first, title):
    """The host sends the root's 404.html for every missing address: under /zh/ its Chinese text
    comes first (its inline script allowed by the page's CSP), and each text's links lead to the
    home page and the search of its own edition."""
    page = guide_page
    console: list[str] = []
    # Errors but the one of the missing page itself (a CSP violation would be one).
    page.on("console", lambda m: m.type == "error" and "status of 404" not in m.text
            and console.append(m.text))
    assert page.goto(guide_server.url(PREFIX + missing)).status == 404
    texts = page.eval_on_selector_all(
        "[data-not-found] > section",
        "els => els.map(s => [s.lang, s.querySelector('h1').textContent,"
        " [...s.querySelectorAll('a')].map(a => a.href)])")
    roots = {"en": guide_server.url(PREFIX), "zh": guide_server.url(PREFIX + "zh/")}
    assert [lang for lang, _, _ in texts] == [first, "zh" if first == "en" else "en"]
    assert texts[0][1] == title
    for lang, _, links in texts:
        assert links == [roots[lang], roots[lang] + "?q="]
    # Its search link opens the search of that edition, ready to type in.
    page.click(f"[data-not-found] > section[lang={first}] a[href$='?q=']")
    page.wait_for_url(roots[first] + "?q=")
    page.wait_for_function("() => document.activeElement?.matches('input.md-search__input')")
    assert page.eval_on_selector("html", "el => el.lang") == first
    assert console == [] and page.console_errors == []
    assert [url for _, url in page.failed] == [guide_server.url(PREFIX + missing)]


def test_search_finds_a_page_and_opens_it_under_the_prefix(guide_server, guide_page):
    guide_page.goto(guide_server.url("/guide/"))
    guide_page.wait_for_load_state("networkidle")
    guide_page.click("input.md-search__input")
    guide_page.keyboard.type("semi-managed")
    first = guide_page.locator(".md-search-result__item a").first
    first.wait_for()
    assert first.get_attribute("href").startswith(guide_server.url("/guide/"))
    first.click()
    guide_page.wait_for_url("**/guide/**")
    assert guide_page.failed == []


def test_the_live_calculator_runs_under_the_prefix(guide_server, guide_page):
    guide_page.goto(guide_server.url(PREFIX + CALCULATOR_PAGE))
    wait_live(guide_page, timeout=60_000)
    assert next_result(guide_page, lambda: field(guide_page, "units_per_month").fill("77")) is True
    assert guide_page.failed == []
    assert guide_page.console_errors == []


def test_canonical_links_sitemap_and_edit_buttons_use_the_deploy_urls(guide_site, guide_server):
    site, site_url = guide_site / "guide", guide_server.url(PREFIX)
    page = (site / "modes" / "semi-managed" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_url}modes/semi-managed/">' in page
    assert f'href="{GUIDE_REPO_URL}/edit/main/data/modes/semi-managed.yml"' in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert f"{site_url}modes/semi-managed/" in locs
    assert all(loc.startswith(site_url) for loc in locs)


def test_hreflang_alternates_are_full_addresses_of_the_same_page(guide_site, guide_server):
    """Search engines need absolute hreflang addresses: with SITE_URL set, each page names its
    own address in each edition, from either edition (the Chinese build's '../' resolved)."""
    site_url = guide_server.url(PREFIX)
    for edition in ("", "zh/"):
        page = (guide_site / "guide" / edition / "faq" / "index.html").read_text(encoding="utf-8")
        english, chinese = f"{site_url}faq/", f"{site_url}zh/faq/"
        assert re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', page) == [
            (english, "en"), (chinese, "zh"), (english, "x-default")]
