"""Fixtures for the browser tests: one strict build of the real site per session, served on
loopback, and one fresh Chromium context (empty cache) per test with its console and every
request recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import (
    CALCULATOR_PAGE,
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
