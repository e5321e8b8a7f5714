"""Repeat and offline visits through the site's service worker (issue 14, point 3)."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from browser_support import CALCULATOR_PAGE, GUIDE_WITH_CALCULATOR, SiteServer
from test_calculator import field, next_result, wait_live

from generator.service_worker import write_service_worker

RUNTIME_PATHS = ("/assets/pyodide/", ".whl", "pyodide-lock", "python_stdlib.zip", "/parameters.",
                 ".xsnp.gz", "empty-stdlib.zip")


@pytest.fixture
def sub_path_site(site_dir, tmp_path):
    """The built site under /docs/guide/, as on a project page of a static host."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide").symlink_to(site_dir, target_is_directory=True)
    server = SiteServer(tmp_path)
    server.cache_headers = False  # like a host that sends none: the worker must not rely on them
    yield server
    server.close()


def test_the_service_worker_precaches_every_file_the_calculator_loads(site_dir):
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"const BUILD = (\{.*?\});\n", worker, re.S)[1])
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])
    page = (site_dir / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
    integrity = json.loads(html.unescape(re.search(r'data-integrity="([^"]+)"', page)[1]))
    needed = {*integrity, *re.findall(r'data-(?:parameters|uplot|uplot-css)="([^"]+)"', page)}
    needed |= {p.relative_to(site_dir).as_posix()
               for p in (site_dir / "assets" / "calculator").glob("*.*js")}
    # Only the boot without the memory snapshot loads these: no reader is made to cache them.
    fallback = {p for p in needed if p.endswith((".whl", "/python_stdlib.zip"))}
    assert len(fallback) == 2 and fallback & set(build["precache"]) == set()
    assert any(p.endswith(".xsnp.gz") for p in build["precache"])
    assert needed - fallback - set(build["precache"]) == set()
    assert [p for p in build["precache"] if p.endswith(".map") or "/lunr/" in p] == []
    assert all((site_dir / path).is_file() for path in build["precache"])


def registrations(page) -> list[str]:
    return page.evaluate("async () => (await navigator.serviceWorker.getRegistrations())"
                         ".map(r => r.scope)")


def wait_controlled(page):
    page.wait_for_function("async () => { await navigator.serviceWorker.ready;"
                           " return !!navigator.serviceWorker.controller; }", timeout=30_000)


def cache_names(page) -> list[str]:
    return page.evaluate("async () => await caches.keys()")


def runtime_bytes(sent) -> int:
    return sum(size for path, size in sent if any(p in path for p in RUNTIME_PATHS))


def test_repeat_visits_move_no_runtime_bytes_and_work_offline(chromium, sub_path_site):
    server = sub_path_site
    base = "docs/guide/"
    context = chromium.new_context()
    errors = []
    context.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        # A reader who only reads gets no service worker and no cache.
        page.goto(server.url(base + GUIDE_WITH_CALCULATOR))
        page.wait_for_load_state("networkidle")
        assert registrations(page) == []
        assert cache_names(page) == []

        page.goto(server.url(base + CALCULATOR_PAGE))
        wait_live(page)
        wait_controlled(page)
        assert registrations(page) == [server.url(base)]  # the whole site, nothing above it
        [name] = cache_names(page)
        assert name.startswith(f"amc:{server.url(base)}:")
        page.goto(server.url(base + GUIDE_WITH_CALCULATOR))  # a page visited after that
        page.wait_for_load_state("networkidle")

        server.take_sent()
        page.goto(server.url(base + CALCULATOR_PAGE))
        wait_live(page)
        assert next_result(page, lambda: field(page, "units_per_month").fill("640")) is True
        sent = server.take_sent()
        assert runtime_bytes(sent) == 0, sent
        assert [p for p, _ in sent if p.endswith(".wasm") or p.endswith(".whl")] == []

        context.set_offline(True)
        page.goto(server.url(base + CALCULATOR_PAGE + "?units_per_month=77"))
        wait_live(page)
        assert field(page, "units_per_month").input_value() == "77"
        assert next_result(page, lambda: field(page, "cogs_cny").fill("33")) is True
        page.goto(server.url(base + GUIDE_WITH_CALCULATOR))
        assert next_result(page, lambda: field(page, "cogs_cny").fill("34")) is True
        wait_live(page)
        assert server.take_sent() == []  # offline really was offline
        assert errors == []
    finally:
        context.close()


def test_the_offline_copy_of_the_page_just_read_is_a_revalidation(chromium, site_dir):
    """The worker's install copies the page the reader is on past the HTTP cache (no-cache, so a
    host's stale copy never mixes with this build); a host that sends validators, as static
    hosts do, answers that with a 304, not the page's 300 KB again (issue 14, guard 5)."""
    server = SiteServer(site_dir)
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(server.url(CALCULATOR_PAGE))
        wait_live(page)
        wait_controlled(page)
        page.wait_for_load_state("networkidle")
        page_path = "/" + CALCULATOR_PAGE
        assert server.take_requests().count(page_path) == 2  # the navigation, the worker's copy
        assert [path for path, _ in server.take_sent() if path == page_path] == [page_path]
        assert page.evaluate("async url => (await caches.match(url)).status",
                             server.url(CALCULATOR_PAGE)) == 200
    finally:
        context.close()
        server.close()


def test_a_new_build_replaces_the_old_cache(chromium, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    server = SiteServer(site)
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(server.url(CALCULATOR_PAGE))
        wait_live(page)
        wait_controlled(page)
        [old] = cache_names(page)

        # The next build: a page and an unhashed script changed, the runtime did not.
        calculator_html = site / CALCULATOR_PAGE / "index.html"
        calculator_html.write_text(calculator_html.read_text(encoding="utf-8").replace(
            "</article>", '<p id="build-two">Build two</p></article>', 1), encoding="utf-8")
        with (site / "assets" / "calculator" / "messages.js").open("a") as script:
            script.write("// build two\n")
        version = write_service_worker(site)
        assert not old.endswith(version)

        server.take_sent()
        page.reload()  # the browser checks sw.js on navigation and installs the new version
        page.wait_for_function(f"async () => (await caches.keys()).join() === "
                               f"'amc:{server.url('')}:{version}'", timeout=30_000)
        # Unchanged content-addressed files came from the old cache, not the network again.
        assert runtime_bytes(server.take_sent()) == 0
        cached_script = page.evaluate("async url => (await (await caches.match(url)).text())",
                                      server.url("assets/calculator/messages.js"))
        assert cached_script.endswith("// build two\n")

        context.set_offline(True)
        page.goto(server.url(CALCULATOR_PAGE))
        assert page.locator("#build-two").is_visible()
        wait_live(page)
    finally:
        context.close()
        server.close()
