"""A catalogue file as a merchant's spreadsheet saves it: bytes or text in, located rows out.

Excel in a Chinese locale saves "CSV" as GB18030 (GBK) text, "CSV UTF-8" with a byte order mark,
and "Unicode text" as UTF-16 with tabs; people also paste cells straight from a sheet (tabs).
``read_table`` takes any of these: the encoding from the byte order mark, else UTF-8, else
GB18030; the separator from the header line (tab, comma or semicolon, whichever it holds most).
Empty lines are skipped; every row keeps its line number in the file, so a problem can say
"row 7, column cogs_cny" and the merchant finds it in their sheet.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import NamedTuple

from .i18n import say

SEPARATORS = ("\t", ",", ";")
SPREADSHEET_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (zip) and .xls


class Table(NamedTuple):
    """The header (names as written) and the data rows, each ``(line number, cells)``."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    separator: str


class UnreadableFile(ValueError):
    """The file is not a table this page can read; the message says what to do instead."""


def decode(data: bytes | str, language: str = "en") -> tuple[str, str]:
    """The text of the file and the encoding it was read with.

    >>> decode("\\ufeffproduct".encode("utf-8"))
    ('product', 'utf-8-sig')
    >>> decode("商品".encode("gb18030"))
    ('商品', 'gb18030')
    >>> decode("product")
    ('product', 'text')
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), "text"
    if data.startswith(SPREADSHEET_SIGNATURES):
        raise UnreadableFile(say(language, "cat_spreadsheet"))
    for mark, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise UnreadableFile(say(language, "cat_not_text")) from None


def read_table(data: bytes | str, language: str = "en") -> Table:
    """Split a CSV or tab-separated file into its header and non-empty rows; an
    ``UnreadableFile`` says why not, in ``language``.

    >>> table = read_table('product,cogs_cny\\n\\n"Mug, large",12\\n')
    >>> table.header, table.rows, table.separator
    (['product', 'cogs_cny'], [(3, ['Mug, large', '12'])], ',')
    """
    text, encoding = decode(data, language)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise UnreadableFile(say(language, "cat_empty_file"))
    separator = max(SEPARATORS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1  # a quoted cell may span lines: the row starts here
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise UnreadableFile(say(language, "cat_bad_quotes", line=start,
                                     error=error)) from None
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
        else:
            rows.append((start, cells))
    return Table(header or [], rows, encoding, separator)
