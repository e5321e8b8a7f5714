"""A build for a GitHub Pages project site, served under /guide/ as Pages serves it (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import CALCULATOR_PAGE, SiteServer, build_site
from test_calculator import field, next_result, wait_live

SITE_URL = "https://example.github.io/guide/"
REPO_URL = "https://github.com/example/guide"
PREFIX = "/guide/"


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    build_site(root / "guide", env={"SITE_URL": SITE_URL, "REPO_URL": REPO_URL})
    return root


@pytest.fixture(scope="module")
def guide_server(guide_site):
    server = SiteServer(guide_site, not_found_page=guide_site / "guide" / "404.html")
    yield server
    server.close()


@pytest.fixture
def guide_page(chromium, guide_server):
    """A fresh page; its failed requests (status 400 and above, or no answer) are recorded."""
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.failed = []
    page.console_errors = []
    context.on("response", lambda r: r.status >= 400 and page.failed.append((r.status, r.url)))
    # ERR_ABORTED: a request the browser dropped because the test moved on to the next page.
    context.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
               and page.failed.append((r.failure, r.url)))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


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


def test_canonical_links_sitemap_and_edit_buttons_use_the_deploy_urls(guide_site):
    site = guide_site / "guide"
    page = (site / "modes" / "semi-managed" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}modes/semi-managed/">' in page
    assert f'href="{REPO_URL}/edit/main/data/modes/semi-managed.yml"' in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}modes/semi-managed/</loc>" in sitemap
    assert "127.0.0.1" not in sitemap
