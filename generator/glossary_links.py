"""Link the first use of each glossary term on a page to its entry on the glossary page.

Works on the page's HTML after Markdown, so it sees exactly the text a reader sees. Text inside
links, code, headings, form controls and the interactive blocks (calculator, chooser, catalogue
planner) is left alone: a term there is either already a link, not prose, or would break the
markup (a link inside a question's legend reads as part of the question).
"""

from __future__ import annotations

import re
from html import escape

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_SKIP = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "button",
         "label", "select", "option", "textarea", "summary", "svg", "title"}


_BLOCKS = ("data-calculator", "data-chooser", "data-catalogue")


def _skips(tag: str, name: str) -> bool:
    return name in _SKIP or any(block in tag for block in _BLOCKS)


def _pattern(word: str) -> re.Pattern:
    """Latin words match whole and in any case; Chinese terms match as written."""
    if word.isascii():
        return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    return re.compile(re.escape(word))


def link_first_uses(html: str, terms: list[tuple[str, tuple[str, ...]]], url: str) -> str:
    """`terms`: (anchor id, the words that stand for it). Each term is linked once, at its first
    use in running text, to `url#id`."""
    pending = [(anchor, [_pattern(w) for w in words]) for anchor, words in terms]
    out: list[str] = []
    stack: list[bool] = []  # for each open element: whether text inside it is left alone
    for part in _TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            match = _TAG_NAME.match(part)
            if not match or part.startswith(("<!", "<?")):
                continue
            name = match.group(1).lower()
            if part.startswith("</"):
                if stack:
                    stack.pop()
            elif name not in _VOID and not part.endswith("/>"):
                stack.append((bool(stack) and stack[-1]) or _skips(part, name))
            continue
        if not part or (stack and stack[-1]) or not pending:
            out.append(part)
            continue
        out.append(_link_in_text(part, pending, url))
    return "".join(out)


def _link_in_text(text: str, pending: list, url: str) -> str:
    """Link every pending term that occurs in this run of text (earliest occurrence first)."""
    while True:
        found = None
        for index, (anchor, patterns) in enumerate(pending):
            for pattern in patterns:
                match = pattern.search(text)
                if match and (found is None or match.start() < found[1].start()):
                    found = (index, match, anchor)
        if found is None:
            return text
        index, match, anchor = found
        del pending[index]
        link = (f'<a class="amg-term" href="{escape(url)}#{escape(anchor)}">'
                f"{match.group(0)}</a>")
        return text[:match.start()] + link + _link_in_text(text[match.end():], pending, url)
