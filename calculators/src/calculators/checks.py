"""The one number check shared by scenario inputs, overrides and the parameter bundle."""

from __future__ import annotations

import json
import math
import re

from .errors import Problem
from .i18n import say


def plain(number: float) -> str:
    """Write a limit the way a person reads it.

    >>> plain(10_000_000), plain(0.01), plain(1.0)
    ('10,000,000', '0.01', '1')
    """
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,}"


def describe(value: object, language: str = "en") -> str:
    """Show what was given, briefly, in JSON terms (the user typed JSON or a form value).

    >>> describe("abc"), describe(True), describe(None), describe([1]), describe({})
    ('"abc"', 'true', 'null', 'a list', 'an object')
    >>> describe(10 ** 5000), describe(b"12"), describe("x" * 50)
    ('a number too long to show', "b'12'", '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…')
    >>> describe([1], "zh")
    '一个列表'
    """
    if isinstance(value, list | tuple):
        return say(language, "a_list")
    if isinstance(value, dict):
        return say(language, "an_object")
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:  # an int beyond Python's 4,300 digits for conversion to text
        return say(language, "too_long")
    except TypeError:  # not JSON at all: a Python object passed to the API
        text = repr(value)
    if not text.isprintable():  # a control or line-breaking character: show it escaped
        text = json.dumps(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


_PLAIN_KEY = re.compile(r"[\w.-]{1,60}", re.ASCII)


def key_name(key: str) -> str:
    """A key as it can stand in a field path: as is when plain, else quoted and cut short.

    >>> key_name("self_operated.commission"), key_name("a b"), key_name("x" * 70)[:6]
    ('self_operated.commission', '"a b"', '"xxxxx')
    """
    return key if _PLAIN_KEY.fullmatch(key) else describe(key)


def shown(value: object, language: str = "en") -> str:
    """What was given where a number belongs, as a person would write it: a number plainly
    (-5, not -5.0), text in quotes, anything else in JSON terms (``describe``).

    >>> shown(-5.0), shown(1.5), shown(2e20), shown(-12000), shown(10 ** 20), shown(True)
    ('-5', '1.5', '2e+20', '-12,000', '100000000000000000000', 'true')
    >>> shown("abc"), shown("abc", "zh")
    ('“abc”', '“abc”')
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10 ** 15:
        return f"{value:,}"
    if isinstance(value, float) and math.isfinite(value):
        return plain(value) if abs(value) < 1e15 else f"{value:g}"
    if isinstance(value, str) and value.isprintable():
        text = value if len(value) <= 40 else value[:39] + "\u2026"
        return say(language, "quoted", text=text)
    return describe(value, language)


# Commas between groups of three digits: a thousands separator, or with one comma, as well a
# decimal comma (the form reads "35,5" as 35.5 but cannot tell what "1,000" means).
_GROUPED = re.compile(r"[-+]?\d{1,3}(,\d{3})+")


def check_number(
    value: object,
    field: str,
    label: str,
    minimum: float,
    maximum: float,
    problems: list[Problem],
    language: str = "en",
) -> float | None:
    """Return ``value`` as a float, or record one problem and return None.

    Booleans are refused although Python counts them as ints: ``true`` is never a price.
    Messages show what was given as a person wrote it, never as Python prints it.

    >>> problems = []
    >>> check_number(3, "x", "X", 0, 10, problems), problems
    (3.0, [])
    >>> check_number(float("nan"), "x", "X", 0, 10, problems)
    >>> problems[0].code, problems[0].message
    ('not_finite', 'X must be a number from 0 to 10, not NaN.')
    >>> check_number(12, "x", "退货率", 0, 1, problems, "zh"), problems[1].message
    (None, '退货率不能超过 1，你填的是 12。')
    >>> check_number(-5.0, "x", "X", 0, 10, problems), problems[2].message
    (None, 'X must be 0 or more, not -5.')
    >>> check_number(" ", "x", "X", 0, 10, problems), problems[3].code, problems[3].message
    (None, 'empty', 'X is empty: enter a number from 0 to 10.')
    >>> check_number("1,000", "x", "X", 0, 10, problems), problems[4].code
    (None, 'ambiguous_comma')
    >>> problems[4].message  # doctest: +NORMALIZE_WHITESPACE
    'X: “1,000” could be a whole number or a decimal. Write 1000 for the whole number,
     or use a point for a decimal (1.000).'
    """
    # A good number returns at once; only a refusal builds its message (a catalogue checks
    # 50,000 good numbers for each bad one).
    finite = isinstance(value, float) and math.isfinite(value) or \
        isinstance(value, int) and not isinstance(value, bool)
    if finite and minimum <= value <= maximum:
        return float(value) + 0.0  # -0.0 becomes 0.0
    limits = {"label": label, "minimum": plain(minimum), "maximum": plain(maximum)}
    allowed = say(language, "allowed", **limits)

    def refuse(code: str, **values: object) -> None:
        problems.append(Problem(field, code, say(language, code, **limits, **values)))

    if value is None or (isinstance(value, str) and not value.strip()):
        return refuse("empty", allowed=allowed)
    if isinstance(value, str) and _GROUPED.fullmatch(value.strip()):
        text = value.strip()
        whole = text.replace(",", "")
        if text.count(",") == 1:
            return refuse("ambiguous_comma", got=shown(text, language), whole=whole,
                          decimal=text.replace(",", "."))
        return refuse("thousands_commas", whole=whole)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return refuse("not_a_number", allowed=allowed, got=shown(value, language))
    if isinstance(value, float) and not math.isfinite(value):
        got = "NaN" if math.isnan(value) else \
            ("-" if value < 0 else "") + say(language, "infinity")
        return refuse("not_finite", allowed=allowed, got=got)
    if value < minimum:
        return refuse("below_minimum", got=shown(value, language))
    return refuse("above_maximum", got=shown(value, language))  # the one case left


def without_negative_zero(value: object) -> object:
    """The same JSON-like data with every -0.0 replaced by 0.0 (JSON and CSV would show "-0.0").

    >>> without_negative_zero({"a": [-0.0, 1.5], "b": -0.0, "c": "x"})
    {'a': [0.0, 1.5], 'b': 0.0, 'c': 'x'}
    >>> without_negative_zero(-0.0), without_negative_zero(None)
    (0.0, None)
    """
    # Exact types, and leaves handled without a call: a full result has ~2,500 values, and this
    # walk was a tenth of the sensitivity's time in the browser.
    kind = type(value)
    if kind is float:
        return value + 0.0
    if kind is dict:
        return {key: item + 0.0 if type(item) is float else
                (without_negative_zero(item) if type(item) in _NESTED else item)
                for key, item in value.items()}
    if kind is list:
        return [item + 0.0 if type(item) is float else
                (without_negative_zero(item) if type(item) in _NESTED else item)
                for item in value]
    return value


_NESTED = (dict, list)
