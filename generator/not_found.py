"""The 404 page's words and links, in both languages, each linking its own edition.

A host sends the site root's 404.html for every missing address, /zh/... included (GitHub Pages
does), so every edition's 404 page carries both texts, its own language first. The root's page
puts the Chinese first for an address under the Chinese edition (overrides/404.html).
"""

from __future__ import annotations

from dataclasses import dataclass
from posixpath import normpath

from generator.render import words_in


@dataclass(frozen=True)
class NotFoundText:
    lang: str
    home: str  # this edition's home page, from the site root ('/guide/zh/')
    title: str
    text: str
    home_link: str
    search_link: str


def not_found_texts(base_url: str, languages: list[dict], own: str) -> list[NotFoundText]:
    """One text per language of ``languages`` (``extra.alternate``), ``own`` first.
    ``base_url`` is this edition's root as the 404 page sees it: an absolute path ('/guide/zh')."""
    texts = []
    for alt in sorted(languages, key=lambda alt: alt["lang"] != own):
        t = words_in(alt["lang"])
        home = normpath(f"{base_url.rstrip('/')}/{alt['link']}").rstrip("/") + "/"
        texts.append(NotFoundText(alt["lang"], home, t("not_found.title"), t("not_found.text"),
                                  t("not_found.home"), t("not_found.search")))
    return texts
