"""The catalogue plan as the page shows it and as the export writes it."""

import csv
import io
import re
from html.parser import HTMLParser

from calculators.catalogue import evaluate_catalogue
from calculators.catalogue_report import FIRST_ROWS, headline, plan_csv, render_plan_html
from test_calc_catalogue import SETTINGS, A, B, small_bundle

CHINESE_MODES = {"fully_managed": "全托管", "self_operated": "自运营"}


def bilingual_bundle():
    """small_bundle with its labels in both languages, as the site's bundle has them."""
    bundle = small_bundle()
    for mode in bundle["modes"]:
        mode["label"] = {"en": mode["label"], "zh": CHINESE_MODES[mode["id"]]}
    return bundle


class _Text(HTMLParser):
    """The words a reader sees: text nodes only, not tags or attributes."""

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_headline_of_a_mixed_plan_names_the_gain():
    plan = evaluate_catalogue([A, B], small_bundle(), SETTINGS)
    assert headline(plan) == ("Best plan: Fully managed + Self operated, ¥20,400.00 a month "
                              "after your time, ¥3,000.00 more than the best single mode "
                              "(Fully managed).")


def test_headline_of_a_single_mode_plan():
    plan = evaluate_catalogue([B], small_bundle(), SETTINGS)
    assert headline(plan) == ("Best plan: every product in Fully managed, ¥2,900.00 a month "
                              "after your time. No mix of modes does better.")


def test_html_lists_products_totals_and_problems():
    rows = [A, {"row": 3, "product": "<b>x</b>", "retail_price_usd": "?"}, B]
    html = render_plan_html(evaluate_catalogue(rows, small_bundle(), SETTINGS))
    assert '<tr data-row="1" data-mode="self_operated">' in html
    assert '<tr data-row="3" data-mode="fully_managed">' in html
    assert "1 row(s) could not be planned" in html
    assert "<b>x</b>" not in html  # names are escaped, never markup
    assert '<td class="amc-num" data-field="plan-profit">¥20,400.00</td>' in html
    assert html.count('<tr data-mode="') == 2 + 2  # two modes used, two single-mode plans


def test_html_without_a_plan_shows_only_the_problems():
    html = render_plan_html(evaluate_catalogue([{"product": "x"}], small_bundle(), SETTINGS))
    assert "No product could be planned" in html
    assert "amc-cat-totals" not in html and "4 row(s)" not in html


def test_csv_has_every_product_with_full_precision():
    plan = evaluate_catalogue([A, B], small_bundle(), SETTINGS)
    rows = list(csv.reader(io.StringIO(plan_csv(plan).removeprefix("\ufeff"))))
    assert rows[0] == ["row", "product", "category", "mode", "mode_label",
                       "profit_fully_managed_cny", "profit_self_operated_cny"]
    assert rows[2][:5] == ["2", "B cheap socks", "toys", "fully_managed", "Fully managed"]
    assert float(rows[2][5]) == plan["products"][1]["profit"]["fully_managed"]


def test_chinese_plan_headline_tables_and_csv():
    rows = [dict(A, product="台灯"), {"row": 3, "product": "坏行", "retail_price_usd": "?"},
            dict(B, product="袜子")]
    plan = evaluate_catalogue(rows, bilingual_bundle(), SETTINGS, "zh")
    assert headline(plan, "zh") == (
        "最佳方案：全托管 + 自运营搭配着做，扣除工时后每月 ¥20,400.00，比只做一种模式里最好的"
        "（全托管）多赚 ¥3,000.00。")
    single = evaluate_catalogue([dict(B, product="袜子")], bilingual_bundle(), SETTINGS, "zh")
    assert headline(single, "zh") == (
        "最佳方案：所有商品都走全托管，扣除工时后每月 ¥2,900.00。几种模式搭配着做都不会更好。")
    html = render_plan_html(plan, "zh")
    assert "有 1 行没法规划，已先排除" in html
    assert "<caption>最佳方案：各模式每月汇总</caption>" in html
    assert '<th scope="col">扣除工时后的利润</th>' in html and " 小时</td>" in html
    # No English is left for a Chinese reader: every Latin word seen is a code or a unit name
    # the platform itself uses (the problem's column is the file's heading).
    latin = set(re.findall(r"[A-Za-z_]{2,}", visible_text(html)))
    assert latin <= {"retail_price_usd", "cogs_cny", "weight_kg", "units_per_month"}, latin
    lines = list(csv.reader(io.StringIO(plan_csv(plan, "zh").removeprefix("\ufeff"))))
    assert lines[0] == ["行号", "商品", "类目", "模式代码", "模式", "全托管每月利润（元）",
                        "自运营每月利润（元）"]
    assert lines[1][:5] == ["1", "台灯", "toys", "self_operated", "自运营"]
    assert [line[5:] for line in lines[1:]] == [
        [repr(p["profit"][m]) for m in ("fully_managed", "self_operated")]
        for p in plan["products"]]


def test_english_and_chinese_plans_hold_the_same_numbers():
    rows = [A, B]
    english = evaluate_catalogue(rows, bilingual_bundle(), SETTINGS)
    chinese = evaluate_catalogue(rows, bilingual_bundle(), SETTINGS, "zh")
    strip = ("label",)
    for a, b in zip(english["single_mode_plans"], chinese["single_mode_plans"], strict=True):
        assert {k: v for k, v in a.items() if k not in strip} == \
            {k: v for k, v in b.items() if k not in strip}
    assert english["products"] == chinese["products"]
    numbers = re.compile(r"[−\d][\d,.]*")
    assert numbers.findall(visible_text(render_plan_html(english).replace(" h<", "<"))) == \
        numbers.findall(visible_text(render_plan_html(chinese, "zh").replace(" 小时<", "<")))


def test_past_the_first_hundred_products_the_rows_wait_for_the_reader():
    rows = [dict(B, product=f"p{i}") for i in range(FIRST_ROWS + 50)]
    html = render_plan_html(evaluate_catalogue(rows, small_bundle(), SETTINGS))
    shown, _, waiting = html.partition("<template>")
    assert shown.count("<tr data-row=") == FIRST_ROWS
    assert waiting.count("<tr data-row=") == 50 and waiting.endswith("</template>\n</div>\n</div>")
    assert "The first 100 of 150 products; the CSV export has them all." in shown
    assert 'data-action="show-all-products">Show all 150 products</button>' in shown
    chinese = render_plan_html(evaluate_catalogue(rows, bilingual_bundle(), SETTINGS, "zh"), "zh")
    assert "先列出前 100 个商品（共 150 个），导出的 CSV 里有全部商品。" in chinese
    assert ">显示全部 150 个商品</button>" in chinese
    exact = render_plan_html(evaluate_catalogue(rows[:FIRST_ROWS], small_bundle(), SETTINGS))
    assert "<template>" not in exact and exact.count("<tr data-row=") == FIRST_ROWS
