"""The scenario: every input field declared once (``INPUTS``), and its validation.

Scenario format ``aliexpress-modes/scenario`` version 2 is a JSON object with the fields of
``INPUTS`` plus ``overrides`` ({parameter id: number}) and, optionally, ``format`` and
``version``. Choices made here (documented on the formats page):

- A missing field takes its default (``category`` takes the bundle's ``default_category``), so a
  share link may carry only what differs; the result echoes the full scenario used.
- "Greater than zero" fields have a small positive minimum (one cent, one gram) so that every
  limit is inclusive and can be shown in a form.
- Numbers must be JSON numbers: text such as ``"12"`` and ``true`` are refused, not coerced.
- An optional field (``supply_price_cny``) may be absent or null: the model then derives it.
- A version 1 scenario is refused with a message naming both versions, not upgraded: version 2
  reads fully managed by supply price, so the same numbers would mean something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .checks import check_number, describe, key_name, plain
from .errors import InvalidInput, Problem
from .i18n import localized, say

SCENARIO_FORMAT = "aliexpress-modes/scenario"
SCENARIO_VERSION = 2


@dataclass(frozen=True)
class InputField:
    """One scenario input, as the form shows it and as validation checks it. ``label``,
    ``unit`` and ``help`` are {"en": ..., "zh": ...}."""

    name: str
    label: dict[str, str]
    unit: dict[str, str]
    min: float | None
    max: float | None
    step: float | None
    default: float | None
    help: dict[str, str]
    kind: str = "number"  # "number", or "choice" (the category; choices come from the bundle)
    optional: bool = False  # may be null or absent: the model derives it (default None)


INPUTS: tuple[InputField, ...] = (
    InputField("category", {"en": "Product category", "zh": "商品类目"}, {"en": "", "zh": ""},
               None, None, None, None,
               {"en": "Decides category-specific rates such as the commission.",
                "zh": "决定佣金等按类目区分的费率。"}, kind="choice"),
    InputField("retail_price_usd", {"en": "Retail price", "zh": "零售价"},
               {"en": "USD", "zh": "美元"}, 0.01, 100_000, 0.01, 15.0,
               {"en": "Price the buyer pays per unit, in US dollars.",
                "zh": "买家每件支付的价格，单位是美元。"}),
    InputField("supply_price_cny", {"en": "Supply price per unit (fully managed)",
                                    "zh": "每件供货价（全托管）"},
               {"en": "CNY", "zh": "元"}, 0.01, 1_000_000, 0.01, None,
               {"en": "What the platform pays you per unit in fully managed (供货价, agreed in "
                      "核价); the other modes are paid the retail price. Empty: the retail price "
                      "times the usual supply price ratio.",
                "zh": "全托管下平台每件付给你的钱，也就是核价时谈定的供货价；半托管和自运营按零售"
                      "价结算。不填就按零售价乘以常见的供货价比例估算。"},
               optional=True),
    InputField("cogs_cny", {"en": "Cost of goods per unit", "zh": "每件货本"},
               {"en": "CNY", "zh": "元"}, 0, 1_000_000, 0.01, 35.0,
               {"en": "What one unit costs you, packing included.",
                "zh": "每件商品的成本，包装也算在内。"}),
    InputField("weight_kg", {"en": "Shipping weight per unit", "zh": "每件发货重量"},
               {"en": "kg", "zh": "公斤"}, 0.001, 1_000, 0.001, 0.3,
               {"en": "Packed weight of one unit.", "zh": "每件商品打包后的重量。"}),
    InputField("units_per_month", {"en": "Units sold per month", "zh": "每月销量"},
               {"en": "units", "zh": "件"}, 0, 10_000_000, 1, 300.0,
               {"en": "How many units you expect to sell in a month as a self-operated store.",
                "zh": "按自运营店铺估计，你一个月能卖出多少件。"}),
    InputField("units_per_order", {"en": "Units per order", "zh": "每单件数"},
               {"en": "units", "zh": "件"}, 1, 10_000, 0.1, 1.0,
               {"en": "Average number of units in one order.", "zh": "平均每单有几件。"}),
    InputField("new_skus_per_month", {"en": "New SKUs per month", "zh": "每月上新数"},
               {"en": "SKUs", "zh": "个 SKU"}, 0, 100_000, 1, 5.0,
               {"en": "Products you list for the first time each month.",
                "zh": "每个月第一次上架的商品数。"}),
    InputField("active_skus", {"en": "Active SKUs", "zh": "在售 SKU 数"},
               {"en": "SKUs", "zh": "个 SKU"}, 0, 1_000_000, 1, 30.0,
               {"en": "Products on sale that need ongoing care.",
                "zh": "在售、需要日常打理的商品数。"}),
    InputField("labour_rate_cny_per_hour", {"en": "Value of your time", "zh": "你的时间值多少钱"},
               {"en": "CNY per hour", "zh": "元/小时"}, 0, 100_000, 1, 40.0,
               {"en": "What an hour of your or your staff's work is worth.",
                "zh": "你或员工干一小时活值多少钱。"}),
    InputField("fx_cny_per_usd", {"en": "Exchange rate", "zh": "汇率"},
               {"en": "CNY per USD", "zh": "元/美元"}, 0.01, 100, 0.01, 7.2,
               {"en": "Yuan received for one US dollar.", "zh": "1 美元能换多少人民币。"}),
    InputField("return_rate", {"en": "Return rate", "zh": "退货率"},
               {"en": "share of revenue", "zh": "占收入比例"}, 0, 1, 0.005, 0.03,
               {"en": "Share of sales refunded, from 0 (none) to 1 (all).",
                "zh": "退款的销售额占比，0 表示没有退款，1 表示全部退款。"}),
)
NUMBER_INPUTS = tuple(field for field in INPUTS if field.kind == "number")


@cache
def _labels(language: str) -> dict[str, str]:
    """Each number input's label as its messages name it: with its unit, where the label does
    not already say it (worked out once per language: a catalogue checks thousands of rows)."""
    labels = {}
    for field in NUMBER_INPUTS:
        label, unit = field.label[language], field.unit[language]
        labels[field.name] = label if unit.lower() in label.lower() else \
            say(language, "with_unit", label=label, unit=unit)
    return labels
_KNOWN = {field.name for field in INPUTS} | {"overrides", "format", "version"}


def default_scenario(default_category: str) -> dict:
    """The scenario a fresh form shows (see ``calculators.default_scenario`` for the public one)."""
    scenario: dict = {"format": SCENARIO_FORMAT, "version": SCENARIO_VERSION}
    scenario["category"] = default_category
    scenario.update({field.name: field.default for field in NUMBER_INPUTS})
    scenario["overrides"] = {}
    return scenario


def validate_scenario(scenario: object, categories: list[str], default_category: str,
                      parameters: dict[str, dict], language: str = "en") -> dict:
    """Return the full scenario with floats, or raise ``InvalidInput`` listing every problem.

    ``parameters`` maps each overridable id to its index entry (for its label and range).
    """
    def got(value: object) -> str:
        return describe(value, language)

    if not isinstance(scenario, dict):
        message = say(language, "not_a_scenario",
                      why=say(language, "scenario_not_an_object", got=got(scenario)))
        raise InvalidInput([Problem("scenario", "not_an_object", message)])
    other_file = _other_file(scenario, language)
    if other_file:  # a file of another kind: its fields would only be noise
        raise InvalidInput([other_file])
    problems: list[Problem] = []
    for name in scenario:
        if name not in _KNOWN:
            message = say(language, "unknown_field", name=describe(name, language),
                          known=", ".join(sorted(_KNOWN)))
            problems.append(Problem(key_name(name), "unknown_field", message))
    version = scenario.get("version", SCENARIO_VERSION)
    if isinstance(version, bool) or version != SCENARIO_VERSION:
        problems.append(_version_problem(version, language))

    result = default_scenario(default_category)
    category = scenario.get("category", default_category)
    if category not in categories:  # also catches non-text: categories are all text
        message = say(language, "unknown_category", got=got(category),
                      known=", ".join(categories))
        problems.append(Problem("category", "unknown_category", message))
    result["category"] = category
    labels = _labels(language)
    for field in NUMBER_INPUTS:
        if field.name in scenario and not (field.optional and scenario[field.name] is None):
            result[field.name] = check_number(scenario[field.name], field.name,
                                              labels[field.name], field.min, field.max,
                                              problems, language)
    result["overrides"] = _validate_overrides(scenario.get("overrides", {}), parameters,
                                              problems, language)
    if problems:
        raise InvalidInput(problems)
    return result


# Files of the calculator's other formats, which people may take for a scenario.
_OTHER_FILES = {"aliexpress-modes/export": "is_export", "aliexpress-modes/result": "is_result",
                "aliexpress-modes/parameters": "is_parameters"}


def _other_file(scenario: dict, language: str) -> Problem | None:
    """The problem of a file whose ``format`` is not a scenario's, named when it is the
    calculator's own export, result or parameter bundle; None for a scenario."""
    given = scenario.get("format", SCENARIO_FORMAT)
    if given == SCENARIO_FORMAT:
        return None
    known = _OTHER_FILES.get(given) if isinstance(given, str) else None
    if known:
        message = say(language, known)
    else:
        message = say(language, "not_a_scenario", why=say(
            language, "wrong_format", expected=describe(SCENARIO_FORMAT, language),
            got=describe(given, language)))
    return Problem("format", "wrong_format", message)


def _version_problem(version: object, language: str) -> Problem:
    """Why a scenario of another version is not read, and what to do about it."""
    if isinstance(version, int) and not isinstance(version, bool):
        key = "older_version" if version < SCENARIO_VERSION else "newer_version"
    else:
        key = "wrong_version"
    message = say(language, key, expected=SCENARIO_VERSION, got=describe(version, language))
    return Problem("version", "wrong_version", message)


def _validate_overrides(overrides: object, parameters: dict[str, dict],
                        problems: list[Problem], language: str) -> dict[str, float]:
    if not isinstance(overrides, dict):
        message = say(language, "overrides_not_an_object", got=describe(overrides, language))
        problems.append(Problem("overrides", "not_an_object", message))
        return {}
    checked: dict[str, float] = {}
    for pid, value in overrides.items():
        field = f"overrides.{key_name(pid)}"
        entry = parameters.get(pid)
        if entry is None:
            message = say(language, "unknown_override", got=describe(pid, language))
            problems.append(Problem(field, "unknown_override", message))
            continue
        label = say(language, "with_unit", label=localized(entry["label"], language),
                    unit=localized(entry["unit"], language))
        number = check_number(value, field, label, entry["min"], entry["max"], problems,
                              language)
        if number is not None:
            checked[pid] = number
    return checked


def describe_limits(field: InputField) -> str:
    """The allowed range in words, for the formats page and form hints.

    >>> describe_limits(INPUTS[1])
    'from 0.01 to 100,000 USD'
    """
    return f"from {plain(field.min)} to {plain(field.max)} {field.unit['en']}"
