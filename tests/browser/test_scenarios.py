"""Presets, a pinned base and saved scenarios on the calculator page, in Debian's Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from browser_support import CALCULATOR_PAGE
from calculators.compare import compare, render_comparison_html
from test_calculator import ROOT, field, next_result, wait_live

import calculators


def comparison(page):
    return page.locator(f"{ROOT} .amc-comparison")


def test_pin_a_base_compare_and_share_it(visit, chromium, server):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    page.fill(f"{ROOT} .amc-scenario-name", "Today")
    assert next_result(page, lambda: page.click(f"{ROOT} [data-action=pin]"))
    assert comparison(page).is_visible()
    assert "The recommendation is unchanged" in comparison(page).inner_text()
    assert "Same inputs as Today." in comparison(page).inner_text()
    assert next_result(page, lambda: field(page, "units_per_month").fill("5000"))
    text = comparison(page).inner_text()
    assert "Units sold per month: 300 → 5,000" in text
    page.wait_for_function("() => location.search.includes('units_per_month=5000')")
    query = parse_qs(urlparse(page.url).query, keep_blank_values=True)
    assert query["base_name"] == ["Today"] and query["units_per_month"] == ["5000"]
    assert query["base"] == [""]  # the base is the defaults: an empty query
    # A shared link reopens the scenario and its base, compared at once.
    other = chromium.new_context().new_page()
    other.goto(page.url)
    wait_live(other)
    other.wait_for_selector(f"{ROOT} .amc-comparison:not([hidden])")
    assert "Units sold per month: 300 → 5,000" in other.inner_text(f"{ROOT} .amc-comparison")
    other.context.close()
    page.click(f"{ROOT} [data-action=unpin]")
    assert comparison(page).is_hidden()
    assert "base" not in parse_qs(urlparse(page.url).query, keep_blank_values=True)
    assert visit.console_errors == []


def test_comparison_html_is_the_model_s(visit):
    """What the worker returns for a base is calculators.compare's rendering, exactly."""
    page = visit.goto(CALCULATOR_PAGE + "?units_per_month=900&base=units_per_month%3D300"
                                        "&base_name=Small")
    wait_live(page)
    page.wait_for_selector(f"{ROOT} .amc-comparison:not([hidden])")
    shown = page.eval_on_selector(f"{ROOT} .amc-comparison", "el => el.innerHTML")
    url = page.eval_on_selector(ROOT, "el => new URL(el.dataset.parameters, new URL('../../', "
                                      "document.querySelector('script[src$=\"calculator.js\"]')"
                                      ".src)).href")
    bundle = page.request.get(url).json()
    base = calculators.evaluate({"units_per_month": 300.0}, bundle)
    current = calculators.evaluate({"units_per_month": 900.0}, bundle)
    expected = render_comparison_html(compare(base, current), "Small")
    assert shown == "\n".join(line for line in expected.split("\n") if line.strip())


def test_save_open_and_delete_scenarios_in_this_browser(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    assert next_result(page, lambda: field(page, "cogs_cny").fill("12"))
    page.fill(f"{ROOT} .amc-scenario-name", "Cheap supplier")
    page.click(f"{ROOT} [data-action=save]")
    assert page.inner_text(f"{ROOT} .amc-scenario-note") == \
        "Saved “Cheap supplier” in this browser."
    assert next_result(page, lambda: field(page, "cogs_cny").fill("50"))
    page.reload()  # saved scenarios outlive the page
    wait_live(page)
    saved = page.locator(f"{ROOT} .amc-saved li")
    assert saved.all_inner_texts() == ["Cheap supplier Open Delete"]
    assert next_result(page, lambda: page.click(f"{ROOT} [data-action=open-saved]"))
    assert field(page, "cogs_cny").input_value() == "12"
    assert field(page, "units_per_month").input_value() == "300"  # the rest are the defaults
    page.click(f"{ROOT} [data-action=delete-saved]")
    assert saved.count() == 0
    assert page.inner_text(f"{ROOT} .amc-scenario-note") == "Deleted “Cheap supplier”."
    assert page.evaluate("() => localStorage.getItem('aliexpress-modes.scenarios.v1')") == "[]"


def test_a_preset_fills_the_form_and_recalculates(visit):
    page = visit.goto(CALCULATOR_PAGE)
    wait_live(page)
    assert next_result(page, lambda: page.select_option(f"{ROOT} .amc-preset", "heavy-goods"))
    assert field(page, "weight_kg").input_value() == "4"
    assert field(page, "category").input_value() == "home_garden"
    assert "freight decides the margin" in page.inner_text(f"{ROOT} #amc-preset-about")
    result = page.eval_on_selector(ROOT, "el => el.amc.lastGood.result")
    assert result["scenario"]["weight_kg"] == 4
    assert parse_qs(urlparse(page.url).query)["preset"] == ["heavy-goods"]


def test_scenarios_speak_chinese_on_the_chinese_calculator(visit):
    page = visit.goto("zh/" + CALCULATOR_PAGE)
    wait_live(page)
    note = f"{ROOT} .amc-scenario-note"
    assert next_result(page, lambda: page.click(f"{ROOT} [data-action=pin]"))
    assert page.inner_text(note) == "已把“原方案”设为对比基准：改动任意一项，就能看到和它的差别。"
    assert "推荐模式没变" in comparison(page).inner_text()
    page.click(f"{ROOT} [data-action=save]")
    assert page.inner_text(note) == "请先给方案起个名字。"
    page.fill(f"{ROOT} .amc-scenario-name", "便宜货源")
    page.click(f"{ROOT} [data-action=save]")
    assert page.inner_text(note) == "已保存“便宜货源”，存在这个浏览器里。"
    page.click(f"{ROOT} [data-action=save]")
    assert page.inner_text(note) == "已覆盖“便宜货源”，存在这个浏览器里。"
    saved = page.locator(f"{ROOT} .amc-saved li")
    assert saved.all_inner_texts() == ["便宜货源 打开 删除"]
    assert saved.locator("button").first.get_attribute("aria-label") == "打开便宜货源"
    page.click(f"{ROOT} [data-action=delete-saved]")
    assert page.inner_text(note) == "已删除“便宜货源”。"
    page.click(f"{ROOT} [data-action=unpin]")
    assert page.inner_text(note) == "已取消对比基准。"
    assert visit.console_errors == []
