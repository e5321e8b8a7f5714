"""Calculator blocks put into a page's finished HTML, past Markdown and the search index.

A calculator block is raw HTML (generator/calculator_html.py): Markdown passes it through
untouched and Material's search leaves it out of its index (``data-search-exclude``). Both still
parse it, and the four blocks of an edition are 83% of its Markdown: a third of the work of a
build. So a page's Markdown holds a short placeholder, and the block takes its place in the
page's final HTML (the plugin's ``on_post_page``), byte for byte what Markdown would have kept.
"""

from __future__ import annotations

import hashlib
import re

_PLACEHOLDER = re.compile(r'<div data-amc-slot="([0-9a-f]{16})"></div>')


class MissingBlock(LookupError):
    """A page holds a placeholder for a block this build did not make."""


class CalculatorSlots:
    """The blocks of one build, each under the placeholder that stands for it in the Markdown."""

    def __init__(self) -> None:
        self._blocks: dict[str, str] = {}
        self._at_once: set[str] = set()  # blocks that start Python as soon as their page loads

    def placeholder(self, block: str, starts_at_once: bool = False) -> str:
        """The Markdown to put where ``block`` goes (one raw HTML line, named by its content)."""
        key = hashlib.sha256(block.encode()).hexdigest()[:16]
        self._blocks[key] = block
        if starts_at_once:
            self._at_once.add(key)
        return f'<div data-amc-slot="{key}"></div>'

    def starts_at_once(self, html: str) -> bool:
        """Whether ``html`` (a page, before its blocks are filled in) holds a block that starts
        Python as soon as the page loads."""
        return any(match.group(1) in self._at_once for match in _PLACEHOLDER.finditer(html))

    def fill(self, html: str) -> str:
        """``html`` with each placeholder replaced by its block."""
        if "data-amc-slot" not in html:
            return html

        def block(match: re.Match) -> str:
            key = match.group(1)
            if key not in self._blocks:
                raise MissingBlock(f"no calculator block {key} in this build")
            return self._blocks[key]

        return _PLACEHOLDER.sub(block, html)
