"""Phones, keyboards and screen readers (issue 11, points 1 to 3): at 360 x 740 nothing is wider
than its box unless the box says it scrolls; every focused control shows a ring; axe-core finds
no violation on any page (the 404 page of each edition too), light or dark, with every
<details> open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import CALCULATOR_PAGE, PROJECT_ROOT
from test_calculator import ROOT, wait_live

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Missing addresses, and the language of the 404 page's first text for each.
MISSING = {"no/such/page/": "en", "zh/no/such/page/": "zh"}

# Scroll containers that hide content without saying so (see the file's comment).
HIDDEN_OVERFLOW = (Path(__file__).parent / "hidden_overflow.js").read_text(encoding="utf-8")


def all_pages(site_dir: Path) -> list[str]:
    return sorted("" if p.parent == site_dir else p.parent.relative_to(site_dir).as_posix() + "/"
                  for p in site_dir.rglob("index.html"))


def open_details(page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.fixture
def phone(chromium, server):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                   has_touch=True)
    yield context.new_page()
    context.close()


def test_at_360_px_nothing_is_cut_off_without_a_hint(phone, server, site_dir):
    for path in all_pages(site_dir):
        phone.goto(server.url(path))
        phone.wait_for_load_state("networkidle")
        open_details(phone)
        phone.wait_for_timeout(200)  # the scroll hints follow a resize
        phone.evaluate("() => window.dispatchEvent(new Event('resize'))")
        phone.wait_for_timeout(300)
        assert phone.evaluate(HIDDEN_OVERFLOW) == [], path


def test_the_calculator_results_show_all_three_modes_on_a_phone(phone, server):
    phone.goto(server.url(CALCULATOR_PAGE))
    table = phone.locator(f"{ROOT} .amc-report table").first
    box = phone.locator(f"{ROOT} .amc-results").bounding_box()
    for mode in ("fully_managed", "semi_managed", "self_operated"):
        cell = table.locator(f"td[data-mode='{mode}']").first.bounding_box()
        assert box["x"] <= cell["x"] and cell["x"] + cell["width"] <= box["x"] + box["width"] + 1
    # Assumptions: every "Your value" box is on screen and can be typed into.
    open_details(phone)
    for box_input in phone.locator(f"{ROOT} .amc-assumption-table input").all()[:5]:
        rect = box_input.bounding_box()
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 360
    wait_live(phone)


def test_every_calculator_control_shows_a_focus_ring(visit):
    page = visit.goto(CALCULATOR_PAGE)
    page.focus(f"{ROOT} input[name='retail_price_usd']")
    page.keyboard.press("Shift+Tab")
    controls = []
    for _ in range(14):  # the ten inputs, then the toolbar
        page.keyboard.press("Tab")
        controls.append(page.evaluate("""() => {
          const el = document.activeElement, style = getComputedStyle(el);
          const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
          return {name: el.name || el.dataset.action || el.tagName, ring};
        }"""))
    assert [c["name"] for c in controls if not c["ring"]] == []
    names = [c["name"] for c in controls]
    assert names.index("retail_price_usd") < names.index("copy-link")  # tab order follows the form


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(chromium, server, site_dir, scheme):
    # bypass_csp: axe is injected by the test; the site's own policy is tested in test_csp.py.
    context = chromium.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    source = AXE.read_text(encoding="utf-8")
    found = {}
    # The 404 page too, as a host sends it for a missing address in each edition (its Chinese
    # text first under /zh/), so the server answers one as GitHub Pages does, for this test.
    server.not_found_page = site_dir / "404.html"
    try:
        for path in [*all_pages(site_dir), *MISSING]:
            response = page.goto(server.url(path))
            assert response.status == (404 if path in MISSING else 200), path
            page.wait_for_load_state("networkidle")
            if path in MISSING:
                page.wait_for_function("lang => document.querySelector("
                                       "'[data-not-found] > section').lang === lang",
                                       arg=MISSING[path])
            found.update(axe_violations(page, path, source))
    finally:
        server.not_found_page = None
    context.close()
    assert found == {}, json.dumps(found, indent=1)


def axe_violations(page, path: str, source: str) -> dict[str, list[str]]:
    """axe-core's violations on the page at ``path``, every <details> open; {} if none."""
    if path == CALCULATOR_PAGE:
        wait_live(page)
        page.locator(f"{ROOT} .amc-chart-canvas canvas").first.wait_for()
    open_details(page)
    page.evaluate(source)
    violations = page.evaluate("""async (tags) => {
      const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
      const where = (v) => v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ");
      return result.violations.map(v => `${v.id}: ${where(v)}`);
    }""", AXE_TAGS)
    return {path or "/": violations} if violations else {}


def test_the_live_region_is_one_sentence_and_charts_are_named_and_point_to_the_table(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    announce = page.locator(f"{ROOT} .amc-announce")
    assert announce.get_attribute("aria-live") == "polite"
    assert page.locator(f"{ROOT} [aria-live]").count() == 1  # the tables are not live
    units = page.locator(f"{ROOT} input[name='units_per_month']")
    units.fill("400")
    page.wait_for_function("() => document.querySelector('[data-calculator] .amc-announce')"
                           ".textContent.includes('since the last result')")
    sentence = announce.inner_text()
    assert sentence.startswith("Recommended: ") and sentence.count(".") <= 3  # ¥ decimals
    assert sentence.endswith("since the last result.") and len(sentence) < 160
    results_id = page.eval_on_selector(f"{ROOT} .amc-results", "el => el.id")
    for chart in page.locator(f"{ROOT} .amc-chart").all():
        assert chart.get_attribute("aria-describedby") == results_id
        canvas = chart.locator(".amc-chart-canvas")
        assert canvas.get_attribute("role") == "img" and canvas.get_attribute("aria-label")
