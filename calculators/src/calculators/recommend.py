"""Which mode to recommend, and one line saying why.

Rule (design v2): the candidates are every mode whose profit after effort is less than 0.01 CNY
below the best, compared unrounded; among them the fewest hours wins, then the higher profit
after effort, then the mode listed first in the bundle. (Read pairwise, "within 0.01 goes to
fewer hours" can go round in a circle with three modes; this reading cannot.)
"""

from __future__ import annotations

from .formatting import hours, money

TIE_CNY = 0.01  # profits after effort closer than this (unrounded) count as a tie


def recommend(modes: list[dict]) -> dict:
    """Return ``{"mode": id, "reason": text}`` for evaluated modes (at least one).

    >>> a = {"id": "a", "label": "A", "profit_after_effort": 100.0, "effort_hours": 5.0}
    >>> b = {"id": "b", "label": "B", "profit_after_effort": 100.001, "effort_hours": 3.0}
    >>> recommend([a, b])["mode"]
    'b'
    """
    order = pick(modes)
    best = modes[order[0]]
    return {"mode": best["id"], "reason": _reason(best, [modes[i] for i in order[1:]])}


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
    """``pick`` on bare numbers (the sensitivity search calls it many times)."""
    top = max(profits)
    winner = min((i for i, profit in enumerate(profits) if top - profit < TIE_CNY),
                 key=lambda i: (hours[i], -profits[i], i))
    rest = sorted((i for i in range(len(profits)) if i != winner),
                  key=lambda i: (-profits[i], i))
    return [winner, *rest]


def _reason(best: dict, others: list[dict]) -> str:
    profit = best["profit_after_effort"]
    if round(profit, 2) < 0:
        return (f"No mode makes a profit once your time is valued; {best['label']} loses the "
                f"least ({money(profit)} a month).")
    if not others:
        return f"{best['label']} is the only mode compared ({money(profit)} a month after effort)."
    runner_up = others[0]
    gap = profit - runner_up["profit_after_effort"]
    if gap >= TIE_CNY:
        return (f"{best['label']} leaves the most profit after valuing your time: {money(profit)} "
                f"a month, {money(gap)} more than {runner_up['label']}.")
    if best["effort_hours"] < runner_up["effort_hours"]:
        return (f"{best['label']} and {runner_up['label']} tie on profit after effort "
                f"(less than ¥0.01 apart, {money(profit)} a month); {best['label']} needs fewer "
                f"hours ({hours(best['effort_hours'])} against "
                f"{hours(runner_up['effort_hours'])}).")
    return (f"{best['label']} and {runner_up['label']} tie on profit after effort and on hours "
            f"({money(profit)} a month, {hours(best['effort_hours'])}); the first listed is shown.")
