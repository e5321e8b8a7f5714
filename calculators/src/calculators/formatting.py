"""How numbers read on the page. Only display rounds; results keep full precision.

Negative numbers take the minus sign U+2212 (−), which reads better than a hyphen in tables.

>>> money(12345.678), money(-1234), money(-0.001), money(None)
('¥12,345.68', '−¥1,234.00', '¥0.00', '—')
>>> percent(0.1234), percent(-0.05), hours(12.345), units(300.0), units(12.26)
('12.3%', '−5.0%', '12.3 h', '300', '12.3')
>>> months(2.25), months(None)
('2.2 months', '—')
>>> rate_money(0.045), rate_money(3), rate_percent(0.0525), rate_percent(0.08), number(0.35)
('¥0.045', '¥3.00', '5.25%', '8%', '0.35')
"""

from __future__ import annotations

from .i18n import WORDS

MINUS = "\u2212"
NONE = "\u2014"  # an em dash stands for "none" (no margin without revenue, and the like)


def _signed(value: float, decimals: int, prefix: str = "", suffix: str = "") -> str:
    rounded = round(value, decimals)
    sign = MINUS if rounded < 0 else ""
    return f"{sign}{prefix}{abs(rounded):,.{decimals}f}{suffix}"


def money(value: float | None) -> str:
    """CNY with thousands separators and two decimals."""
    return NONE if value is None else _signed(value, 2, prefix="¥")


def percent(value: float | None) -> str:
    """A fraction as a percentage with one decimal."""
    return NONE if value is None else _signed(value * 100, 1, suffix="%")


def hours(value: float | None, language: str = "en") -> str:
    """Hours with one decimal: '12.3 h', in Chinese '12.3 小时'."""
    suffix = WORDS[language]["hours_suffix"]
    return NONE if value is None else _signed(value, 1, suffix=suffix)


def months(value: float | None, language: str = "en") -> str:
    """A span in months with one decimal: '5.6 months', in Chinese '5.6 个月'."""
    return NONE if value is None else _signed(value, 1, suffix=WORDS[language]["months_suffix"])


def units(value: float | None) -> str:
    """Whole units when whole to a tenth, else one decimal (break-even volumes rarely are)."""
    if value is None:
        return NONE
    return _signed(value, 0 if round(value, 1).is_integer() else 1)


def _trimmed(value: float, decimals: int, keep: int) -> str:
    """Up to ``decimals`` decimals, trailing zeros dropped down to ``keep``."""
    text = f"{round(value, decimals):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(keep, "0")
    return f"{whole}.{fraction}" if fraction else whole


def rate_money(value: float) -> str:
    """A fee rate in CNY: two decimals, more when the rate has them (¥0.045 per unit)."""
    return _signed_text(value, "¥" + _trimmed(abs(value), 4, 2))


def rate_percent(value: float) -> str:
    """A rate as a percentage with up to two decimals (5.25%, 8%)."""
    return _signed_text(value, _trimmed(abs(value) * 100, 2, 0) + "%")


def number(value: float) -> str:
    """A plain quantity such as a weight or a share, up to four decimals."""
    return _signed_text(value, _trimmed(abs(value), 4, 0))


def _signed_text(value: float, text: str) -> str:
    return (MINUS if value < 0 and text.strip("¥%.0,") else "") + text
