"""How numbers read on the page. Only display rounds; results keep full precision.

Negative numbers take the minus sign U+2212 (−), which reads better than a hyphen in tables.

>>> money(12345.678), money(-1234), money(-0.001), money(None)
('¥12,345.68', '−¥1,234.00', '¥0.00', '—')
>>> percent(0.1234), percent(-0.05), hours(12.345), units(300.0), units(12.26)
('12.3%', '−5.0%', '12.3 h', '300', '12.3')
"""

from __future__ import annotations

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


def hours(value: float | None) -> str:
    """Hours with one decimal."""
    return NONE if value is None else _signed(value, 1, suffix=" h")


def units(value: float | None) -> str:
    """Whole units when whole, else one decimal (break-even volumes are rarely whole)."""
    if value is None:
        return NONE
    return _signed(value, 0 if float(value).is_integer() else 1)
