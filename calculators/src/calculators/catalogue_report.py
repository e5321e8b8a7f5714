"""A catalogue plan, readable: HTML for the catalogue page and the plan as CSV.

Rendered in Pyodide from the plan of ``catalogue.evaluate_catalogue``, in the reader's language
(the plan's mode labels are already in it); every text escaped. Hooks: classes start with
``amc-cat-``; product rows carry ``data-row`` and ``data-mode``.
"""

from __future__ import annotations

import csv
import io
from html import escape

from .catalogue import HEADER_CODES
from .checks import plain
from .formatting import hours, money, units
from .i18n import say

FIRST_ROWS = 100  # product rows shown at once; the rest on request, all of them in the CSV


def _label(plan: dict, mode_id: str) -> str:
    return next(p["label"] for p in plan["single_mode_plans"] if p["mode"] == mode_id)


def headline(plan: dict, language: str = "en") -> str:
    """One sentence: the best plan and what it gains over the best single mode.

    >>> headline({"plan": None, "problems": [1], "single_mode_plans": []})
    'No product could be planned: correct the rows listed below.'
    >>> headline({"plan": None, "problems": [1], "single_mode_plans": []}, "zh")
    '没有一个商品能规划：请先改正下面列出的行。'
    """
    best = plan["plan"]
    if best is None:
        return say(language, "cat_nothing_planned")
    names = say(language, "cat_mode_joiner").join(_label(plan, mode_id)
                                                  for mode_id in best["modes"])
    if len(best["modes"]) == 1:
        return say(language, "cat_best_single", names=names, profit=money(best["profit"]))
    return say(language, "cat_best_mix", names=names, profit=money(best["profit"]),
               gain=money(plan["gain_over_best_single"]),
               single=_label(plan, plan["best_single_mode"]))


def render_plan_html(plan: dict, language: str = "en") -> str:
    """The plan: headline, totals per mode, single-mode plans, problems, one row per product."""
    def w(key: str) -> str:
        return escape(say(language, key))

    lines = [f'<div class="amc-cat-report" data-format="{escape(plan["format"])}" '
             f'data-version="{plan["version"]}">',
             f'<p class="amc-cat-headline"><strong>{escape(headline(plan, language))}'
             "</strong></p>"]
    if plan["problems"]:
        lines += _problems(plan["problems"], language, w)
    if plan["plan"] is not None:
        lines += (_totals(plan, language, w) + _singles(plan, language, w)
                  + _products(plan, language, w))
    lines.append("</div>")
    return "\n".join(lines)


def _problems(problems: list[dict], language: str, w) -> list[str]:
    rows = "".join(
        f'<tr><td class="amc-num">{problem["row"]}</td><td>{escape(problem["column"])}</td>'
        f"<td>{escape(problem['message'])}</td></tr>" for problem in problems)
    count = len({problem["row"] for problem in problems if problem["code"] not in HEADER_CODES})
    intro = escape(say(language, "cat_problems_intro", count=count))
    return ['<div class="amc-cat-problems" role="alert">', f"<p>{intro}</p>",
            f'<div class="amc-table-wrap"><table><thead><tr><th scope="col">{w("cat_row")}</th>'
            f'<th scope="col">{w("cat_column")}</th><th scope="col">{w("cat_problem")}</th>'
            "</tr></thead>",
            f"<tbody>{rows}</tbody></table></div>", "</div>"]


def _totals(plan: dict, language: str, w) -> list[str]:
    rows = "".join(
        f'<tr data-mode="{escape(m["mode"])}"><th scope="row">{escape(m["label"])}</th>'
        f'<td class="amc-num">{m["products"]}</td><td class="amc-num">{units(m["units"])}</td>'
        f'<td class="amc-num">{money(m["revenue"])}</td>'
        f'<td class="amc-num">{money(-m["store_costs"])}</td>'
        f'<td class="amc-num">{hours(m["hours"], language)}</td>'
        f'<td class="amc-num">{money(m["profit"])}</td></tr>' for m in plan["plan"]["per_mode"])
    total = plan["plan"]
    head = "".join(f'<th scope="col">{w(key)}</th>' for key in (
        "cat_mode", "cat_products", "cat_units", "cat_revenue", "cat_store_costs",
        "effort_hours", "profit_after_effort"))
    return ['<div class="amc-table-wrap"><table class="amc-cat-totals">',
            f"<caption>{w('cat_totals_caption')}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            f"<tbody>{rows}</tbody>",
            f'<tfoot><tr><th scope="row">{w("cat_plan_total")}</th><td class="amc-num">'
            f'{sum(m["products"] for m in total["per_mode"])}</td><td></td><td></td><td></td>'
            f'<td class="amc-num">{hours(total["hours"], language)}</td>'
            f'<td class="amc-num" data-field="plan-profit">{money(total["profit"])}</td></tr>'
            "</tfoot></table></div>"]


def _singles(plan: dict, language: str, w) -> list[str]:
    best = plan["plan"]["profit"]
    rows = "".join(
        f'<tr data-mode="{escape(p["mode"])}"><th scope="row">{escape(p["label"])}</th>'
        f'<td class="amc-num">{hours(p["hours"], language)}</td>'
        f'<td class="amc-num">{money(p["profit"])}</td>'
        f'<td class="amc-num">{money(best - p["profit"])}</td></tr>'
        for p in plan["single_mode_plans"])
    head = "".join(f'<th scope="col">{w(key)}</th>' for key in (
        "cat_all_in", "effort_hours", "profit_after_effort", "cat_gain"))
    return ['<div class="amc-table-wrap"><table class="amc-cat-singles">',
            f"<caption>{w('cat_singles_caption')}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            f"<tbody>{rows}</tbody></table></div>"]


def _products(plan: dict, language: str, w) -> list[str]:
    """One row per product; past the first ``FIRST_ROWS`` the rows wait in a <template> (parsed,
    never laid out) until the reader asks for them: 5,000 rows laid out at once would take the
    page longer than planning them."""
    modes = [(p["mode"], p["label"]) for p in plan["single_mode_plans"]]
    labels = dict(modes)
    head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in modes)
    rows = []
    for product in plan["products"]:
        chosen = product["mode"]
        cells = "".join(
            f'<td class="amc-num{" amc-recommended" if mode_id == chosen else ""}">'
            f'{money(product["profit"][mode_id])}</td>' for mode_id, _ in modes)
        rows.append(f'<tr data-row="{product["row"]}" data-mode="{escape(chosen)}">'
                    f'<td class="amc-num">{product["row"]}</td>'
                    f"<th scope=\"row\">{escape(product['product'])}</th>"
                    f"<td>{escape(labels[chosen])}</td>{cells}</tr>")
    table = ['<div class="amc-table-wrap amc-cat-products"><table>',
             f"<caption>{w('cat_products_caption')}</caption>",
             f'<thead><tr><th scope="col">{w("cat_row")}</th><th scope="col">'
             f'{w("cat_product")}</th><th scope="col">{w("cat_mode")}</th>{head}</tr></thead>',
             "<tbody>", *rows[:FIRST_ROWS], "</tbody></table></div>"]
    if len(rows) <= FIRST_ROWS:
        return table
    count = plain(len(rows))
    note = say(language, "cat_first_rows", shown=plain(FIRST_ROWS), count=count)
    return [*table, '<div class="amc-cat-more">',
            f'<p>{escape(note)} <button type="button" class="md-button" '
            f'data-action="show-all-products">{escape(say(language, "cat_show_all", count=count))}'
            "</button></p>",
            "<template>", *rows[FIRST_ROWS:], "</template>", "</div>"]


def plan_csv(plan: dict, language: str = "en") -> str:
    """One line per planned product: its mode (code and label) and its profit in each mode
    (CNY per month, before store costs); the header row in ``language``.

    Starts with a byte order mark so Excel in a Chinese locale opens it as UTF-8.

    >>> plan = {"single_mode_plans": [{"mode": "a", "label": "全托管"}], "products": [{"row": 2,
    ...     "product": "Mug, large", "category": "toys", "mode": "a", "profit": {"a": 1.5}}]}
    >>> plan_csv(plan).split("\\r\\n")  # doctest: +NORMALIZE_WHITESPACE
    ['\\ufeffrow,product,category,mode,mode_label,profit_a_cny',
     '2,"Mug, large",toys,a,全托管,1.5', '']
    >>> plan_csv(plan, "zh").splitlines()[0]
    '\\ufeff行号,商品,类目,模式代码,模式,全托管每月利润（元）'
    """
    modes = [(p["mode"], p["label"]) for p in plan["single_mode_plans"]]
    labels = dict(modes)
    out = io.StringIO()
    writer = csv.writer(out)
    # The English header names columns by code, the Chinese one in words: a mode by its label.
    writer.writerow([*say(language, "cat_csv_columns").split(","),
                     *(say(language, "cat_csv_profit", mode=mode if language == "en" else label)
                       for mode, label in modes)])
    for product in plan["products"]:
        writer.writerow([product["row"], product["product"], product["category"],
                         product["mode"], labels[product["mode"]],
                         *(repr(product["profit"][mode]) for mode, _ in modes)])
    return "\ufeff" + out.getvalue()
