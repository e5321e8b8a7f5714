"""Under `mkdocs serve`: a page's search entries taken from an earlier rebuild when nothing they
are made from has changed.

Material's search plugin parses every page's HTML into sections on every build, and in the
Chinese edition cuts each section's text into words with jieba: about a third of a rebuild, for
pages an edit of one value mostly leaves as they were. A page's entries are a function of what
`SearchIndex.add_entry_from_context` reads: the page's HTML, its table of contents (section ids
and their links), its URL, title and front matter, the index's settings, and jieba's
dictionaries. All of it is the cache key, the dictionaries by their content, so any change to
any of it indexes the page afresh. Only `mkdocs serve` uses this (its rebuilds run in one
process); `mkdocs build` indexes every page as Material does.
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict
from pathlib import Path

try:
    from material.plugins.search.plugin import SearchIndex
except ImportError:  # pragma: no cover - Material is a dependency; without it there is no index
    SearchIndex = None

# Both editions' pages and a few earlier versions of each: the cache stays small.
MAX_PAGES = 512
_entries: OrderedDict[tuple, list[dict]] = OrderedDict()


def reuse_search_entries(plugins) -> int:
    """Make each of ``plugins``' Material search indexes reuse the entries of unchanged pages;
    returns how many indexes it changed."""
    changed = 0
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        if SearchIndex is None or not isinstance(index, SearchIndex) \
                or "add_entry_from_context" in vars(index):  # already wrapped
            continue
        index.add_entry_from_context = _cached(index, index.add_entry_from_context)
        changed += 1
    return changed


def _cached(index, add_entry):
    settings = (repr(sorted(index.config.items(), key=lambda item: item[0])),
                _file_digest(index.config.get("jieba_dict")),
                _file_digest(index.config.get("jieba_dict_user")))

    def add_entry_from_context(page) -> None:
        key = (settings, page.url, str(page.title), repr(page.meta), page.content,
               _toc_key(page.toc))
        entries = _entries.get(key)
        if entries is None:
            start = len(index.entries)
            add_entry(page)
            entries = copy.deepcopy(index.entries[start:])
            _entries[key] = entries
            while len(_entries) > MAX_PAGES:
                _entries.popitem(last=False)
        else:
            _entries.move_to_end(key)
            index.entries.extend(copy.deepcopy(entries))

    return add_entry_from_context


def _toc_key(toc) -> tuple:
    """What of a table of contents a search entry uses: each item's id and link, nested."""
    return tuple((item.id, item.url, _toc_key(item.children)) for item in toc)


def _file_digest(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"
