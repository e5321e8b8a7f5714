"""JSON text in, plain data out, within limits: every way it can fail is one typed error.

``json.loads`` alone lets some input escape as a Python exception that names nothing useful:
bytes that are not UTF-8, nesting deep enough to exhaust the stack, integers too long to convert.
``parse_json`` bounds the size, the nesting and the length of integers, so the scenario
and the parameter bundle always fail with an ``UnreadableJson`` a person can act on, in either
language of the site (``error.message("zh")``; ``str(error)`` is English). JSON syntax errors are
told in plain words, not in the parser's ("a name in double quotes was expected").

>>> parse_json(b'{"units_per_month": 10}')
{'units_per_month': 10}
>>> parse_json("[" * 40 + "]" * 40)
Traceback (most recent call last):
...
calculators.reading.UnreadableJson: lists and objects are nested more than 32 deep.
>>> try:
...     parse_json('{“units_per_month”: 10}')
... except UnreadableJson as error:
...     print(error.message("en")); print(error.message("zh"))
this is not JSON text: at line 1, column 2, a name in double quotes was expected.
这不是 JSON 格式的文本：第 1 行第 2 列，这里应该是用英文双引号括起来的名称。
"""

from __future__ import annotations

import codecs
import json

from .i18n import check_language

MAX_BYTES = 2_000_000  # a bundle is about 25 kB, a scenario well under 1 kB
MAX_DEPTH = 32  # a bundle nests 8 deep
MAX_DIGITS = 30  # far beyond any amount; Python refuses to convert beyond 4,300 digits

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


class UnreadableJson(ValueError):
    """The text is not JSON this package can read: ``code`` says why, ``message(language)`` says
    it in plain words (``str()`` in English)."""

    def __init__(self, code: str, **values: object) -> None:
        self.code, self.values = code, values
        super().__init__(self.message("en"))

    def message(self, language: str) -> str:
        words = _WORDS[check_language(language)]
        values = dict(self.values)
        if "what" in values:  # a JSON syntax error: what the parser expected, in words
            values["what"] = words[values["what"]]
        return words[self.code].format(**values)


# The parser's messages (json.JSONDecodeError.msg) as a person would say them; any other is
# "not written as JSON", with its position.
_SYNTAX = {
    "Expecting value": "value",
    "Expecting property name enclosed in double quotes": "name",
    "Expecting ':' delimiter": "colon",
    "Expecting ',' delimiter": "comma",
    "Unterminated string starting at": "unclosed",
    "Invalid control character at": "control",
    "Invalid \\escape": "escape",
    "Invalid \\uXXXX escape": "escape",
    "Extra data": "extra",
}

_WORDS = {
    "en": {
        "utf16": "the text is {encoding} (it starts with a {encoding} byte order mark); save it "
                 "as UTF-8.",
        "zero_bytes": "the text is not UTF-8 (it holds zero bytes, as UTF-16 does); save it as "
                      "UTF-8.",
        "not_utf8": "the text is not UTF-8: byte 0x{byte} on line {line}, column {column} cannot "
                    "be decoded; save it as UTF-8.",
        "too_deep": "lists and objects are nested more than {depth} deep.",
        "too_long": "a whole number of {digits:,} digits is too long to be an amount (at most "
                    "{most} digits).",
        "too_large": "the text is larger than {most:,} bytes; a scenario or a parameter bundle "
                     "is far smaller.",
        "not_json": "this is not JSON text: at line {line}, column {column}, {what}.",
        "value": "a value was expected (a number, text in double quotes, a list or an object)",
        "name": "a name in double quotes was expected",
        "colon": "a colon (:) was expected after the name",
        "comma": "a comma (,) was expected between two values",
        "unclosed": "a text in double quotes is not closed",
        "control": "a line break or a tab stands inside double quotes",
        "escape": "a backslash (\\) starts no valid escape",
        "extra": "more follows the end of the JSON",
        "other": "the text is not written as JSON",
    },
    "zh": {
        "utf16": ("文件是 {encoding} 编码（开头有 {encoding} 的字节顺序标记），"
                  "请另存为 UTF-8 编码。"),
        "zero_bytes": ("文件不是 UTF-8 编码（里面有零字节，UTF-16 编码的文件就是这样），"
                       "请另存为 UTF-8 编码。"),
        "not_utf8": "文件不是 UTF-8 编码：第 {line} 行第 {column} 列的字节 0x{byte} 无法识别（GBK "
                    "编码的文件常常这样），请另存为 UTF-8 编码。",
        "too_deep": "列表和对象嵌套超过了 {depth} 层。",
        "too_long": "有个整数长达 {digits:,} 位，不可能是金额（最多 {most} 位）。",
        "too_large": "文件超过了 {most:,} 字节；经营情况文件和参数包都远比这小。",
        "not_json": "这不是 JSON 格式的文本：第 {line} 行第 {column} 列，{what}。",
        "value": "这里应该是一个值（数字、英文双引号括起来的文字、列表或对象）",
        "name": "这里应该是用英文双引号括起来的名称",
        "colon": "名称后面应该是英文冒号 :",
        "comma": "两项之间应该用英文逗号 , 隔开",
        "unclosed": "英文双引号里的文字没有用双引号收尾",
        "control": "英文双引号里有换行或制表符",
        "escape": "反斜杠 \\ 后面的转义写法不对",
        "extra": "JSON 结束后还有多余的内容",
        "other": "这里的写法不是 JSON",
    },
}


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise UnreadableJson("utf16", encoding=encoding)
    if b"\x00" in data:  # JSON never holds a zero byte; UTF-16 text without a mark does
        raise UnreadableJson("zero_bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[:error.start].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise UnreadableJson("not_utf8", byte=f"{data[error.start]:02X}", line=line,
                             column=column) from None


def _check_depth(value: object) -> None:
    """Walk the parsed value without recursion; refuse it past MAX_DEPTH."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            if level > MAX_DEPTH:
                raise UnreadableJson("too_deep", depth=MAX_DEPTH)
            stack.extend((child, level + 1) for child in children)


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise UnreadableJson("too_long", digits=digits, most=MAX_DIGITS)
    return int(text)


def parse_json(data: bytes | str) -> object:
    """The value of a JSON text (UTF-8 bytes or text), or ``UnreadableJson`` saying why not.

    Limits: MAX_BYTES (of UTF-8, or characters for text), MAX_DEPTH nested lists and objects,
    integers of at most MAX_DIGITS digits. NaN and Infinity are read, to be refused by the
    number checks next to the field they are in.
    """
    if len(data) > MAX_BYTES:
        raise UnreadableJson("too_large", most=MAX_BYTES)
    text = _decode(data) if isinstance(data, bytes) else data
    try:
        value = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        what = _SYNTAX.get(error.msg, "other")
        raise UnreadableJson("not_json", line=error.lineno, column=error.colno,
                             what=what) from None
    except RecursionError:  # deeper than the interpreter's stack: far past MAX_DEPTH
        raise UnreadableJson("too_deep", depth=MAX_DEPTH) from None
    _check_depth(value)
    return value
