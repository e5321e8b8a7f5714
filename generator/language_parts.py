"""Mark the Chinese on an English page as Chinese (WCAG 3.1.2, language of parts).

English pages name the platform's own terms in Chinese: 全托管 in the glossary, (成交不卖) after a
penalty's English, 供货价 in a calculator hint, YAML examples on the contributing page. Without
lang="zh" a screen reader spells them out with an English voice and the browser picks the
English font for them. Contributors should not have to remember a <span> for each: the English
build wraps every run of Chinese in the finished page's visible text, wherever it came from
(data, templates, hand-written pages, the theme's table of contents), in <span lang="zh">, the
language the Chinese edition declares on <html>. Text already inside an element with a lang of
its own (the language switcher's 简体中文, the 404 page's Chinese section) is left alone, as is
everything that is not text: tags and their attributes, comments, <head>, and the contents of
<script>, <style>, <template> (the calculator's JSON) and <textarea>, where a tag would be text
or would break the data. An <option> cannot hold a <span> (browsers drop it), so Chinese in one
is left unmarked for the site's tests to report: its <option> needs a lang of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

CHINESE_LANG = "zh"
# Han ideographs with CJK and full-width punctuation (a Chinese phrase and its 、，。（）), and
# Latin letters or digits written inside it without a space, as Chinese writes them (在售SKU数).
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+"
_CHINESE = re.compile(rf"{_HAN}(?:[A-Za-z0-9]+{_HAN})*")
# The page as tokens: comments, elements whose content is not markup (kept whole), tags (quoted
# attribute values may hold '>'), and the text between them.
_TOKEN = re.compile(
    r"(<!--.*?-->"
    r"|<(script|style|template|textarea|title)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\2\s*>"
    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Elements whose text gets no <span>: <head>'s is not shown, an <option>'s cannot hold one.
_NO_SPANS = {"head", "option", "optgroup"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


def mark_chinese(html: str) -> str:
    """``html`` with each run of Chinese text outside a lang="zh…" element (and outside <head>)
    wrapped in <span lang="zh">."""
    if not _CHINESE.search(html):
        return html
    out: list[str] = []
    # Each open element: its name and whether text inside it is left as it is (in <head>, or in
    # an element whose own or inherited lang is Chinese).
    open_elements: list[tuple[str, bool]] = []
    for index, part in enumerate(_TOKEN.split(html)):
        if index % 3 == 2 or part is None:  # the raw-text element's name, captured for \2
            continue
        if index % 3 == 1:
            out.append(part)
            _track(part, open_elements)
        elif part and not (open_elements and open_elements[-1][1]):
            out.append(_CHINESE.sub(rf'<span lang="{CHINESE_LANG}">\g<0></span>', part))
        else:
            out.append(part)
    return "".join(out)


# `mkdocs serve` rebuilds every page after each edit, most of them as they were: marking a page
# is a function of its HTML alone, so the same HTML gets the same marked page from memory. Both
# editions' pages are about 1.7 MB; a few versions of each stay.
mark_chinese_again = lru_cache(maxsize=128)(mark_chinese)


def _track(tag: str, open_elements: list[tuple[str, bool]]) -> None:
    parsed = _parse_tag(tag)
    if parsed is None:
        return
    closing, name, lang_left_alone = parsed
    if closing:
        # Pop to the matching element: it also closes any it ended implicitly (<p>, <li>).
        for depth in range(len(open_elements) - 1, -1, -1):
            if open_elements[depth][0] == name:
                del open_elements[depth:]
                return
        return
    if lang_left_alone is not None:
        left_alone = lang_left_alone
    else:
        left_alone = (bool(open_elements) and open_elements[-1][1]) or name in _NO_SPANS
    open_elements.append((name, left_alone))


# A page has a few thousand tags but a few hundred distinct ones (the theme's navigation repeats
# them on every page): each is read once per build, not once per occurrence.
@lru_cache(maxsize=4096)
def _parse_tag(tag: str) -> tuple[bool, str, bool | None] | None:
    """What ``tag`` does to the open elements: None if nothing (a void, self-closing or raw-text
    element, a doctype); else whether it closes, its name, and whether its own lang leaves its
    text alone (None if it has no lang)."""
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return None
    closing, name = bool(match.group(1)), match.group(2).lower()
    if closing:
        return True, name, None
    if name in _VOID or tag.startswith("<!") or name in {"script", "style", "template",
                                                          "textarea", "title"}:
        return None
    lang = _LANG.search(tag)
    if lang:
        value = next(group for group in lang.groups() if group is not None)
        return False, name, value.strip().lower().startswith(CHINESE_LANG)
    return False, name, None
