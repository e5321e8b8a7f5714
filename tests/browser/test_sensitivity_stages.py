"""The result first, what would change the recommendation second (issue 9, point 8).

The worker answers each change twice: the result with the sensitivity pending, at once, then the
full result. These tests check that the page shows both without moving or flashing anything, and
that a sensitivity worked out for older values never shows.
"""

from __future__ import annotations

import json

from browser_support import CALCULATOR_PAGE
from test_calculator import ROOT, assert_clean, bundle_from, field, live_json, wait_live

import calculators
from generator.calculator_html import canonical_json


def cpython(page, price: float) -> dict:
    bundle = bundle_from(page)
    return calculators.evaluate({**calculators.default_scenario(bundle),
                                 "retail_price_usd": price}, bundle)


def test_the_result_comes_first_and_only_its_pending_parts_are_replaced(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    page.evaluate(f"""() => {{
        const el = document.querySelector('{ROOT}');
        window.__stages = [];
        el.addEventListener('amc:result', (e) => {{
            const verdict = el.querySelector('.amc-sensitivity');
            const tornado = el.querySelector('.amc-tornado');
            const summary = el.querySelector('.amc-summary');
            if (e.detail.stage === 'main') summary.__marked = true;
            window.__stages.push({{
                stage: e.detail.stage,
                verdict: verdict.dataset.state || null,
                tornado: tornado.dataset.state || null,
                minHeight: verdict.style.minHeight,
                height: verdict.getBoundingClientRect().height,
                pendingText: verdict.dataset.state === 'pending'
                    ? getComputedStyle(verdict.querySelector('p')).visibility : null,
                sameSummary: Boolean(summary.__marked),
                tornadoOpen: tornado.open,
            }});
        }});
        el.querySelector('.amc-tornado').open = true;  // the reader looks at the chart
    }}""")
    page.wait_for_timeout(200)  # the page measures the parts at its next frames
    page.evaluate(f"""() => {{ window.__before = document.querySelector(
        '{ROOT} .amc-sensitivity').getBoundingClientRect().height; }}""")
    field(page, "retail_price_usd").fill("8")
    page.wait_for_function("() => window.__stages.some(s => s.stage === 'full')")
    main, full = page.evaluate("() => window.__stages")
    before = page.evaluate("() => window.__before")

    # First the numbers, with the verdict and the tornado pending in the space the old ones
    # took, and no "working out" line flashed for an answer that takes milliseconds.
    assert (main["stage"], main["verdict"], main["tornado"]) == ("main", "pending", "pending")
    assert before > 0 and main["minHeight"].endswith("px")
    assert abs(float(main["minHeight"][:-2]) - before) < 0.01 and main["height"] > before - 0.01
    assert main["pendingText"] == "hidden"
    assert main["tornadoOpen"] is True and full["tornadoOpen"] is True
    # Then the sensitivity, swapped into those places only: the table is the same element.
    assert (full["stage"], full["verdict"], full["tornado"]) == ("full", "ready", None)
    assert full["sameSummary"] is True and full["minHeight"] == ""
    expected = cpython(page, 8.0)
    assert live_json(page) == canonical_json(expected)
    assert page.inner_text(f"{ROOT} .amc-verdict") == expected["sensitivity"]["verdict"]
    assert_clean(visit)


def test_a_sensitivity_for_older_values_never_shows(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    older, newer = cpython(page, 8.0), cpython(page, 25.0)
    assert older["sensitivity"]["verdict"] != newer["sensitivity"]["verdict"]
    # Every verdict the page ever shows is recorded; the newer value is typed the moment the
    # older one's numbers arrive, while its sensitivity is being worked out.
    page.evaluate(f"""() => {{
        const el = document.querySelector('{ROOT}');
        const input = el.querySelector("[name='retail_price_usd']");
        window.__shown = [];
        window.__answers = [];
        new MutationObserver(() => {{
            const verdict = el.querySelector('.amc-verdict');
            if (verdict) window.__shown.push(verdict.textContent);
        }}).observe(el.querySelector('.amc-results'), {{childList: true, subtree: true}});
        el.amc.runtime.worker.addEventListener('message', ({{data}}) => {{
            if (data.type === 'result') window.__answers.push([data.id, data.stage]);
        }});
        el.addEventListener('amc:result', (e) => {{
            if (e.detail.stage === 'main' && input.value === '8') {{
                input.value = '25';
                input.dispatchEvent(new Event('input', {{bubbles: true}}));
            }}
        }});
    }}""")
    field(page, "retail_price_usd").fill("8")
    page.wait_for_function(f"""() => {{
        const amc = document.querySelector('{ROOT}').amc;
        return amc.lastGood.complete && amc.lastGood.key.includes('"25"');
    }}""")
    shown = page.evaluate("() => window.__shown")
    assert older["sensitivity"]["verdict"] not in shown
    assert shown[-1] == newer["sensitivity"]["verdict"]
    assert live_json(page) == canonical_json(newer)
    # The worker dropped the older sensitivity (or, had it finished first, the page ignored it).
    answers = page.evaluate("() => window.__answers")
    first = answers[0][0]
    assert [stage for id_, stage in answers if id_ == first][0] == "main"
    assert [stage for id_, stage in answers if id_ != first] == ["main", "full"]
    assert_clean(visit)


def test_the_worker_drops_a_sensitivity_when_the_same_calculator_asks_again(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    answers = page.evaluate(f"""async () => {{
        const worker = document.querySelector('{ROOT}').amc.runtime.worker;
        const seen = [];
        const done = new Promise((resolve) => worker.addEventListener('message', ({{data}}) => {{
            if (data.type !== 'result' || data.id < 9000) return;
            seen.push([data.id, data.stage]);
            if (seen.filter(([, stage]) => stage !== 'main').length === 4) resolve(seen);
        }}));
        const ask = (id, client, price) => worker.postMessage({{type: 'evaluate', id, client,
            raw: {{retail_price_usd: price}}, overrides: {{}}, modes: null, language: 'en'}});
        ask(9001, 901, '11'); ask(9002, 901, '12');  // one calculator, twice in a row
        ask(9003, 902, '13'); ask(9004, 903, '14');  // two others, once each
        // A missing answer fails the test within a minute instead of hanging it.
        const late = new Promise((_, reject) => setTimeout(
            () => reject(new Error(`answers after 60 s: ${{JSON.stringify(seen)}}`)), 60000));
        return Promise.race([done, late]);
    }}""")
    by_id = {}
    for id_, stage in answers:
        by_id.setdefault(id_, []).append(stage)
    assert by_id == {9001: ["main", "superseded"], 9002: ["main", "full"],
                     9003: ["main", "full"], 9004: ["main", "full"]}
    assert_clean(visit)


def test_export_waits_for_the_sensitivity(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    field(page, "retail_price_usd").fill("25")
    with page.expect_download() as download:
        page.click(f"{ROOT} [data-action=export-json]")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["scenario"]["retail_price_usd"] == 25.0
    # The export of the complete result (sensitivity included), rounded as exports are.
    bundle = bundle_from(page)
    full = calculators.export_record(cpython(page, 25.0), bundle)
    assert exported["sensitivity"] == full["sensitivity"] is not None
    assert_clean(visit)
