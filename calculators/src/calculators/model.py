"""The fee and effort model, version 2: one function of (scenario, parameters) per mode.

Per mode m, with x = units_per_month (what the user types):
U = x * demand_multiplier, O = U / units_per_order. The merchant's revenue R is U times the price
the merchant is paid: the supply price in fully managed (``supply_price_cny``, or when absent
retail_price_usd * fx_cny_per_usd * supply_price_ratio), the retail price * fx in the other
modes. In fully managed the platform's margin, U * retail * fx - R, is shown, never charged.
Each component is rate * its basis quantity; returns = return_rate * R * return_loss_share;
cogs = U * cogs_cny; working capital = (U * cogs_cny * stock_days / 30 + R * payout_days / 30)
* capital_cost_rate / 12; write-offs = unsold_share * U * cogs_cny;
profit = R - components - returns - cogs - working capital - write-offs; each task takes
share * hours * quantity(driver) hours; profit_after_effort = profit - hours * labour_rate.

Break-even: profit_after_effort = a * x - b exactly, where a (contribution per unit typed) collects
everything proportional to x (revenue, revenue-share, per-unit, per-order and per-kg fees,
returns, cogs, working capital, write-offs and per-order task hours) and b (fixed costs per
month) the rest (per-month, per-year and deposit components, and the hours of per-new-SKU,
per-active-SKU and per-month tasks). break_even_units = max(0, b / a) if a > 0, else None.

Cash needed before the first payout, at steady volume: every deposit and yearly fee in full, the
stock (U * cogs_cny * stock_days / 30) and payout_days / 30 of a month's paid-out costs (cogs and
the per-unit, per-order, per-kg and per-month components; revenue-share fees and returns are
taken from payouts, so they are not paid ahead). payback_months = cash_needed /
profit_after_effort, None when that is not positive.

Ratios (margin, profit per hour, break-even, payback) are None when their denominator is not
positive or the quotient would overflow a float, so no result holds NaN or infinity.
"""

from __future__ import annotations

import math

from .i18n import localized
from .params import SUPPLY_PRICED, resolve

DAYS_PER_MONTH = 30  # design.md's convention for stock_days and payout_days
PAID_AHEAD = ("per_unit", "per_order", "per_kg", "per_month")  # paid in cash as sales happen


def _ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None when undefined or too large to represent.

    >>> _ratio(1.0, 4.0), _ratio(1.0, 0.0), _ratio(1e300, 1e-300)
    (0.25, None, None)
    """
    if denominator <= 0:
        return None
    quotient = numerator / denominator
    return quotient if math.isfinite(quotient) else None


def _component(basis: str, rate: float, s: dict, m: dict, capital_cost_rate: float) -> tuple:
    """(amount per month, amount per unit typed, fixed amount per month) of one component."""
    match basis:
        case "revenue_share":
            return rate * m["revenue"], rate * m["revenue_per_x"], 0.0
        case "per_unit":
            return rate * m["units"], rate * m["units_per_x"], 0.0
        case "per_order":
            return rate * m["orders"], rate * m["orders_per_x"], 0.0
        case "per_kg":
            return rate * s["weight_kg"] * m["units"], rate * s["weight_kg"] * m["units_per_x"], 0.0
        case "per_month":
            return rate, 0.0, rate
        case "per_year":
            return rate / 12, 0.0, rate / 12
        case _:  # "deposit": capital tied up, costed at the yearly capital cost rate
            amount = rate * capital_cost_rate / 12
            return amount, 0.0, amount


def _cash_ahead(basis: str, rate: float, amount: float) -> tuple[float, float]:
    """(paid in full before selling, paid each month as sales happen) for one component."""
    if basis in ("deposit", "per_year"):
        return rate, 0.0
    return 0.0, (amount if basis in PAID_AHEAD else 0.0)


def _task_quantity(driver: str, s: dict, m: dict) -> float:
    match driver:
        case "per_new_sku":
            return s["new_skus_per_month"]
        case "per_active_sku":
            return s["active_skus"]
        case "per_order":
            return m["orders"]
        case _:  # "per_month"
            return 1.0


def supply_price(mode: dict, s: dict) -> float | None:
    """The supply price per unit (CNY) a fully managed merchant is paid; None in other modes."""
    if mode["id"] != SUPPLY_PRICED:
        return None
    if s["supply_price_cny"] is not None:
        return s["supply_price_cny"]
    ratio = resolve(mode["supply_price_ratio"], s["category"], s["overrides"])
    return s["retail_price_usd"] * s["fx_cny_per_usd"] * ratio


def evaluate_mode(mode: dict, tasks: list[dict], s: dict, capital_cost_rate: float,
                  language: str = "en") -> dict:
    """Itemised result of one mode, for a validated scenario ``s`` and a validated bundle;
    its labels in ``language``."""

    def value(param: dict) -> float:
        return resolve(param, s["category"], s["overrides"])

    demand = value(mode["demand_multiplier"])
    loss_share = value(mode["return_loss_share"])
    stock_days = value(mode["stock_days"])
    payout_days = value(mode["payout_days"])
    unsold_share = value(mode["unsold_share"])
    retail_cny = s["retail_price_usd"] * s["fx_cny_per_usd"]
    supply = supply_price(mode, s)
    price = retail_cny if supply is None else supply  # what the merchant is paid per unit
    m: dict = {"units_per_x": demand, "orders_per_x": demand / s["units_per_order"]}
    m["revenue_per_x"] = demand * price
    m["units"] = s["units_per_month"] * demand
    m["orders"] = m["units"] / s["units_per_order"]
    m["revenue"] = m["units"] * price
    retail_revenue = m["units"] * retail_cny

    components, variable, fixed, upfront, running = [], [], [], [], []
    for comp in mode["components"]:
        rate = value(comp)
        amount, per_x, fixed_amount = _component(comp["basis"], rate, s, m, capital_cost_rate)
        components.append({"id": comp["id"], "label": localized(comp["label"], language),
                           "kind": comp["kind"],
                           "basis": comp["basis"], "rate": rate, "amount": amount})
        variable.append(per_x)
        fixed.append(fixed_amount)
        ahead, monthly = _cash_ahead(comp["basis"], rate, amount)
        upfront.append(ahead)
        running.append(monthly)

    task_rows, hours_per_x, fixed_hours = [], [], []
    for task in tasks:
        share = value(mode["task_shares"][task["id"]])
        per_unit = value(task["hours"])
        quantity = _task_quantity(task["driver"], s, m)
        task_hours = share * per_unit * quantity
        task_rows.append({"id": task["id"], "label": localized(task["label"], language),
                          "driver": task["driver"],
                          "hours_per_unit": per_unit, "share": share, "quantity": quantity,
                          "hours": task_hours, "cost": task_hours * s["labour_rate_cny_per_hour"]})
        scales = task["driver"] == "per_order"
        hours_per_x.append(share * per_unit * m["orders_per_x"] if scales else 0.0)
        fixed_hours.append(0.0 if scales else task_hours)

    cogs_unit = s["cogs_cny"]
    components_total = math.fsum(row["amount"] for row in components)
    returns = s["return_rate"] * m["revenue"] * loss_share
    cogs = m["units"] * cogs_unit
    stock_value = cogs * stock_days / DAYS_PER_MONTH
    receivable = m["revenue"] * payout_days / DAYS_PER_MONTH
    working_capital = (stock_value + receivable) * capital_cost_rate / 12
    write_offs = unsold_share * cogs
    profit = m["revenue"] - components_total - returns - cogs - working_capital - write_offs
    effort_hours = math.fsum(row["hours"] for row in task_rows)
    effort_cost = effort_hours * s["labour_rate_cny_per_hour"]
    profit_after_effort = profit - effort_cost

    labour = s["labour_rate_cny_per_hour"]
    per_x_capital = (demand * cogs_unit * stock_days / DAYS_PER_MONTH
                     + m["revenue_per_x"] * payout_days / DAYS_PER_MONTH) * capital_cost_rate / 12
    contribution = (m["revenue_per_x"] - math.fsum(variable)
                    - s["return_rate"] * m["revenue_per_x"] * loss_share
                    - demand * cogs_unit - per_x_capital - unsold_share * demand * cogs_unit
                    - labour * math.fsum(hours_per_x))
    fixed_costs = math.fsum(fixed) + labour * math.fsum(fixed_hours)
    break_even = _ratio(fixed_costs, contribution)
    paid_ahead = math.fsum(upfront)
    running_costs = cogs + math.fsum(running)
    costs_before_payout = running_costs * payout_days / DAYS_PER_MONTH
    cash_needed = paid_ahead + stock_value + costs_before_payout

    return {
        "id": mode["id"], "label": localized(mode["label"], language),
        "demand_multiplier": demand, "return_loss_share": loss_share,
        "stock_days": stock_days, "payout_days": payout_days, "unsold_share": unsold_share,
        "units": m["units"], "orders": m["orders"],
        "supply_price": supply, "retail_revenue": retail_revenue,
        "platform_margin": None if supply is None else retail_revenue - m["revenue"],
        "revenue": m["revenue"],
        "components": components, "components_total": components_total,
        "returns": returns, "cogs": cogs,
        "stock_value": stock_value, "receivable": receivable,
        "working_capital_cost": working_capital, "write_offs": write_offs, "profit": profit,
        "tasks": task_rows, "effort_hours": effort_hours, "effort_cost": effort_cost,
        "profit_after_effort": profit_after_effort,
        "margin": _ratio(profit, m["revenue"]),
        "profit_per_hour": _ratio(profit, effort_hours),
        "contribution_per_unit": contribution, "fixed_costs": fixed_costs,
        "break_even_units": None if break_even is None else max(0.0, break_even),
        "paid_ahead": paid_ahead, "running_costs": running_costs,
        "costs_before_payout": costs_before_payout, "cash_needed": cash_needed,
        "payback_months": _ratio(cash_needed, profit_after_effort),
    }
