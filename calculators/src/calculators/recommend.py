"""Which mode to recommend, and one line saying why.

Rule (design v1): the highest profit after effort wins; a tie goes to the mode needing fewer
hours; a tie on both goes to the mode listed first. Profits count as tied when they are equal to
the fen (rounded to 0.01 CNY), because that is what the reader sees side by side.
"""

from __future__ import annotations

from .formatting import hours, money
from .i18n import say


def recommend(modes: list[dict], language: str = "en") -> dict:
    """Return ``{"mode": id, "reason": text}`` for evaluated modes (at least one), the reason
    in ``language``.

    >>> a = {"id": "a", "label": "A", "profit_after_effort": 100.0, "effort_hours": 5.0}
    >>> b = {"id": "b", "label": "B", "profit_after_effort": 100.001, "effort_hours": 3.0}
    >>> recommend([a, b])["mode"]
    'b'
    >>> recommend([a, b], "zh")["reason"]
    'B和A扣除工时后的利润打平（每月 ¥100.00），但B用的工时更少（3.0 小时，A要 5.0 小时）。'
    """
    ranked = sorted(
        enumerate(modes),
        key=lambda item: (-round(item[1]["profit_after_effort"], 2), item[1]["effort_hours"],
                          item[0]),
    )
    best = ranked[0][1]
    others = [mode for _, mode in ranked[1:]]
    return {"mode": best["id"], "reason": _reason(best, others, language)}


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
    shown_gap = round(profit, 2) - round(runner_up["profit_after_effort"], 2)
    if shown_gap > 0:
        return say(language, "reason_most", gap=money(shown_gap), **words)
    if best["effort_hours"] < runner_up["effort_hours"]:
        return say(language, "reason_fewer_hours", **words)
    return say(language, "reason_first_listed", **words)
