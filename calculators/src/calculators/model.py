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
from collections.abc import Callable
from typing import NamedTuple

from .i18n import localized
from .params import SUPPLY_PRICED, resolve

Value = Callable[[dict], float]  # a Param of the bundle -> its number for the scenario

MODEL_VERSION = 2  # the fee and effort model's version, as named above; exports carry it
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


def supply_price(mode: dict, s: dict, value: Value | None = None) -> float | None:
    """The supply price per unit (CNY) a fully managed merchant is paid; None in other modes."""
    if mode["id"] != SUPPLY_PRICED:
        return None
    if s["supply_price_cny"] is not None:
        return s["supply_price_cny"]
    ratio = (value or _resolver(s))(mode["supply_price_ratio"])
    return s["retail_price_usd"] * s["fx_cny_per_usd"] * ratio


def _resolver(s: dict) -> Value:
    def value(param: dict) -> float:
        return resolve(param, s["category"], s["overrides"])
    return value


def resolved_values(index: list[dict], s: dict) -> dict[str, float]:
    """Every parameter's number for a scenario, by id: what ``resolve`` gives, looked up once
    for the sensitivity's many re-evaluations (see ``profit_and_hours``)."""
    return {entry["id"]: resolve(entry, s["category"], s["overrides"]) for entry in index}


# Which half of a mode's result a parameter (by its role in parameter_index) or a scenario input
# can move, read off the formulas above. The hours read the task figures, the task quantities and
# the orders (units, units per order, demand multiplier); the profit before effort reads neither
# the task figures and quantities nor the value of an hour. The sensitivity re-evaluates only the
# half a subject moves and takes the other from the itemised result (a property test checks it
# against the whole re-evaluation).
MOVES_HOURS = frozenset({"task_hours", "task_share", "new_skus_per_month", "active_skus",
                         "units_per_month", "units_per_order", "demand_multiplier"})
LEAVES_PROFIT = frozenset({"task_hours", "task_share", "new_skus_per_month", "active_skus",
                           "labour_rate_cny_per_hour"})


class _Mode(NamedTuple):
    """A mode's own figures for a scenario, and its volumes: what every other number builds on."""

    value: Value
    demand: float
    loss_share: float
    stock_days: float
    payout_days: float
    unsold_share: float
    retail_cny: float
    supply: float | None
    m: dict  # units, orders, revenue and each per unit typed


def _mode_volumes(mode: dict, s: dict, values: dict[str, float] | None = None) -> _Mode:
    """``values``: every parameter's number by id (``resolved_values``), when the caller has
    them; else each is resolved from the scenario."""
    if values is None:
        value = _resolver(s)
    else:
        def value(param: dict) -> float:
            return values[param["id"]]

    demand = value(mode["demand_multiplier"])
    retail_cny = s["retail_price_usd"] * s["fx_cny_per_usd"]
    supply = supply_price(mode, s, value)
    price = retail_cny if supply is None else supply  # what the merchant is paid per unit
    m: dict = {"units_per_x": demand, "orders_per_x": demand / s["units_per_order"]}
    m["revenue_per_x"] = demand * price
    m["units"] = s["units_per_month"] * demand
    m["orders"] = m["units"] / s["units_per_order"]
    m["revenue"] = m["units"] * price
    return _Mode(value, demand, value(mode["return_loss_share"]), value(mode["stock_days"]),
                 value(mode["payout_days"]), value(mode["unsold_share"]), retail_cny, supply, m)


def _task(mode: dict, task: dict, s: dict, value: Value,
          m: dict) -> tuple[float, float, float, float]:
    """(share, hours per unit of the driver, quantity of the driver, hours) of one task;
    ``m``: the mode's volumes (only its orders are read)."""
    share = value(mode["task_shares"][task["id"]])
    per_unit = value(task["hours"])
    quantity = _task_quantity(task["driver"], s, m)
    return share, per_unit, quantity, share * per_unit * quantity


def _profit(s: dict, v: _Mode, components_total: float, capital_cost_rate: float) -> dict:
    """Returns, cogs, stock and receivable, working capital, write-offs and profit."""
    cogs = v.m["units"] * s["cogs_cny"]
    stock_value = cogs * v.stock_days / DAYS_PER_MONTH
    receivable = v.m["revenue"] * v.payout_days / DAYS_PER_MONTH
    working_capital = (stock_value + receivable) * capital_cost_rate / 12
    returns = s["return_rate"] * v.m["revenue"] * v.loss_share
    write_offs = v.unsold_share * cogs
    return {"returns": returns, "cogs": cogs, "stock_value": stock_value,
            "receivable": receivable, "working_capital_cost": working_capital,
            "write_offs": write_offs,
            "profit": (v.m["revenue"] - components_total - returns - cogs - working_capital
                       - write_offs)}


def profit_and_hours(mode: dict, tasks: list[dict], s: dict, capital_cost_rate: float,
                     values: dict[str, float] | None = None, itemised: dict | None = None,
                     moved: str | None = None, task: str | None = None) -> tuple[float, float]:
    """(profit after effort, effort hours) of one mode: the same numbers as ``evaluate_mode``,
    without its itemised rows, for the sensitivity's many re-evaluations.

    ``values``: every parameter's number by id (``resolved_values``). ``itemised``: this mode's
    ``evaluate_mode`` result for a scenario that differs from ``s`` (and ``values``) only in the
    parameter role or input named ``moved``; what ``moved`` cannot move (``MOVES_HOURS``,
    ``LEAVES_PROFIT``) is then taken from it instead of worked out again, and for a task's
    hours or share (``task``: its id) only that task's hours are (``fsum`` is exact, so the
    sum does not depend on which terms were worked out again).
    """
    reuse = itemised is not None
    if reuse and task is not None:
        def value(param: dict) -> float:
            return values[param["id"]]
        effort_hours = math.fsum(
            _task(mode, each, s, value, itemised)[3] if each["id"] == task else row["hours"]
            for each, row in zip(tasks, itemised["tasks"], strict=True))
        return itemised["profit"] - effort_hours * s["labour_rate_cny_per_hour"], effort_hours
    v = _mode_volumes(mode, s, values)
    if reuse and moved in LEAVES_PROFIT:
        profit = itemised["profit"]
    else:
        components_total = math.fsum(
            _component(comp["basis"], v.value(comp), s, v.m, capital_cost_rate)[0]
            for comp in mode["components"])
        profit = _profit(s, v, components_total, capital_cost_rate)["profit"]
    if reuse and moved not in MOVES_HOURS:
        effort_hours = itemised["effort_hours"]
    else:
        effort_hours = math.fsum(_task(mode, each, s, v.value, v.m)[3] for each in tasks)
    return profit - effort_hours * s["labour_rate_cny_per_hour"], effort_hours


def evaluate_mode(mode: dict, tasks: list[dict], s: dict, capital_cost_rate: float,
                  language: str = "en") -> dict:
    """Itemised result of one mode, for a validated scenario ``s`` and a validated bundle;
    its labels in ``language``."""
    v = _mode_volumes(mode, s)
    value, m, demand = v.value, v.m, v.demand
    loss_share, stock_days, payout_days = v.loss_share, v.stock_days, v.payout_days
    unsold_share, supply = v.unsold_share, v.supply
    retail_revenue = m["units"] * v.retail_cny

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
        share, per_unit, quantity, task_hours = _task(mode, task, s, value, m)
        task_rows.append({"id": task["id"], "label": localized(task["label"], language),
                          "driver": task["driver"],
                          "hours_per_unit": per_unit, "share": share, "quantity": quantity,
                          "hours": task_hours, "cost": task_hours * s["labour_rate_cny_per_hour"]})
        scales = task["driver"] == "per_order"
        hours_per_x.append(share * per_unit * m["orders_per_x"] if scales else 0.0)
        fixed_hours.append(0.0 if scales else task_hours)

    cogs_unit = s["cogs_cny"]
    components_total = math.fsum(row["amount"] for row in components)
    money = _profit(s, v, components_total, capital_cost_rate)
    returns, cogs, stock_value = money["returns"], money["cogs"], money["stock_value"]
    receivable, working_capital = money["receivable"], money["working_capital_cost"]
    write_offs, profit = money["write_offs"], money["profit"]
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
