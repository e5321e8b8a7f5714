"""JSON text in, plain data out, within limits: every way it can fail is one typed error.

``json.loads`` alone lets some input escape as a Python exception that names nothing useful:
bytes that are not UTF-8, nesting deep enough to exhaust the stack, integers too long to convert.
``parse_json`` bounds the size, the nesting and the length of integers, so the scenario
and the parameter bundle always fail with an ``UnreadableJson`` a person can act on.

>>> parse_json(b'{"units_per_month": 10}')
{'units_per_month': 10}
>>> parse_json("[" * 40 + "]" * 40)
Traceback (most recent call last):
...
calculators.reading.UnreadableJson: nested more than 32 lists and objects deep.
"""

from __future__ import annotations

import codecs
import json

MAX_BYTES = 2_000_000  # a bundle is about 25 kB, a scenario well under 1 kB
MAX_DEPTH = 32  # a bundle nests 8 deep
MAX_DIGITS = 30  # far beyond any amount; Python refuses to convert beyond 4,300 digits

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


class UnreadableJson(ValueError):
    """The text is not JSON this package can read; ``str()`` says why, in plain words."""


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise UnreadableJson(f"the text is {encoding} (it starts with a {encoding} byte "
                                 "order mark); save it as UTF-8.")
    if b"\x00" in data:  # JSON never holds a zero byte; UTF-16 text without a mark does
        raise UnreadableJson("the text is not UTF-8 (it holds zero bytes, as UTF-16 does); "
                             "save it as UTF-8.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[:error.start].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise UnreadableJson(f"the text is not UTF-8: byte 0x{data[error.start]:02X} on line "
                             f"{line}, column {column} cannot be decoded; save it as UTF-8.") \
            from None


_TOO_DEEP = f"nested more than {MAX_DEPTH} lists and objects deep."


def _check_depth(value: object) -> None:
    """Walk the parsed value without recursion; refuse it past MAX_DEPTH."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            if level > MAX_DEPTH:
                raise UnreadableJson(_TOO_DEEP)
            stack.extend((child, level + 1) for child in children)


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise UnreadableJson(f"a whole number of {digits:,} digits is too long to be an "
                             f"amount (at most {MAX_DIGITS} digits).")
    return int(text)


def parse_json(data: bytes | str) -> object:
    """The value of a JSON text (UTF-8 bytes or text), or ``UnreadableJson`` saying why not.

    Limits: MAX_BYTES (of UTF-8, or characters for text), MAX_DEPTH nested lists and objects,
    integers of at most MAX_DIGITS digits. NaN and Infinity are read, to be refused by the
    number checks next to the field they are in.
    """
    if len(data) > MAX_BYTES:
        raise UnreadableJson(f"the text is larger than {MAX_BYTES:,} bytes; a scenario or a "
                             "parameter bundle is far smaller.")
    text = _decode(data) if isinstance(data, bytes) else data
    try:
        value = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise UnreadableJson(f"not valid JSON: {error.msg} (line {error.lineno}, column "
                             f"{error.colno}).") from None
    except RecursionError:  # deeper than the interpreter's stack: far past MAX_DEPTH
        raise UnreadableJson(_TOO_DEEP) from None
    _check_depth(value)
    return value
