"""The `hreflang` alternates in each page's <head>: this page in every edition, and x-default.

Both editions have the same page paths (a test holds every page to its counterpart), so page P of
an edition has its counterpart at <that edition's root>/P. The roots come from `extra.alternate`
(each language's `link`, relative to this edition's root), the list Material's language switcher
reads too. With a `site_url` the links are absolute, as search engines require; without one (a
local build) they are relative to the page, so the built folder works wherever it is served.
"""

from __future__ import annotations

from dataclasses import dataclass
from posixpath import normpath
from urllib.parse import urljoin

# Readers whose language is neither get the English page, the site's root edition.
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


def alternates(page_url: str, languages: list[dict], site_url: str | None) -> list[Alternate]:
    """This page in each language of ``languages`` (``extra.alternate``: ``lang`` and ``link``),
    then x-default. ``page_url`` is MkDocs' page URL ('' for the home page). The 404 page has none:
    it stands for no address of its own."""
    if page_url.endswith("404.html"):
        return []
    links = {alt["lang"]: _href(alt["link"], page_url, site_url) for alt in languages}
    if DEFAULT_LANGUAGE not in links:
        raise ValueError(f"extra.alternate names no {DEFAULT_LANGUAGE!r} edition for x-default")
    return [Alternate(lang, href) for lang, href in links.items()] + \
        [Alternate("x-default", links[DEFAULT_LANGUAGE])]


def _href(root: str, page_url: str, site_url: str | None) -> str:
    """The page in the edition at ``root`` (relative to this edition's root: './', 'zh/', '../')."""
    path = normpath(f"{root}/{page_url}")  # 'zh/../modes/x/' -> 'modes/x'
    path = "" if path == "." else path if path.endswith(".html") else path + "/"
    if site_url:
        return urljoin(site_url, path)
    depth = page_url.count("/")  # folders between this page and its edition's root
    return "../" * depth + path or "./"
