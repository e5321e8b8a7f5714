"""Properties that hold for every valid scenario (hypothesis), and typed errors for invalid ones."""

import copy
import json
import math

import pytest
from calculators_support import BUNDLE
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators import (
    INPUTS,
    InvalidInput,
    InvalidParameters,
    parameter_index,
)
from calculators import evaluate as evaluate_full

INDEX = parameter_index(BUNDLE)


def evaluate(scenario, bundle, sensitivity=False):
    """The main result; only the finiteness property below asks for the sensitivity too."""
    return evaluate_full(scenario, bundle, sensitivity=sensitivity)


CATEGORIES = [category["id"] for category in BUNDLE["categories"]]
COMPONENT_IDS = [entry["id"] for entry in INDEX if entry["role"] == "component"]
TASK_HOUR_IDS = [entry["id"] for entry in INDEX if entry["role"] == "task_hours"]
LIMITS = {entry["id"]: (entry["min"], entry["max"]) for entry in INDEX}
NUMBER_FIELDS = {field.name: field for field in INPUTS if field.kind == "number"}


def number(minimum, maximum):
    return st.floats(min_value=minimum, max_value=maximum, allow_nan=False, allow_infinity=False)


overrides = st.dictionaries(
    st.sampled_from(sorted(LIMITS)), st.just(None), max_size=4
).flatmap(lambda chosen: st.fixed_dictionaries(
    {pid: number(*LIMITS[pid]) for pid in chosen}))

scenarios = st.fixed_dictionaries(
    {"category": st.sampled_from(CATEGORIES), "overrides": overrides}
    | {name: number(field.min, field.max) | (st.none() if field.optional else st.nothing())
       for name, field in NUMBER_FIELDS.items()}
)

# Scale for "zero within rounding": the size of the numbers that cancel.
def scale(mode):
    return (mode["revenue"] + mode["components_total"] + mode["returns"] + mode["cogs"]
            + mode["effort_cost"] + mode["fixed_costs"] + 1.0)


def walk_numbers(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from walk_numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_numbers(item)
    elif isinstance(value, float | int) and not isinstance(value, bool):
        yield value


@given(scenarios)
@settings(max_examples=300, deadline=None)
def test_all_outputs_are_finite(scenario):
    result = evaluate(scenario, BUNDLE, sensitivity=True)
    assert all(math.isfinite(value) for value in walk_numbers(result))
    json.dumps(result, allow_nan=False)  # raises on NaN or infinity


@given(scenarios, st.sampled_from(COMPONENT_IDS + TASK_HOUR_IDS), st.data())
@settings(max_examples=300, deadline=None)
def test_raising_a_cost_never_raises_profit(scenario, pid, data):
    low, high = sorted(data.draw(number(*LIMITS[pid])) for _ in range(2))
    before = evaluate(scenario | {"overrides": scenario["overrides"] | {pid: low}}, BUNDLE)
    after = evaluate(scenario | {"overrides": scenario["overrides"] | {pid: high}}, BUNDLE)
    for old, new in zip(before["modes"], after["modes"], strict=True):
        assert new["profit"] <= old["profit"]
        assert new["profit_after_effort"] <= old["profit_after_effort"]


@given(scenarios)
@settings(max_examples=300, deadline=None)
def test_profit_after_effort_is_zero_at_break_even(scenario):
    result = evaluate(scenario, BUNDLE)
    for index, mode in enumerate(result["modes"]):
        units = mode["break_even_units"]
        if units is None or units > NUMBER_FIELDS["units_per_month"].max:
            continue
        at_break_even = evaluate(scenario | {"units_per_month": units}, BUNDLE)["modes"][index]
        assert abs(at_break_even["profit_after_effort"]) <= 1e-9 * scale(at_break_even)


@given(scenarios)
@settings(max_examples=200, deadline=None)
def test_profit_after_effort_is_affine_in_units(scenario):
    result = evaluate(scenario, BUNDLE)
    for mode in result["modes"]:
        expected = (mode["contribution_per_unit"] * scenario["units_per_month"]
                    - mode["fixed_costs"])
        assert mode["profit_after_effort"] == pytest.approx(expected, rel=1e-9,
                                                            abs=1e-9 * scale(mode))


@given(scenarios, st.sampled_from(["new_skus_per_month", "active_skus", "units_per_month"]),
       st.data())
@settings(max_examples=300, deadline=None)
def test_hours_grow_with_skus_and_orders(scenario, field, data):
    more = data.draw(number(scenario[field], NUMBER_FIELDS[field].max))
    before = evaluate(scenario, BUNDLE)
    after = evaluate(scenario | {field: more}, BUNDLE)
    for old, new in zip(before["modes"], after["modes"], strict=True):
        assert new["effort_hours"] >= old["effort_hours"]


@given(scenarios, st.data())
@settings(max_examples=200, deadline=None)
def test_fewer_units_per_order_means_more_orders_and_hours(scenario, data):
    fewer = data.draw(number(NUMBER_FIELDS["units_per_order"].min, scenario["units_per_order"]))
    before = evaluate(scenario, BUNDLE)
    after = evaluate(scenario | {"units_per_order": fewer}, BUNDLE)
    for old, new in zip(before["modes"], after["modes"], strict=True):
        assert new["orders"] >= old["orders"]
        assert new["effort_hours"] >= old["effort_hours"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
bad_values = st.one_of(
    st.none(), st.booleans(), st.text(max_size=5), st.lists(st.integers(), max_size=2),
    st.sampled_from([math.nan, math.inf, -math.inf, -1, 10**400, 1e308]),
)


@given(scenarios, st.sampled_from(sorted(NUMBER_FIELDS)), bad_values)
@settings(max_examples=300, deadline=None)
def test_a_bad_number_always_gives_invalid_input(scenario, field, value):
    assume(not (NUMBER_FIELDS[field].optional and value is None))  # null: derive it
    with pytest.raises(InvalidInput) as caught:
        evaluate(scenario | {field: value}, BUNDLE)
    assert field in [problem.field for problem in caught.value.problems]


@given(st.dictionaries(st.text(max_size=8) | st.sampled_from(sorted(NUMBER_FIELDS)),
                       json_values, max_size=6) | json_values)
@settings(max_examples=300, deadline=None)
def test_arbitrary_scenarios_give_a_result_or_invalid_input(scenario):
    try:
        result = evaluate(scenario, BUNDLE)
    except InvalidInput as error:
        assert error.problems
    else:
        json.dumps(result, allow_nan=False)


def leaf_paths(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from leaf_paths(item, (*path, position))
    yield path


PATHS = [path for path in leaf_paths(BUNDLE) if path]


@given(st.sampled_from(PATHS), json_values)
@settings(max_examples=300, deadline=None)
def test_a_damaged_bundle_gives_invalid_parameters(path, value):
    bundle = copy.deepcopy(BUNDLE)
    target = bundle
    for key in path[:-1]:
        target = target[key]
    assume(target[path[-1]] != value)
    target[path[-1]] = value
    try:
        evaluate({}, bundle)
    except InvalidParameters as error:
        assert error.problems
