"""Which mode to recommend, and one line saying why.

Rule (design v1): the highest profit after effort wins; a tie goes to the mode needing fewer
hours; a tie on both goes to the mode listed first. Profits count as tied when they are equal to
the fen (rounded to 0.01 CNY), because that is what the reader sees side by side.
"""

from __future__ import annotations

from .formatting import hours, money


def recommend(modes: list[dict]) -> dict:
    """Return ``{"mode": id, "reason": text}`` for evaluated modes (at least one).

    >>> a = {"id": "a", "label": "A", "profit_after_effort": 100.0, "effort_hours": 5.0}
    >>> b = {"id": "b", "label": "B", "profit_after_effort": 100.001, "effort_hours": 3.0}
    >>> recommend([a, b])["mode"]
    'b'
    """
    ranked = sorted(
        enumerate(modes),
        key=lambda item: (-round(item[1]["profit_after_effort"], 2), item[1]["effort_hours"],
                          item[0]),
    )
    best = ranked[0][1]
    return {"mode": best["id"], "reason": _reason(best, [mode for _, mode in ranked[1:]])}


def _reason(best: dict, others: list[dict]) -> str:
    profit = best["profit_after_effort"]
    if round(profit, 2) < 0:
        return (f"No mode makes a profit once your time is valued; {best['label']} loses the "
                f"least ({money(profit)} a month).")
    if not others:
        return f"{best['label']} is the only mode compared ({money(profit)} a month after effort)."
    runner_up = others[0]
    shown_gap = round(profit, 2) - round(runner_up["profit_after_effort"], 2)
    if shown_gap > 0:
        return (f"{best['label']} leaves the most profit after valuing your time: {money(profit)} "
                f"a month, {money(shown_gap)} more than {runner_up['label']}.")
    if best["effort_hours"] < runner_up["effort_hours"]:
        return (f"{best['label']} and {runner_up['label']} tie on profit after effort "
                f"({money(profit)} a month); {best['label']} needs fewer hours "
                f"({hours(best['effort_hours'])} against {hours(runner_up['effort_hours'])}).")
    return (f"{best['label']} and {runner_up['label']} tie on profit after effort and on hours "
            f"({money(profit)} a month, {hours(best['effort_hours'])}); the first listed is shown.")
