"""What a reader takes away: the CSV and JSON exports of one result.

An export is self-contained: the inputs and overrides it was worked out for (a scenario file the
calculators read again), the recommendation, the model version and the version of the data
(``data_version``), then every number of the result. Money is rounded to cents and other
worked-out quantities to 4 decimals, so no export shows float noise such as
4077.2160000000003; the figures given (inputs, overrides, the data's rates and shares) are kept
exactly as given. The result itself keeps full precision: only exports and pages round.

The same code runs at build time in CPython (the prerendered exports) and in the browser in
Pyodide, so both give the very same bytes. Formats: docs/reference/formats.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from decimal import ROUND_HALF_UP, Decimal

from .i18n import localized, say
from .inputs import INPUTS
from .model import MODEL_VERSION
from .params import canonical_json, parameter_index, resolve
from .report import SUMMARY_ROWS

EXPORT_FORMAT = "aliexpress-modes/export"
EXPORT_VERSION = 1

# Worked-out money, in CNY (a dict under one of these keys holds money per mode).
MONEY = frozenset({
    "revenue", "retail_revenue", "platform_margin", "supply_price", "amount", "components_total",
    "returns", "cogs", "stock_value", "receivable", "working_capital_cost", "write_offs",
    "profit", "cost", "effort_cost", "profit_after_effort", "profit_per_hour",
    "contribution_per_unit", "fixed_costs", "paid_ahead", "running_costs",
    "costs_before_payout", "cash_needed", "lead", "lead_low", "lead_high", "profit_low",
    "profit_high",
})
# Figures given, not worked out: the scenario and the parameter values a mode used.
GIVEN = frozenset({
    "scenario", "overrides", "capital_cost_rate", "rate", "hours_per_unit", "share",
    "demand_multiplier", "return_loss_share", "stock_days", "payout_days", "unsold_share",
    "value", "data_value",
})
BOM = "\ufeff"  # starts the CSV: without it, Excel and WPS take UTF-8 for the local code page
CENTS, QUANTITY = 2, 4  # decimals kept: money, any other worked-out number
_ROUNDING_LIMIT = 1e15  # beyond it a float has no cents to round


def rounded(value: float, decimals: int) -> float:
    """``value`` rounded half away from zero at ``decimals``, as written (not as stored in
    binary: 2.675 gives 2.68).

    >>> rounded(4077.2160000000003, 2), rounded(2.675, 2), rounded(-0.004, 2), rounded(1e300, 2)
    (4077.22, 2.68, 0.0, 1e+300)
    """
    if not math.isfinite(value) or abs(value) >= _ROUNDING_LIMIT:
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)) + 0.0


def _rounded_tree(value: object, key: str = "", kind: str = "quantity") -> object:
    """A copy of JSON-like ``value`` with every worked-out float rounded by its key's kind.
    A flip's value is where the recommendation changes: worked out, whatever its key says."""
    if key == "flip" and isinstance(value, dict):
        return {k: _rounded_tree(v, "", "quantity") for k, v in value.items()}
    if key in MONEY:
        kind = "money"
    elif key in GIVEN:
        kind = "given"
    if isinstance(value, dict):
        return {k: _rounded_tree(v, k, kind) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded_tree(item, key, kind) for item in value]
    if isinstance(value, float) and kind != "given":
        return rounded(value, CENTS if kind == "money" else QUANTITY)
    return value


def data_version(parameters: dict) -> dict:
    """Which data a result was worked out with: ``id``, the first 12 hex digits of the SHA-256
    of the bundle's canonical JSON (the site names its bundle file with them), and ``checked``,
    the newest date a figure was checked.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> version = data_version(EXAMPLE_BUNDLE)
    >>> len(version["id"]), version["checked"]
    (12, '2026-01-01')
    """
    digest = hashlib.sha256(canonical_json(parameters).encode("utf-8")).hexdigest()
    checked = max(entry["checked"] for entry in parameter_index(parameters))
    return {"id": digest[:12], "checked": checked}


def export_record(result: dict, parameters: dict, language: str = "en",
                  data: dict | None = None) -> dict:
    """The JSON export as data (format ``aliexpress-modes/export``, version 1). ``data`` is
    ``data_version(parameters)``, when the caller has it already (it hashes the bundle).

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> scenario = {"units_per_month": 123, "overrides": {"self_operated.commission": 0.1}}
    >>> record = export_record(evaluate(scenario, EXAMPLE_BUNDLE), EXAMPLE_BUNDLE)
    >>> record["model_version"], record["scenario"]["units_per_month"], record["overrides"]
    ... # doctest: +NORMALIZE_WHITESPACE
    (2, 123.0, [{'id': 'self_operated.commission', 'label': 'self_operated.commission',
                 'unit': 'share of revenue', 'value': 0.1, 'data_value': 0.08}])
    >>> record["recommended"]["mode"], record["modes"][0]["revenue"]
    ('self_operated', 13284.0)
    """
    index = {entry["id"]: entry for entry in parameter_index(parameters)}
    scenario = result["scenario"]
    overrides = [
        {"id": pid, "label": localized(index[pid]["label"], language),
         "unit": localized(index[pid]["unit"], language), "value": value,
         "data_value": resolve(index[pid], scenario["category"], {})}
        for pid, value in scenario["overrides"].items()
    ]
    by_id = {mode["id"]: mode for mode in result["modes"]}
    recommended = result["recommended"]
    return _rounded_tree({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "language": language,
        "model_version": MODEL_VERSION,
        "data_version": data or data_version(parameters),
        "currency": result["currency"],
        "scenario": scenario,
        "overrides": overrides,
        "recommended": {"mode": recommended["mode"], "label": by_id[recommended["mode"]]["label"],
                        "reason": recommended["reason"],
                        "profit_after_effort":
                            by_id[recommended["mode"]]["profit_after_effort"]},
        "result_format": {"format": result["format"], "version": result["version"]},
        "capital_cost_rate": result["capital_cost_rate"],
        "modes": result["modes"],
        "sensitivity": result["sensitivity"],
    })


def export_json(result: dict, parameters: dict, language: str = "en",
                data: dict | None = None) -> str:
    """The JSON export as text: indented, keys in a fixed order, ending in a newline."""
    record = export_record(result, parameters, language, data)
    return json.dumps(record, ensure_ascii=False, allow_nan=False, indent=1) + "\n"


def export_csv(result: dict, parameters: dict, language: str = "en",
               data: dict | None = None) -> str:
    """The CSV export: one table (the header row in ``language``), whose ``section`` column
    says what a row is: ``about`` (model and data versions), ``input``, ``override``,
    ``recommendation``, then per mode ``summary``, ``component`` and ``task`` rows. Ids,
    sections and bases are codes in every language; "" stands for none. Money has two decimals.
    The text starts with a byte order mark, so Excel and WPS read its Chinese as UTF-8.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> text = export_csv(evaluate({"units_per_month": 100}, EXAMPLE_BUNDLE), EXAMPLE_BUNDLE)
    >>> print("\\n".join(text.splitlines()[:3]))  # doctest: +ELLIPSIS
    \ufeffmode,section,item,label,basis,rate,quantity,value,unit
    ,about,model_version,Model version,,,,2,
    ,about,data_version,Data version (fingerprint of the figures),,,,...,
    >>> [line for line in text.splitlines() if ",component," in line]
    ['self_operated,component,self_operated.commission,self_operated.commission,revenue_share,0.08,,864.00,CNY']
    """
    record = export_record(result, parameters, language, data)
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")

    def t(key: str, **values: object) -> str:
        return say(language, key, **values)

    writer.writerow(t("csv_columns").split(","))
    versions = record["data_version"]
    writer.writerow(["", "about", "model_version", t("csv_model_version"), "", "", "",
                     record["model_version"], ""])
    writer.writerow(["", "about", "data_version", t("csv_data_version"), "", "", "",
                     versions["id"], ""])
    writer.writerow(["", "about", "data_checked", t("csv_data_checked"), "", "", "",
                     versions["checked"], ""])
    scenario = record["scenario"]
    for field in INPUTS:
        value = scenario[field.name]
        writer.writerow(["", "input", field.name, field.label[language],
                         "" if value is not None or not field.optional else t("csv_derived"),
                         "", "", _given(value), field.unit[language]])
    for override in record["overrides"]:
        writer.writerow(["", "override", override["id"], override["label"], "", "", "",
                         _given(override["value"]), override["unit"]])
    chosen = record["recommended"]
    cny = t("unit_cny")
    writer.writerow([chosen["mode"], "recommendation", "recommended", chosen["reason"], "", "",
                     "", _money(chosen["profit_after_effort"]), cny])
    if record["sensitivity"] is not None:
        writer.writerow([chosen["mode"], "recommendation", "verdict",
                         record["sensitivity"]["verdict"], "", "", "", "", ""])
    hours_unit = t("unit_hours")
    for mode in record["modes"]:
        for field, _, unit in SUMMARY_ROWS:
            show = _money if unit in ("cny", "cny_per_hour") else _quantity
            writer.writerow([mode["id"], "summary", field, t(field), "", "", "",
                             show(mode[field]), t(f"unit_{unit}")])
        for row in mode["components"]:
            writer.writerow([mode["id"], "component", row["id"], row["label"], row["basis"],
                             _given(row["rate"]), "", _money(row["amount"]), cny])
        for task in mode["tasks"]:
            writer.writerow([mode["id"], "task", f"task.{task['id']}", task["label"],
                             task["driver"], _given(task["hours_per_unit"]),
                             _quantity(task["quantity"]), _quantity(task["hours"]),
                             hours_unit])
    return out.getvalue()


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _quantity(value: float | None) -> str:
    return "" if value is None else repr(value)


def _given(value: object) -> str:
    return "" if value is None else value if isinstance(value, str) else repr(value)
