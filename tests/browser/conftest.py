"""Fixtures for the browser tests: one strict build of the real site per session, served on
loopback, and one fresh Chromium context (empty cache) per test with its console and every
request recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import (
    CALCULATOR_PAGE,
    GUIDE_REPO_URL,
    SiteServer,
    build_site,
    launch_chromium,
    missing_prerequisites,
)


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    problems = missing_prerequisites()
    if problems:  # never skip: a CI without a browser must go red, not quietly green
        pytest.fail("browser tests cannot run:\n  " + "\n  ".join(problems), pytrace=False)
    site = build_site(tmp_path_factory.mktemp("site") / "site")
    page = (site / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
    if 'calculator/calculator.js" type="module"' not in page:
        pytest.fail("the calculator page does not load assets/calculator/calculator.js as a "
                    "module: add it to mkdocs.yml's extra_javascript with `type: module` (and "
                    "assets/calculator/calculator.css to extra_css)", pytrace=False)
    return site


@pytest.fixture(scope="session")
def server(site_dir):
    site_server = SiteServer(site_dir)
    yield site_server
    site_server.close()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A page in a fresh browser context, with what it logged and requested."""

    page: object
    server: SiteServer
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def goto(self, path: str):
        self.page.goto(self.server.url(path))
        # Calculator blocks attach on Material's document$ emission, which can come after the
        # load event on a slow machine: tests read a block's state (el.amc) only once it exists.
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-calculator]')].every(el => el.amc)")
        return self.page

    def off_origin(self) -> list[str]:
        local = (self.server.origin + "/", "blob:", "data:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.fixture
def visit(chromium, server):
    server.csp = None
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    record = Visit(page, server)
    page.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
    page.on("pageerror", lambda e: record.console_errors.append(str(e)))
    # Every request of the page and of its workers, whatever the origin.
    context.on("request", lambda r: record.requests.append(r.url))
    yield record
    context.close()
    server.csp = None


# A GitHub Pages project site, served under /guide/ as Pages serves it (with its 404.html for
# missing paths), and built with its own address as SITE_URL, as a deploy builds it: Material's
# instant navigation needs that address (it only navigates instantly to the sitemap's pages).
@pytest.fixture(scope="session")
def guide_server(tmp_path_factory):
    if problems := missing_prerequisites():
        pytest.fail("browser tests cannot run:\n  " + "\n  ".join(problems), pytrace=False)
    root = tmp_path_factory.mktemp("pages")
    server = SiteServer(root, not_found_page=root / "guide" / "404.html")  # its port, held
    build_site(root / "guide", env={"SITE_URL": server.url("/guide/"), "REPO_URL": GUIDE_REPO_URL})
    yield server
    server.close()


@pytest.fixture(scope="session")
def guide_site(guide_server) -> Path:
    """The folder served: the site is in its guide/ folder."""
    return guide_server.root


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
