"""The parameter bundle (format ``aliexpress-modes/parameters`` v2): validation, index, values.

The generator writes the bundle from data/; this module checks it against the contract and turns
it into a flat, ordered index of every parameter (``parameter_index``), each entry carrying the
role it plays and the range an override may take. Extra keys are allowed (forward compatible);
missing or malformed ones raise ``InvalidParameters`` listing every problem.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .checks import check_number, describe, key_name
from .errors import InvalidParameters, Problem
from .i18n import LANGUAGES

PARAMETERS_FORMAT = "aliexpress-modes/parameters"
PARAMETERS_VERSION = 2
MODE_IDS = ("fully_managed", "semi_managed", "self_operated")
DRIVERS = ("per_new_sku", "per_active_sku", "per_order", "per_month")
KINDS = ("platform_fee", "logistics", "marketing", "other")
CONFIDENCES = ("sourced", "unverified", "assumption")

# Allowed range of each basis (CNY amounts except revenue_share, a fraction of revenue). The
# upper ends are "absurd magnitude" guards, far above any real fee, not judgements of realism.
BASIS_LIMITS: dict[str, tuple[float, float]] = {
    "revenue_share": (0, 1),
    "per_unit": (0, 100_000),
    "per_order": (0, 100_000),
    "per_kg": (0, 100_000),
    "per_month": (0, 10_000_000),
    "per_year": (0, 100_000_000),
    "deposit": (0, 100_000_000),
}
# No range for a component whose basis is itself invalid (already reported).
_WIDEST = (-math.inf, math.inf)
ROLE_LIMITS: dict[str, tuple[float, float]] = {
    "capital_cost_rate": (0, 1),
    "task_hours": (0, 1_000),
    "demand_multiplier": (0, 100),
    "return_loss_share": (0, 1),
    "task_share": (0, 1),
    "supply_price_ratio": (0, 1),
    "stock_days": (0, 365),
    "payout_days": (0, 365),
    "unsold_share": (0, 1),
}
# Per-mode parameters, in index order; supply_price_ratio belongs to fully managed alone (the
# only mode paid by supply price).
MODE_ROLES = ("demand_multiplier", "return_loss_share", "supply_price_ratio", "stock_days",
              "payout_days", "unsold_share")
SUPPLY_PRICED = "fully_managed"


def _text(obj: dict, key: str, path: str, problems: list[Problem]) -> str | dict:
    """Non-empty text, or prose in every language: {"en": ..., "zh": ...}."""
    value = obj.get(key)
    if isinstance(value, str) and value:
        return value
    if isinstance(value, dict) and set(value) == set(LANGUAGES) \
            and all(isinstance(text, str) and text for text in value.values()):
        return value
    code = "missing" if key not in obj else "not_text"
    message = (f"{key} must be non-empty text, or {{\"en\": ..., \"zh\": ...}}; "
               f"got {describe(value)}.")
    problems.append(Problem(f"{path}.{key}", code, message))
    return ""


def _is_object(value: object, path: str, problems: list[Problem]) -> bool:
    if isinstance(value, dict):
        return True
    message = f"{path} must be an object; got {describe(value)}."
    problems.append(Problem(path, "not_an_object", message))
    return False


def _object(value: object, path: str, problems: list[Problem]) -> dict:
    return value if _is_object(value, path, problems) else {}


def _list(value: object, path: str, problems: list[Problem]) -> list:
    if isinstance(value, list) and value:
        return value
    message = f"{path} must be a non-empty list; got {describe(value)}."
    problems.append(Problem(path, "not_a_list", message))
    return []


def _choice(obj: dict, key: str, allowed: tuple[str, ...], path: str,
            problems: list[Problem]) -> str:
    value = obj.get(key)
    if value in allowed:
        return value
    message = f"{key} must be one of {', '.join(allowed)}; got {describe(value)}."
    problems.append(Problem(f"{path}.{key}", "not_allowed", message))
    return ""


def _param(
    value: object,
    path: str,
    expected_id: str | None,
    role: str,
    limits: tuple[float, float],
    categories: tuple[str, ...],
    problems: list[Problem],
    **extra: Any,
) -> dict:
    """Check one Param and return its index entry."""
    if not _is_object(value, path, problems):
        return {"id": ""}  # reported; an empty id is left out of the duplicate check
    param: dict = value  # type: ignore[assignment]
    pid = _text(param, "id", path, problems)
    if expected_id and pid and pid != expected_id:
        message = f"id must be {expected_id!r}; got {pid!r}."
        problems.append(Problem(f"{path}.id", "wrong_id", message))
    label = _text(param, "label", path, problems)
    unit = _text(param, "unit", path, problems)
    checked = _text(param, "checked", path, problems)
    confidence = _choice(param, "confidence", CONFIDENCES, path, problems)
    source = param.get("source")
    if source is not None and _is_object(source, f"{path}.source", problems):
        for key in ("id", "title"):
            _text(source, key, f"{path}.source", problems)
        if source.get("url") is not None:  # null: the source's address was not recorded
            _text(source, "url", f"{path}.source", problems)
    lo, hi = limits
    raw = param.get("value")
    if isinstance(raw, dict):
        check_number(raw.get("default"), f"{path}.value.default", f"{pid} default", lo, hi,
                     problems)
        by_category = _object(raw.get("by_category", {}), f"{path}.value.by_category", problems)
        for category, number in by_category.items():
            where = f"{path}.value.by_category.{key_name(category)}"
            if category not in categories:
                message = f"unknown category {category!r}; known: {', '.join(categories)}."
                problems.append(Problem(where, "unknown_category", message))
            check_number(number, where, f"{pid} for {key_name(category)}", lo, hi, problems)
    else:
        check_number(raw, f"{path}.value", pid or path, lo, hi, problems)
    span = _range(param, raw, path, pid, limits, problems)
    entry = {"id": pid, "label": label, "unit": unit, "value": raw, "source": source}
    entry.update(checked=checked, confidence=confidence, role=role, min=lo, max=hi, range=span)
    entry.update(extra)
    return entry


def _range(param: dict, raw: object, path: str, pid: str, limits: tuple[float, float],
           problems: list[Problem]) -> dict | None:
    """The Param's optional ``range: {low, high, reason}``: low <= every value <= high."""
    if "range" not in param:
        return None
    span = param["range"]
    where = f"{path}.range"
    if not _is_object(span, where, problems):
        return None
    lo, hi = limits
    before = len(problems)
    low = check_number(span.get("low"), f"{where}.low", f"{pid} range low", lo, hi, problems)
    high = check_number(span.get("high"), f"{where}.high", f"{pid} range high", lo, hi, problems)
    reason = _text(span, "reason", where, problems) if "reason" in span else None
    if len(problems) > before or low is None or high is None:
        return None
    values = [raw]
    if isinstance(raw, dict):
        by_category = raw.get("by_category", {})
        values = [raw.get("default"), *(by_category.values() if isinstance(by_category, dict)
                                         else ())]
    for number in values:
        if isinstance(number, int | float) and not isinstance(number, bool) and (
                not low <= number <= high):
            message = (f"the range must hold the value: low {low:g} <= {number:g} <= "
                       f"high {high:g} does not hold.")
            problems.append(Problem(where, "value_outside_range", message))
            return None
    return {"low": low, "high": high, "reason": reason}


def _index(bundle: object) -> list[dict]:
    problems: list[Problem] = []
    top = _object(bundle, "parameters", problems)
    if top.get("format") != PARAMETERS_FORMAT or top.get("version") != PARAMETERS_VERSION:
        message = (
            f"expected format {PARAMETERS_FORMAT!r} version {PARAMETERS_VERSION}; got "
            f"{describe(top.get('format'))} version {describe(top.get('version'))}."
        )
        raise InvalidParameters([Problem("parameters", "wrong_version", message)])
    if top.get("currency") != "CNY":
        message = f"currency must be 'CNY'; got {describe(top.get('currency'))}."
        problems.append(Problem("currency", "not_allowed", message))
    categories: list[str] = []
    for i, item in enumerate(_list(top.get("categories"), "categories", problems)):
        if _is_object(item, f"categories[{i}]", problems):
            categories.append(_text(item, "id", f"categories[{i}]", problems))
            _text(item, "label", f"categories[{i}]", problems)
    cats = tuple(categories)
    _choice(top, "default_category", cats, "parameters", problems)

    index = [
        _param(top.get("capital_cost_rate"), "capital_cost_rate", "capital_cost_rate",
               "capital_cost_rate", ROLE_LIMITS["capital_cost_rate"], cats, problems)
    ]
    tasks: list[str] = []
    modes: list[str] = []
    for i, item in enumerate(_list(top.get("tasks"), "tasks", problems)):
        path = f"tasks[{i}]"
        if not _is_object(item, path, problems):
            continue
        task: dict = item
        tid = _text(task, "id", path, problems)
        if tid:
            tasks.append(tid)
        _text(task, "label", path, problems)
        driver = _choice(task, "driver", DRIVERS, path, problems)
        expected = f"task.{tid}.hours" if tid else None
        index.append(_param(task.get("hours"), f"{path}.hours", expected, "task_hours",
                            ROLE_LIMITS["task_hours"], cats, problems, task=tid, driver=driver))

    for i, item in enumerate(_list(top.get("modes"), "modes", problems)):
        path = f"modes[{i}]"
        if not _is_object(item, path, problems):
            continue
        mode: dict = item
        mid = _choice(mode, "id", MODE_IDS, path, problems)
        modes.append(mid)
        _text(mode, "label", path, problems)
        for role in MODE_ROLES:
            if role == "supply_price_ratio" and mid != SUPPLY_PRICED:
                if role in mode:
                    message = f"only {SUPPLY_PRICED} is paid by supply price; remove {role}."
                    problems.append(Problem(f"{path}.{role}", "not_allowed", message))
                continue
            expected = f"{mid}.{role}" if mid else None
            index.append(_param(mode.get(role), f"{path}.{role}", expected, role,
                                ROLE_LIMITS[role], cats, problems, mode=mid))
        for j, comp in enumerate(_list(mode.get("components"), f"{path}.components", problems)):
            where = f"{path}.components[{j}]"
            if not _is_object(comp, where, problems):
                continue
            kind = _choice(comp, "kind", KINDS, where, problems)
            basis = _choice(comp, "basis", tuple(BASIS_LIMITS), where, problems)
            entry = _param(comp, where, None, "component", BASIS_LIMITS.get(basis, _WIDEST),
                           cats, problems, mode=mid, kind=kind, basis=basis)
            if mid and not entry["id"].startswith(f"{mid}."):
                message = f"id must start with {mid + '.'!r}; got {entry['id']!r}."
                problems.append(Problem(f"{where}.id", "wrong_id", message))
            index.append(entry)
        shares = _object(mode.get("task_shares"), f"{path}.task_shares", problems)
        for extra in sorted(set(shares) - set(tasks)):
            message = f"task_shares names a task that is not in tasks: {extra!r}."
            problems.append(Problem(f"{path}.task_shares.{key_name(extra)}", "unknown_task",
                                    message))
        for tid in tasks:
            expected = f"{mid}.share.{tid}" if mid else None
            index.append(_param(shares.get(tid), f"{path}.task_shares.{key_name(tid)}", expected,
                                "task_share", ROLE_LIMITS["task_share"], cats, problems,
                                mode=mid, task=tid))

    all_ids = [entry["id"] for entry in index]
    for field, ids in (("categories", categories), ("tasks", tasks), ("modes", modes),
                       ("parameters", all_ids)):
        seen: set[str] = set()
        for ident in ids:
            if ident and ident in seen:
                problems.append(Problem(field, "duplicate_id", f"id {ident!r} appears twice."))
            seen.add(ident)
    if problems:
        raise InvalidParameters(problems)
    return index


def parameter_index(parameters: dict) -> list[dict]:
    """Every parameter of a valid bundle, flat and in a stable order, for tables and overrides.

    Order: capital cost rate, task hours (task order), then per mode its demand multiplier,
    return loss share, supply price ratio (fully managed only), stock days, payout days, unsold
    share, components, task shares. Each entry is the Param plus ``role``, ``min``, ``max`` (the
    limits an override must keep), ``range`` (the data's ``{low, high, reason}``, or None) and
    ``mode``/``task``/``driver``/``kind``/``basis`` where they apply. Raises
    ``InvalidParameters`` for a broken bundle.

    >>> from calculators.params import parameter_index
    >>> index = parameter_index(EXAMPLE_BUNDLE)
    >>> [entry["id"] for entry in index]  # doctest: +NORMALIZE_WHITESPACE
    ['capital_cost_rate', 'task.listing.hours', 'self_operated.demand_multiplier',
     'self_operated.return_loss_share', 'self_operated.stock_days', 'self_operated.payout_days',
     'self_operated.unsold_share', 'self_operated.commission', 'self_operated.share.listing']
    >>> index[7]["basis"], index[7]["min"], index[7]["max"], index[7]["range"]
    ('revenue_share', 0, 1, {'low': 0.05, 'high': 0.1, 'reason': 'Reported 5-10% by category.'})
    """
    return _index(parameters)


def canonical_json(parameters: dict) -> str:
    """The bundle as canonical JSON text: the same data always gives the same bytes (the site
    ships this text, and names the file by its hash)."""
    return json.dumps(parameters, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


def resolve(param: dict, category: str, overrides: dict[str, float]) -> float:
    """The number a Param stands for: the override if any, else its category value or default.

    >>> resolve({"id": "c", "value": {"default": 0.08, "by_category": {"toys": 0.05}}}, "toys", {})
    0.05
    >>> resolve({"id": "c", "value": 0.08}, "toys", {"c": 0.1})
    0.1
    """
    if param["id"] in overrides:
        return overrides[param["id"]]
    value = param["value"]
    if isinstance(value, dict):
        value = value.get("by_category", {}).get(category, value["default"])
    return float(value)


def _example_param(pid: str, value: float, unit: str) -> dict:
    return {"id": pid, "label": pid, "unit": unit, "value": value, "source": None,
            "checked": "2026-01-01", "confidence": "assumption"}


# A minimal valid bundle, for the doctests of this package.
EXAMPLE_BUNDLE: dict = {
    "format": PARAMETERS_FORMAT, "version": PARAMETERS_VERSION, "currency": "CNY",
    "categories": [{"id": "toys", "label": "Toys"}], "default_category": "toys",
    "capital_cost_rate": _example_param("capital_cost_rate", 0.06, "per year"),
    "tasks": [{"id": "listing", "label": "Listing", "driver": "per_new_sku",
               "hours": _example_param("task.listing.hours", 0.5, "hours per new SKU")}],
    "modes": [{
        "id": "self_operated", "label": "Self-operated",
        "demand_multiplier": _example_param("self_operated.demand_multiplier", 1, "x"),
        "return_loss_share": _example_param("self_operated.return_loss_share", 1, "share"),
        "stock_days": _example_param("self_operated.stock_days", 0, "days of sales"),
        "payout_days": _example_param("self_operated.payout_days", 0, "days"),
        "unsold_share": _example_param("self_operated.unsold_share", 0, "share of units"),
        "components": [dict(_example_param("self_operated.commission", 0.08, "share of revenue"),
                            kind="platform_fee", basis="revenue_share",
                            range={"low": 0.05, "high": 0.1,
                                   "reason": "Reported 5-10% by category."})],
        "task_shares": {"listing": _example_param("self_operated.share.listing", 1, "share")},
    }],
}
