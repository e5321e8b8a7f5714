"""The scenario: every input field declared once (``INPUTS``), and its validation.

Scenario format ``aliexpress-modes/scenario`` version 1 is a JSON object with the fields of
``INPUTS`` plus ``overrides`` ({parameter id: number}) and, optionally, ``format`` and
``version``. Choices made here (documented on the formats page):

- A missing field takes its default (``category`` takes the bundle's ``default_category``), so a
  share link may carry only what differs; the result echoes the full scenario used.
- "Greater than zero" fields have a small positive minimum (one cent, one gram) so that every
  limit is inclusive and can be shown in a form.
- Numbers must be JSON numbers: text such as ``"12"`` and ``true`` are refused, not coerced.
"""

from __future__ import annotations

from dataclasses import dataclass

from .checks import check_number, describe, key_name, plain
from .errors import InvalidInput, Problem

SCENARIO_FORMAT = "aliexpress-modes/scenario"
SCENARIO_VERSION = 1


@dataclass(frozen=True)
class InputField:
    """One scenario input, as the form shows it and as validation checks it."""

    name: str
    label: str
    unit: str
    min: float | None
    max: float | None
    step: float | None
    default: float | None
    help: str
    kind: str = "number"  # "number", or "choice" (the category; choices come from the bundle)


INPUTS: tuple[InputField, ...] = (
    InputField("category", "Product category", "", None, None, None, None,
               "Decides category-specific rates such as the commission.", kind="choice"),
    InputField("retail_price_usd", "Retail price", "USD", 0.01, 100_000, 0.01, 15.0,
               "Price the buyer pays per unit, in US dollars."),
    InputField("cogs_cny", "Cost of goods per unit", "CNY", 0, 1_000_000, 0.01, 35.0,
               "What one unit costs you, packing included."),
    InputField("weight_kg", "Shipping weight per unit", "kg", 0.001, 1_000, 0.001, 0.3,
               "Packed weight of one unit."),
    InputField("units_per_month", "Units sold per month", "units", 0, 10_000_000, 1, 300.0,
               "How many units you expect to sell in a month as a self-operated store."),
    InputField("units_per_order", "Units per order", "units", 1, 10_000, 0.1, 1.0,
               "Average number of units in one order."),
    InputField("new_skus_per_month", "New SKUs per month", "SKUs", 0, 100_000, 1, 5.0,
               "Products you list for the first time each month."),
    InputField("active_skus", "Active SKUs", "SKUs", 0, 1_000_000, 1, 30.0,
               "Products on sale that need ongoing care."),
    InputField("labour_rate_cny_per_hour", "Value of your time", "CNY per hour", 0, 100_000, 1,
               40.0, "What an hour of your or your staff's work is worth."),
    InputField("fx_cny_per_usd", "Exchange rate", "CNY per USD", 0.01, 100, 0.01, 7.2,
               "Yuan received for one US dollar."),
    InputField("return_rate", "Return rate", "share of revenue", 0, 1, 0.005, 0.03,
               "Share of sales refunded, from 0 (none) to 1 (all)."),
)
NUMBER_INPUTS = tuple(field for field in INPUTS if field.kind == "number")
_KNOWN = {field.name for field in INPUTS} | {"overrides", "format", "version"}


def default_scenario(default_category: str) -> dict:
    """The scenario a fresh form shows (see ``calculators.default_scenario`` for the public one)."""
    scenario: dict = {"format": SCENARIO_FORMAT, "version": SCENARIO_VERSION}
    scenario["category"] = default_category
    scenario.update({field.name: field.default for field in NUMBER_INPUTS})
    scenario["overrides"] = {}
    return scenario


def validate_scenario(scenario: object, categories: list[str], default_category: str,
                      parameters: dict[str, dict]) -> dict:
    """Return the full scenario with floats, or raise ``InvalidInput`` listing every problem.

    ``parameters`` maps each overridable id to its index entry (for its label and range).
    """
    if not isinstance(scenario, dict):
        message = f"The scenario must be a JSON object; got {describe(scenario)}."
        raise InvalidInput([Problem("scenario", "not_an_object", message)])
    problems: list[Problem] = []
    for name in scenario:
        if name not in _KNOWN:
            message = (f"Unknown field {describe(name)}; known fields: "
                       f"{', '.join(sorted(_KNOWN))}.")
            problems.append(Problem(key_name(name), "unknown_field", message))
    if scenario.get("format", SCENARIO_FORMAT) != SCENARIO_FORMAT:
        message = f"format must be {SCENARIO_FORMAT!r}; got {describe(scenario['format'])}."
        problems.append(Problem("format", "wrong_format", message))
    version = scenario.get("version", SCENARIO_VERSION)
    if isinstance(version, bool) or version != SCENARIO_VERSION:
        message = (f"This calculator reads scenario version {SCENARIO_VERSION}; "
                   f"got {describe(version)}.")
        problems.append(Problem("version", "wrong_version", message))

    result = default_scenario(default_category)
    category = scenario.get("category", default_category)
    if category not in categories:  # also catches non-text: categories are all text
        message = f"Unknown category {describe(category)}; choose one of: {', '.join(categories)}."
        problems.append(Problem("category", "unknown_category", message))
    result["category"] = category
    for field in NUMBER_INPUTS:
        if field.name in scenario:
            label = field.label  # the unit only where the label does not already say it
            if field.unit.lower() not in label.lower():
                label += f" ({field.unit})"
            result[field.name] = check_number(scenario[field.name], field.name, label,
                                              field.min, field.max, problems)
    result["overrides"] = _validate_overrides(scenario.get("overrides", {}), parameters, problems)
    if problems:
        raise InvalidInput(problems)
    return result


def _validate_overrides(overrides: object, parameters: dict[str, dict],
                        problems: list[Problem]) -> dict[str, float]:
    if not isinstance(overrides, dict):
        message = ("overrides must be an object of parameter id to number; "
                   f"got {describe(overrides)}.")
        problems.append(Problem("overrides", "not_an_object", message))
        return {}
    checked: dict[str, float] = {}
    for pid, value in overrides.items():
        field = f"overrides.{key_name(pid)}"
        entry = parameters.get(pid)
        if entry is None:
            message = f"No parameter has the id {describe(pid)}, so it cannot be overridden."
            problems.append(Problem(field, "unknown_override", message))
            continue
        number = check_number(value, field, f"{entry['label']} ({entry['unit']})",
                              entry["min"], entry["max"], problems)
        if number is not None:
            checked[pid] = number
    return checked


def describe_limits(field: InputField) -> str:
    """The allowed range in words, for the formats page and form hints.

    >>> describe_limits(INPUTS[1])
    'from 0.01 to 100,000 USD'
    """
    return f"from {plain(field.min)} to {plain(field.max)} {field.unit}"
