"""The HTML report and the CSV export, checked against the hand-worked example's numbers."""

import csv
import io
from html.parser import HTMLParser

import pytest
from calculators.report import render_html, to_csv

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
    assert 'data-mode="semi_managed"' in html  # only in the recommendation line
    assert html.count('data-mode="semi_managed"') == 1
    with pytest.raises(ValueError, match="modes not in the result: hybrid"):
        render_html(result, modes=["hybrid"])


def test_text_from_the_data_is_escaped(bundle, scenario):
    bundle["modes"][0]["label"] = "<script>alert(1)</script>"
    bundle["modes"][0]["components"][0]["label"] = 'Fee "A" & <b>'
    html = render_html(evaluate(scenario, bundle))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Fee &quot;A&quot; &amp; &lt;b&gt;" in html


def test_csv_has_one_row_per_mode_per_line_item(bundle, scenario):
    rows = list(csv.DictReader(io.StringIO(to_csv(evaluate(scenario, bundle)))))
    # per mode: 18 summary rows + its components + 6 tasks
    assert len(rows) == (18 + 6 + 6) + (18 + 7 + 6) + (18 + 8 + 6)
    shipping = next(row for row in rows if row["item"] == "self_operated.shipping")
    assert shipping == {"mode": "self_operated", "section": "component",
                        "item": "self_operated.shipping", "label": "International shipping",
                        "basis": "per_kg", "rate": "60.0", "quantity": "",
                        "value": "3000.0", "unit": "CNY"}  # 60 * 0.5 * 100
    never = next(row for row in rows
                 if row["mode"] == "self_operated" and row["item"] == "break_even_units")
    assert never["value"] == ""  # none
    service = next(row for row in rows
                   if row["mode"] == "semi_managed" and row["item"] == "task.customer_service")
    assert (service["rate"], float(service["quantity"]), float(service["value"])) == (
        "0.05", pytest.approx(1.1 * 100 / 2), pytest.approx(0.5 * 0.05 * 55))


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
