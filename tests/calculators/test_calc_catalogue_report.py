"""The catalogue plan as the page shows it and as the export writes it."""

import csv
import io

from calculators.catalogue import evaluate_catalogue
from calculators.catalogue_report import headline, plan_csv, render_plan_html
from test_calc_catalogue import SETTINGS, A, B, small_bundle


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
    assert rows[0] == ["row", "product", "category", "mode", "profit_fully_managed_cny",
                       "profit_self_operated_cny"]
    assert rows[2][:4] == ["2", "B cheap socks", "toys", "fully_managed"]
    assert float(rows[2][4]) == plan["products"][1]["profit"]["fully_managed"]
