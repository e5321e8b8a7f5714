"""Readable results: the HTML comparison (side by side, itemised per mode). Exports: export.py.

The same code renders at build time in CPython and in the browser in Pyodide, so the output is a
pure function of the result and byte-identical in both. Every text is escaped with html.escape.
The HTML has no blank lines (it sits inside Markdown, where a blank line ends a raw HTML block).
Hooks for styles and tests: classes start with ``amc-``; cells carry ``data-mode`` and
``data-field``; the recommended mode's column has the class ``amc-recommended``.
"""

from __future__ import annotations

from html import escape

from .formatting import hours, money, months, number, percent, rate_money, rate_percent, units
from .i18n import say
from .sensitivity_report import render_sensitivity, render_verdict

# (result field, formatter, unit in the CSV export) of the side-by-side table, in order. The row's
# label is the field's entry in i18n.WORDS, the unit's is "unit_" + unit.
SUMMARY_ROWS = (
    ("units", units, "units"),
    ("orders", units, "orders"),
    ("revenue", money, "cny"),
    ("platform_margin", money, "cny"),
    ("components_total", money, "cny"),
    ("returns", money, "cny"),
    ("cogs", money, "cny"),
    ("working_capital_cost", money, "cny"),
    ("write_offs", money, "cny"),
    ("profit", money, "cny"),
    ("margin", percent, "share_of_revenue"),
    ("effort_hours", hours, "hours"),
    ("effort_cost", money, "cny"),
    ("profit_after_effort", money, "cny"),
    ("profit_per_hour", money, "cny_per_hour"),
    ("break_even_units", units, "units_per_month"),
    ("cash_needed", money, "cny"),
    ("payback_months", months, "months"),
)


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


def render_html(result: dict, modes: list[str] | None = None, language: str = "en",
                compare_url: str | None = None) -> str:
    """The results as HTML: recommendation, side-by-side table, one breakdown per mode.

    ``modes`` restricts the columns (in the result's order); None shows every mode. The words
    are in ``language`` (the result's labels and reason already are: see ``evaluate``). With one
    mode shown (a mode's own page), the opening sentence is about that mode, and says in words
    whether another leaves more, with a link to ``compare_url`` (the full calculator).

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> html = render_html(evaluate({}, EXAMPLE_BUNDLE))
    >>> html.splitlines()[0]
    '<div class="amc-report" data-format="aliexpress-modes/result" data-version="2">'
    >>> '<td data-mode="self_operated" class="amc-recommended" data-field="revenue">' in html
    True
    >>> html = render_html(evaluate({}, EXAMPLE_BUNDLE, "zh"), language="zh")
    >>> '<th scope="row">扣除工时后的利润</th>' in html
    True
    """
    def t(key: str, **values: object) -> str:
        return escape(say(language, key, **values))

    shown = _shown_modes(result, modes)
    recommended = result["recommended"]["mode"]
    lines = [
        f'<div class="amc-report" data-format="{escape(result["format"])}" '
        f'data-version="{result["version"]}">',
        _opening(result, shown, compare_url, language),
        *render_verdict(result, language),
        '<div class="amc-table-wrap">',
        '<table class="amc-summary">',
        f"<caption>{t('summary_caption')}</caption>",
        f'<thead><tr><th scope="col">{t("per_month")}</th>',
    ]
    for mode in shown:
        badge = (f' <span class="amc-badge-recommended">{t("recommended_badge")}</span>'
                 if mode["id"] == recommended else "")
        lines.append(f'<th scope="col"{_mode_attrs(mode, recommended)}>'
                     f"{escape(mode['label'])}{badge}</th>")
    lines.append("</tr></thead>")
    lines.append("<tbody>")
    for field, show, _ in SUMMARY_ROWS:
        cells = "".join(f'<td{_mode_attrs(mode, recommended)} data-field="{field}">'
                        f"{escape(show_value(show, mode[field], language))}</td>"
                        for mode in shown)
        lines.append(f'<tr data-field="{field}"><th scope="row">{t(field)}</th>{cells}</tr>')
    lines += ["</tbody>", "</table>", "</div>"]
    lines += render_sensitivity(result, language)
    for mode in shown:
        lines += _breakdown(mode, result["scenario"], result["capital_cost_rate"], language)
    lines.append("</div>")
    return "\n".join(lines)


def _opening(result: dict, shown: list[dict], compare_url: str | None, language: str) -> str:
    """The sentence above the tables: the recommendation, or with one mode of several shown (a
    mode's own page), that mode's own result and whether another mode leaves more.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> result = evaluate({}, EXAMPLE_BUNDLE, "zh")
    >>> print(_opening(result, result["modes"], None, "zh"))  # doctest: +ELLIPSIS
    <p class="amc-recommendation" data-mode="self_operated"><strong>推荐：Self-operated。...
    """
    def t(key: str, **values: object) -> str:
        return escape(say(language, key, **values))

    recommended = result["recommended"]["mode"]
    by_id = {mode["id"]: mode for mode in result["modes"]}
    if len(shown) != 1 or len(result["modes"]) == 1:  # the full comparison
        return (f'<p class="amc-recommendation" data-mode="{escape(recommended)}">'
                f"<strong>{t('recommended_line', label=by_id[recommended]['label'])}</strong> "
                f"{escape(result['recommended']['reason'])}</p>")
    mode, best = shown[0], by_id[recommended]
    line = t("own_mode_line", label=mode["label"], profit=money(mode["profit_after_effort"]))
    gap_between = t("sentence_gap")
    text = f"<strong>{line}</strong>{gap_between}"
    gap = best["profit_after_effort"] - mode["profit_after_effort"]
    if mode["id"] == recommended:
        text += t("own_mode_best")
    elif gap < 0.005:
        text += t("other_mode_same", best=best["label"])
    else:
        text += t("other_mode_more", best=best["label"], gap=money(gap))
    if compare_url:
        text += (f'{gap_between}<a class="amc-compare-link" href="{escape(compare_url)}">'
                 f"{t('compare_link')}</a>{t('compare_link_end')}")
    return (f'<p class="amc-recommendation amc-own-mode" data-mode="{escape(mode["id"])}">'
            f"{text}</p>")


def show_value(formatter, value: float | None, language: str) -> str:
    """A value of SUMMARY_ROWS shown by its formatter, in `language` where its unit is a word."""
    return formatter(value, language) if formatter in (hours, months) else formatter(value)


def _basis_text(row: dict, mode: dict, scenario: dict, capital_cost_rate: float,
                language: str) -> str:
    basis = row["basis"]
    rate = rate_percent(row["rate"]) if basis == "revenue_share" else rate_money(row["rate"])
    return say(language, f"basis_{basis}", rate=rate, units=units(mode["units"]),
               orders=units(mode["orders"]), weight=number(scenario["weight_kg"]),
               capital=rate_percent(capital_cost_rate))


def _row(field: str, item: str, basis: str, amount: str, mode_id: str) -> str:
    return (f'<tr data-mode="{mode_id}" data-field="{escape(field)}"><th scope="row">'
            f"{escape(item)}</th><td>{escape(basis)}</td>"
            f'<td class="amc-num">{escape(amount)}</td></tr>')


def _breakdown(mode: dict, scenario: dict, capital_cost_rate: float,
               language: str) -> list[str]:
    def t(key: str, **values: object) -> str:
        return say(language, key, **values)

    mode_id, label = escape(mode["id"]), mode["label"]
    if mode["supply_price"] is None:
        revenue_basis = t("revenue_basis", units=units(mode["units"]),
                          price=number(scenario["retail_price_usd"]),
                          fx=number(scenario["fx_cny_per_usd"]))
    else:
        revenue_basis = t("revenue_basis_supply", units=units(mode["units"]),
                          price=rate_money(mode["supply_price"]))
    lines = [
        f'<details class="amc-breakdown" data-mode="{mode_id}">',
        f"<summary>{escape(t('where_from', label=label))}</summary>",
        '<div class="amc-table-wrap">',
        '<table class="amc-breakdown-money">',
        f"<caption>{escape(t('money_caption', label=label))}</caption>",
        f'<thead><tr><th scope="col">{escape(t("item"))}</th>'
        f'<th scope="col">{escape(t("how"))}</th>'
        f'<th scope="col">{escape(t("cny_per_month"))}</th></tr></thead>',
        "<tbody>",
        _row("revenue", t("revenue"), revenue_basis, money(mode["revenue"]), mode_id),
    ]
    for row in mode["components"]:
        basis = _basis_text(row, mode, scenario, capital_cost_rate, language)
        lines.append(_row(row["id"], row["label"], basis, money(-row["amount"]), mode_id))
    returns_basis = t("returns_basis", rate=rate_percent(scenario["return_rate"]),
                      loss=rate_percent(mode["return_loss_share"]))
    cogs_basis = t("cogs_basis", units=units(mode["units"]),
                   cost=rate_money(scenario["cogs_cny"]))
    capital_basis = t("capital_basis", stock=money(mode["stock_value"]),
                      receivable=money(mode["receivable"]),
                      rate=rate_percent(capital_cost_rate))
    write_off_basis = t("write_off_basis", share=rate_percent(mode["unsold_share"]))
    lines += [
        _row("returns", t("returns"), returns_basis, money(-mode["returns"]), mode_id),
        _row("cogs", t("cogs"), cogs_basis, money(-mode["cogs"]), mode_id),
        _row("working_capital_cost", t("working_capital_cost"), capital_basis,
             money(-mode["working_capital_cost"]), mode_id),
        _row("write_offs", t("write_offs"), write_off_basis, money(-mode["write_offs"]),
             mode_id),
        "</tbody>",
        "<tfoot>" + _row("profit", t("profit"), t("profit_basis"),
                         money(mode["profit"]), mode_id) + "</tfoot>",
        "</table>",
        '<table class="amc-breakdown-cash">',
        f"<caption>{escape(t('cash_caption', label=label))}</caption>",
        f'<thead><tr><th scope="col">{escape(t("item"))}</th>'
        f'<th scope="col">{escape(t("how"))}</th>'
        f'<th scope="col">{escape(t("cny"))}</th></tr></thead>',
        "<tbody>",
        _row("paid_ahead", t("paid_ahead"), t("paid_ahead_basis"),
             money(mode["paid_ahead"]), mode_id),
        _row("stock_value", t("stock_value"), t("stock_basis", days=number(mode["stock_days"])),
             money(mode["stock_value"]), mode_id),
        _row("first_costs", t("first_costs"),
             t("first_costs_basis", days=number(mode["payout_days"]),
               running=money(mode["running_costs"])),
             money(mode["costs_before_payout"]), mode_id),
        "</tbody>",
        "<tfoot>" + _row("cash_needed", t("cash_needed_short"), t("cash_basis"),
                         money(mode["cash_needed"]), mode_id) + "</tfoot>",
        "</table>",
        '<table class="amc-breakdown-hours">',
        f"<caption>{escape(t('hours_caption', label=label))}</caption>",
        f'<thead><tr><th scope="col">{escape(t("task"))}</th>'
        f'<th scope="col">{escape(t("how"))}</th>'
        f'<th scope="col">{escape(t("hours"))}</th></tr></thead>',
        "<tbody>",
    ]
    for task in mode["tasks"]:
        basis = t("task_basis", share=rate_percent(task["share"]),
                  hours=number(task["hours_per_unit"]), quantity=number(task["quantity"]),
                  driver=t(f"driver_{task['driver']}"))
        lines.append(_row(f"task.{task['id']}", task["label"], basis,
                          hours(task["hours"], language), mode_id))
    valued = t("valued", rate=money(scenario["labour_rate_cny_per_hour"]),
               cost=money(mode["effort_cost"]))
    lines += [
        "</tbody>",
        "<tfoot>" + _row("effort_hours", t("effort_hours"), valued,
                         hours(mode["effort_hours"], language), mode_id) + "</tfoot>",
        "</table>",
        "</div>",
        "</details>",
    ]
    return lines
