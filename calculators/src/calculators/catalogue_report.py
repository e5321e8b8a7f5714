"""A catalogue plan, readable: HTML for the catalogue page and the plan as CSV.

Rendered in Pyodide from the plan of ``catalogue.evaluate_catalogue``; every text escaped.
Hooks: classes start with ``amc-cat-``; product rows carry ``data-row`` and ``data-mode``.
"""

from __future__ import annotations

import csv
import io
from html import escape

from .catalogue import HEADER_CODES
from .formatting import hours, money, units


def _label(plan: dict, mode_id: str) -> str:
    return next(p["label"] for p in plan["single_mode_plans"] if p["mode"] == mode_id)


def headline(plan: dict) -> str:
    """One sentence: the best plan and what it gains over the best single mode.

    >>> headline({"plan": None, "problems": [1], "single_mode_plans": []})
    'No product could be planned: correct the rows listed below.'
    """
    best = plan["plan"]
    if best is None:
        return "No product could be planned: correct the rows listed below."
    names = " + ".join(_label(plan, mode_id) for mode_id in best["modes"])
    single = _label(plan, plan["best_single_mode"])
    gain = plan["gain_over_best_single"]
    if len(best["modes"]) == 1:
        return (f"Best plan: every product in {names}, {money(best['profit'])} a month after "
                "your time. No mix of modes does better.")
    return (f"Best plan: {names}, {money(best['profit'])} a month after your time, "
            f"{money(gain)} more than the best single mode ({single}).")


def render_plan_html(plan: dict) -> str:
    """The plan: headline, totals per mode, single-mode plans, problems, one row per product."""
    lines = [f'<div class="amc-cat-report" data-format="{escape(plan["format"])}" '
             f'data-version="{plan["version"]}">',
             f'<p class="amc-cat-headline"><strong>{escape(headline(plan))}</strong></p>']
    if plan["problems"]:
        lines += _problems(plan["problems"])
    if plan["plan"] is not None:
        lines += _totals(plan) + _singles(plan) + _products(plan)
    lines.append("</div>")
    return "\n".join(lines)


def _problems(problems: list[dict]) -> list[str]:
    rows = "".join(
        f'<tr><td class="amc-num">{problem["row"]}</td><td>{escape(problem["column"])}</td>'
        f"<td>{escape(problem['message'])}</td></tr>" for problem in problems)
    count = len({problem["row"] for problem in problems if problem["code"] not in HEADER_CODES})
    return ['<div class="amc-cat-problems" role="alert">',
            f"<p>{count} row(s) could not be planned and are left out; the other rows are "
            "planned. Correct these cells and plan again:</p>",
            '<div class="amc-table-wrap"><table><thead><tr><th scope="col">Row</th>'
            '<th scope="col">Column</th><th scope="col">Problem</th></tr></thead>',
            f"<tbody>{rows}</tbody></table></div>", "</div>"]


def _totals(plan: dict) -> list[str]:
    rows = "".join(
        f'<tr data-mode="{escape(m["mode"])}"><th scope="row">{escape(m["label"])}</th>'
        f'<td class="amc-num">{m["products"]}</td><td class="amc-num">{units(m["units"])}</td>'
        f'<td class="amc-num">{money(m["revenue"])}</td>'
        f'<td class="amc-num">{money(-m["store_costs"])}</td>'
        f'<td class="amc-num">{hours(m["hours"])}</td>'
        f'<td class="amc-num">{money(m["profit"])}</td></tr>' for m in plan["plan"]["per_mode"])
    total = plan["plan"]
    return ['<div class="amc-table-wrap"><table class="amc-cat-totals">',
            "<caption>The best plan, per mode, per month</caption>",
            '<thead><tr><th scope="col">Mode</th><th scope="col">Products</th>'
            '<th scope="col">Units</th><th scope="col">Revenue</th>'
            '<th scope="col">Store costs</th><th scope="col">Your hours</th>'
            '<th scope="col">Profit after your time</th></tr></thead>',
            f"<tbody>{rows}</tbody>",
            f'<tfoot><tr><th scope="row">Plan</th><td class="amc-num">'
            f'{sum(m["products"] for m in total["per_mode"])}</td><td></td><td></td><td></td>'
            f'<td class="amc-num">{hours(total["hours"])}</td>'
            f'<td class="amc-num" data-field="plan-profit">{money(total["profit"])}</td></tr>'
            "</tfoot></table></div>"]


def _singles(plan: dict) -> list[str]:
    best = plan["plan"]["profit"]
    rows = "".join(
        f'<tr data-mode="{escape(p["mode"])}"><th scope="row">{escape(p["label"])}</th>'
        f'<td class="amc-num">{hours(p["hours"])}</td>'
        f'<td class="amc-num">{money(p["profit"])}</td>'
        f'<td class="amc-num">{money(best - p["profit"])}</td></tr>'
        for p in plan["single_mode_plans"])
    return ['<div class="amc-table-wrap"><table class="amc-cat-singles">',
            "<caption>Every product in one mode, for comparison</caption>",
            '<thead><tr><th scope="col">All products in</th><th scope="col">Your hours</th>'
            '<th scope="col">Profit after your time</th>'
            '<th scope="col">The best plan gains</th></tr></thead>',
            f"<tbody>{rows}</tbody></table></div>"]


def _products(plan: dict) -> list[str]:
    modes = [(p["mode"], p["label"]) for p in plan["single_mode_plans"]]
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
                    f"<td>{escape(_label(plan, chosen))}</td>{cells}</tr>")
    return ['<div class="amc-table-wrap amc-cat-products"><table>',
            "<caption>Each product's mode, and its profit per month in each mode before "
            "store costs</caption>",
            '<thead><tr><th scope="col">Row</th><th scope="col">Product</th>'
            f'<th scope="col">Mode</th>{head}</tr></thead>',
            "<tbody>", *rows, "</tbody></table></div>"]


PLAN_CSV_COLUMNS = ("row", "product", "category", "mode")


def plan_csv(plan: dict) -> str:
    """One line per planned product: its mode and its profit in each mode (CNY per month).

    Starts with a byte order mark so Excel in a Chinese locale opens it as UTF-8.

    >>> plan_csv({"single_mode_plans": [{"mode": "a"}], "products": [{"row": 2,
    ...     "product": "Mug, large", "category": "toys", "mode": "a", "profit": {"a": 1.5}}]})
    '\\ufeffrow,product,category,mode,profit_a_cny\\r\\n2,"Mug, large",toys,a,1.5\\r\\n'
    """
    modes = [p["mode"] for p in plan["single_mode_plans"]]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*PLAN_CSV_COLUMNS, *(f"profit_{mode}_cny" for mode in modes)])
    for product in plan["products"]:
        writer.writerow([product["row"], product["product"], product["category"],
                         product["mode"], *(repr(product["profit"][m]) for m in modes)])
    return "\ufeff" + out.getvalue()
