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


class ModeConstants(NamedTuple):
    """Everything one mode takes from the bundle for one category and set of overrides, every
    parameter resolved: shared by all the products of a catalogue in that category, so a
    product's evaluation is arithmetic only."""

    mode: dict
    demand: float
    loss_share: float
    stock_days: float
    payout_days: float
    unsold_share: float
    supply_price_ratio: float | None  # fully managed only
    components: tuple[tuple[dict, float], ...]  # (component, its rate)
    tasks: tuple[tuple[dict, float, float], ...]  # (task, the mode's share, hours per unit)
    capital_cost_rate: float


def mode_constants(mode: dict, tasks: list[dict], category: str, overrides: dict,
                   capital_cost_rate: float) -> ModeConstants:
    """The mode's parameters resolved for ``category`` and ``overrides``."""

    def value(param: dict) -> float:
        return resolve(param, category, overrides)

    return _constants(mode, tasks, value, capital_cost_rate)


def _constants(mode: dict, tasks: list[dict] | tuple, value: Value, capital_cost_rate: float,
               components: bool = True) -> ModeConstants:
    """The mode's parameters, each number from ``value``; without its components' rates when
    ``components`` is false (for a caller that needs no profit)."""
    return ModeConstants(
        mode=mode, demand=value(mode["demand_multiplier"]),
        loss_share=value(mode["return_loss_share"]), stock_days=value(mode["stock_days"]),
        payout_days=value(mode["payout_days"]), unsold_share=value(mode["unsold_share"]),
        supply_price_ratio=(value(mode["supply_price_ratio"]) if mode["id"] == SUPPLY_PRICED
                            else None),
        components=(tuple((comp, value(comp)) for comp in mode["components"]) if components
                    else ()),
        tasks=tuple((task, value(mode["task_shares"][task["id"]]), value(task["hours"]))
                    for task in tasks),
        capital_cost_rate=capital_cost_rate)


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


def _supply_price(ratio: float | None, s: dict) -> float | None:
    """The supply price per unit (CNY) a fully managed merchant is paid (``ratio`` is its
    supply price ratio); None in other modes (no ratio)."""
    if ratio is None:
        return None
    if s["supply_price_cny"] is not None:
        return s["supply_price_cny"]
    return s["retail_price_usd"] * s["fx_cny_per_usd"] * ratio


def _volumes(c: ModeConstants, s: dict) -> tuple[float | None, float, dict]:
    """(supply price, retail price in CNY, volumes: units, orders, revenue and each per unit
    typed) of one mode: what every other number builds on."""
    retail_cny = s["retail_price_usd"] * s["fx_cny_per_usd"]
    supply = _supply_price(c.supply_price_ratio, s)
    price = retail_cny if supply is None else supply  # what the merchant is paid per unit
    demand = c.demand
    m: dict = {"units_per_x": demand, "orders_per_x": demand / s["units_per_order"]}
    m["revenue_per_x"] = demand * price
    m["units"] = s["units_per_month"] * demand
    m["orders"] = m["units"] / s["units_per_order"]
    m["revenue"] = m["units"] * price
    return supply, retail_cny, m


class _Costs(NamedTuple):
    """The money of one mode for one scenario, before effort."""

    amounts: list[tuple[float, float, float]]  # per component, as _component returns them
    components_total: float
    returns: float
    cogs: float
    stock_value: float
    receivable: float
    working_capital: float
    write_offs: float
    profit: float


def _costs(c: ModeConstants, s: dict, m: dict) -> _Costs:
    rate_of_capital = c.capital_cost_rate
    amounts = [_component(comp["basis"], rate, s, m, rate_of_capital)
               for comp, rate in c.components]
    components_total = math.fsum(amount for amount, _, _ in amounts)
    returns = s["return_rate"] * m["revenue"] * c.loss_share
    cogs = m["units"] * s["cogs_cny"]
    stock_value = cogs * c.stock_days / DAYS_PER_MONTH
    receivable = m["revenue"] * c.payout_days / DAYS_PER_MONTH
    working_capital = (stock_value + receivable) * rate_of_capital / 12
    write_offs = c.unsold_share * cogs
    profit = m["revenue"] - components_total - returns - cogs - working_capital - write_offs
    return _Costs(amounts, components_total, returns, cogs, stock_value, receivable,
                  working_capital, write_offs, profit)


def _task_hours(share: float, per_unit: float, driver: str, s: dict, m: dict) -> float:
    """One task's hours: ``m``, the mode's volumes (only its orders are read)."""
    return share * per_unit * _task_quantity(driver, s, m)


class _Money(NamedTuple):
    """The money and hours of one mode for one scenario: what every caller needs."""

    supply: float | None
    retail_cny: float
    m: dict  # units, orders, revenue, and each per unit typed
    costs: _Costs
    task_hours: list[float]  # per task
    effort_hours: float
    profit_after_effort: float


def _money(c: ModeConstants, s: dict) -> _Money:
    """The model's formulas (see the module's docstring) for one mode and scenario: the one
    place they are written, used by the itemised ``evaluate_mode``, by ``product_figures`` and
    (in halves) by ``profit_and_hours``."""
    supply, retail_cny, m = _volumes(c, s)
    costs = _costs(c, s, m)
    task_hours = [_task_hours(share, per_unit, task["driver"], s, m)
                  for task, share, per_unit in c.tasks]
    effort_hours = math.fsum(task_hours)
    profit_after_effort = costs.profit - effort_hours * s["labour_rate_cny_per_hour"]
    return _Money(supply, retail_cny, m, costs, task_hours, effort_hours, profit_after_effort)


class ProductFigures(NamedTuple):
    """The few figures of one mode that a catalogue plan or a sensitivity sweep compares."""

    profit_after_effort: float
    effort_hours: float
    units: float
    revenue: float
    fixed_money: float  # per month: per-month, per-year and deposit components, per-month tasks
    fixed_hours: float  # per month: the hours of per-month tasks


FIXED_BASES = ("per_month", "per_year", "deposit")  # paid once a month or year, whatever sells


def product_figures(c: ModeConstants, s: dict) -> ProductFigures:
    """``evaluate_mode``'s figures for one mode, without its itemised rows, labels, break-even
    and cash: the same formulas (``_money``), so the same numbers to the last bit.

    ``fixed_money`` and ``fixed_hours`` are the parts of the month that do not grow with this
    product's sales or SKUs: a store pays them once however many products it sells.
    """
    money = _money(c, s)
    labour = s["labour_rate_cny_per_hour"]
    fixed_amounts = math.fsum(amount for (comp, _), (amount, _, _)
                              in zip(c.components, money.costs.amounts, strict=True)
                              if comp["basis"] in FIXED_BASES)
    monthly_hours = [hours for (task, _, _), hours in zip(c.tasks, money.task_hours, strict=True)
                     if task["driver"] == "per_month"]
    return ProductFigures(money.profit_after_effort, money.effort_hours, money.m["units"],
                          money.m["revenue"],
                          fixed_amounts + math.fsum(hours * labour for hours in monthly_hours),
                          math.fsum(monthly_hours))


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
    if values is None:
        value = _resolver(s)
    else:
        def value(param: dict) -> float:
            return values[param["id"]]
    labour = s["labour_rate_cny_per_hour"]
    reuse = itemised is not None
    if reuse and task is not None:
        effort_hours = math.fsum(
            _task_hours(value(mode["task_shares"][each["id"]]), value(each["hours"]),
                        each["driver"], s, itemised) if each["id"] == task else row["hours"]
            for each, row in zip(tasks, itemised["tasks"], strict=True))
        return itemised["profit"] - effort_hours * labour, effort_hours
    keep_profit = reuse and moved in LEAVES_PROFIT
    keep_hours = reuse and moved not in MOVES_HOURS
    c = _constants(mode, () if keep_hours else tasks, value, capital_cost_rate,
                   components=not keep_profit)
    _, _, m = _volumes(c, s)
    profit = itemised["profit"] if keep_profit else _costs(c, s, m).profit
    effort_hours = (itemised["effort_hours"] if keep_hours else math.fsum(
        _task_hours(share, per_unit, each["driver"], s, m) for each, share, per_unit in c.tasks))
    return profit - effort_hours * labour, effort_hours


def evaluate_mode(mode: dict, tasks: list[dict], s: dict, capital_cost_rate: float,
                  language: str = "en") -> dict:
    """Itemised result of one mode, for a validated scenario ``s`` and a validated bundle;
    its labels in ``language``."""
    c = mode_constants(mode, tasks, s["category"], s["overrides"], capital_cost_rate)
    money = _money(c, s)
    m, supply, costs = money.m, money.supply, money.costs
    labour = s["labour_rate_cny_per_hour"]

    components, variable, fixed, upfront, running = [], [], [], [], []
    for (comp, rate), (amount, per_x, fixed_amount) in zip(c.components, costs.amounts,
                                                            strict=True):
        components.append({"id": comp["id"], "label": localized(comp["label"], language),
                           "kind": comp["kind"],
                           "basis": comp["basis"], "rate": rate, "amount": amount})
        variable.append(per_x)
        fixed.append(fixed_amount)
        ahead, monthly = _cash_ahead(comp["basis"], rate, amount)
        upfront.append(ahead)
        running.append(monthly)

    task_rows, hours_per_x, fixed_hours = [], [], []
    for (task, share, per_unit), task_hours in zip(c.tasks, money.task_hours, strict=True):
        task_rows.append({"id": task["id"], "label": localized(task["label"], language),
                          "driver": task["driver"],
                          "hours_per_unit": per_unit, "share": share,
                          "quantity": _task_quantity(task["driver"], s, m),
                          "hours": task_hours, "cost": task_hours * labour})
        scales = task["driver"] == "per_order"
        hours_per_x.append(share * per_unit * m["orders_per_x"] if scales else 0.0)
        fixed_hours.append(0.0 if scales else task_hours)

    demand, cogs_unit = c.demand, s["cogs_cny"]
    stock_days, payout_days = c.stock_days, c.payout_days
    loss_share, unsold_share = c.loss_share, c.unsold_share
    profit_after_effort = money.profit_after_effort
    per_x_capital = (demand * cogs_unit * stock_days / DAYS_PER_MONTH
                     + m["revenue_per_x"] * payout_days / DAYS_PER_MONTH) * capital_cost_rate / 12
    contribution = (m["revenue_per_x"] - math.fsum(variable)
                    - s["return_rate"] * m["revenue_per_x"] * loss_share
                    - demand * cogs_unit - per_x_capital - unsold_share * demand * cogs_unit
                    - labour * math.fsum(hours_per_x))
    fixed_costs = math.fsum(fixed) + labour * math.fsum(fixed_hours)
    break_even = _ratio(fixed_costs, contribution)
    paid_ahead = math.fsum(upfront)
    running_costs = costs.cogs + math.fsum(running)
    costs_before_payout = running_costs * payout_days / DAYS_PER_MONTH
    cash_needed = paid_ahead + costs.stock_value + costs_before_payout
    retail_revenue = m["units"] * money.retail_cny

    return {
        "id": mode["id"], "label": localized(mode["label"], language),
        "demand_multiplier": demand, "return_loss_share": loss_share,
        "stock_days": stock_days, "payout_days": payout_days, "unsold_share": unsold_share,
        "units": m["units"], "orders": m["orders"],
        "supply_price": supply, "retail_revenue": retail_revenue,
        "platform_margin": None if supply is None else retail_revenue - m["revenue"],
        "revenue": m["revenue"],
        "components": components, "components_total": costs.components_total,
        "returns": costs.returns, "cogs": costs.cogs,
        "stock_value": costs.stock_value, "receivable": costs.receivable,
        "working_capital_cost": costs.working_capital, "write_offs": costs.write_offs,
        "profit": costs.profit,
        "tasks": task_rows, "effort_hours": money.effort_hours,
        "effort_cost": money.effort_hours * labour,
        "profit_after_effort": profit_after_effort,
        "margin": _ratio(costs.profit, m["revenue"]),
        "profit_per_hour": _ratio(costs.profit, money.effort_hours),
        "contribution_per_unit": contribution, "fixed_costs": fixed_costs,
        "break_even_units": None if break_even is None else max(0.0, break_even),
        "paid_ahead": paid_ahead, "running_costs": running_costs,
        "costs_before_payout": costs_before_payout, "cash_needed": cash_needed,
        "payback_months": _ratio(cash_needed, profit_after_effort),
    }
