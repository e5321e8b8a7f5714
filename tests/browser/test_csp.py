"""The Content-Security-Policy the build ships in every page (issue 11, point 9): the site works
under it with zero violations, through search, the palette, instant navigation, the calculator,
its charts and exports."""

from __future__ import annotations

import re

from browser_support import CALCULATOR_PAGE, GUIDE_WITH_CALCULATOR, PAGE_WITHOUT_CALCULATOR
from test_calculator import ROOT, field, next_result, wait_live

from generator.csp import inline_script_hashes

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""


def pages(site_dir) -> list[str]:
    return sorted(p.parent.relative_to(site_dir).as_posix().replace(".", "", 1) + "/"
                  if p.parent != site_dir else "" for p in site_dir.rglob("index.html"))


def policy_of(html: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert match, "no CSP meta tag"
    return match.group(1)


def test_every_page_ships_the_policy_before_any_script(site_dir):
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        policy = policy_of(html)
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        script_src = directives["script-src"].split()
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert directives["worker-src"] == "'self'" and directives["connect-src"] == "'self'"
        assert inline_script_hashes(html) <= set(script_src), page  # each inline script allowed


def violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations")


def test_the_site_runs_under_its_policy_with_no_violation(visit, site_dir):
    page = visit.page
    page.add_init_script(RECORD_VIOLATIONS)
    for path in pages(site_dir):
        visit.goto(path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path

    # Search (its index loads in a worker) and the palette switch.
    visit.goto("")
    page.keyboard.press("s")  # Material's shortcut opens search
    page.locator("input.md-search__input").press_sequentially("semi managed", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.click("label[title^='Switch to']:visible")
    assert violations(page) == []

    # Instant navigation to the calculator, a live result, charts, exports, and on to a guide.
    page.click(f"a[href$='{CALCULATOR_PAGE}']")
    page.wait_for_url(f"**/{CALCULATOR_PAGE}")
    wait_live(page)
    assert next_result(page, lambda: field(page, "units_per_month").fill("640")) is True
    page.locator(f"{ROOT} .amc-chart-canvas canvas").first.wait_for()
    for action in ("export-csv", "export-json"):
        with page.expect_download():
            page.click(f"{ROOT} [data-action='{action}']")
    page.click(f"a[href$='{GUIDE_WITH_CALCULATOR}']")
    page.wait_for_url(f"**/{GUIDE_WITH_CALCULATOR}")
    page.click(f"a[href$='{PAGE_WITHOUT_CALCULATOR}']")
    page.wait_for_url(f"**/{PAGE_WITHOUT_CALCULATOR}")
    assert violations(page) == []
    assert [e for e in visit.console_errors if "Content Security Policy" in e] == []
