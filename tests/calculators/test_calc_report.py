"""The HTML report, checked against the hand-worked example's numbers (exports: elsewhere)."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from calculators.report import render_html
from test_calc_export import english_words

from calculators import evaluate


class Cells(HTMLParser):
    """Collects the text of every <td data-mode data-field> of the side-by-side table."""

    def __init__(self):
        super().__init__()
        self.cells, self.current, self.table = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.table = attrs["class"]
        if tag == "td" and self.table == "amc-summary":
            self.current = (attrs["data-mode"], attrs["data-field"])
            self.cells[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.cells[self.current] += data


def summary_cells(html):
    parser = Cells()
    parser.feed(html)
    return parser.cells


def test_side_by_side_values_match_the_hand_worked_example(bundle, scenario):
    cells = summary_cells(render_html(evaluate(scenario, bundle)))
    # semi-managed, worked out in test_calc_hand_worked.py
    assert cells["semi_managed", "units"] == "110"
    assert cells["semi_managed", "orders"] == "55"
    assert cells["semi_managed", "revenue"] == "¥7,700.00"
    assert cells["semi_managed", "components_total"] == "¥2,805.00"
    assert cells["semi_managed", "platform_margin"] == "—"  # paid the retail price
    assert cells["semi_managed", "working_capital_cost"] == "¥19.25"
    assert cells["semi_managed", "write_offs"] == "¥0.00"
    assert cells["semi_managed", "profit"] == "¥2,290.75"
    assert cells["semi_managed", "margin"] == "29.7%"  # 2290.75 / 7700 = 29.75% (29.749...)
    assert cells["semi_managed", "effort_hours"] == "12.3 h"  # 12.275
    assert cells["semi_managed", "profit_after_effort"] == "¥1,677.00"
    assert cells["semi_managed", "profit_per_hour"] == "¥186.62"  # 2290.75 / 12.275
    assert cells["semi_managed", "break_even_units"] == "40.7"  # 1150 / 28.27 = 40.68
    assert cells["semi_managed", "cash_needed"] == "¥13,009.00"
    assert cells["semi_managed", "payback_months"] == "7.8 months"  # 13009 / 1677 = 7.76
    assert cells["fully_managed", "platform_margin"] == "¥3,780.00"  # 8400 - 4620
    # self-operated loses money: 7000 - 5083.33 - 700 - 2000 - 40 - 40, never breaks even
    assert cells["self_operated", "profit"] == "−¥863.33"
    assert cells["self_operated", "profit_after_effort"] == "−¥1,513.33"
    assert cells["self_operated", "break_even_units"] == "—"
    assert cells["self_operated", "payback_months"] == "—"
    assert len(cells) == 3 * 18


def test_recommended_column_is_marked_and_explained(bundle, scenario):
    html = render_html(evaluate(scenario, bundle))
    assert ('<th scope="col" data-mode="semi_managed" class="amc-recommended">Semi-managed '
            '<span class="amc-badge-recommended">Recommended</span></th>') in html
    assert html.count('class="amc-recommended"') == 1 + 18  # header and each row's cell
    assert ('<p class="amc-recommendation" data-mode="semi_managed"><strong>Recommended: '
            "Semi-managed.</strong> Semi-managed leaves the most profit") in html
    assert "\n\n" not in html  # a blank line would end the raw HTML block in Markdown


def test_breakdown_itemises_every_component_and_task(bundle, scenario):
    html = render_html(evaluate(scenario, bundle), modes=["self_operated"])
    assert '<caption>Self-operated store: money per month</caption>' in html
    for row in bundle["modes"][2]["components"]:
        assert f'data-field="{row["id"]}"' in html
    for task in bundle["tasks"]:
        assert f'data-field="task.{task["id"]}"' in html
    assert "<td>¥60.00 per kg × 0.5 kg × 100 units</td><td class=\"amc-num\">−¥3,000.00</td>" \
        in html
    assert "<td>¥10,000.00 deposit × 6% a year ÷ 12</td><td class=\"amc-num\">−¥50.00</td>" in html
    assert "<td>100% yours × 0.05 h × 50 orders</td><td class=\"amc-num\">2.5 h</td>" in html
    assert "<td>10% returned × 100% of it lost</td><td class=\"amc-num\">−¥700.00</td>" in html


def test_modes_restricts_the_columns(bundle, scenario):
    result = evaluate(scenario, bundle)
    cells = summary_cells(render_html(result, modes=["self_operated", "fully_managed"]))
    assert {mode for mode, _ in cells} == {"fully_managed", "self_operated"}
    html = render_html(result, modes=["fully_managed"])
    assert 'data-mode="semi_managed"' not in html  # named in words only (issue 11, point 8)
    assert "Semi-managed would leave you" in html
    with pytest.raises(ValueError, match="modes not in the result: hybrid"):
        render_html(result, modes=["hybrid"])


def test_text_from_the_data_is_escaped(bundle, scenario):
    bundle["modes"][0]["label"] = "<script>alert(1)</script>"
    bundle["modes"][0]["components"][0]["label"] = 'Fee "A" & <b>'
    html = render_html(evaluate(scenario, bundle))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Fee &quot;A&quot; &amp; &lt;b&gt;" in html


def test_one_mode_shown_speaks_of_that_mode_and_names_a_better_one(bundle, scenario):
    # A mode's own page: the hand-worked self-operated store loses money; semi-managed is best.
    html = render_html(evaluate(scenario, bundle), modes=["self_operated"],
                       compare_url="../../calculator/")
    assert "Recommended:" not in html
    assert ('<p class="amc-recommendation amc-own-mode" data-mode="self_operated"><strong>'
            "Self-operated store: −¥1,513.33 a month after valuing your time.</strong> "
            "Semi-managed would leave you ¥3,190.33 more a month for these values. "
            '<a class="amc-compare-link" href="../../calculator/">Compare all the modes in the '
            "calculator</a>.</p>") in html


def test_one_mode_shown_that_is_the_best_says_so(bundle, scenario):
    html = render_html(evaluate(scenario, bundle), modes=["semi_managed"])
    assert ("<strong>Semi-managed: ¥1,677.00 a month after valuing your time.</strong> "
            "Of the modes compared, this one leaves you the most for these values.</p>") in html
    assert "amc-compare-link" not in html  # no address given, no link


def test_one_mode_shown_in_a_tie_names_the_one_with_fewer_hours(bundle, scenario):
    result = evaluate(scenario, bundle)
    best = next(m for m in result["modes"] if m["id"] == result["recommended"]["mode"])
    other = next(m for m in result["modes"] if m is not best)
    other["profit_after_effort"] = best["profit_after_effort"]
    html = render_html(result, modes=[other["id"]])
    assert f"{best['label']} leaves you as much, for fewer hours of your time." in html


def test_one_mode_shown_speaks_chinese_on_the_chinese_page(bundle, scenario):
    result = evaluate(scenario, bundle, "zh")
    labels = {mode["id"]: mode["label"] for mode in result["modes"]}
    html = render_html(result, modes=["self_operated"], language="zh",
                       compare_url="../../calculator/")
    assert (f"<strong>{labels['self_operated']}：扣除工时后，每月利润 −¥1,513.33。</strong>"
            f"按你填的数字，做{labels['semi_managed']}每月能多剩 ¥3,190.33。"
            '<a class="amc-compare-link" href="../../calculator/">在计算器里比较全部模式</a>。'
            "</p>") in html
    best = render_html(result, modes=["semi_managed"], language="zh")
    assert "按你填的数字，在比较的几种模式里，这种模式剩下的利润最多。</p>" in best
    result["modes"][0]["profit_after_effort"] = result["modes"][1]["profit_after_effort"]
    tie = render_html(result, modes=[result["modes"][0]["id"]], language="zh")
    assert "剩下的利润一样多，花的工时还更少。" in tie



def test_the_chinese_report_names_every_mode_figure_and_cost_in_chinese(bundle, scenario):
    """Tables, breakdowns, the verdict, the nearest flips and the tornado chart: no English word
    but the platform's own terms (SKU, JIT, ...), since the bundle names everything in both."""
    html = render_html(evaluate(scenario, bundle, "zh"), language="zh")
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert "全托管" in text and "销量倍数" in text and "佣金" in text
    assert not english_words(text), sorted(english_words(text))

def test_without_sensitivity_the_block_waits_for_it(bundle, scenario):
    html = render_html(evaluate(scenario, bundle, sensitivity=False))
    assert ('<div class="amc-sensitivity" data-state="pending"><p>Working out what would change '
            "the recommendation…</p></div>") in html
    # The tornado's place is kept too, so the page can swap both in without moving the rest.
    assert ('<details class="amc-tornado" data-state="pending">\n<summary>How far each figure '
            "moves the lead (chart and table)</summary>\n<p>Working out what would change the "
            "recommendation…</p>\n</details>") in html
    assert "amc-tornado-chart" not in html


def test_verdict_flips_and_tornado_follow_the_recommendation(bundle, scenario):
    result = evaluate(scenario, bundle)
    html = render_html(result)
    verdict = result["sensitivity"]["verdict"]
    assert verdict.startswith("Semi-managed is recommended at these figures, but the answer "
                              "depends on ")
    assert f'<p class="amc-verdict">{verdict}</p>' in html
    assert html.index("amc-recommendation") < html.index("amc-verdict") < html.index("amc-summary")
    assert html.count('<li data-field="') == 5
    assert html.count('<tr data-field="', html.index("amc-tornado-table")) == 10
    assert '<svg class="amc-tornado-chart"' in html and 'aria-hidden="true"' in html


def test_a_single_mode_has_a_verdict_and_no_tornado():
    from calculators.params import EXAMPLE_BUNDLE  # noqa: PLC0415
    html = render_html(evaluate({}, EXAMPLE_BUNDLE))
    assert '<p class="amc-verdict">Self-operated is the only mode compared.</p>' in html
    assert "amc-flips" not in html and "amc-tornado" not in html
