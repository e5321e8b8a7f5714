"""The parameter bundle: its index, and every way a broken bundle is reported."""

import pytest

from calculators import (
    InvalidInput,
    InvalidParameters,
    Problem,
    default_scenario,
    evaluate,
    parameter_index,
)


def problems_of(bundle):
    with pytest.raises(InvalidParameters) as caught:
        parameter_index(bundle)
    assert not isinstance(caught.value, InvalidInput)  # a site bug, not the user's
    return caught.value.problems


def test_index_order_and_roles(bundle):
    index = parameter_index(bundle)
    ids = [entry["id"] for entry in index]
    assert ids[:7] == ["capital_cost_rate", "task.photography.hours", "task.listing.hours",
                       "task.catalogue_upkeep.hours", "task.customer_service.hours",
                       "task.packing_shipping.hours", "task.store_admin.hours"]
    assert ids[7:14] == ["fully_managed.demand_multiplier", "fully_managed.return_loss_share",
                         "fully_managed.supply_price_ratio", "fully_managed.stock_days",
                         "fully_managed.payout_days", "fully_managed.unsold_share",
                         "fully_managed.warehouse_handling"]
    assert ids[-1] == "self_operated.share.store_admin"
    # 1 + 6 tasks + per mode (5 figures, 6 for fully managed + components + 6 shares):
    # 7 + (6+6+6) + (5+7+6) + (5+8+6)
    assert len(index) == 7 + 18 + 18 + 19
    unsold = index[ids.index("fully_managed.unsold_share")]
    assert (unsold["role"], unsold["min"], unsold["max"]) == ("unsold_share", 0, 1)
    assert unsold["range"] == {"low": 0, "high": 0.1,
                               "reason": {"en": "None to a tenth.", "zh": "从没有到一成。"}}
    assert index[ids.index("semi_managed.unsold_share")]["range"] is None
    commission = index[ids.index("self_operated.commission")]
    assert {key: commission[key] for key in ("role", "mode", "kind", "basis", "min", "max")} == {
        "role": "component", "mode": "self_operated", "kind": "platform_fee",
        "basis": "revenue_share", "min": 0, "max": 1}
    share = index[ids.index("semi_managed.share.customer_service")]
    assert (share["role"], share["task"], share["value"]) == ("task_share", "customer_service", 0.5)
    assert index[1]["driver"] == "per_new_sku"


def test_default_scenario_uses_the_bundle_category(bundle):
    scenario = default_scenario(bundle)
    assert scenario["category"] == "consumer_electronics"
    assert evaluate(scenario, bundle)["scenario"] == scenario


def test_wrong_bundle_version_stops_at_once(bundle):
    bundle["version"] = 1
    assert problems_of(bundle) == [Problem(
        "parameters", "wrong_version",
        "expected format 'aliexpress-modes/parameters' version 2; got "
        "\"aliexpress-modes/parameters\" version 1.")]
    assert problems_of([])[0].code == "wrong_version"


def test_evaluate_reports_a_broken_bundle_before_the_scenario(bundle):
    bundle["capital_cost_rate"]["value"] = float("nan")
    with pytest.raises(InvalidParameters) as caught:
        evaluate({"return_rate": 5}, bundle)
    assert [p.field for p in caught.value.problems] == ["capital_cost_rate.value"]


def test_a_bundle_without_by_category_resolves_to_the_default(bundle, scenario):
    bundle["modes"][2]["components"][0]["value"] = {"default": 0.07}
    result = evaluate(scenario, bundle)
    assert result["modes"][2]["components"][0]["amount"] == pytest.approx(0.07 * 7000)


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda b: b.update(currency="USD"), [("currency", "not_allowed")]),
    (lambda b: b.update(default_category="toys"), [("parameters.default_category", "not_allowed")]),
    (lambda b: b["categories"].append({"id": "apparel"}),
     [("categories[3].label", "missing"), ("categories", "duplicate_id")]),
    (lambda b: b["categories"].append("toys"), [("categories[3]", "not_an_object")]),
    (lambda b: b["capital_cost_rate"].update(confidence="certain", label=7),
     [("capital_cost_rate.label", "not_text"), ("capital_cost_rate.confidence", "not_allowed")]),
    (lambda b: b["capital_cost_rate"].pop("checked"), [("capital_cost_rate.checked", "missing")]),
    (lambda b: b["capital_cost_rate"].update(source={"id": "x", "title": "", "url": "u"}),
     [("capital_cost_rate.source.title", "not_text")]),
    (lambda b: b["capital_cost_rate"].update(source="https://example.com"),
     [("capital_cost_rate.source", "not_an_object")]),
    (lambda b: b["capital_cost_rate"].update(value={"default": "6%", "by_category": []}),
     [("capital_cost_rate.value.default", "not_a_number"),
      ("capital_cost_rate.value.by_category", "not_an_object")]),
    (lambda b: b["capital_cost_rate"].update(value=float("inf")),
     [("capital_cost_rate.value", "not_finite")]),
    (lambda b: b["tasks"][0].update(driver="per_week"), [("tasks[0].driver", "not_allowed")]),
    (lambda b: b["tasks"][1].update(id="photography"),
     [("tasks[1].hours.id", "wrong_id"), ("modes[0].task_shares.listing", "unknown_task"), ...]),
    (lambda b: b["tasks"][1].update(id=""),
     [("tasks[1].id", "not_text"), ("modes[0].task_shares.listing", "unknown_task"), ...]),
    (lambda b: b["tasks"].append(3), [("tasks[6]", "not_an_object")]),
    (lambda b: b.update(tasks={}), [("tasks", "not_a_list"), ...]),
    (lambda b: b["modes"][0].update(id="hybrid"),
     [("modes[0].id", "not_allowed"), ("modes[0].supply_price_ratio", "not_allowed")]),
    (lambda b: b["modes"][0].pop("supply_price_ratio"),
     [("modes[0].supply_price_ratio", "not_an_object")]),
    (lambda b: b["modes"][0]["unsold_share"].update(range={"low": 0.06, "high": 0.1}),
     [("modes[0].unsold_share.range", "value_outside_range")]),
    (lambda b: b["modes"][1]["components"][0].update(range={"low": 0.05, "high": 0.055}),
     [("modes[1].components[0].range", "value_outside_range")]),  # home_garden's is 0.06
    (lambda b: b["modes"][0]["stock_days"].update(range={"low": "a", "high": 400, "reason": ""}),
     [("modes[0].stock_days.range.low", "not_a_number"),
      ("modes[0].stock_days.range.high", "above_maximum"),
      ("modes[0].stock_days.range.reason", "not_text")]),
    (lambda b: b["modes"][0]["stock_days"].update(range=[1, 2]),
     [("modes[0].stock_days.range", "not_an_object")]),
    (lambda b: b["modes"][0]["stock_days"].update(value={"default": 1, "by_category": 3},
                                                  range={"low": 0, "high": 5}),
     [("modes[0].stock_days.value.by_category", "not_an_object")]),
    (lambda b: b["modes"][2].update(id="semi_managed"),
     [(f"modes[2].{role}.id", "wrong_id") for role in
      ("demand_multiplier", "return_loss_share", "stock_days", "payout_days", "unsold_share")]
     + [(f"modes[2].components[{j}].id", "wrong_id") for j in range(8)]
     + [(f"modes[2].task_shares.{t}.id", "wrong_id") for t in
        ("photography", "listing", "catalogue_upkeep", "customer_service", "packing_shipping",
         "store_admin")]
     + [("modes", "duplicate_id")]),
    (lambda b: b["modes"].append([]), [("modes[3]", "not_an_object")]),
    (lambda b: b["modes"][1]["components"][0]["value"]["by_category"].update(toys=0.3),
     [("modes[1].components[0].value.by_category.toys", "unknown_category")]),
    (lambda b: b["modes"][0]["components"][1].update(basis="per_pallet", value=10**9),
     [("modes[0].components[1].basis", "not_allowed")]),
    (lambda b: b["modes"][0]["components"][1].update(value=10**9),
     [("modes[0].components[1].value", "above_maximum")]),
    (lambda b: b["modes"][0]["components"][2].update(kind="tax"),
     [("modes[0].components[2].kind", "not_allowed")]),
    (lambda b: b["modes"][0]["components"][3].update(id="inbound_freight"),
     [("modes[0].components[3].id", "wrong_id")]),
    (lambda b: b["modes"][0]["components"].append(None),
     [("modes[0].components[6]", "not_an_object")]),
    (lambda b: b["modes"][0].update(components=[]), [("modes[0].components", "not_a_list")]),
    (lambda b: b["modes"][0]["task_shares"].update(unknown_job=0.5),
     [("modes[0].task_shares.unknown_job", "unknown_task")]),
    (lambda b: b["modes"][1]["task_shares"].update(listing="all"),
     [("modes[1].task_shares.listing", "not_an_object")]),
    (lambda b: b["modes"][1]["return_loss_share"].update(value=2),
     [("modes[1].return_loss_share.value", "above_maximum")]),
    (lambda b: b["modes"][1].update(task_shares=None),
     [("modes[1].task_shares", "not_an_object")]
     + [(f"modes[1].task_shares.{t}", "not_an_object") for t in
        ("photography", "listing", "catalogue_upkeep", "customer_service", "packing_shipping",
         "store_admin")]),
])
def test_each_bundle_problem_is_named(bundle, mutate, expected):
    mutate(bundle)
    found = [(problem.field, problem.code) for problem in problems_of(bundle)]
    if expected[-1] is ...:  # what follows are consequences, such as shares of a broken task
        assert found[: len(expected) - 1] == expected[:-1]
        assert len(found) >= len(expected)
    else:
        assert found == expected


def test_problems_in_several_places_come_together(bundle):
    bundle["currency"] = "USD"
    bundle["tasks"][0]["driver"] = "per_week"
    bundle["modes"][2]["return_loss_share"]["value"] = -1
    assert [p.field for p in problems_of(bundle)] == [
        "currency", "tasks[0].driver", "modes[2].return_loss_share.value"]


def test_a_source_may_lack_its_address(bundle):
    # some sources were recorded without a URL; the bundle writes null for them
    bundle["capital_cost_rate"]["source"]["url"] = None
    assert parameter_index(bundle)[0]["source"]["url"] is None
    bundle["capital_cost_rate"]["source"]["url"] = ""
    assert [(p.field, p.code) for p in problems_of(bundle)] == [
        ("capital_cost_rate.source.url", "not_text")]
