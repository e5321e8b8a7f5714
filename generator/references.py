"""Checks between values and between files, run on every file that parsed, valid or not.

A schema error in one entry must not hide a bad reference in the next, so nothing here assumes
the schema held: every value is looked at only where it has the expected shape, and what has the
wrong shape is left to the schema's own message. The checks are written by key, not by file
(any list of entries with ids, any `source` of a figure, any `by_category` map), so new fields
get them without a change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import DataProblem
from generator.model import FIRM_GRADES, mode_slug
from generator.yaml_source import Path, YamlDocument


def _walk(value: object, path: Path = ()) -> Iterator[tuple[Path, object]]:
    """Every value in a document with its path, parents first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _root(document: YamlDocument | None) -> dict:
    return document.data if document is not None and isinstance(document.data, dict) else {}


def entry_ids(document: YamlDocument | None, key: str) -> set[str] | None:
    """The ids of the entries listed under `key`, or None when the file could not be read."""
    if document is None:
        return None
    entries = _root(document).get(key)
    return {entry["id"] for entry in entries if isinstance(entry, dict)
            and isinstance(entry.get("id"), str)} if isinstance(entries, list) else set()


def source_grades(document: YamlDocument | None) -> dict[str, object] | None:
    """Each source's id and grade, or None when sources.yml could not be read."""
    if document is None:
        return None
    entries = _root(document).get("sources")
    return {entry["id"]: entry.get("grade") for entry in entries if isinstance(entry, dict)
            and isinstance(entry.get("id"), str)} if isinstance(entries, list) else {}


# The keys that hold a list of source ids: a text's citations.
CITATION_KEYS = ("sources", "summary_sources")
_DIGIT = re.compile(r"\d")


class ReferenceChecks:
    """The known sources (id to grade), categories and tasks (None: that file could not be read)."""

    def __init__(self, sources: dict[str, object] | None, categories: set[str] | None,
                 tasks: set[str] | None, problems: list[DataProblem]):
        self.sources = sources
        self.categories = categories
        self.tasks = tasks
        self.problems = problems

    def document(self, document: YamlDocument) -> None:
        """The checks that hold in every file."""
        for path, value in _walk(document.data):
            if isinstance(value, list):
                self._unique_ids(document, path, value)
            elif isinstance(value, dict):
                self._source(document, path, value)
                self._cited(document, path, value)
                self._categories(document, path, value)
                self._range(document, path, value)

    def _unique_ids(self, document: YamlDocument, path: Path, entries: list) -> None:
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            ident = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                self.problems.append(document.problem((*path, index, "id"),
                                                      f"duplicate id '{ident}'"))
            seen.add(ident)

    def _source(self, document: YamlDocument, path: Path, figure: dict) -> None:
        source = figure.get("source")
        # A figure's source, or a glossary term's.
        if not ("confidence" in figure or "definition" in figure) \
                or not isinstance(source, str) or self.sources is None:
            return
        if source not in self.sources:
            self.problems.append(document.problem(
                (*path, "source"), f"unknown source '{source}': add it to sources.yml"))
        elif figure.get("confidence") == "sourced" and self.sources[source] not in FIRM_GRADES:
            self.problems.append(document.problem(
                (*path, "confidence"),
                f"a figure marked 'sourced' needs a primary (A) or trade-press (B) source; "
                f"'{source}' is graded {self.sources[source]}: mark it 'unverified'"))

    def _cited(self, document: YamlDocument, path: Path, value: dict) -> None:
        if self.sources is None:
            return
        for key in CITATION_KEYS:
            cited = value.get(key)
            if not isinstance(cited, list):
                continue
            for index, source in enumerate(cited):
                if isinstance(source, str) and source not in self.sources:
                    self.problems.append(document.problem(
                        (*path, key, index), f"unknown source '{source}': add it to sources.yml"))

    def page(self, document: YamlDocument) -> None:
        """A guide page: a section that states a figure or a date cites its sources."""
        sections = _root(document).get("sections")
        for index, section in enumerate(sections if isinstance(sections, list) else ()):
            text = section.get("text") if isinstance(section, dict) else None
            if isinstance(text, dict) and "sources" not in section \
                    and any(isinstance(v, str) and _DIGIT.search(v) for v in text.values()):
                self.problems.append(document.problem(
                    ("sections", index, "text"),
                    "this text states a figure or a date: give 'sources' (ids from sources.yml)"))

    def _categories(self, document: YamlDocument, path: Path, value: dict) -> None:
        by_category = value.get("by_category")
        if not isinstance(by_category, dict) or self.categories is None:
            return
        for category in by_category:
            if category not in self.categories:
                self.problems.append(document.problem(
                    (*path, "by_category", category),
                    f"unknown category '{category}': add it to categories.yml"))

    def _range(self, document: YamlDocument, path: Path, figure: dict) -> None:
        """A figure's `range` holds its value: low <= every value (each category's) <= high."""
        span, value = figure.get("range"), figure.get("value")
        if not isinstance(span, dict) or not all(_is_number(span.get(end)) for end in
                                                  ("low", "high")):
            return
        values = [value]
        if isinstance(value, dict):
            by_category = value.get("by_category")
            values = [value.get("default"),
                      *(by_category.values() if isinstance(by_category, dict) else ())]
        for number in filter(_is_number, values):
            if number < span["low"]:
                self.problems.append(document.problem(
                    (*path, "range", "low"), f"low {span['low']:g} is above the value {number:g}"))
                return
            if number > span["high"]:
                self.problems.append(document.problem(
                    (*path, "range", "high"),
                    f"high {span['high']:g} is below the value {number:g}"))
                return

    def default_category(self, document: YamlDocument) -> None:
        default = _root(document).get("default_category")
        if isinstance(default, str) and self.categories is not None \
                and default not in self.categories:
            self.problems.append(document.problem(
                ("default_category",), f"unknown category '{default}'"))

    def mode(self, document: YamlDocument, relative: str) -> None:
        """A mode file: its name matches its id, every task is assigned, delivery is a range."""
        raw = _root(document)
        if isinstance(raw.get("id"), str):
            expected = f"modes/{mode_slug(raw['id'])}.yml"
            if relative != expected:
                self.problems.append(document.problem(
                    ("id",), f"'{raw['id']}' belongs in data/{expected}"))
        responsibilities = raw.get("responsibilities")
        tasks = responsibilities.get("tasks") if isinstance(responsibilities, dict) else None
        if isinstance(tasks, dict) and self.tasks is not None:
            for task_id in tasks:
                if task_id not in self.tasks:
                    self.problems.append(document.problem(
                        ("responsibilities", "tasks", task_id),
                        f"unknown task '{task_id}': tasks are defined in tasks.yml"))
            for task_id in sorted(self.tasks - set(tasks)):
                self.problems.append(document.problem(
                    ("responsibilities", "tasks"), f"task '{task_id}' is missing: say who does it"))
        delivery = raw.get("delivery_days")
        days = delivery.get("value") if isinstance(delivery, dict) else None
        if isinstance(days, dict) and all(
                isinstance(days.get(end), int | float) and not isinstance(days.get(end), bool)
                for end in ("min", "max")) and days["min"] > days["max"]:
            self.problems.append(document.problem(
                ("delivery_days", "value", "min"), "min is greater than max"))
