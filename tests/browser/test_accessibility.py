"""Phones, keyboards and screen readers (issue 11, points 1 to 3): at 360 x 740 nothing is wider
than its box unless the box says it scrolls; every focused control shows a ring at 3:1 or better
against the colours beside it, light and dark; axe-core finds no violation on any page (the 404
page of each edition too), light or dark, with every <details> open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import CALCULATOR_PAGE, PROJECT_ROOT
from test_calculator import ROOT, wait_live

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_WITHIN_MS = 60_000  # one page, every rule; a few seconds under load
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


def test_at_360_px_tables_an_answer_replaces_say_they_scroll(phone, server):
    """An answer replaces the result's tables, then its sensitivity's: each new table that is
    wider than the phone says so at once, without waiting for a resize."""
    phone.goto(server.url(CALCULATOR_PAGE))
    wait_live(phone)
    open_details(phone)  # the tornado's table too
    phone.locator(f"{ROOT} input[name='units_per_month']").fill("700")
    phone.wait_for_function(f"() => {{ const a = document.querySelector('{ROOT}').amc; "
                            "return a.lastGood.id === a.sentId && a.lastGood.complete; }",
                            timeout=30_000)
    wide = phone.eval_on_selector_all(f"{ROOT} .amc-table-wrap",
                                      "boxes => boxes.filter(b => b.scrollWidth > b.clientWidth "
                                      "+ 1).length")
    assert wide > 0  # else this test shows nothing
    hidden = f"({HIDDEN_OVERFLOW.strip().rstrip(';')})"
    phone.wait_for_function(f"() => {hidden}().length === 0", timeout=2_000)


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
    # axe.run answers with a promise: started here, its answer waited for with a limit, so a run
    # that never settles fails this test instead of stalling the suite.
    page.evaluate("""(tags) => {
      window.axeAnswer = undefined;
      const where = (v) => v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ");
      axe.run(document, {runOnly: {type: "tag", values: tags}}).then(
        (result) => { window.axeAnswer = {violations: result.violations.map(
          (v) => `${v.id}: ${where(v)}`)}; },
        (error) => { window.axeAnswer = {error: String(error)}; });
    }""", AXE_TAGS)
    page.wait_for_function("() => window.axeAnswer !== undefined", timeout=AXE_WITHIN_MS)
    answer = page.evaluate("() => window.axeAnswer")
    assert "error" not in answer, f"{path or '/'}: axe-core failed: {answer['error']}"
    violations = answer["violations"]
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


# Every control the keyboard reaches, its focus ring and the colours beside it (WCAG 1.4.11's
# adjacent colours): outside, the background the ring is drawn on, whose pixels it replaces on
# focus (2.4.11's change of state); inside, the gap of that same background when the ring is
# offset from the control, else the control's own (focused) background. Colours are composited
# over the page, so a translucent background counts as what the reader sees.
FOCUS_RINGS = """() => {
  const rgba = (text) => {
    const c = document.createElement("canvas").getContext("2d");
    c.fillStyle = "#000"; c.fillStyle = text;  // normalises any CSS colour
    const probe = document.createElement("canvas"); probe.width = probe.height = 1;
    const p = probe.getContext("2d"); p.fillStyle = c.fillStyle; p.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = p.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) =>
    top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3]));
  // What the reader sees behind an element: its backgrounds composited from the page down.
  const seen = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      layers.push(rgba(getComputedStyle(node).backgroundColor));
    }
    let colour = rgba(getComputedStyle(document.documentElement).backgroundColor);
    if (colour[3] === 0) colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = [...over(layer, colour), 1];
    return colour;
  };
  const luminance = ([r, g, b]) => {
    const lin = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const el = document.activeElement, style = getComputedStyle(el);
  const width = style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth);
  const around = seen(el.parentElement);
  const inside = parseFloat(style.outlineOffset) >= 1 ? around : seen(el);
  const ring = [...over(rgba(style.outlineColor), around), 1];
  const what = el.name || el.dataset.action || el.textContent.trim().slice(0, 30);
  return {name: `${el.tagName.toLowerCase()} ${what}`,
          width, against_background: ratio(ring, around), against_inside: ratio(ring, inside)};
}"""


def focus_rings(page, limit: int = 600) -> list[dict]:
    """Tab from the top of the page through every control, each with its ring's figures."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    rings = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        new = page.evaluate("""() => {
          const el = document.activeElement, seen = (window.focusSeen ??= new WeakSet());
          if (el === document.body || seen.has(el)) return false;  // back at the start
          seen.add(el);
          return true;
        }""")
        if not new:
            break
        # The colours once they settle: focus starts transitions (Material's search field turns
        # from the bar's colour to the page's in 0.25 s), and mid-way they are neither.
        page.wait_for_function("() => document.getAnimations().every(a => !(a instanceof "
                               "CSSTransition) || a.playState !== 'running')", timeout=5_000)
        rings.append(page.evaluate(FOCUS_RINGS))
    assert len(rings) < limit, "Tab never came back to the start"
    return rings


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", CALCULATOR_PAGE])
def test_every_focus_ring_has_3_to_1_against_the_colours_beside_it(chromium, server, scheme,
                                                                   path):
    """Every control of the page (header, navigation, text, calculator with its details open)."""
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url(path))
    if path == CALCULATOR_PAGE:
        page.wait_for_function(f"() => document.querySelector('{ROOT}')?.dataset.live "
                               "=== 'attached'")
    open_details(page)
    rings = focus_rings(page)
    context.close()
    kinds = {ring["name"].split()[0] for ring in rings}
    assert {"a", "input"} <= kinds, kinds
    if path == CALCULATOR_PAGE:
        assert {"select", "button", "summary"} <= kinds, kinds
    print(f"{scheme} /{path}: {len(rings)} controls; lowest ring contrast "
          f"{min(r['against_background'] for r in rings):.2f}:1 outside, "
          f"{min(r['against_inside'] for r in rings):.2f}:1 inside")  # pytest -s: the figures
    weak = [ring for ring in rings if ring["width"] < 2 or ring["against_background"] < 3
            or ring["against_inside"] < 3]
    assert weak == [], json.dumps(weak, indent=1)
