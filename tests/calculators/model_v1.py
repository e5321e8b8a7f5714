"""The fee and effort model as version 1 had it (a copy, kept to test that version 2 reduces to it).

Per mode m, with x = units_per_month (what the user types):
U = x * demand_multiplier, O = U / units_per_order, R = U * retail_price_usd * fx_cny_per_usd.
Each component is rate * its basis quantity; returns = return_rate * R * return_loss_share;
cogs = U * cogs_cny; profit = R - components - returns - cogs; each task takes
share * hours * quantity(driver) hours; profit_after_effort = profit - hours * labour_rate.

Break-even: profit_after_effort = a * x - b exactly, where a (contribution per unit typed) collects
everything proportional to x (revenue, revenue-share, per-unit, per-order and per-kg fees,
returns, cogs and per-order task hours) and b (fixed costs per month) the rest (per-month,
per-year and deposit components, and the hours of per-new-SKU, per-active-SKU and per-month
tasks). break_even_units = max(0, b / a) if a > 0, else None (never breaks even).

Ratios (margin, profit per hour, break-even) are None when their denominator is not positive or
the quotient would overflow a float, so no result holds NaN or infinity.
"""

from __future__ import annotations

import math

from calculators.params import resolve


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


def evaluate_mode(mode: dict, tasks: list[dict], s: dict, capital_cost_rate: float) -> dict:
    """Itemised result of one mode, for a validated scenario ``s`` and a validated bundle."""

    def value(param: dict) -> float:
        return resolve(param, s["category"], s["overrides"])

    demand = value(mode["demand_multiplier"])
    loss_share = value(mode["return_loss_share"])
    m: dict = {"units_per_x": demand, "orders_per_x": demand / s["units_per_order"]}
    m["revenue_per_x"] = demand * s["retail_price_usd"] * s["fx_cny_per_usd"]
    m["units"] = s["units_per_month"] * demand
    m["orders"] = m["units"] / s["units_per_order"]
    m["revenue"] = m["units"] * s["retail_price_usd"] * s["fx_cny_per_usd"]

    components, variable, fixed = [], [], []
    for comp in mode["components"]:
        rate = value(comp)
        amount, per_x, fixed_amount = _component(comp["basis"], rate, s, m, capital_cost_rate)
        components.append({"id": comp["id"], "label": comp["label"], "kind": comp["kind"],
                           "basis": comp["basis"], "rate": rate, "amount": amount})
        variable.append(per_x)
        fixed.append(fixed_amount)

    task_rows, hours_per_x, fixed_hours = [], [], []
    for task in tasks:
        share = value(mode["task_shares"][task["id"]])
        per_unit = value(task["hours"])
        quantity = _task_quantity(task["driver"], s, m)
        task_hours = share * per_unit * quantity
        task_rows.append({"id": task["id"], "label": task["label"], "driver": task["driver"],
                          "hours_per_unit": per_unit, "share": share, "quantity": quantity,
                          "hours": task_hours, "cost": task_hours * s["labour_rate_cny_per_hour"]})
        scales = task["driver"] == "per_order"
        hours_per_x.append(share * per_unit * m["orders_per_x"] if scales else 0.0)
        fixed_hours.append(0.0 if scales else task_hours)

    components_total = math.fsum(row["amount"] for row in components)
    returns = s["return_rate"] * m["revenue"] * loss_share
    cogs = m["units"] * s["cogs_cny"]
    profit = m["revenue"] - components_total - returns - cogs
    effort_hours = math.fsum(row["hours"] for row in task_rows)
    effort_cost = effort_hours * s["labour_rate_cny_per_hour"]
    profit_after_effort = profit - effort_cost

    labour = s["labour_rate_cny_per_hour"]
    contribution = (m["revenue_per_x"] - math.fsum(variable)
                    - s["return_rate"] * m["revenue_per_x"] * loss_share
                    - demand * s["cogs_cny"] - labour * math.fsum(hours_per_x))
    fixed_costs = math.fsum(fixed) + labour * math.fsum(fixed_hours)
    break_even = _ratio(fixed_costs, contribution)

    return {
        "id": mode["id"], "label": mode["label"],
        "demand_multiplier": demand, "return_loss_share": loss_share,
        "units": m["units"], "orders": m["orders"], "revenue": m["revenue"],
        "components": components, "components_total": components_total,
        "returns": returns, "cogs": cogs, "profit": profit,
        "tasks": task_rows, "effort_hours": effort_hours, "effort_cost": effort_cost,
        "profit_after_effort": profit_after_effort,
        "margin": _ratio(profit, m["revenue"]),
        "profit_per_hour": _ratio(profit, effort_hours),
        "contribution_per_unit": contribution, "fixed_costs": fixed_costs,
        "break_even_units": None if break_even is None else max(0.0, break_even),
    }
