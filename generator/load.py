"""Load data/: read each YAML file strictly, validate it, check references, build typed objects.

Every problem in every file is collected before anything is raised, so one run of
`aliexpress-modes validate` lists all of them.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import DataErrors, DataProblem
from generator.model import (
    MODE_ORDER,
    Category,
    CategoryValues,
    Component,
    Figure,
    Item,
    Mode,
    Provenance,
    Responsibility,
    SiteData,
    Source,
    Step,
    Task,
    mode_slug,
)
from generator.schemas import SCHEMA_DIR, validate_document
from generator.text import Text
from generator.yaml_source import YamlDocument, read_yaml

# data file (relative to data/) -> its schema, in the order they are read.
SINGLE_FILES = {
    "sources.yml": "sources.schema.json",
    "categories.yml": "categories.schema.json",
    "model.yml": "model.schema.json",
    "tasks.yml": "tasks.schema.json",
}
MODE_SCHEMA = "mode.schema.json"


def _schema_comment(relative: str, schema: str) -> str:
    depth = relative.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}"


def _read(data_dir: Path, relative: str, schema: str,
          problems: list[DataProblem]) -> YamlDocument | None:
    display = f"{data_dir.name}/{relative}"
    path = data_dir / relative
    if not path.is_file():
        problems.append(DataProblem(display, 1, 1, "", "file is missing"))
        return None
    text = path.read_text(encoding="utf-8")
    document, found = read_yaml(text, display)
    problems += found
    expected = _schema_comment(relative, schema)
    if text.split("\n", 1)[0].strip() != expected:
        problems.append(DataProblem(display, 1, 1, "", f"the first line must be '{expected}'"))
    if document is None:
        return None
    schema_problems = validate_document(document, schema, SCHEMA_DIR)
    problems += schema_problems
    return None if schema_problems or found else document


class _Builder:
    """Turns schema-valid documents into typed objects, checking references between files."""

    def __init__(self, sources: dict[str, Source] | None, categories: set[str] | None,
                 problems: list[DataProblem]):
        # None means "that file failed to load": references into it are not checked.
        self.sources = sources
        self.categories = categories
        self.problems = problems

    def unique_ids(self, document: YamlDocument, path: tuple, items: list[dict]) -> None:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item["id"] in seen:
                self.problems.append(document.problem(
                    (*path, index, "id"), f"duplicate id '{item['id']}'"))
            seen.add(item["id"])

    def provenance(self, document: YamlDocument, path: tuple, raw: dict) -> Provenance:
        source = None
        if "source" in raw and self.sources is not None:
            source = self.sources.get(raw["source"])
            if source is None:
                self.problems.append(document.problem(
                    (*path, "source"), f"unknown source '{raw['source']}': add it to sources.yml"))
        line, _ = document.where((*path, "checked"))
        return Provenance(raw["checked"], raw["confidence"], source, _optional_text(raw, "note"),
                          f"{document.file}:{line}")

    def figure(self, document: YamlDocument, path: tuple, raw: dict) -> Figure:
        value = raw["value"]
        if isinstance(value, dict):
            for category in value.get("by_category", {}):
                if self.categories is not None and category not in self.categories:
                    self.problems.append(document.problem(
                        (*path, "value", "by_category", category),
                        f"unknown category '{category}': add it to categories.yml"))
            value = CategoryValues(value["default"], dict(value.get("by_category", {})))
        return Figure(value, Text.from_data(raw["unit"]), self.provenance(document, path, raw),
                      _optional_text(raw, "label"))

    def task(self, document: YamlDocument, index: int, raw: dict) -> Task:
        hours = self.figure(document, ("tasks", index, "hours"), raw["hours"])
        return Task(raw["id"], Text.from_data(raw["label"]), Text.from_data(raw["description"]),
                    raw["driver"], hours)

    def mode(self, document: YamlDocument, relative: str, task_ids: list[str] | None) -> Mode:
        raw = document.data
        expected_file = f"modes/{mode_slug(raw['id'])}.yml"
        if relative != expected_file:
            self.problems.append(document.problem(
                ("id",), f"'{raw['id']}' belongs in data/{expected_file}"))
        for key in ("steps", "advantages", "drawbacks", "suits", "does_not_suit", "costs"):
            self.unique_ids(document, (key,), raw[key])
        tasks = raw["responsibilities"]["tasks"]
        for task_id in tasks if task_ids is not None else ():
            if task_id not in task_ids:
                self.problems.append(document.problem(
                    ("responsibilities", "tasks", task_id),
                    f"unknown task '{task_id}': tasks are defined in tasks.yml"))
        for task_id in task_ids or ():
            if task_id not in tasks:
                self.problems.append(document.problem(
                    ("responsibilities", "tasks"), f"task '{task_id}' is missing: say who does it"))
        delivery = raw["delivery_days"]
        if delivery["value"]["min"] > delivery["value"]["max"]:
            self.problems.append(document.problem(
                ("delivery_days", "value", "min"), "min is greater than max"))
        return Mode(
            id=raw["id"],
            file=f"data/{relative}",
            name=Text.from_data(raw["name"]),
            tagline=Text.from_data(raw["tagline"]),
            summary=Text.from_data(raw["summary"]),
            steps=tuple(Step(s["id"], Text.from_data(s["title"]), Text.from_data(s["text"]))
                        for s in raw["steps"]),
            advantages=_items(raw["advantages"]),
            drawbacks=_items(raw["drawbacks"]),
            suits=_items(raw["suits"]),
            does_not_suit=_items(raw["does_not_suit"]),
            responsibilities={
                task_id: Responsibility(tasks[task_id]["who"], tasks[task_id].get("share"))
                for task_id in task_ids or () if task_id in tasks
            },
            responsibilities_provenance=self.provenance(
                document, ("responsibilities",), raw["responsibilities"]),
            delivery_days=(delivery["value"]["min"], delivery["value"]["max"]),
            delivery_provenance=self.provenance(document, ("delivery_days",), delivery),
            demand_multiplier=self.figure(
                document, ("demand_multiplier",), raw["demand_multiplier"]),
            return_loss_share=self.figure(
                document, ("return_loss_share",), raw["return_loss_share"]),
            costs=tuple(
                Component(c["id"], Text.from_data(c["label"]), c["kind"], c["basis"],
                          self.figure(document, ("costs", i), c))
                for i, c in enumerate(raw["costs"])
            ),
        )


def _optional_text(raw: dict, key: str) -> Text | None:
    return Text.from_data(raw[key]) if key in raw else None


def _source(raw: dict) -> Source:
    return Source(raw["id"], Text.from_data(raw["title"]), Text.from_data(raw["publisher"]),
                  raw["grade"], raw.get("url"), raw.get("published"), _optional_text(raw, "note"))


def _items(raw: list[dict]) -> tuple[Item, ...]:
    return tuple(Item(item["id"], Text.from_data(item["text"])) for item in raw)


def load_data(data_dir: Path | str) -> SiteData:
    """Read and check everything in `data_dir`; raise DataErrors listing every problem."""
    data_dir = Path(data_dir)
    problems: list[DataProblem] = []
    docs = {name: _read(data_dir, name, schema, problems) for name, schema in SINGLE_FILES.items()}
    mode_docs = {
        f"modes/{mode_slug(mode_id)}.yml": _read(
            data_dir, f"modes/{mode_slug(mode_id)}.yml", MODE_SCHEMA, problems)
        for mode_id in MODE_ORDER
    }
    extra = sorted(
        p.relative_to(data_dir).as_posix() for p in (data_dir / "modes").glob("*.y*ml")
        if p.relative_to(data_dir).as_posix() not in mode_docs
    )
    for relative in extra:
        problems.append(DataProblem(
            f"{data_dir.name}/{relative}", 1, 1, "",
            f"unexpected mode file; the modes are {', '.join(MODE_ORDER)}"))
    # Build what parsed cleanly; references into a file that failed are not checked, since
    # its ids are unknown, but every other problem is still found in this one pass.
    builder = _Builder(None, None, problems)
    sources_doc = docs["sources.yml"]
    if sources_doc:
        builder.unique_ids(sources_doc, ("sources",), sources_doc.data["sources"])
        builder.sources = {s["id"]: _source(s) for s in sources_doc.data["sources"]}

    categories_doc = docs["categories.yml"]
    raw_categories = categories_doc.data["categories"] if categories_doc else []
    default_category = None
    if categories_doc:
        builder.unique_ids(categories_doc, ("categories",), raw_categories)
        builder.categories = {c["id"] for c in raw_categories}
        default_category = categories_doc.data["default_category"]
        if default_category not in builder.categories:
            problems.append(categories_doc.problem(
                ("default_category",), f"unknown category '{default_category}'"))

    model_doc = docs["model.yml"]
    capital_cost_rate = model_doc and builder.figure(
        model_doc, ("capital_cost_rate",), model_doc.data["capital_cost_rate"])

    tasks_doc = docs["tasks.yml"]
    tasks: tuple[Task, ...] = ()
    if tasks_doc:
        builder.unique_ids(tasks_doc, ("tasks",), tasks_doc.data["tasks"])
        tasks = tuple(
            builder.task(tasks_doc, i, t) for i, t in enumerate(tasks_doc.data["tasks"]))
    task_ids = [task.id for task in tasks] if tasks_doc else None

    modes = tuple(
        builder.mode(doc, relative, task_ids) for relative, doc in mode_docs.items() if doc)
    if problems:
        raise DataErrors(problems)
    return SiteData(
        sources=builder.sources,
        categories=tuple(Category(c["id"], Text.from_data(c["label"])) for c in raw_categories),
        default_category=default_category,
        capital_cost_rate=capital_cost_rate,
        tasks=tasks,
        modes=modes,
    )
