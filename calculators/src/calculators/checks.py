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

    >>> problems = []
    >>> check_number(3, "x", "X", 0, 10, problems), problems
    (3.0, [])
    >>> check_number(float("nan"), "x", "X", 0, 10, problems)
    >>> problems[0].code, problems[0].message
    ('not_finite', 'X must be a finite number from 0 to 10; got NaN.')
    >>> check_number(12, "x", "退货率", 0, 1, problems, "zh"), problems[1].message
    (None, '退货率不能大于 1；现在填的是 12。')
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        code = "not_a_number"
    elif isinstance(value, float) and not math.isfinite(value):
        code = "not_finite"
    elif value < minimum:
        code = "below_minimum"
    elif value > maximum:
        code = "above_maximum"
    else:
        return float(value) + 0.0  # -0.0 becomes 0.0
    # Only now the message: a catalogue checks 50,000 good numbers for each bad one.
    limits = {"label": label, "minimum": plain(minimum), "maximum": plain(maximum)}
    if code != "not_finite":
        got = describe(value, language)
    elif math.isnan(value):
        got = "NaN"
    else:
        got = ("-" if value < 0 else "") + say(language, "infinity")
    message = say(language, code, allowed=say(language, "allowed", **limits), got=got, **limits)
    problems.append(Problem(field, code, message))
    return None


def without_negative_zero(value: object) -> object:
    """The same JSON-like data with every -0.0 replaced by 0.0 (JSON and CSV would show "-0.0").

    >>> without_negative_zero({"a": [-0.0, 1.5], "b": -0.0, "c": "x"})
    {'a': [0.0, 1.5], 'b': 0.0, 'c': 'x'}
    """
    if isinstance(value, float):
        return value + 0.0
    if isinstance(value, dict):
        return {key: without_negative_zero(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_negative_zero(item) for item in value]
    return value
