"""When the live calculator cannot run (issue 11, points 4 and 5): each failure has its own
message, shows at once (well before the page's 30 s timeout), offers Retry where retrying can
help, and the numbers on screen never pass for those of other inputs.

How soon each failure shows, against the issue's 2 s from the moment it could be known, is a
speed target: benchmarks/failure_states.py measures it (runtime_failures.py says from when).
Here each test prints its delay (pytest -s) and checks only that it is one."""

from __future__ import annotations

import pytest
from browser_support import CALCULATOR_PAGE
from runtime_failures import (
    BLOCK_WASM,
    REFUSE_WORKER,
    TAMPERABLE,
    Arrivals,
    runtime_time,
    shown_after,
    tampered_copy,
    wait_failed,
)
from test_calculator import ROOT, bundle_from, download_exports, field, next_result, wait_live

import calculators

SHARED = f"{CALCULATOR_PAGE}?retail_price_usd=40&units_per_month=1000"
# Well inside the page's 30 s timeout: a failure that shows by then was named, not timed out.
NAMED_WITHIN_MS = 10_000


def failed_status(page, timeout=NAMED_WITHIN_MS) -> str:
    text = wait_failed(page, timeout)
    assert "Traceback" not in text and "Error" not in text
    return text


def shown(page, since: float) -> None:
    """The failure on screen came after `since` (epoch ms); its delay printed."""
    failed_status(page)
    delay = shown_after(page, since)
    print(f"failure shown {delay:.0f} ms after it could be known")  # pytest -s: the figures
    assert delay >= 0


def retry_visible(page) -> bool:
    return page.locator(f"{ROOT} [data-action='retry']").is_visible()


def test_blocked_webassembly_is_named_and_the_shared_scenario_is_not_passed_off(visit, server):
    server.csp = BLOCK_WASM
    page = visit.goto(SHARED)
    text = failed_status(page)
    shown(page, runtime_time(page, "startedAt"))
    assert "your browser blocks WebAssembly" in text
    assert not retry_visible(page)  # retrying cannot lift the browser's ban
    # The form shows the shared values; the results are the defaults', and say so.
    assert field(page, "retail_price_usd").input_value() == "40"
    note = page.locator(f"{ROOT} .amc-stale-note")
    assert "for the default values, not the ones above" in note.inner_text()
    assert page.locator(f"{ROOT} .amc-results.amc-stale").count() == 1
    for action in ("export-csv", "export-json"):
        assert page.locator(f"{ROOT} [data-action='{action}']").is_disabled()
    # The way back: the defaults, whose numbers these are.
    note.locator("[data-action='reset']").click()
    assert field(page, "retail_price_usd").input_value() != "40"
    assert not note.is_visible()
    assert page.locator(f"{ROOT} .amc-results.amc-stale").count() == 0
    # Without Python, the exports are the page's copies: those of the default scenario.
    bundle = bundle_from(page)
    defaults = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    assert download_exports(page) == (calculators.export_csv(defaults, bundle),
                                      calculators.export_json(defaults, bundle))
    assert [e for e in visit.console_errors if "WebAssembly" not in e
            and "Content Security Policy" not in e] == []


def test_an_edit_while_python_is_blocked_marks_the_results(visit, server):
    server.csp = BLOCK_WASM
    page = visit.goto(CALCULATOR_PAGE)
    failed_status(page)
    field(page, "units_per_month").fill("1000")
    assert "not the ones above" in page.inner_text(f"{ROOT} .amc-stale-note")
    assert page.locator(f"{ROOT} [data-action='export-csv']").is_disabled()


def test_a_missing_worker_script_is_named_and_retry_recovers(visit, server):
    page = visit.page
    arrivals = Arrivals(page)
    server.gone.add("/calculator/worker.js")
    try:
        visit.goto(CALCULATOR_PAGE)
        text = failed_status(page)
        shown(page, arrivals.first("worker.js"))
    finally:
        server.gone.clear()
    assert "missing from the site (worker.js, HTTP 404)" in text
    assert retry_visible(page)
    page.click(f"{ROOT} [data-action='retry']")
    wait_live(page)


def test_live_numbers_are_not_exported_once_python_has_failed(visit):
    # Live numbers for edited values, then Python fails on a restart (Retry, here with workers
    # now refused): the numbers stay (they are the form's), but only Python makes their exports,
    # so Export is disabled, never broken.
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    assert next_result(page, lambda: field(page, "active_skus").fill("44")) is True
    assert page.locator(f"{ROOT} [data-action='export-csv']").is_enabled()
    page.evaluate(f"() => {{ {REFUSE_WORKER} }}")
    page.eval_on_selector(f"{ROOT} [data-action=retry]", "button => { button.hidden = false; }")
    page.click(f"{ROOT} [data-action='retry']")
    failed_status(page)
    for action in ("export-csv", "export-json"):
        assert page.locator(f"{ROOT} [data-action='{action}']").is_disabled()
    assert page.locator(f"{ROOT} .amc-results.amc-stale").count() == 0


def test_a_worker_the_browser_refuses_is_named(visit):
    page = visit.page
    page.add_init_script(REFUSE_WORKER)
    visit.goto(CALCULATOR_PAGE)
    assert "could not start the calculator's background script" in failed_status(page)
    shown(page, runtime_time(page, "startedAt"))
    assert retry_visible(page)


@pytest.mark.parametrize("name", ["pyodide.asm.wasm", "empty-stdlib.zip"])
def test_a_missing_runtime_file_is_named(visit, server, name):
    page = visit.page
    arrivals = Arrivals(page)
    server.gone.add("/" + name)
    try:
        visit.goto(CALCULATOR_PAGE)
        text = failed_status(page)
    finally:
        server.gone.clear()
    shown(page, arrivals.first(name))
    assert f"missing from the site ({name}, HTTP 404)" in text
    assert retry_visible(page)


@pytest.fixture
def tampered(server, site_dir):
    """Serve one built file with its first byte changed."""
    served = []

    def tamper(pattern: str) -> str:
        path, body, name = tampered_copy(site_dir, pattern)
        server.extra_files[path] = body
        served.append(path)
        return name

    yield tamper
    for path in served:
        del server.extra_files[path]


@pytest.mark.parametrize("pattern", TAMPERABLE)
def test_every_runtime_file_is_checked_against_its_build_time_hash(visit, tampered, pattern):
    name = tampered(pattern)
    arrivals = Arrivals(visit.page)
    page = visit.goto(CALCULATOR_PAGE)
    text = failed_status(page)
    shown(page, arrivals.first(name))
    assert f"failed its integrity check ({name})" in text
    assert retry_visible(page)
    # Nothing of the tampered runtime ran: the prerendered numbers stay, unmarked (they match).
    assert page.eval_on_selector(ROOT, "el => el.amc.lastGood.live") is False
    assert page.locator(f"{ROOT} .amc-results.amc-stale").count() == 0
