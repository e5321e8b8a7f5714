"""Bad scenarios: every problem reported at once, typed, naming the field and what is allowed."""

import pytest

from calculators import InvalidInput, Problem, evaluate


def problems_of(scenario, bundle):
    with pytest.raises(InvalidInput) as caught:
        evaluate(scenario, bundle)
    return caught.value.problems


def test_every_problem_at_once_with_exact_messages(bundle, scenario):
    scenario.update(
        retail_price_usd=-5,
        return_rate=1.5,
        category="toys",
        cogs_cny="12",
        weight_kg=True,
        units_per_month=float("nan"),
        active_skus=float("-inf"),
        new_skus_per_month=10**400,
        colour="red",
        version=1,
        supply_price_cny=0,
        overrides={"self_operated.comission": 0.1, "semi_managed.commission": 3},
    )
    assert problems_of(scenario, bundle) == [
        Problem("colour", "unknown_field",
                'The calculator has no value named "colour" (a typing mistake?); the names it '
                "reads are: active_skus, category, cogs_cny, format, fx_cny_per_usd, "
                "labour_rate_cny_per_hour, new_skus_per_month, overrides, retail_price_usd, "
                "return_rate, supply_price_cny, units_per_month, units_per_order, version, "
                "weight_kg."),
        Problem("version", "wrong_version",
                "This scenario was saved for an older calculator (version 1); this one reads "
                "version 2, which pays fully managed by your supply price (供货价) instead of a "
                'share of the retail price. Check its values, set "version" to 2, and add '
                '"supply_price_cny" if you know your supply price.'),
        Problem("category", "unknown_category",
                'Unknown category "toys"; choose one of: consumer_electronics, home_garden, '
                "apparel."),
        Problem("retail_price_usd", "below_minimum",
                "Retail price (USD) must be 0.01 or more, not -5."),
        Problem("supply_price_cny", "below_minimum",
                "Supply price per unit (fully managed) (CNY) must be 0.01 or more, not 0."),
        Problem("cogs_cny", "not_a_number",
                'Cost of goods per unit (CNY) must be a number from 0 to 1,000,000; “12” is not a '
                "number."),
        Problem("weight_kg", "not_a_number",
                "Shipping weight per unit (kg) must be a number from 0.001 to 1,000; true is not a "
                "number."),
        Problem("units_per_month", "not_finite",
                "Units sold per month must be a number from 0 to 10,000,000, not NaN."),
        Problem("new_skus_per_month", "above_maximum",
                "New SKUs per month must be 100,000 or less, not "
                "100000000000000000000000000000000000000\u2026."),
        Problem("active_skus", "not_finite",
                "Active SKUs must be a number from 0 to 1,000,000, not -infinity."),
        Problem("return_rate", "above_maximum",
                "Return rate (share of revenue) must be 1 or less, not 1.5."),
        Problem("overrides.self_operated.comission", "unknown_override",
                'No parameter has the id "self_operated.comission", so it cannot be overridden.'),
        Problem("overrides.semi_managed.commission", "above_maximum",
                "Commission (share of revenue) must be 1 or less, not 3."),
    ]


def test_error_text_lists_each_field(bundle, scenario):
    scenario.update(return_rate=2, fx_cny_per_usd=0)
    with pytest.raises(InvalidInput) as caught:
        evaluate(scenario, bundle)
    assert str(caught.value) == (
        "fx_cny_per_usd: Exchange rate (CNY per USD) must be 0.01 or more, not 0.\n"
        "return_rate: Return rate (share of revenue) must be 1 or less, not 2."
    )
    assert caught.value.problems[0].as_dict() == {
        "field": "fx_cny_per_usd", "code": "below_minimum",
        "message": "Exchange rate (CNY per USD) must be 0.01 or more, not 0.",
    }


@pytest.mark.parametrize("scenario_value", [[], "scenario", None, 3])
def test_scenario_must_be_an_object(bundle, scenario_value):
    [problem] = problems_of(scenario_value, bundle)
    assert (problem.field, problem.code) == ("scenario", "not_an_object")


def test_overrides_must_be_an_object(bundle, scenario):
    scenario["overrides"] = [["capital_cost_rate", 0.1]]
    assert problems_of(scenario, bundle) == [Problem(
        "overrides", "not_an_object",
        '"overrides" holds your own figures as {"parameter id": number}, such as '
        '{"self_operated.commission": 0.08}; here it is a list.')]


@pytest.mark.parametrize(("given", "message"), [
    ("something/else", 'This is not a scenario for this calculator: its "format" is '
                       '"something/else", and a scenario\'s is "aliexpress-modes/scenario".'),
    (["aliexpress-modes/scenario"], 'This is not a scenario for this calculator: its "format" '
                                    'is a list, and a scenario\'s is "aliexpress-modes/scenario".'),
    ("aliexpress-modes/result", "This is a result the calculator worked out, not a scenario. The "
                                'values it was worked out for are its "scenario" part: save that '
                                "part as a file of its own to open it here."),
    ("aliexpress-modes/parameters", "This is the site's parameter bundle (its fees, rates and "
                                    "hours), not a scenario of yours."),
])
def test_a_file_of_another_format_is_named_alone(bundle, scenario, given, message):
    """Its other fields are not a scenario's: listing them as unknown would only be noise."""
    scenario.update(format=given, colour="red", return_rate=2, version=9)
    assert problems_of(scenario, bundle) == [Problem("format", "wrong_format", message)]


@pytest.mark.parametrize("version", [True, "1", None])
def test_version_must_be_the_number_one(bundle, scenario, version):
    scenario["version"] = version
    [problem] = problems_of(scenario, bundle)
    assert problem.field == "version"


def test_non_text_category_is_refused(bundle, scenario):
    scenario["category"] = ["apparel"]
    [problem] = problems_of(scenario, bundle)
    assert problem == Problem(
        "category", "unknown_category",
        "Unknown category a list; choose one of: consumer_electronics, home_garden, apparel.")


def test_missing_fields_take_defaults_and_are_echoed(bundle):
    result = evaluate({"format": "aliexpress-modes/scenario", "version": 2}, bundle)
    assert result["scenario"]["category"] == "consumer_electronics"
    assert result["scenario"]["retail_price_usd"] == 15.0
    assert result["scenario"]["supply_price_cny"] is None  # derived by the model
    assert result["scenario"]["overrides"] == {}


def test_a_null_supply_price_is_derived(bundle, scenario):
    scenario["supply_price_cny"] = None
    result = evaluate(scenario, bundle)
    assert result["scenario"]["supply_price_cny"] is None
    assert result["modes"][0]["supply_price"] == 10 * 7 * 0.55


def test_integers_come_back_as_floats(bundle, scenario):
    result = evaluate(scenario, bundle)
    assert type(result["scenario"]["units_per_month"]) is float


def test_a_value_json_cannot_show_is_described_by_repr(bundle, scenario):
    scenario["cogs_cny"] = b"12"
    [problem] = problems_of(scenario, bundle)
    assert problem.message == (
        "Cost of goods per unit (CNY) must be a number from 0 to 1,000,000; b'12' is not a "
        "number.")
