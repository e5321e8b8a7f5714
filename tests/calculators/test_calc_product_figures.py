"""The lean per-product path (model.product_figures) gives the itemised model's numbers exactly.

product_figures and evaluate_mode share one copy of the formulas (model._money); these
properties hold that to the last bit for any valid scenario and overrides, and hold the
catalogue's store costs to their definition over the itemised rows.
"""

import math

from calculators.catalogue import evaluate_catalogue
from calculators.model import FIXED_BASES, mode_constants, product_figures
from calculators.params import resolve
from calculators_support import BUNDLE
from hypothesis import given, settings
from hypothesis import strategies as st
from test_calc_properties import scenarios

from calculators import evaluate


def itemised(scenario):
    """Each mode's itemised result (evaluate_mode, through the public API) and the scenario it
    used, its overrides checked."""
    result = evaluate(scenario, BUNDLE, sensitivity=False)
    return result["modes"], result["scenario"]


def store_part(mode):
    """The catalogue's store costs, from the itemised rows: fixed components, and the hours and
    their value of the per-month tasks."""
    money = math.fsum(c["amount"] for c in mode["components"] if c["basis"] in FIXED_BASES)
    tasks = [t for t in mode["tasks"] if t["driver"] == "per_month"]
    return (money + math.fsum(t["cost"] for t in tasks), math.fsum(t["hours"] for t in tasks))


@given(scenarios)
@settings(max_examples=300, deadline=None)
def test_product_figures_equal_the_itemised_model_bit_for_bit(scenario):
    modes, used = itemised(scenario)
    rate = resolve(BUNDLE["capital_cost_rate"], used["category"], used["overrides"])
    for bundle_mode, mode in zip(BUNDLE["modes"], modes, strict=True):
        c = mode_constants(bundle_mode, BUNDLE["tasks"], used["category"], used["overrides"],
                           rate)
        figures = product_figures(c, used)
        assert (figures.profit_after_effort, figures.effort_hours, figures.units,
                figures.revenue) == (mode["profit_after_effort"], mode["effort_hours"],
                                     mode["units"], mode["revenue"])
        assert (figures.fixed_money, figures.fixed_hours) == store_part(mode)


products = st.lists(st.fixed_dictionaries({
    "product": st.just("p"),
    "category": st.sampled_from([c["id"] for c in BUNDLE["categories"]]),
    "retail_price_usd": st.floats(0.5, 300), "cogs_cny": st.floats(0, 800),
    "weight_kg": st.floats(0.01, 30), "units_per_month": st.floats(0, 5000),
    "new_skus_per_month": st.floats(0, 20), "active_skus": st.floats(0, 200),
    "return_rate": st.floats(0, 0.3),
}), min_size=1, max_size=6)
labour = st.floats(0, 300)


@given(products, labour)
@settings(max_examples=150, deadline=None)
def test_the_catalogue_plans_with_the_itemised_models_numbers(rows, rate):
    # Products of several categories: the constants each category's products share are that
    # category's (the commissions differ by category in the fixture).
    settings_ = {"labour_rate_cny_per_hour": rate, "fx_cny_per_usd": 7.0}
    plan = evaluate_catalogue(rows, BUNDLE, settings_)
    assert plan["problems"] == []
    for row, planned in zip(rows, plan["products"], strict=True):
        modes, _ = itemised({k: v for k, v in (row | settings_).items() if k != "product"})
        for mode in modes:
            money, hours = store_part(mode)
            assert planned["profit"][mode["id"]] == mode["profit_after_effort"] + money
            assert planned["hours"][mode["id"]] == mode["effort_hours"] - hours
