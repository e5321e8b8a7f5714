"""The plausible range of every parameter and scenario input, for "what would change the
recommendation".

A parameter's range is the data's ``range: {low, high}`` when it has one. Otherwise it is its
value widened by a share that follows its confidence (``SPREAD``), clipped to the limits an
override must keep. A parameter the user overrides, and every scenario input, is the user's own
estimate: ``INPUT_SPREAD`` either side of the value, clipped the same way.

>>> [round(end, 6) for end in default_range(0.08, "unverified", 0, 1)]
[0.056, 0.104]
>>> default_range(0.9, "assumption", 0, 1)
(0.45, 1)
"""

from __future__ import annotations

from .i18n import say

# Share of the value either side, by confidence (design v2: sourced 10%, unverified 30%,
# assumption 50%).
SPREAD = {"sourced": 0.1, "unverified": 0.3, "assumption": 0.5}
INPUT_SPREAD = 0.3  # a merchant's own figure is treated like an unverified one


def default_range(value: float, confidence: str, minimum: float,
                  maximum: float) -> tuple[float, float]:
    """``value`` +- its confidence's spread, clipped to [minimum, maximum]."""
    return widen(value, SPREAD[confidence], minimum, maximum)


def widen(value: float, spread: float, minimum: float, maximum: float) -> tuple[float, float]:
    """value * (1 -+ spread) (ordered, for a negative value too), clipped to the limits.

    >>> widen(10.0, 0.3, 0, 100), widen(0.0, 0.3, 0, 1), widen(90.0, 0.5, 0, 100)
    ((7.0, 13.0), (0.0, 0.0), (45.0, 100))
    """
    a, b = value * (1 - spread), value * (1 + spread)
    low, high = min(a, b), max(a, b)
    return max(low, minimum), min(high, maximum)


def parameter_range(entry: dict, value: float, overridden: bool) -> tuple[float, float, str]:
    """(low, high, where the range comes from) of one parameter index entry at ``value``.

    The origin is ``data`` (the data file's range), ``confidence`` (the rule above) or
    ``override`` (the user replaced the value).
    """
    if overridden:
        return (*widen(value, INPUT_SPREAD, entry["min"], entry["max"]), "override")
    if entry["range"] is not None:
        return entry["range"]["low"], entry["range"]["high"], "data"
    return (*default_range(value, entry["confidence"], entry["min"], entry["max"]), "confidence")


def range_text(entry: dict, language: str = "en") -> str:
    """A parameter's plausible range as the pages show it: the data's, or its confidence rule.

    >>> range_text({"range": {"low": 1, "high": 10.5}, "confidence": "assumption"})
    '1 to 10.5'
    >>> range_text({"range": None, "confidence": "unverified"})
    '±30% (unverified)'
    >>> range_text({"range": None, "confidence": "unverified"}, "zh")
    '±30%（未核实）'
    """
    span = entry["range"]
    if span is not None:
        return say(language, "range_between", low=f"{span['low']:g}", high=f"{span['high']:g}")
    share = SPREAD[entry["confidence"]] * 100
    return say(language, "range_spread", share=f"{share:g}",
               confidence=say(language, f"confidence_{entry['confidence']}"))
