"""Hand-worked examples: every number below is worked out from the fixture bundle by hand.

Fixture scenario: home_garden, price 10 USD, fx 7, 100 units/month, 2 units/order, 0.5 kg,
cogs 20 CNY, 2 new SKUs, 10 active SKUs, labour 50 CNY/h, return rate 0.1; capital cost 6%/year.
Tasks: photography 0.5 h/new SKU, listing 0.25 h/new SKU, catalogue upkeep 0.1 h/active SKU,
customer service 0.05 h/order, packing 0.08 h/order, store admin 4 h/month.
Each mode below has one component of every basis and a task of every driver.
"""

import pytest

from calculators import evaluate


def approx(value):
    return pytest.approx(value, rel=1e-12, abs=1e-9)


def mode_of(result, mode_id):
    return next(mode for mode in result["modes"] if mode["id"] == mode_id)


def amounts(mode):
    return {row["id"].split(".", 1)[1]: row["amount"] for row in mode["components"]}


def task_hours(mode):
    return {row["id"]: row["hours"] for row in mode["tasks"]}


def test_self_operated_by_hand(bundle, scenario):
    mode = mode_of(evaluate(scenario, bundle), "self_operated")
    # demand multiplier 1, return loss share 1
    assert mode["units"] == approx(100 * 1)
    assert mode["orders"] == approx(100 / 2)
    assert mode["revenue"] == approx(100 * 10 * 7)  # 7000
    assert amounts(mode) == {
        "commission": approx(0.08 * 7000),  # home_garden has no category rate: default 8%
        "affiliate": approx(0.03 * 7000),  # revenue_share
        "packaging": approx(0.8 * 100),  # per_unit
        "handling": approx(3 * 50),  # per_order
        "shipping": approx(60 * 0.5 * 100),  # per_kg
        "erp": approx(200),  # per_month
        "annual_fee": approx(10000 / 12),  # per_year
        "deposit": approx(10000 * 0.06 / 12),  # deposit
    }
    fees = 560 + 210 + 80 + 150 + 3000 + 200 + 10000 / 12 + 50
    assert mode["components_total"] == approx(fees)
    assert mode["returns"] == approx(0.1 * 7000 * 1)
    assert mode["cogs"] == approx(100 * 20)
    profit = 7000 - fees - 700 - 2000  # -783.33
    assert mode["profit"] == approx(profit)
    assert task_hours(mode) == {
        "photography": approx(1 * 0.5 * 2),  # per_new_sku
        "listing": approx(1 * 0.25 * 2),
        "catalogue_upkeep": approx(1 * 0.1 * 10),  # per_active_sku
        "customer_service": approx(1 * 0.05 * 50),  # per_order
        "packing_shipping": approx(1 * 0.08 * 50),
        "store_admin": approx(1 * 4 * 1),  # per_month
    }
    assert mode["effort_hours"] == approx(1 + 0.5 + 1 + 2.5 + 4 + 4)  # 13
    assert mode["effort_cost"] == approx(13 * 50)
    assert mode["profit_after_effort"] == approx(profit - 650)
    assert mode["margin"] == approx(profit / 7000)
    assert mode["profit_per_hour"] == approx(profit / 13)
    # each unit typed: 70 revenue - (5.6 + 2.1 + 0.8 + 3*0.5 + 60*0.5) fees - 7 returns - 20 goods
    # - 50 * (0.05 + 0.08) * 0.5 hours = -0.25: every unit loses money, so no break-even.
    assert mode["contribution_per_unit"] == approx(70 - 40 - 7 - 20 - 3.25)
    assert mode["fixed_costs"] == approx(200 + 10000 / 12 + 50 + 50 * (1 + 0.5 + 1 + 4))
    assert mode["break_even_units"] is None


def test_semi_managed_by_hand(bundle, scenario):
    mode = mode_of(evaluate(scenario, bundle), "semi_managed")
    # demand multiplier 1.1, return loss share 0.5
    assert mode["units"] == approx(100 * 1.1)
    assert mode["orders"] == approx(110 / 2)
    assert mode["revenue"] == approx(110 * 10 * 7)  # 7700
    assert amounts(mode) == {
        "commission": approx(0.06 * 7700),  # home_garden's category rate
        "labels": approx(0.3 * 110),
        "handling": approx(2 * 55),
        "jit_freight": approx(25 * 0.5 * 110),
        "promotions": approx(300),
        "annual_fee": approx(6000 / 12),
        "deposit": approx(5000 * 0.06 / 12),
    }
    assert mode["components_total"] == approx(462 + 33 + 110 + 1375 + 300 + 500 + 25)  # 2805
    assert mode["returns"] == approx(0.1 * 7700 * 0.5)
    assert mode["cogs"] == approx(110 * 20)
    assert mode["profit"] == approx(7700 - 2805 - 385 - 2200)  # 2310
    assert task_hours(mode) == {
        "photography": approx(1 * 0.5 * 2),
        "listing": approx(1 * 0.25 * 2),
        "catalogue_upkeep": approx(1 * 0.1 * 10),
        "customer_service": approx(0.5 * 0.05 * 55),  # shared with the platform
        "packing_shipping": approx(1 * 0.08 * 55),
        "store_admin": approx(1 * 4),
    }
    assert mode["effort_hours"] == approx(1 + 0.5 + 1 + 1.375 + 4.4 + 4)  # 12.275
    assert mode["effort_cost"] == approx(12.275 * 50)
    assert mode["profit_after_effort"] == approx(2310 - 613.75)  # 1696.25
    assert mode["margin"] == approx(2310 / 7700)
    assert mode["profit_per_hour"] == approx(2310 / 12.275)
    # a = 77 - (4.62 + 0.33 + 1.1 + 13.75) - 3.85 - 22 - 50 * (0.5*0.05 + 0.08) * 0.55
    a = 77 - 19.8 - 3.85 - 22 - 2.8875  # 28.4625
    b = 300 + 500 + 25 + 50 * (1 + 0.5 + 1 + 4)  # 1150
    assert a * 100 - b == approx(1696.25)  # the affine form gives the same profit after effort
    assert mode["contribution_per_unit"] == approx(a)
    assert mode["fixed_costs"] == approx(b)
    assert mode["break_even_units"] == approx(1150 / 28.4625)


def test_fully_managed_by_hand(bundle, scenario):
    result = evaluate(scenario, bundle)
    mode = mode_of(result, "fully_managed")
    # demand multiplier 1.2, return loss share 0.2
    assert mode["revenue"] == approx(120 * 10 * 7)  # 8400
    assert amounts(mode) == {
        "supply_margin": approx(0.45 * 8400),  # default; only apparel has its own rate
        "warehouse_handling": approx(1.5 * 120),
        "order_handling": approx(0.5 * 60),
        "inbound_freight": approx(3.5 * 0.5 * 120),
        "storage": approx(200),
        "quality_inspection": approx(1200 / 12),
        "quality_deposit": approx(10000 * 0.06 / 12),
    }
    assert mode["returns"] == approx(0.1 * 8400 * 0.2)
    assert mode["profit"] == approx(8400 - 4550 - 168 - 2400)  # 1282
    assert task_hours(mode) == {
        "photography": 0.0,  # the platform's job
        "listing": 0.0,
        "catalogue_upkeep": approx(0.2 * 0.1 * 10),
        "customer_service": 0.0,
        "packing_shipping": approx(0.1 * 0.08 * 60),
        "store_admin": approx(0.5 * 4),
    }
    assert mode["effort_hours"] == approx(0.2 + 0.48 + 2)
    assert mode["profit_after_effort"] == approx(1282 - 2.68 * 50)  # 1148
    # a = 84 - (0.45*84 + 1.5*1.2 + 0.5*0.6 + 3.5*0.5*1.2) - 0.1*84*0.2 - 1.2*20 - 50*0.1*0.08*0.6
    a = 84 - (37.8 + 1.8 + 0.3 + 2.1) - 1.68 - 24 - 0.24  # 16.08
    b = 200 + 100 + 50 + 50 * (0.2 + 2)  # 460
    assert mode["break_even_units"] == approx(b / a)
    # semi-managed 1696.25 beats fully managed 1148 and self-operated -1433.33
    assert result["recommended"] == {
        "mode": "semi_managed",
        "reason": "Semi-managed leaves the most profit after valuing your time: ¥1,696.25 a "
        "month, ¥548.25 more than Fully managed.",
    }


def test_category_rate_and_overrides(bundle, scenario):
    scenario["category"] = "apparel"
    scenario["overrides"] = {"self_operated.commission": 0.1, "capital_cost_rate": 0.12}
    result = evaluate(scenario, bundle)
    fully = amounts(mode_of(result, "fully_managed"))
    assert fully["supply_margin"] == approx(0.5 * 8400)  # apparel's own rate
    assert fully["quality_deposit"] == approx(10000 * 0.12 / 12)  # overridden capital cost
    # the override replaces apparel's 8% for the self-operated commission
    assert amounts(mode_of(result, "self_operated"))["commission"] == approx(0.1 * 7000)
    assert result["capital_cost_rate"] == 0.12
    assert result["scenario"]["overrides"] == {"self_operated.commission": 0.1,
                                               "capital_cost_rate": 0.12}


def test_no_sales_gives_no_margin_and_fixed_costs_only(bundle, scenario):
    scenario.update(units_per_month=0, new_skus_per_month=0, active_skus=0)
    mode = mode_of(evaluate(scenario, bundle), "self_operated")
    assert mode["revenue"] == 0.0
    assert mode["margin"] is None
    assert mode["profit"] == approx(-(200 + 10000 / 12 + 50))
    assert mode["effort_hours"] == approx(4)  # store admin still takes 4 h a month
    assert mode["profit_per_hour"] == approx(mode["profit"] / 4)


def test_no_hours_gives_no_profit_per_hour(bundle, scenario):
    scenario["overrides"] = {"task.store_admin.hours": 0}
    scenario.update(new_skus_per_month=0, active_skus=0, units_per_month=0)
    mode = mode_of(evaluate(scenario, bundle), "fully_managed")
    assert mode["effort_hours"] == 0.0
    assert mode["profit_per_hour"] is None


def test_break_even_is_zero_without_fixed_costs(bundle, scenario):
    fixed = ["storage", "quality_inspection", "quality_deposit"]
    scenario["overrides"] = {f"fully_managed.{c}": 0 for c in fixed}
    scenario["overrides"].update({"fully_managed.share.store_admin": 0,
                                  "fully_managed.share.catalogue_upkeep": 0})
    mode = mode_of(evaluate(scenario, bundle), "fully_managed")
    assert mode["fixed_costs"] == 0.0
    assert mode["break_even_units"] == 0.0


def test_ratios_that_would_overflow_are_none(bundle, scenario):
    # A vanishing demand multiplier makes revenue and the contribution per unit so small that
    # fixed costs / contribution and profit / revenue exceed any float.
    scenario["overrides"] = {"semi_managed.demand_multiplier": 5e-324}
    scenario["retail_price_usd"] = 100_000
    mode = mode_of(evaluate(scenario, bundle), "semi_managed")
    assert 0 < mode["contribution_per_unit"] < 1e-300
    assert mode["break_even_units"] is None
    assert mode["margin"] is None
