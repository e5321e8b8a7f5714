"""Which mode to recommend, and one line saying why.

Rule (design v2): the candidates are every mode whose profit after effort is less than 0.01 CNY
below the best, compared unrounded; among them the fewest hours wins, then the higher profit
after effort, then the mode listed first in the bundle. (Read pairwise, "within 0.01 goes to
fewer hours" can go round in a circle with three modes; this reading cannot.)
"""

from __future__ import annotations

from .formatting import hours, money
from .i18n import say

TIE_CNY = 0.01  # profits after effort closer than this (unrounded) count as a tie


def recommend(modes: list[dict], language: str = "en") -> dict:
    """Return ``{"mode": id, "reason": text}`` for evaluated modes (at least one), the reason
    in ``language``.

    >>> a = {"id": "a", "label": "A", "profit_after_effort": 100.0, "effort_hours": 5.0}
    >>> b = {"id": "b", "label": "B", "profit_after_effort": 100.001, "effort_hours": 3.0}
    >>> recommend([a, b])["mode"]
    'b'
    >>> recommend([a, b], "zh")["reason"]  # doctest: +NORMALIZE_WHITESPACE
    'B和A扣除工时后的利润打平（相差不到 ¥0.01，每月 ¥100.00），但B用的工时更少（3.0 小时，A要
    5.0 小时）。'
    """
    order = pick(modes)
    best = modes[order[0]]
    return {"mode": best["id"], "reason": _reason(best, [modes[i] for i in order[1:]], language)}


def pick(modes: list[dict]) -> list[int]:
    """Mode positions, the recommended first, then the rest by profit after effort (highest
    first, ties by position). Each mode needs ``profit_after_effort`` and ``effort_hours``.

    >>> pick([{"profit_after_effort": 5.0, "effort_hours": 2.0},
    ...       {"profit_after_effort": 4.995, "effort_hours": 1.0},
    ...       {"profit_after_effort": 4.0, "effort_hours": 0.0}])
    [1, 0, 2]
    """
    return order_by(tuple(m["profit_after_effort"] for m in modes),
                    tuple(m["effort_hours"] for m in modes))


def order_by(profits: tuple[float, ...], hours: tuple[float, ...]) -> list[int]:
    """``pick`` on bare numbers."""
    first = winner(profits, hours)
    rest = sorted((i for i in range(len(profits)) if i != first),
                  key=lambda i: (-profits[i], i))
    return [first, *rest]


def winner(profits: tuple[float, ...] | list[float], hours: tuple[float, ...] | list[float]) -> int:
    """The position of the recommended mode, ``order_by``'s first (the sensitivity's search for
    flips calls it many times): the fewest hours among the candidates, then the higher profit
    after effort, then the first listed.

    >>> winner([5.0, 4.995, 4.0], [2.0, 1.0, 0.0]), winner([5.0, 5.0], [1.0, 1.0])
    (1, 0)
    """
    top = max(profits)
    best = -1
    for i, profit in enumerate(profits):
        if top - profit < TIE_CNY and (best < 0 or hours[i] < hours[best] or (
                hours[i] == hours[best] and profit > profits[best])):
            best = i
    return best


def _reason(best: dict, others: list[dict], language: str) -> str:
    profit = best["profit_after_effort"]
    words = {"best": best["label"], "profit": money(profit),
             "hours": hours(best["effort_hours"], language)}
    if round(profit, 2) < 0:
        return say(language, "reason_loses", **words)
    if not others:
        return say(language, "reason_only", **words)
    runner_up = others[0]
    words.update(runner=runner_up["label"],
                 runner_hours=hours(runner_up["effort_hours"], language))
    gap = profit - runner_up["profit_after_effort"]
    if gap >= TIE_CNY:
        return say(language, "reason_most", gap=money(gap), **words)
    if best["effort_hours"] < runner_up["effort_hours"]:
        return say(language, "reason_fewer_hours", **words)
    return say(language, "reason_first_listed", **words)
