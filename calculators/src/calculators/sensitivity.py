"""What would change the recommendation: every parameter and scenario input, one at a time.

For each subject (a parameter of the bundle, or a number input of the scenario) the model is
evaluated at the low and the high end of its plausible range (``ranges``), which gives each
mode's profit after effort there and the recommended mode's lead over the runner-up (the
tornado). Each mode's profit after effort and hours are affine in every subject, except
``units_per_order``, where they are affine in its reciprocal (orders = units / units_per_order).
So one evaluation besides today's fixes each line exactly (the far end of the range; the ends'
profits are read off the lines), and the recommendation can only change where two
lines meet a tie threshold: profit after effort apart by -0.01, 0 or +0.01 CNY, or equal hours.
Those roots are closed-form. Walking out from today's value on both sides, the first root past
which the recommendation (``recommend.winner`` on the lines) is another mode is the flip; the
nearer side wins (the lower value on a tie). A subject whose range is a single point gets its
second evaluation at an end of its limits.

"Reach" says how far through its plausible range a flip lies: (flip - value) / (high - value)
above, (value - flip) / (value - low) below; at most 1 means within the range. The nearest flips
are ranked by reach, then by relative change |flip - value| / |value|, then by subject order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import NamedTuple

from . import inputs
from .i18n import localized
from .model import profit_and_hours, resolved_values
from .params import SUPPLY_PRICED, resolve
from .ranges import INPUT_SPREAD, parameter_range, widen
from .recommend import TIE_CNY
from .recommend import winner as winner_of
from .words import flip_sentence, verdict_sentence

NEAREST = 5  # flips listed in words


class Subject(NamedTuple):
    """One thing a merchant could be wrong about."""

    id: str
    kind: str  # "input" or "parameter"
    label: str
    unit: str
    value: float
    low: float
    high: float
    range_from: str  # "input", "override", "data" or "confidence"
    minimum: float
    maximum: float
    modes: tuple[int, ...] | None  # the modes it can move; None: all of them


def subjects(parameters: dict, index: list[dict], scenario: dict,
             supply_price: float | None, language: str = "en") -> list[Subject]:
    """Every number input (the supply price at the value the model used), then every parameter."""
    mode_position = {mode["id"]: i for i, mode in enumerate(parameters["modes"])}
    found = []
    for field in inputs.NUMBER_INPUTS:
        value, modes = scenario[field.name], None
        if field.optional:  # the supply price: fully managed's alone
            if supply_price is None:  # no fully managed mode in the bundle
                continue
            value, modes = supply_price, (mode_position[SUPPLY_PRICED],)
        low, high = widen(value, INPUT_SPREAD, field.min, field.max)
        found.append(Subject(field.name, "input", field.label[language], field.unit[language],
                             value, low, high, "input", field.min, field.max, modes))
    for entry in index:
        overridden = entry["id"] in scenario["overrides"]
        value = resolve(entry, scenario["category"], scenario["overrides"])
        low, high, origin = parameter_range(entry, value, overridden)
        modes = (mode_position[entry["mode"]],) if "mode" in entry else None
        found.append(Subject(entry["id"], "parameter", localized(entry["label"], language),
                             localized(entry["unit"], language), value, low, high, origin,
                             entry["min"], entry["max"], modes))
    return found


class _Lines(NamedTuple):
    """Each mode's profit after effort and hours at t0, and their slopes in t."""

    t0: float
    profits: tuple[float, ...]
    hours: tuple[float, ...]
    profit_slopes: tuple[float, ...]
    hour_slopes: tuple[float, ...]

    def at(self, t: float) -> tuple[list[float], list[float]]:
        step = t - self.t0
        return ([p + s * step for p, s in zip(self.profits, self.profit_slopes, strict=True)],
                [h + s * step for h, s in zip(self.hours, self.hour_slopes, strict=True)])


def _to_t(subject_id: str, value: float) -> float:
    """The variable the model is affine in: the reciprocal for units per order."""
    return 1.0 / value if subject_id == "units_per_order" else value


class Evaluator:
    """Re-evaluates the modes a subject moves, with the subject set to a value: only the half
    of each mode's result (profit before effort, hours) the subject can move; the other half,
    and the modes it does not touch, come from today's itemised result."""

    def __init__(self, parameters: dict, index: list[dict], scenario: dict,
                 capital_cost_rate: float, base: list[dict]) -> None:
        self.parameters = parameters
        self.scenario = scenario
        self.capital_cost_rate = capital_cost_rate
        self.base = base
        self.profits = tuple(mode["profit_after_effort"] for mode in base)  # today's
        self.hours = tuple(mode["effort_hours"] for mode in base)
        self.values = resolved_values(index, scenario)  # by id, looked up once per request
        self.roles = {entry["id"]: entry["role"] for entry in index}
        self.tasks = {entry["id"]: entry["task"] for entry in index if "task" in entry}

    def __call__(self, subject: Subject, value: float) -> tuple[list[float], list[float]]:
        s, rate, values = self.scenario, self.capital_cost_rate, self.values
        if subject.kind == "input":
            s, moved = {**s, subject.id: value}, subject.id
        else:
            values, moved = {**values, subject.id: value}, self.roles[subject.id]
            if subject.id == "capital_cost_rate":
                rate = value
        profits, hours = list(self.profits), list(self.hours)
        modes, tasks = self.parameters["modes"], self.parameters["tasks"]
        for i in range(len(modes)) if subject.modes is None else subject.modes:
            profits[i], hours[i] = profit_and_hours(modes[i], tasks, s, rate, values,
                                                    self.base[i], moved,
                                                    self.tasks.get(subject.id))
        return profits, hours


def _lines(subject: Subject, evaluate: Evaluator) -> _Lines:
    """Each mode's line through today's value and one other point: the end of the range
    furthest from today's value, or an end of the limits when the range is a single point."""
    value = subject.value
    other = subject.high if subject.high - value >= value - subject.low else subject.low
    # A range too narrow for an exact slope gives way to a step of max(1, |value|) within the
    # limits: the lines are straight, and a slope across a narrow range is rounding noise that
    # grows with the distance to the flip (units_per_month at 1e-11 gives a range 7e-12 wide; a
    # time valued at 1e-5 CNY an hour one 6e-6 wide, whose flip at 508 CNY then missed by 2e-4).
    if abs(other - value) < 1e-2 * max(1.0, abs(value)):
        step = max(1.0, abs(value))
        up, down = min(value + step, subject.maximum), max(value - step, subject.minimum)
        other = up if math.isfinite(up) and up - value >= value - down else down
    profits, hours = evaluate.profits, evaluate.hours
    t0 = _to_t(subject.id, value)
    other_profits, other_hours = evaluate(subject, other)
    width = _to_t(subject.id, other) - t0
    return _Lines(t0, profits, hours,
                  tuple([(y - x) / width for x, y in zip(profits, other_profits, strict=True)]),
                  tuple([(y - x) / width for x, y in zip(hours, other_hours, strict=True)]))


def _roots(lines: _Lines, t_min: float, t_max: float) -> list[float]:
    """Every t in [t_min, t_max] where two modes' lines meet a tie threshold."""
    found = []
    count = len(lines.profits)
    for i in range(count):
        for j in range(i + 1, count):
            gap = lines.profits[i] - lines.profits[j]
            slope = lines.profit_slopes[i] - lines.profit_slopes[j]
            if slope:
                found += [lines.t0 + (c - gap) / slope for c in (-TIE_CNY, 0.0, TIE_CNY)]
            hour_slope = lines.hour_slopes[i] - lines.hour_slopes[j]
            if hour_slope:
                found.append(lines.t0 - (lines.hours[i] - lines.hours[j]) / hour_slope)
    return sorted({t for t in found if t_min <= t <= t_max})


def _first_change(lines: _Lines, roots: list[float], edge: float, winner: int,
                  upward: bool) -> tuple[float, int, float] | None:
    """Walk the roots from t0 towards ``edge``; the first past which another mode wins."""
    side = [t for t in roots if t >= lines.t0] if upward else [
        t for t in reversed(roots) if t <= lines.t0]
    for k, root in enumerate(side):
        further = side[k + 1] if k + 1 < len(side) else edge
        if further == root:
            continue
        probe = (root + further) / 2
        now = winner_of(*lines.at(probe))
        if now != winner:
            return root, now, probe
    return None


def _flip(subject: Subject, lines: _Lines, winner: int) -> tuple[float, int, bool] | None:
    """(value, new mode, whether it pays more there) of the nearest flip, or None."""
    ends = sorted((_to_t(subject.id, subject.minimum), _to_t(subject.id, subject.maximum)))
    roots = _roots(lines, *ends)
    found = [change for change in (_first_change(lines, roots, ends[1], winner, True),
                                    _first_change(lines, roots, ends[0], winner, False))
             if change is not None]
    if not found:
        return None
    t, mode, probe = min(found, key=lambda change: (abs(change[0] - lines.t0), change[0]))
    value = 1.0 / t if subject.id == "units_per_order" else t
    profits, _ = lines.at(probe)
    return value, mode, profits[mode] > profits[winner]


def _reach(subject: Subject, flip: float) -> float | None:
    width = subject.high - subject.value if flip > subject.value else subject.value - subject.low
    distance = abs(flip - subject.value)
    if width <= 0:
        return 0.0 if distance == 0 else None
    reach = distance / width  # a subnormal width (cogs of 2e-309) overflows: no reach then
    return reach if math.isfinite(reach) else None


def _lead(profits: list[float], winner: int) -> float | None:
    others = [p for i, p in enumerate(profits) if i != winner]
    return profits[winner] - max(others) if others else None


def analysis_steps(parameters: dict, index: list[dict], scenario: dict,
                   capital_cost_rate: float, modes: list[dict], winner: int,
                   language: str = "en") -> Iterator[dict | None]:
    """The ``sensitivity`` part of a result (see docs/reference/formats.md), one subject at a
    time: None after each subject, then the analysis. The browser's worker drives it in slices,
    so a newer input can stop it between subjects."""
    supply_price = next((mode["supply_price"] for mode in modes
                         if mode["supply_price"] is not None), None)
    evaluate = Evaluator(parameters, index, scenario, capital_cost_rate, modes)
    ids = [mode["id"] for mode in modes]
    labels = [mode["label"] for mode in modes]
    rows = []
    for subject in subjects(parameters, index, scenario, supply_price, language):
        rows.append(_row(subject, evaluate, modes, winner, ids, labels, language))
        yield None
    nearest = sorted((i for i, row in enumerate(rows) if row["flip"] is not None),
                     key=lambda i: _rank(rows[i], i))[:NEAREST]
    deciding = [rows[i] for i in nearest if rows[i]["flip"]["within_range"]]
    yield {
        "mode": ids[winner],
        "lead": _lead([mode["profit_after_effort"] for mode in modes], winner),
        "subjects": rows,
        "nearest_flips": [rows[i]["id"] for i in nearest],
        "verdict": verdict_sentence(labels[winner], len(modes), len(rows), deciding, language),
    }


def _row(subject: Subject, evaluate: Evaluator, modes: list[dict], winner: int, ids: list[str],
         labels: list[str], language: str) -> dict:
    """One subject's row: the profits at both ends of its range, the leads and the flip."""
    lines = _lines(subject, evaluate)
    low = lines.at(_to_t(subject.id, subject.low))
    high = lines.at(_to_t(subject.id, subject.high))
    flip = _flip(subject, lines, winner) if len(modes) > 1 else None
    row = {
        "id": subject.id, "kind": subject.kind, "label": subject.label,
        "unit": subject.unit, "value": subject.value, "low": subject.low,
        "high": subject.high, "range_from": subject.range_from,
        "profit_low": dict(zip(ids, low[0], strict=True)),
        "profit_high": dict(zip(ids, high[0], strict=True)),
        "lead_low": _lead(low[0], winner), "lead_high": _lead(high[0], winner),
        "flip": None,
    }
    if flip is not None:
        value, to, pays_more = flip
        reach = _reach(subject, value)
        row["flip"] = {
            "value": value, "to": ids[to],
            "direction": "above" if value >= subject.value else "below",
            "reach": reach, "within_range": reach is not None and reach <= 1,
            "solved": ("closed form in 1/units_per_order" if subject.id == "units_per_order"
                       else "closed form"),
            "sentence": flip_sentence(subject, value, labels[to], labels[winner], pays_more,
                                      language),
        }
    return row


def _rank(row: dict, position: int) -> tuple[float, float, int]:
    flip = row["flip"]
    reach = math.inf if flip["reach"] is None else flip["reach"]
    change = abs(flip["value"] - row["value"])
    relative = change / abs(row["value"]) if row["value"] else (0.0 if not change else math.inf)
    return reach, relative, position
