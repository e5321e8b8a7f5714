"""Readable results: the HTML comparison (side by side, itemised per mode) and a CSV export.

The same code renders at build time in CPython and in the browser in Pyodide, so the output is a
pure function of the result and byte-identical in both. Every text is escaped with html.escape.
The HTML has no blank lines (it sits inside Markdown, where a blank line ends a raw HTML block).
Hooks for styles and tests: classes start with ``amc-``; cells carry ``data-mode`` and
``data-field``; the recommended mode's column has the class ``amc-recommended``.
"""

from __future__ import annotations

import csv
import io
from html import escape

from .formatting import hours, money, months, number, percent, rate_money, rate_percent, units
from .sensitivity_report import render_sensitivity, render_verdict

# (result field, row label, formatter, unit in the CSV) of the side-by-side table, in order.
SUMMARY_ROWS = (
    ("units", "Units sold", units, "units"),
    ("orders", "Orders", units, "orders"),
    ("revenue", "Revenue (what you are paid)", money, "CNY"),
    ("platform_margin", "Platform's margin (not your cost)", money, "CNY"),
    ("components_total", "Fees and charges", money, "CNY"),
    ("returns", "Returns lost", money, "CNY"),
    ("cogs", "Cost of goods", money, "CNY"),
    ("working_capital_cost", "Cost of money tied up", money, "CNY"),
    ("write_offs", "Unsold stock written off", money, "CNY"),
    ("profit", "Profit", money, "CNY"),
    ("margin", "Margin", percent, "share of revenue"),
    ("effort_hours", "Your hours", hours, "hours"),
    ("effort_cost", "Value of your hours", money, "CNY"),
    ("profit_after_effort", "Profit after your time", money, "CNY"),
    ("profit_per_hour", "Profit per hour", money, "CNY per hour"),
    ("break_even_units", "Break-even units per month", units, "units per month"),
    ("cash_needed", "Cash needed before the first payout", money, "CNY"),
    ("payback_months", "Months to earn that cash back", months, "months"),
)
DRIVER_WORDS = {"per_new_sku": "new SKUs", "per_active_sku": "active SKUs",
                "per_order": "orders", "per_month": "month"}


def _shown_modes(result: dict, modes: list[str] | None) -> list[dict]:
    if modes is None:
        return list(result["modes"])
    known = {mode["id"] for mode in result["modes"]}
    unknown = [mode_id for mode_id in modes if mode_id not in known]
    if unknown:
        raise ValueError(f"modes not in the result: {', '.join(unknown)}")
    return [mode for mode in result["modes"] if mode["id"] in modes]


def _mode_attrs(mode: dict, recommended: str) -> str:
    marked = ' class="amc-recommended"' if mode["id"] == recommended else ""
    return f' data-mode="{escape(mode["id"])}"{marked}'


def render_html(result: dict, modes: list[str] | None = None) -> str:
    """The results as HTML: recommendation, side-by-side table, one breakdown per mode.

    ``modes`` restricts the columns (in the result's order); None shows every mode.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> html = render_html(evaluate({}, EXAMPLE_BUNDLE))
    >>> html.splitlines()[0]
    '<div class="amc-report" data-format="aliexpress-modes/result" data-version="2">'
    >>> '<td data-mode="self_operated" class="amc-recommended" data-field="revenue">' in html
    True
    """
    shown = _shown_modes(result, modes)
    recommended = result["recommended"]["mode"]
    label = next(mode["label"] for mode in result["modes"] if mode["id"] == recommended)
    lines = [
        f'<div class="amc-report" data-format="{escape(result["format"])}" '
        f'data-version="{result["version"]}">',
        f'<p class="amc-recommendation" data-mode="{escape(recommended)}">'
        f"<strong>Recommended: {escape(label)}.</strong> "
        f"{escape(result['recommended']['reason'])}</p>",
        *render_verdict(result),
        '<div class="amc-table-wrap">',
        '<table class="amc-summary">',
        "<caption>The modes side by side, per month</caption>",
        '<thead><tr><th scope="col">Per month</th>',
    ]
    for mode in shown:
        badge = (' <span class="amc-badge-recommended">Recommended</span>'
                 if mode["id"] == recommended else "")
        lines.append(f'<th scope="col"{_mode_attrs(mode, recommended)}>'
                     f"{escape(mode['label'])}{badge}</th>")
    lines.append("</tr></thead>")
    lines.append("<tbody>")
    for field, row_label, show, _ in SUMMARY_ROWS:
        cells = "".join(f'<td{_mode_attrs(mode, recommended)} data-field="{field}">'
                        f"{escape(show(mode[field]))}</td>" for mode in shown)
        lines.append(f'<tr data-field="{field}"><th scope="row">{row_label}</th>{cells}</tr>')
    lines += ["</tbody>", "</table>", "</div>"]
    lines += render_sensitivity(result)
    for mode in shown:
        lines += _breakdown(mode, result["scenario"], result["capital_cost_rate"])
    lines.append("</div>")
    return "\n".join(lines)


def _basis_text(row: dict, mode: dict, scenario: dict, capital_cost_rate: float) -> str:
    rate = row["rate"]
    match row["basis"]:
        case "revenue_share":
            return f"{rate_percent(rate)} of revenue"
        case "per_unit":
            return f"{rate_money(rate)} × {units(mode['units'])} units"
        case "per_order":
            return f"{rate_money(rate)} × {units(mode['orders'])} orders"
        case "per_kg":
            return (f"{rate_money(rate)} per kg × {number(scenario['weight_kg'])} kg × "
                    f"{units(mode['units'])} units")
        case "per_month":
            return "each month"
        case "per_year":
            return f"{rate_money(rate)} a year ÷ 12"
        case _:  # deposit
            return f"{rate_money(rate)} deposit × {rate_percent(capital_cost_rate)} a year ÷ 12"


def _row(field: str, item: str, basis: str, amount: str, mode_id: str) -> str:
    return (f'<tr data-mode="{mode_id}" data-field="{escape(field)}"><th scope="row">'
            f"{escape(item)}</th><td>{escape(basis)}</td>"
            f'<td class="amc-num">{escape(amount)}</td></tr>')


def _breakdown(mode: dict, scenario: dict, capital_cost_rate: float) -> list[str]:
    mode_id, label = escape(mode["id"]), escape(mode["label"])
    if mode["supply_price"] is None:
        revenue_basis = (f"{units(mode['units'])} units × {number(scenario['retail_price_usd'])} "
                         f"USD × {number(scenario['fx_cny_per_usd'])} CNY per USD")
    else:
        revenue_basis = (f"{units(mode['units'])} units × supply price "
                         f"{rate_money(mode['supply_price'])}")
    lines = [
        f'<details class="amc-breakdown" data-mode="{mode_id}">',
        f"<summary>{label}: where the numbers come from</summary>",
        '<div class="amc-table-wrap">',
        '<table class="amc-breakdown-money">',
        f"<caption>{label}: money per month</caption>",
        '<thead><tr><th scope="col">Item</th><th scope="col">How it is worked out</th>'
        '<th scope="col">CNY per month</th></tr></thead>',
        "<tbody>",
        _row("revenue", "Revenue", revenue_basis, money(mode["revenue"]), mode_id),
    ]
    for row in mode["components"]:
        basis = _basis_text(row, mode, scenario, capital_cost_rate)
        lines.append(_row(row["id"], row["label"], basis, money(-row["amount"]), mode_id))
    returns_basis = (f"{rate_percent(scenario['return_rate'])} returned × "
                     f"{rate_percent(mode['return_loss_share'])} of it lost")
    cogs_basis = f"{units(mode['units'])} units × {rate_money(scenario['cogs_cny'])}"
    capital_basis = (f"(stock {money(mode['stock_value'])} + unpaid sales "
                     f"{money(mode['receivable'])}) × {rate_percent(capital_cost_rate)} a year "
                     "÷ 12")
    write_off_basis = f"{rate_percent(mode['unsold_share'])} of the goods never sell"
    lines += [
        _row("returns", "Returns lost", returns_basis, money(-mode["returns"]), mode_id),
        _row("cogs", "Cost of goods", cogs_basis, money(-mode["cogs"]), mode_id),
        _row("working_capital_cost", "Cost of money tied up", capital_basis,
             money(-mode["working_capital_cost"]), mode_id),
        _row("write_offs", "Unsold stock written off", write_off_basis,
             money(-mode["write_offs"]), mode_id),
        "</tbody>",
        "<tfoot>" + _row("profit", "Profit", "revenue less the rows above",
                         money(mode["profit"]), mode_id) + "</tfoot>",
        "</table>",
        '<table class="amc-breakdown-cash">',
        f"<caption>{label}: cash needed before the first payout</caption>",
        '<thead><tr><th scope="col">Item</th><th scope="col">How it is worked out</th>'
        '<th scope="col">CNY</th></tr></thead>',
        "<tbody>",
        _row("paid_ahead", "Deposits and yearly fees", "paid in full before selling",
             money(mode["paid_ahead"]), mode_id),
        _row("stock_value", "Stock ahead of orders",
             f"{number(mode['stock_days'])} days of goods at cost", money(mode["stock_value"]),
             mode_id),
        _row("first_costs", "Costs until the first payout",
             f"{number(mode['payout_days'])} days of goods and per-sale fees "
             f"({money(mode['running_costs'])} a month)",
             money(mode["costs_before_payout"]), mode_id),
        "</tbody>",
        "<tfoot>" + _row("cash_needed", "Cash needed", "the rows above",
                         money(mode["cash_needed"]), mode_id) + "</tfoot>",
        "</table>",
        '<table class="amc-breakdown-hours">',
        f"<caption>{label}: your hours per month</caption>",
        '<thead><tr><th scope="col">Task</th><th scope="col">How it is worked out</th>'
        '<th scope="col">Hours</th></tr></thead>',
        "<tbody>",
    ]
    for task in mode["tasks"]:
        basis = (f"{rate_percent(task['share'])} yours × {number(task['hours_per_unit'])} h × "
                 f"{number(task['quantity'])} {DRIVER_WORDS[task['driver']]}")
        lines.append(_row(f"task.{task['id']}", task["label"], basis, hours(task["hours"]),
                          mode_id))
    valued = (f"valued at {money(scenario['labour_rate_cny_per_hour'])} an hour: "
              f"{money(mode['effort_cost'])}")
    lines += [
        "</tbody>",
        "<tfoot>" + _row("effort_hours", "Your hours", valued, hours(mode["effort_hours"]),
                         mode_id) + "</tfoot>",
        "</table>",
        "</div>",
        "</details>",
    ]
    return lines


CSV_COLUMNS = ("mode", "section", "item", "label", "basis", "rate", "quantity", "value", "unit")


def to_csv(result: dict) -> str:
    """One row per mode per line item, numbers in full precision, "" for none.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> lines = to_csv(evaluate({"units_per_month": 100}, EXAMPLE_BUNDLE)).splitlines()
    >>> lines[0]
    'mode,section,item,label,basis,rate,quantity,value,unit'
    >>> [line for line in lines if ",component," in line]  # doctest: +NORMALIZE_WHITESPACE
    ['self_operated,component,self_operated.commission,self_operated.commission,revenue_share,0.08,,864.0,CNY']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for mode in result["modes"]:
        for field, label, _, unit in SUMMARY_ROWS:
            writer.writerow([mode["id"], "summary", field, label, "", "", "",
                             _csv_number(mode[field]), unit])
        for row in mode["components"]:
            writer.writerow([mode["id"], "component", row["id"], row["label"], row["basis"],
                             _csv_number(row["rate"]), "", _csv_number(row["amount"]), "CNY"])
        for task in mode["tasks"]:
            writer.writerow([mode["id"], "task", f"task.{task['id']}", task["label"],
                             task["driver"], _csv_number(task["hours_per_unit"]),
                             _csv_number(task["quantity"]), _csv_number(task["hours"]), "hours"])
    return out.getvalue()


def _csv_number(value: float | None) -> str:
    return "" if value is None else repr(value)
