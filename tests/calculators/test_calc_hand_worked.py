"""Hand-worked examples: every number below is worked out from the fixture bundle by hand.

Fixture scenario: home_garden, price 10 USD, fx 7, 100 units/month, 2 units/order, 0.5 kg,
cogs 20 CNY, 2 new SKUs, 10 active SKUs, labour 50 CNY/h, return rate 0.1; capital cost 6%/year,
so money tied up costs 0.06 / 12 = 0.005 a month. Stock days, payout days and unsold share:
fully managed 30, 30, 5%; semi-managed 0, 15, 0; self-operated 15, 30, 2%.
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
    # working capital: (2000 goods x 15/30 days of stock + 7000 x 30/30 unpaid) x 0.005 = 40
    assert mode["working_capital_cost"] == approx((2000 * 15 / 30 + 7000 * 30 / 30) * 0.005)
    assert mode["write_offs"] == approx(0.02 * 2000)  # 40
    profit = 7000 - fees - 700 - 2000 - 40 - 40  # -863.33
    assert mode["profit"] == approx(profit)
    # cash: deposit and yearly fee in full, 15 days of stock, 30 days of goods and per-sale fees
    assert mode["paid_ahead"] == approx(10000 + 10000)
    assert mode["stock_value"] == approx(1000)
    assert mode["costs_before_payout"] == approx((2000 + 80 + 150 + 3000 + 200) * 30 / 30)
    assert mode["cash_needed"] == approx(20000 + 1000 + 5430)
    assert mode["payback_months"] is None  # it loses money after effort
    assert mode["platform_margin"] is None and mode["supply_price"] is None
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
    # - 50 * (0.05 + 0.08) * 0.5 hours - (10 + 70) * 0.005 money tied up - 0.4 written off
    # = -1.05: every unit loses money, so no break-even.
    assert mode["contribution_per_unit"] == approx(70 - 40 - 7 - 20 - 3.25 - 0.4 - 0.4)
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
    assert mode["working_capital_cost"] == approx(7700 * 15 / 30 * 0.005)  # no stock: 19.25
    assert mode["write_offs"] == 0.0
    assert mode["profit"] == approx(7700 - 2805 - 385 - 2200 - 19.25)  # 2290.75
    assert mode["cash_needed"] == approx(5000 + 6000 + (2200 + 33 + 110 + 1375 + 300) * 15 / 30)
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
    assert mode["profit_after_effort"] == approx(2290.75 - 613.75)  # 1677
    assert mode["margin"] == approx(2290.75 / 7700)
    assert mode["profit_per_hour"] == approx(2290.75 / 12.275)
    assert mode["payback_months"] == approx(13009 / 1677)
    # a = 77 - (4.62 + 0.33 + 1.1 + 13.75) - 3.85 - 22 - 50 * (0.5*0.05 + 0.08) * 0.55
    #     - 77 * 15/30 * 0.005
    a = 77 - 19.8 - 3.85 - 22 - 2.8875 - 0.1925  # 28.27
    b = 300 + 500 + 25 + 50 * (1 + 0.5 + 1 + 4)  # 1150
    assert a * 100 - b == approx(1677)  # the affine form gives the same profit after effort
    assert mode["contribution_per_unit"] == approx(a)
    assert mode["fixed_costs"] == approx(b)
    assert mode["break_even_units"] == approx(1150 / 28.27)


def test_fully_managed_by_hand(bundle, scenario):
    result = evaluate(scenario, bundle)
    mode = mode_of(result, "fully_managed")
    # demand multiplier 1.2, return loss share 0.2; paid the supply price: 10 USD x 7 x 0.55
    # (the default ratio; only apparel has its own) = 38.50 CNY a unit
    assert mode["supply_price"] == approx(38.5)
    assert mode["revenue"] == approx(120 * 38.5)  # 4620
    assert mode["retail_revenue"] == approx(120 * 10 * 7)  # 8400
    assert mode["platform_margin"] == approx(8400 - 4620)  # shown, not charged
    assert amounts(mode) == {
        "warehouse_handling": approx(1.5 * 120),
        "order_handling": approx(0.5 * 60),
        "inbound_freight": approx(3.5 * 0.5 * 120),
        "storage": approx(200),
        "quality_inspection": approx(1200 / 12),
        "quality_deposit": approx(10000 * 0.06 / 12),
    }
    assert mode["returns"] == approx(0.1 * 4620 * 0.2)  # 92.4
    assert mode["working_capital_cost"] == approx((2400 * 30 / 30 + 4620 * 30 / 30) * 0.005)
    assert mode["write_offs"] == approx(0.05 * 2400)  # 120
    assert mode["profit"] == approx(4620 - 770 - 92.4 - 2400 - 35.1 - 120)  # 1202.5
    assert task_hours(mode) == {
        "photography": 0.0,  # the platform's job
        "listing": 0.0,
        "catalogue_upkeep": approx(0.2 * 0.1 * 10),
        "customer_service": 0.0,
        "packing_shipping": approx(0.1 * 0.08 * 60),
        "store_admin": approx(0.5 * 4),
    }
    assert mode["effort_hours"] == approx(0.2 + 0.48 + 2)
    assert mode["profit_after_effort"] == approx(1202.5 - 2.68 * 50)  # 1068.5
    # cash: deposit 10000 and inspection 1200 ahead, 30 days of stock (2400), then 30 days of
    # goods and per-sale fees (2400 + 180 + 30 + 210 + 200)
    assert mode["cash_needed"] == approx(11200 + 2400 + 3020)
    assert mode["payback_months"] == approx(16620 / 1068.5)
    # a = 46.2 - (1.5*1.2 + 0.5*0.6 + 3.5*0.5*1.2) - 0.1*46.2*0.2 - 1.2*20 - (24 + 46.2)*0.005
    #     - 0.05*24 - 50*0.1*0.08*0.6
    a = 46.2 - 4.2 - 0.924 - 24 - 0.351 - 1.2 - 0.24  # 15.285
    b = 200 + 100 + 50 + 50 * (0.2 + 2)  # 460
    assert a * 100 - b == approx(1068.5)
    assert mode["break_even_units"] == approx(b / a)
    # semi-managed 1677 beats fully managed 1068.5 and self-operated -1513.33
    assert result["recommended"] == {
        "mode": "semi_managed",
        "reason": "Semi-managed leaves the most profit after valuing your time: ¥1,677.00 a "
        "month, ¥608.50 more than Fully managed.",
    }


def test_a_supply_price_you_quote_replaces_the_ratio(bundle, scenario):
    scenario["supply_price_cny"] = 40
    mode = mode_of(evaluate(scenario, bundle), "fully_managed")
    assert mode["supply_price"] == 40.0
    assert mode["revenue"] == approx(120 * 40)
    assert mode["platform_margin"] == approx(8400 - 4800)


def test_heavy_product_goes_to_fully_managed(bundle, scenario):
    # 3 kg a unit: freight per kg dominates. Fully managed pays 3.5 CNY/kg to the warehouse,
    # semi-managed 25 CNY/kg abroad, self-operated 60 CNY/kg.
    scenario["weight_kg"] = 3
    result = evaluate(scenario, bundle)
    assert mode_of(result, "fully_managed")["profit_after_effort"] == approx(
        1068.5 - 3.5 * (3 - 0.5) * 120)  # 18.5
    assert mode_of(result, "semi_managed")["profit_after_effort"] == approx(
        1677 - 25 * (3 - 0.5) * 110)  # -5198
    assert result["recommended"]["mode"] == "fully_managed"


def test_small_merchant_needs_cash_it_does_not_earn_back(bundle, scenario):
    # 20 units a month, own time not counted: fully managed still needs its deposit, the yearly
    # inspection, 30 days of stock and 30 days of costs before the first payout.
    scenario.update(units_per_month=20, labour_rate_cny_per_hour=0)
    mode = mode_of(evaluate(scenario, bundle), "fully_managed")
    units = 24
    assert mode["stock_value"] == approx(units * 20)  # 480
    running = units * 20 + 1.5 * units + 0.5 * units / 2 + 3.5 * 0.5 * units + 200  # 764
    assert mode["cash_needed"] == approx(11200 + 480 + running)  # 12444
    # a per unit typed without hours: 15.285 + 0.24; b without hours: 350
    assert mode["profit_after_effort"] == approx(20 * 15.525 - 350)  # -39.5
    assert mode["payback_months"] is None


def test_answer_flips_within_the_plausible_supply_price(bundle, scenario):
    # Fully managed's profit after effort in the supply price p: revenue 120p less returns
    # 0.1 * 0.2 * 120p and unpaid sales 120p * 30/30 * 0.005 is 117p; the rest is
    # 770 + 2400 + 2400 * 0.005 + 120 + 134 = 3436. Semi-managed makes 1677 and needs more
    # hours (12.275 against 2.68), so fully managed wins once it is less than 0.01 behind:
    # 117p - 3436 > 1676.99, p > 5112.99 / 117 = 43.70.
    result = evaluate(scenario, bundle)
    row = next(r for r in result["sensitivity"]["subjects"] if r["id"] == "supply_price_cny")
    assert row["value"] == approx(38.5)
    assert (row["low"], row["high"]) == (approx(38.5 * 0.7), approx(38.5 * 1.3))
    assert row["flip"]["value"] == approx(5112.99 / 117)
    assert row["flip"]["to"] == "fully_managed" and row["flip"]["direction"] == "above"
    assert row["flip"]["within_range"] is True
    assert row["flip"]["reach"] == approx((5112.99 / 117 - 38.5) / (38.5 * 0.3))
    assert row["flip"]["sentence"] == (
        "Fully managed would pay as much as semi-managed (within ¥0.01) for fewer hours if supply "
        "price per unit (fully managed) rose above 43.70 CNY.")
    assert row["profit_high"]["fully_managed"] == approx(117 * 38.5 * 1.3 - 3436)
    assert row["lead_high"] == approx(1677 - (117 * 38.5 * 1.3 - 3436))


def test_category_rate_and_overrides(bundle, scenario):
    scenario["category"] = "apparel"
    scenario["overrides"] = {"self_operated.commission": 0.1, "capital_cost_rate": 0.12}
    result = evaluate(scenario, bundle)
    fully = amounts(mode_of(result, "fully_managed"))
    assert mode_of(result, "fully_managed")["supply_price"] == approx(0.5 * 70)  # apparel's
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
    assert mode["cash_needed"] == approx(20000 + 200)  # deposit, yearly fee, a month of ERP
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
