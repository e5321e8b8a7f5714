"""Load data/: read each YAML file strictly, validate it, check references, build typed objects.

Every problem in every file is collected before anything is raised, so one run of
`aliexpress-modes validate` lists all of them.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from generator.errors import DataErrors, DataProblem
from generator.load_decisions import (
    build_chooser,
    build_presets,
    check_chooser,
    check_presets,
    preset_ids,
)
from generator.model import (
    GUIDE_PAGES,
    MODE_ORDER,
    Category,
    CategoryValues,
    Component,
    Fact,
    Figure,
    GlossaryTerm,
    GuidePage,
    Item,
    Mode,
    Offline,
    PageLink,
    PageSection,
    Provenance,
    Range,
    Responsibility,
    SiteData,
    Source,
    Step,
    Task,
    mode_slug,
)
from generator.references import ReferenceChecks, entry_ids, source_grades
from generator.schemas import SCHEMA_DIR, build_date, load_schema, validate_document
from generator.text import Text
from generator.yaml_source import MAX_FILE_BYTES, YamlDocument, decode_data_file, read_yaml

# data file (relative to data/) -> its schema, in the order they are read.
SINGLE_FILES = {
    "sources.yml": "sources.schema.json",
    "categories.yml": "categories.schema.json",
    "model.yml": "model.schema.json",
    "tasks.yml": "tasks.schema.json",
    "glossary.yml": "glossary.schema.json",
    "presets.yml": "presets.schema.json",
    "chooser.yml": "chooser.schema.json",
}
MODE_SCHEMA = "mode.schema.json"
PAGE_SCHEMA = "page.schema.json"


def _schema_comment(relative: str, schema: str) -> str:
    depth = relative.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}"


def _read(data_dir: Path, relative: str, schema: str, problems: list[DataProblem],
          today: datetime.date | None) -> YamlDocument | None:
    """The parsed file, valid or not (its problems added to `problems`); None if unreadable."""
    display = f"{data_dir.name}/{relative}"
    path = data_dir / relative
    if not path.is_file():  # a folder or a device is not read: it could be endless
        message = "is not a regular file" if path.exists() else "file is missing"
        problems.append(DataProblem(display, 1, 1, "", message))
        return None
    try:
        with path.open("rb") as handle:  # read no more than the limit, however large the file
            head = handle.read(MAX_FILE_BYTES + 1)
            size = path.stat().st_size
    except OSError as error:  # no permission to read, say
        problems.append(DataProblem(display, 1, 1, "", f"cannot read the file: {error.strerror}"))
        return None
    key = (display, relative, schema, today or build_date(), hashlib.sha256(head).digest(), size)
    if key not in _checked:
        found: list[DataProblem] = []
        if len(_checked) >= 256:
            _checked.clear()
        _checked[key] = _check(head, size, display, relative, schema, found, today), found
    document, found = _checked[key]
    problems += found
    return document


# (file, its path in data/, schema, date, sha256 of its bytes, size) -> what _check made of it.
# Under `mkdocs serve` one process rebuilds after every edit: the files that did not change are
# not parsed and validated again. Nothing here is changed after it is made.
_checked: dict[tuple, tuple[YamlDocument | None, list[DataProblem]]] = {}


def _check(head: bytes, size: int, display: str, relative: str, schema: str,
           problems: list[DataProblem], today: datetime.date | None) -> YamlDocument | None:
    """Decode, parse and validate one file's bytes, adding its problems to `problems`."""
    text, found = decode_data_file(head, display, size=size)
    if text is None:
        problems += found
        return None
    document, found = read_yaml(text, display)
    problems += found
    expected = _schema_comment(relative, schema)
    if text.split("\n", 1)[0].strip() != expected:
        problems.append(DataProblem(display, 1, 1, "", f"the first line must be '{expected}'"))
    if document is None:
        return None
    if document.data is None:
        what = load_schema(schema)["description"]
        problems.append(DataProblem(display, 1, 1, "", "the file is empty; it must hold "
                                    f"{what[0].lower()}{what[1:].rstrip('.')}"))
        return None
    problems += validate_document(document, schema, SCHEMA_DIR, today)
    return document


class _Builder:
    """Turns documents that passed every check into typed objects."""

    def __init__(self, sources: dict[str, Source]):
        self.sources = sources

    def provenance(self, document: YamlDocument, path: tuple) -> Provenance:
        raw = document.at(path)
        source = self.sources[raw["source"]] if "source" in raw else None
        line, _ = document.where((*path, "checked"))  # for freshness warnings
        return Provenance(raw["checked"], raw["confidence"], source, _optional_text(raw, "note"),
                          f"{document.file}:{line}")

    def figure(self, document: YamlDocument, path: tuple) -> Figure:
        raw = document.at(path)
        value = raw["value"]
        if isinstance(value, dict):
            value = CategoryValues(value["default"], dict(value.get("by_category", {})))
        span = raw.get("range")
        return Figure(value, Text.from_data(raw["unit"]), self.provenance(document, path),
                      _optional_text(raw, "label"),
                      span and Range(span["low"], span["high"], Text.from_data(span["reason"])))

    def task(self, document: YamlDocument, index: int) -> Task:
        raw = document.data["tasks"][index]
        return Task(raw["id"], Text.from_data(raw["label"]), Text.from_data(raw["description"]),
                    raw["driver"], self.figure(document, ("tasks", index, "hours")))

    def glossary_term(self, raw: dict) -> GlossaryTerm:
        source = self.sources[raw["source"]] if "source" in raw else None
        return GlossaryTerm(raw["id"], raw["term"], tuple(raw.get("also", ())), raw["english"],
                            Text.from_data(raw["definition"]), source)

    def mode(self, document: YamlDocument, relative: str, task_ids: list[str]) -> Mode:
        raw = document.data
        tasks = raw["responsibilities"]["tasks"]
        delivery = raw["delivery_days"]
        return Mode(
            id=raw["id"],
            file=f"data/{relative}",
            name=Text.from_data(raw["name"]),
            tagline=Text.from_data(raw["tagline"]),
            summary=Text.from_data(raw["summary"]),
            summary_sources=self.cited(raw, "summary_sources"),
            steps=tuple(Step(s["id"], Text.from_data(s["title"]), Text.from_data(s["text"]),
                             self.cited(s))
                        for s in raw["steps"]),
            advantages=self.items(raw["advantages"]),
            drawbacks=self.items(raw["drawbacks"]),
            suits=self.items(raw["suits"]),
            does_not_suit=self.items(raw["does_not_suit"]),
            responsibilities={
                task_id: Responsibility(tasks[task_id]["who"], tasks[task_id].get("share"))
                for task_id in task_ids
            },
            responsibilities_provenance=self.provenance(document, ("responsibilities",)),
            delivery_days=(delivery["value"]["min"], delivery["value"]["max"]),
            delivery_provenance=self.provenance(document, ("delivery_days",)),
            demand_multiplier=self.figure(document, ("demand_multiplier",)),
            return_loss_share=self.figure(document, ("return_loss_share",)),
            stock_days=self.figure(document, ("stock_days",)),
            payout_days=self.figure(document, ("payout_days",)),
            unsold_share=self.figure(document, ("unsold_share",)),
            supply_price_ratio=(self.figure(document, ("supply_price_ratio",))
                                if "supply_price_ratio" in raw else None),
            costs=tuple(
                Component(c["id"], Text.from_data(c["label"]), c["kind"], c["basis"],
                          self.figure(document, ("costs", index)))
                for index, c in enumerate(raw["costs"])
            ),
            facts=tuple(
                Fact(f["id"], Text.from_data(f["title"]), Text.from_data(f["text"]),
                     self.cited(f), f["checked"])
                for f in raw["facts"]
            ),
        )

    def cited(self, raw: dict, key: str = "sources") -> tuple[Source, ...]:
        """The sources a text cites (its `sources` list, or another key's)."""
        return tuple(self.sources[source_id] for source_id in raw.get(key, ()))

    def items(self, raw: list[dict]) -> tuple[Item, ...]:
        return tuple(Item(item["id"], Text.from_data(item["text"]), self.cited(item))
                     for item in raw)

    def page(self, raw: dict, name: str) -> GuidePage:
        sections = tuple(
            PageSection(s["id"], Text.from_data(s["title"]), Text.from_data(s["text"]),
                        self.cited(s),
                        tuple(PageLink(link["page"], Text.from_data(link["label"]))
                              for link in s.get("see", ())))
            for s in raw["sections"])
        return GuidePage(name, Text.from_data(raw["title"]), Text.from_data(raw["description"]),
                         Text.from_data(raw["intro"]), sections)


def _optional_text(raw: dict, key: str) -> Text | None:
    return Text.from_data(raw[key]) if key in raw else None


def _source(raw: dict) -> Source:
    offline = raw.get("offline")
    return Source(raw["id"], Text.from_data(raw["title"]), Text.from_data(raw["publisher"]),
                  raw["grade"], raw["checked"], raw.get("url"),
                  offline and Offline(offline["kind"], Text.from_data(offline["where"])),
                  raw.get("published"), _optional_text(raw, "note"))


def load_data(data_dir: Path | str, today: datetime.date | None = None) -> SiteData:
    """Read and check everything in `data_dir`; raise DataErrors listing every problem.

    Dates in the data may not be later than `today` (default: the build date).
    """
    data_dir = Path(data_dir)
    problems: list[DataProblem] = []
    docs = {name: _read(data_dir, name, schema, problems, today)
            for name, schema in SINGLE_FILES.items()}
    mode_docs = {
        f"modes/{mode_slug(mode_id)}.yml": _read(
            data_dir, f"modes/{mode_slug(mode_id)}.yml", MODE_SCHEMA, problems, today)
        for mode_id in MODE_ORDER
    }
    page_docs = {name: _read(data_dir, f"pages/{name}.yml", PAGE_SCHEMA, problems, today)
                 for name in GUIDE_PAGES}
    extra = sorted(
        p.relative_to(data_dir).as_posix() for p in (data_dir / "modes").glob("*.y*ml")
        if p.relative_to(data_dir).as_posix() not in mode_docs
    )
    for relative in extra:
        problems.append(DataProblem(
            f"{data_dir.name}/{relative}", 1, 1, "",
            f"unexpected mode file; the modes are {', '.join(MODE_ORDER)}"))
    # References are checked in every file that parsed, valid or not; references into a file
    # that could not be read at all are not checked, since its ids are unknown.
    checks = ReferenceChecks(source_grades(docs["sources.yml"]),
                             entry_ids(docs["categories.yml"], "categories"),
                             entry_ids(docs["tasks.yml"], "tasks"), problems)
    for document in [*docs.values(), *mode_docs.values(), *page_docs.values()]:
        if document is not None:
            checks.document(document)
    for document in page_docs.values():
        if document is not None:
            checks.page(document)
    if docs["categories.yml"]:
        checks.default_category(docs["categories.yml"])
    for relative, document in mode_docs.items():
        if document is not None:
            checks.mode(document, relative)
    if docs["presets.yml"]:
        categories_doc = docs["categories.yml"]
        # A categories file that is not a mapping has no default; its own check says so.
        categories = categories_doc.data if categories_doc else None
        default = categories.get("default_category") if isinstance(categories, dict) else None
        check_presets(docs["presets.yml"], entry_ids(categories_doc, "categories"), default,
                      problems)
    if docs["chooser.yml"]:
        check_chooser(docs["chooser.yml"], dict(zip(MODE_ORDER, mode_docs.values(), strict=True)),
                      preset_ids(docs["presets.yml"]), problems)
    if problems:
        raise DataErrors(problems)

    sources = {s["id"]: _source(s) for s in docs["sources.yml"].data["sources"]}
    builder = _Builder(sources)
    categories = docs["categories.yml"].data
    tasks_doc = docs["tasks.yml"]
    tasks = tuple(builder.task(tasks_doc, i) for i in range(len(tasks_doc.data["tasks"])))
    task_ids = [task.id for task in tasks]
    modes = tuple(builder.mode(doc, relative, task_ids)
                  for relative, doc in mode_docs.items())
    return SiteData(
        sources=sources,
        categories=tuple(Category(c["id"], Text.from_data(c["label"]))
                         for c in categories["categories"]),
        default_category=categories["default_category"],
        capital_cost_rate=builder.figure(docs["model.yml"], ("capital_cost_rate",)),
        tasks=tasks,
        modes=modes,
        presets=build_presets(docs["presets.yml"].data, sources),
        chooser=build_chooser(docs["chooser.yml"].data, modes),
        pages={name: builder.page(doc.data, name) for name, doc in page_docs.items()},
        glossary=tuple(builder.glossary_term(t) for t in docs["glossary.yml"].data["terms"]),
    )
