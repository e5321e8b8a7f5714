"""Prose in both of the site's languages.

Every prose field in data/ holds English and Simplified Chinese side by side (`{en: ..., zh: ...}`);
numbers, ids and sources are stated once. A `Text` cannot be printed as it is: a template or a
function must pick the reader's language, so no page can show the wrong one by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "zh")
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    @classmethod
    def from_data(cls, raw: dict) -> Text:
        return cls(raw["en"], raw["zh"])

    def __getitem__(self, language: str) -> str:
        if language not in LANGUAGES:
            raise KeyError(f"unknown language {language!r}; the site has {', '.join(LANGUAGES)}")
        return getattr(self, language)

    def __str__(self) -> str:
        raise TypeError(f"pick a language before printing {self.en!r}: text['en'] or text['zh']")


def in_language(value: object, language: str) -> object:
    """`value` in `language` when it is a Text; anything else unchanged."""
    return value[language] if isinstance(value, Text) else value
