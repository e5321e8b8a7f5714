"""The calculators in Debian's Chromium against the built site (issue 4, point 7)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
from html import escape, unescape

import pytest
from browser_support import CALCULATOR_PAGE, GUIDE_WITH_CALCULATOR, PAGE_WITHOUT_CALCULATOR
from calculators.bridge import single_block

import calculators
from calculators import report
from generator.calculator_html import canonical_json, script_json

ROOT = "[data-calculator]"
# Each edition's calculator page: the same runtime, the reader's language.
EDITIONS = {"en": CALCULATOR_PAGE, "zh": "zh/" + CALCULATOR_PAGE}
PYODIDE_FILES = ("/assets/pyodide/", "/parameters.", ".whl", "pyodide-lock", "python_stdlib.zip",
                 ".xsnp.gz", "empty-stdlib.zip")


def bundle_from(page):
    """The parameter bundle exactly as the page's worker receives it."""
    url = page.eval_on_selector(ROOT, "el => new URL(el.dataset.parameters, "
                                      "new URL('../../', document.querySelector("
                                      "'script[src$=\"calculator.js\"]').src)).href")
    return json.loads(page.request.get(url).text())


def wait_live(page, timeout=30_000):
    """Wait until Python has produced the first live result, sensitivity included (or failed)."""
    page.wait_for_function(
        f"() => {{ const el = document.querySelector('{ROOT}'); return el && el.amc && "
        "((el.amc.lastGood.live && el.amc.lastGood.complete) || el.amc.runtimeFailed()); }",
        timeout=timeout,
    )
    state = page.eval_on_selector(f"{ROOT} .amc-status", "el => el.dataset.state")
    assert state == "ready", page.inner_text(f"{ROOT} .amc-status")


def next_result(page, action, timeout=60_000):
    """Run ``action`` and wait for the calculator's next complete answer (the full result, or
    problems); returns whether it was ok. An error thrown in the page fails at once, with its
    message, and an answer that never comes fails after ``timeout`` ms: never a hang."""
    page.evaluate(f"""() => {{
        const el = document.querySelector('{ROOT}');
        window.__amcNext = null;
        window.__amcPageError = null;
        addEventListener('error', (e) => {{ window.__amcPageError ??= e.message; }},
                         {{ once: true }});
        el.addEventListener('amc:result', function done(e) {{
            if (e.detail.ok && e.detail.stage === 'main') return; // its sensitivity follows
            el.removeEventListener('amc:result', done);
            window.__amcNext = {{ ok: e.detail.ok }};
        }});
    }}""")
    action()
    page.wait_for_function("() => window.__amcNext || window.__amcPageError", timeout=timeout)
    error = page.evaluate("() => window.__amcPageError")
    assert error is None, f"the page threw while answering: {error}"
    return page.evaluate("() => window.__amcNext.ok")


def live_json(page) -> str:
    return page.eval_on_selector(ROOT, "el => el.amc.lastGood.json")


def field(page, name):
    return page.locator(f"{ROOT} [name='{name}']")


def assert_clean(visit):
    assert visit.console_errors == []
    assert visit.off_origin() == []


def test_prerendered_numbers_show_without_javascript(chromium, server):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page.goto(server.url(CALCULATOR_PAGE))
    results = page.locator(f"{ROOT} .amc-results")
    assert results.is_visible()
    bundle = bundle_from(page)
    expected = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    recommended = expected["recommended"]["mode"]
    label = next(m["label"] for m in expected["modes"] if m["id"] == recommended)
    assert label in results.inner_text()
    assert "¥" in results.inner_text()
    assert not [url for url in requests if any(part in url for part in PYODIDE_FILES)]
    # One consistent text: the defaults' numbers, one sentence that recalculating needs
    # JavaScript, and no button that would do nothing.
    block = page.inner_text(ROOT)
    assert "worked out for the default values" in block
    assert block.count("JavaScript") == 1 and "Change any value" not in block
    assert [b.inner_text() for b in page.locator(f"{ROOT} button").all() if b.is_visible()] == []
    context.close()


@pytest.mark.parametrize("language", EDITIONS)
def test_live_default_result_equals_cpython_exactly(visit, language):
    page = visit.goto(EDITIONS[language])
    prerendered_dom = page.eval_on_selector(f"{ROOT} .amc-results", "el => el.innerHTML")
    embedded = page.eval_on_selector(f"{ROOT} .amc-prerendered", "el => el.content.textContent")
    assert page.eval_on_selector(ROOT, "el => el.amc.lastGood.live") is False
    wait_live(page)

    live = live_json(page)
    assert script_json(json.loads(live)) == embedded  # same JSON text, byte for byte
    bundle = bundle_from(page)
    cpython = calculators.evaluate(calculators.default_scenario(bundle), bundle, language)
    assert live == canonical_json(cpython)
    # The live HTML replaced the prerendered one and parses to the identical DOM.
    assert page.eval_on_selector(f"{ROOT} .amc-results", "el => el.innerHTML") == prerendered_dom
    live_html = page.eval_on_selector(ROOT, "el => el.amc.lastGood.html")
    assert live_html == single_block(report.render_html(cpython, language=language))
    assert "NaN" not in page.inner_text(ROOT) and "Infinity" not in page.inner_text(ROOT)
    assert_clean(visit)


def test_python_boots_from_the_memory_snapshot_not_the_standard_library(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    snapshot = page.eval_on_selector(ROOT, "el => el.dataset.snapshot")
    assert snapshot.startswith("assets/calculator/runtime-") and snapshot.endswith(".xsnp.gz")
    fetched = [url for url in visit.requests if url.endswith(".xsnp.gz")]
    assert fetched and all(url.endswith("/" + snapshot) for url in fetched)
    # The snapshot replaces both: neither is downloaded, by the worker or the service worker.
    assert [url for url in visit.requests if url.endswith((".whl", "python_stdlib.zip"))] == []
    assert_clean(visit)


def test_a_snapshot_that_does_not_restore_falls_back_to_the_usual_boot(visit, site_dir):
    """A snapshot that downloads intact but cannot be restored (another Pyodide build, say):
    the worker boots from the precompiled standard library and the wheel instead."""
    html = (site_dir / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
    broken = gzip.compress(b"not a snapshot of this Pyodide build" * 64)
    runtime_dir = re.search(r'data-stdlib="([^"]+)/python_stdlib.zip"', html)[1]
    broken_path = f"{runtime_dir}/broken.xsnp.gz"
    match = re.search(r'data-integrity="([^"]*)"', html)
    integrity = json.loads(unescape(match[1]))
    integrity[broken_path] = "sha256-" + base64.b64encode(hashlib.sha256(broken).digest()).decode()
    html = html.replace(match[0], f'data-integrity="{escape(json.dumps(integrity))}"')
    html = re.sub(r'data-snapshot="[^"]+"', f'data-snapshot="{broken_path}"', html)
    extra = {"/" + CALCULATOR_PAGE + "index.html": html.encode(), "/" + broken_path: broken}
    visit.server.extra_files.update(extra)
    try:
        page = visit.goto(CALCULATOR_PAGE + "index.html")
        wait_live(page)
    finally:
        for path in extra:
            visit.server.extra_files.pop(path)
    assert any(url.endswith("/" + broken_path) for url in visit.requests)
    stdlib = page.eval_on_selector(ROOT, "el => el.dataset.stdlib")
    fetched = {url for url in visit.requests if url.endswith("python_stdlib.zip")}
    assert fetched and all(url.endswith("/" + stdlib) for url in fetched)  # the site's, not npm's
    assert any(url.endswith(".whl") for url in visit.requests)
    # The worker says why on the console (a warning: the calculator works).
    assert not [e for e in visit.console_errors if "snapshot" in e]


def test_a_browser_without_decompression_stream_boots_from_the_standard_library(visit, site_dir):
    """Without DecompressionStream the snapshot cannot be inflated: the worker must not fetch it,
    and boots from the precompiled standard library and the wheel instead. The site's own worker
    script is served with one line before it that takes DecompressionStream away (the worker
    script itself is not integrity-checked; every file it loads still is)."""
    worker_path = "/assets/calculator/worker.js"
    original = (site_dir / worker_path.lstrip("/")).read_bytes()
    assert b'typeof DecompressionStream === "function"' in original
    visit.server.extra_files[worker_path] = b"self.DecompressionStream = undefined;\n" + original
    # What the page and its worker fetched, without the service worker's precaching (which
    # downloads the snapshot for offline use, whatever the worker does).
    fetched = []
    visit.page.context.on(
        "request", lambda r: r.service_worker is None and fetched.append(r.url))
    try:
        page = visit.goto(CALCULATOR_PAGE)
        wait_live(page)
    finally:
        visit.server.extra_files.pop(worker_path)
    assert any(url.endswith(worker_path) for url in fetched)
    assert page.eval_on_selector(ROOT, "el => el.dataset.snapshot").endswith(".xsnp.gz")
    assert [url for url in fetched if url.endswith(".xsnp.gz")] == []
    stdlib = page.eval_on_selector(ROOT, "el => el.dataset.stdlib")
    stdlibs = [url for url in fetched if url.endswith("python_stdlib.zip")]
    assert stdlibs and all(url.endswith("/" + stdlib) for url in stdlibs)  # the site's, not npm's
    assert any(url.endswith(".whl") for url in fetched)
    # The calculator works: Python's live answer is CPython's, byte for byte.
    bundle = bundle_from(page)
    cpython = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    assert live_json(page) == canonical_json(cpython)
    assert_clean(visit)


@pytest.mark.parametrize("language", EDITIONS)
def test_changing_an_input_changes_the_result(visit, language):
    page = visit.goto(EDITIONS[language])
    wait_live(page)
    before = json.loads(live_json(page))
    assert next_result(page, lambda: field(page, "retail_price_usd").fill("25")) is True
    after = json.loads(live_json(page))
    assert after["scenario"]["retail_price_usd"] == 25.0
    assert after["modes"][0]["revenue"] != before["modes"][0]["revenue"]
    bundle = bundle_from(page)
    scenario = {**calculators.default_scenario(bundle), "retail_price_usd": 25.0}
    assert live_json(page) == canonical_json(calculators.evaluate(scenario, bundle, language))
    page.wait_for_url("**retail_price_usd=25*")  # written once typing pauses
    assert_clean(visit)


@pytest.mark.parametrize("language", EDITIONS)
def test_invalid_input_shows_the_models_message_and_keeps_the_result_stale(visit, language):
    page = visit.goto(EDITIONS[language])
    wait_live(page)
    good = live_json(page)
    results_text = page.inner_text(f"{ROOT} .amc-results")
    assert next_result(page, lambda: field(page, "return_rate").fill("2")) is False

    bundle = bundle_from(page)
    with pytest.raises(calculators.InvalidInput) as raised:
        calculators.evaluate({**calculators.default_scenario(bundle), "return_rate": 2.0}, bundle,
                             language)
    (problem,) = raised.value.problems
    error = page.locator(f"{ROOT} [data-field='return_rate'] .amc-error")
    assert error.is_visible()
    assert error.inner_text() == problem.message
    assert field(page, "return_rate").get_attribute("aria-invalid") is not None
    assert page.locator(f"{ROOT} .amc-results.amc-stale").is_visible()
    assert page.locator(f"{ROOT} .amc-stale-note").is_visible()
    assert page.inner_text(f"{ROOT} .amc-results") == results_text
    assert live_json(page) == good

    # An emptied field: the model's own message in plain words, never NaN, "" or a traceback.
    assert next_result(page, lambda: field(page, "retail_price_usd").fill("")) is False
    message = page.inner_text(f"{ROOT} [data-field='retail_price_usd'] .amc-error")
    assert message == {"en": "Retail price (USD) is empty: enter a number from 0.01 to 100,000.",
                       "zh": "零售价（美元）还没填，请填 0.01 到 100,000 之间的数字。"}[language]
    assert "Traceback" not in page.inner_text(ROOT) and "NaN" not in page.inner_text(ROOT)

    # Fixing the input clears the messages and the stale marker.
    assert next_result(page, lambda: field(page, "retail_price_usd").fill("15")) is False
    assert next_result(page, lambda: field(page, "return_rate").fill("0.03")) is True
    assert not error.is_visible()
    assert page.locator(f"{ROOT} .amc-results.amc-stale").count() == 0
    assert_clean(visit)


def test_a_shared_url_reproduces_the_scenario(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    bundle = bundle_from(page)
    override = calculators.parameter_index(bundle)[-1]["id"]  # any parameter works
    next_result(page, lambda: field(page, "units_per_month").fill("1234"))
    page.click(f"{ROOT} .amc-assumptions summary")
    next_result(page, lambda: field(page, f"overrides.{override}").fill("0.5"))
    page.wait_for_function(f"() => location.search.includes('o.{override}=0.5')")
    shared = page.url
    assert "units_per_month=1234" in shared

    page2 = visit.page.context.new_page()
    page2.goto(shared)
    wait_live(page2)
    scenario = {**calculators.default_scenario(bundle), "units_per_month": 1234.0,
                "overrides": {override: 0.5}}
    assert live_json(page2) == canonical_json(calculators.evaluate(scenario, bundle))
    assert field(page2, "units_per_month").input_value() == "1234"
    assert_clean(visit)


def test_compact_calculator_on_a_guide_page(visit):
    page = visit.goto(GUIDE_WITH_CALCULATOR)
    modes = page.eval_on_selector(ROOT, "el => el.dataset.modes")
    assert len(modes.split()) == 1
    assert page.locator(f"{ROOT} .amc-charts").count() == 0
    assert next_result(page, lambda: field(page, "cogs_cny").fill("50")) is True
    wait_live(page)
    assert_clean(visit)


def pyodide_requests(visit):
    return [url for url in visit.requests if any(p in url for p in PYODIDE_FILES)]


def scroll_to_bottom(page):
    """A reader who scrolls the whole page, past the calculator, and stays at the bottom."""
    page.wait_for_load_state("networkidle")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    for _ in range(0, height + 400, 400):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    assert page.evaluate("() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2")
    page.locator(ROOT).evaluate(
        "el => new Promise(r => new IntersectionObserver("
        "(e, o) => e[0].isIntersecting && (o.disconnect(), r())).observe(el))")
    page.wait_for_timeout(3000)  # longer than any idle or visibility start would wait


def test_a_guide_page_read_without_touching_its_calculator_fetches_no_runtime(visit):
    page = visit.goto(GUIDE_WITH_CALCULATOR)
    scroll_to_bottom(page)
    assert pyodide_requests(visit) == []
    assert page.eval_on_selector(f"{ROOT} .amc-status", "el => el.dataset.state") != "loading"
    # The prerendered numbers are the page's, untouched.
    assert page.eval_on_selector(ROOT, "el => el.amc.lastGood.live") is False
    assert page.locator(f"{ROOT} .amc-results").inner_text() != ""
    # Focusing an input is enough to start it.
    field(page, "cogs_cny").focus()
    wait_live(page)
    assert pyodide_requests(visit) != []
    assert_clean(visit)


def save_data(page):
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'connection', "
                         "{get: () => ({saveData: true, effectiveType: '4g'})})")


def test_with_save_data_even_the_calculator_page_waits_for_interaction(visit):
    page = visit.page
    save_data(page)
    visit.goto(CALCULATOR_PAGE)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)
    assert pyodide_requests(visit) == []
    assert page.locator(f"{ROOT} .amc-results").inner_text() != ""
    assert next_result(page, lambda: field(page, "units_per_month").fill("321")) is True
    wait_live(page)
    scenario = page.eval_on_selector(ROOT, "el => el.amc.lastGood.result.scenario")
    assert scenario["units_per_month"] == 321
    assert_clean(visit)


@pytest.mark.parametrize("language", EDITIONS)
def test_the_calculator_page_starts_python_from_its_head_before_the_page_is_parsed(visit, language):
    workers = []
    visit.page.on("worker", lambda worker: workers.append(worker.url))
    page_requests = []
    visit.page.on("request", lambda request: page_requests.append(request.url))
    page = visit.goto(EDITIONS[language])
    wait_live(page)
    started, parsed = page.evaluate("""() => [
        document.querySelector('[data-calculator]').amc.runtime.startedAt,
        performance.getEntriesByType('navigation')[0].domInteractive]""")
    # calculator.js is a module script: it runs only once the whole page has been parsed.
    assert started < parsed
    # One calculator worker (beside Material's search worker): the one <head> started, taken
    # over by calculator.js with what it said meanwhile.
    assert [url for url in workers if url.endswith("/assets/calculator/worker.js")] == [
        visit.server.url("assets/calculator/worker.js")]
    # It starts from one file (generator/worker_bundle.py): no module requests behind worker.js.
    # The page's requests include its worker's (pyodide.mjs is one), not the service worker's
    # precache, which fetches worker.js again.
    assert any(url.endswith("/pyodide.mjs") for url in page_requests)
    assert page_requests.count(visit.server.url("assets/calculator/worker.js")) == 1
    modules = ("/checked-fetch.js", "/snapshot-patch.mjs")
    assert not [url for url in page_requests if url.endswith(modules)]
    assert next_result(page, lambda: field(page, "units_per_month").fill("777")) is True
    scenario = page.eval_on_selector(ROOT, "el => el.amc.lastGood.result.scenario")
    assert scenario["units_per_month"] == 777
    assert_clean(visit)


def test_an_early_worker_for_another_init_message_is_stopped_not_adopted(visit):
    """runtime.js adopts the worker <head> started only for the very init message it would send
    itself; here <head> lists the same files in another order, and the calculator starts its
    own worker (which then goes live) and stops the early one."""
    page = visit.page

    def reordered(route):
        response = route.fetch()
        head, block = response.text().split("data-amc-early-runtime", 1)
        found = re.search(r'data-integrity="([^"]*)"', block)
        hashes = json.loads(html.unescape(found.group(1)))
        other = html.escape(json.dumps(dict(reversed(hashes.items()))), quote=True)
        block = block[:found.start(1)] + other + block[found.end(1):]
        route.fulfill(response=response, body=head + "data-amc-early-runtime" + block)

    page.route(visit.server.url(CALCULATOR_PAGE), reordered)
    workers = []
    page.on("worker", lambda worker: workers.append(worker))
    visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    ours = [w for w in workers if w.url.endswith("/assets/calculator/worker.js")]
    assert len(ours) == 2  # the early one, then the calculator's own
    assert page.evaluate("() => window.amcEarlyRuntime") is None
    assert next_result(page, lambda: field(page, "units_per_month").fill("654")) is True
    assert_clean(visit)


def test_a_page_without_calculator_fetches_no_pyodide_file(visit):
    page = visit.goto(PAGE_WITHOUT_CALCULATOR)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2500)
    assert pyodide_requests(visit) == []
    assert page.evaluate("() => document.querySelector('[data-calculator]')") is None
    assert_clean(visit)


def test_csp_with_wasm_unsafe_eval_works(visit, server):
    server.csp = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
                  "style-src 'self' 'unsafe-inline'; img-src 'self' data:")
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    assert next_result(page, lambda: field(page, "weight_kg").fill("1.5")) is True
    assert_clean(visit)


def download_exports(page) -> tuple[str, str]:
    """The CSV and JSON files the Export buttons download, as text."""
    texts = []
    for kind in ("csv", "json"):
        with page.expect_download() as download:
            page.click(f"{ROOT} [data-action='export-{kind}']")
        assert download.value.suggested_filename == f"aliexpress-modes.{kind}"
        with open(download.value.path(), encoding="utf-8", newline="") as file:
            texts.append(file.read())
    return texts[0], texts[1]


@pytest.mark.parametrize("language", EDITIONS)
def test_exports_carry_the_forms_values_overrides_and_versions(visit, language):
    page = visit.goto(EDITIONS[language])
    wait_live(page)
    bundle = bundle_from(page)
    override = calculators.parameter_index(bundle)[-1]["id"]
    next_result(page, lambda: field(page, "active_skus").fill("44"))
    page.click(f"{ROOT} .amc-assumptions summary")
    next_result(page, lambda: field(page, f"overrides.{override}").fill("0,5"))
    csv_text, json_text = download_exports(page)
    record = json.loads(json_text)
    assert record["scenario"]["active_skus"] == 44.0
    assert record["scenario"]["overrides"] == {override: 0.5}
    # Python's exports of the same scenario, byte for byte, in the page's language.
    expected = calculators.evaluate(record["scenario"], bundle, language)
    assert json_text == calculators.export_json(expected, bundle, language)
    assert csv_text == calculators.export_csv(expected, bundle, language)
    # The data version is the hash in the bundle file's name.
    parameters_url = page.eval_on_selector(ROOT, "el => el.dataset.parameters")
    assert f"parameters.{record['data_version']['id']}.json" in parameters_url
    header = {"en": "\ufeffmode,section,item,label,basis,rate,quantity,value,unit",
              "zh": "\ufeff模式,部分,项目,名称,计费方式,费率,数量,数值,单位"}
    assert csv_text.splitlines()[0] == header[language]
    assert_clean(visit)


def test_exports_of_the_prerendered_numbers_equal_the_live_ones(visit):
    page = visit.goto(CALCULATOR_PAGE)
    prerendered = download_exports(page)  # before Python runs: the page's own copies
    wait_live(page)
    bundle = bundle_from(page)
    result = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    assert prerendered == (calculators.export_csv(result, bundle),
                           calculators.export_json(result, bundle))
    next_result(page, lambda: field(page, "active_skus").fill("44"))
    next_result(page, lambda: field(page, "active_skus").fill("30"))  # the defaults again
    assert page.evaluate(f"document.querySelector('{ROOT}').amc.lastGood.live") is True
    assert download_exports(page) == prerendered
    assert_clean(visit)


def test_instant_navigation_starts_and_stops_the_calculator(visit):
    page = visit.goto("")
    page.wait_for_load_state("networkidle")
    page.click(f"a[href$='{CALCULATOR_PAGE}']")
    page.wait_for_url(f"**/{CALCULATOR_PAGE}")
    wait_live(page)
    assert next_result(page, lambda: field(page, "units_per_month").fill("77")) is True
    assert len(page.workers) >= 1
    # Navigate (instantly) to a page without calculator: the worker is terminated.
    page.click(f"a[href$='{PAGE_WITHOUT_CALCULATOR}']")
    page.wait_for_url(f"**/{PAGE_WITHOUT_CALCULATOR}")
    page.wait_for_function("() => !document.querySelector('[data-calculator]')")
    page.wait_for_timeout(300)
    calculator_workers = [w for w in page.workers if w.url.endswith("/calculator/worker.js")]
    assert calculator_workers == []
    assert_clean(visit)


def test_copy_link_puts_the_scenario_url_on_the_clipboard(visit):
    page = visit.page
    permissions = ["clipboard-read", "clipboard-write"]
    page.context.grant_permissions(permissions, origin=visit.server.origin)
    visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    next_result(page, lambda: field(page, "active_skus").fill("12"))
    page.click(f"{ROOT} [data-action='copy-link']")  # writes the URL at once, no pause needed
    page.wait_for_function("() => document.querySelector('.amc-status-text').textContent"
                           ".startsWith('Link copied')")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "active_skus=12" in copied
    assert_clean(visit)


def test_a_mode_page_shows_its_own_mode_and_links_to_the_comparison(visit):
    page = visit.goto(GUIDE_WITH_CALCULATOR)
    opening = page.locator(f"{ROOT} .amc-recommendation")
    label = page.eval_on_selector(ROOT, "el => el.amc.lastGood.result.modes.find("
                                        "m => m.id === el.dataset.modes).label")
    assert opening.inner_text().startswith(f"{label}: ")
    assert "Recommended:" not in page.inner_text(f"{ROOT} .amc-results")
    assert next_result(page, lambda: field(page, "units_per_month").fill("77")) is True
    wait_live(page)
    assert page.locator(f"{ROOT} .amc-recommendation").inner_text().startswith(f"{label}: ")
    page.click(f"{ROOT} .amc-compare-link")
    page.wait_for_url(f"**/{CALCULATOR_PAGE}?*units_per_month=77*")
    page.wait_for_function(f"() => document.querySelector(\"{ROOT}\")?.amc && document"
                           ".querySelector(\"[name='units_per_month']\").value === '77'")
    assert_clean(visit)


def test_a_chinese_mode_page_speaks_of_its_mode_in_chinese_and_links_to_its_calculator(visit):
    page = visit.goto(f"zh/{GUIDE_WITH_CALCULATOR}")
    assert next_result(page, lambda: field(page, "units_per_month").fill("77")) is True
    wait_live(page)
    opening = page.locator(f"{ROOT} .amc-recommendation").inner_text()
    label = page.eval_on_selector(ROOT, "el => el.amc.lastGood.result.modes.find("
                                        "m => m.id === el.dataset.modes).label")
    assert opening.startswith(f"{label}：扣除工时后，每月利润 ")
    assert opening.endswith("在计算器里比较全部模式。")
    page.click(f"{ROOT} .amc-compare-link")
    page.wait_for_url(f"**/zh/{CALCULATOR_PAGE}?*units_per_month=77*")
    assert_clean(visit)


def test_a_decimal_comma_is_read_as_one_and_an_ambiguous_comma_is_refused(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    assert next_result(page, lambda: field(page, "retail_price_usd").fill("35,5")) is True
    assert json.loads(live_json(page))["scenario"]["retail_price_usd"] == 35.5
    assert next_result(page, lambda: field(page, "units_per_month").fill("1,000")) is False
    message = page.inner_text(f"{ROOT} [data-field='units_per_month'] .amc-error")
    assert "“1,000” could be a whole number or a decimal" in message
    assert json.loads(live_json(page))["scenario"]["units_per_month"] != 1000


def switch_language(page, language: str) -> None:
    """Open Material's language menu and choose `language`, as a reader would."""
    page.hover(".md-header__option .md-select")
    page.click(f".md-header__option .md-select__link[hreflang='{language}']")


def test_switching_language_downloads_no_runtime_again(visit):
    """Both editions load the one runtime from the site root: once the English calculator has
    run, the Chinese one starts Python on the same files, from the browser's cache.

    One exception, not the site's: a fresh Playwright context keeps its HTTP cache in memory,
    where Chromium does not keep the 9.6 MB pyodide.asm.wasm, so even reloading the English
    page fetches that one file again. The test measures the reload too and holds the switch to
    no more than that (a browser with a disk cache, or the site's service worker once it has
    installed, fetches nothing at all)."""
    def runtime_sent() -> list[tuple[str, int]]:
        return sorted((path, size) for path, size in visit.server.take_sent()
                      if any(part in path for part in PYODIDE_FILES))

    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    english = page.eval_on_selector(ROOT, "el => el.dataset.integrity")
    visit.server.take_sent()
    page.reload()
    wait_live(page)
    reload = runtime_sent()
    assert all(path.endswith("/pyodide.asm.wasm") for path, _ in reload), reload

    switch_language(page, "zh")
    page.wait_for_url(f"**/zh/{CALCULATOR_PAGE}")
    assert page.eval_on_selector("html", "el => el.lang") == "zh"
    wait_live(page)
    assert page.eval_on_selector(ROOT, "el => el.dataset.integrity") == english  # same files
    # At most the reload's exception; once the site's service worker has the runtime, nothing.
    switched = runtime_sent()
    assert set(switched) <= set(reload), switched
    assert not [url for url in visit.requests if "/zh/assets/" in url and
                any(part in url for part in PYODIDE_FILES)]
    assert "扣除工时后的利润" in page.inner_text(f"{ROOT} .amc-results")
    assert_clean(visit)


def test_switcher_follows_instant_navigation_and_keeps_the_scenario(visit):
    page = visit.goto("")
    page.wait_for_load_state("networkidle")
    page.click(f"a[href$='{CALCULATOR_PAGE}']")  # instant navigation: the header stays
    page.wait_for_url(f"**/{CALCULATOR_PAGE}")
    wait_live(page)
    next_result(page, lambda: field(page, "units_per_month").fill("321"))
    page.wait_for_url("**units_per_month=321*")
    switch_language(page, "zh")
    page.wait_for_url(f"**/zh/{CALCULATOR_PAGE}?*")
    wait_live(page)
    assert field(page, "units_per_month").input_value() == "321"
    assert json.loads(live_json(page))["scenario"]["units_per_month"] == 321.0
    # And back: the English page, the same numbers.
    switch_language(page, "en")
    page.wait_for_url(f"**/{CALCULATOR_PAGE}?*")
    assert page.eval_on_selector("html", "el => el.lang") == "en"
    assert "/zh/" not in page.url
    assert_clean(visit)
