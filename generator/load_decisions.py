"""Presets and the chooser (data/presets.yml, data/chooser.yml): the checks that reach across
files, and the typed objects built once every check has passed.

The checks run on files that parsed, valid or not (as generator/references.py does), so they
look at a value only where it has the expected shape. A preset's scenario is checked by the
calculators package itself (``validate_scenario``), so a preset can never hold a value the
calculator would refuse. Ids, sources and categories are checked by references.py for every file.
"""

from __future__ import annotations

from itertools import combinations

from calculators.errors import InvalidInput
from calculators.inputs import validate_scenario

from generator.errors import DataProblem
from generator.model import (
    MODE_ORDER,
    Chooser,
    ChooserAnswer,
    ChooserOutcome,
    ChooserQuestion,
    GuidePoint,
    Item,
    Mode,
    Preset,
    Source,
    mode_slug,
)
from generator.text import Text
from generator.yaml_source import YamlDocument

OUTCOME_SETS = [(mode,) for mode in MODE_ORDER] + list(combinations(MODE_ORDER, 2))


def _entries(value: object) -> list[tuple[int, dict]]:
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] \
        if isinstance(value, list) else []


def _root(document: YamlDocument | None) -> dict:
    return document.data if document is not None and isinstance(document.data, dict) else {}


def preset_ids(document: YamlDocument | None) -> set[str] | None:
    if document is None:
        return None
    return {p["id"] for _, p in _entries(_root(document).get("presets")) if "id" in p}


def check_presets(document: YamlDocument, categories: set[str] | None,
                  default_category: object, problems: list[DataProblem]) -> None:
    """Each preset's scenario, against the calculator's own limits and the categories."""
    if categories is None:
        return
    for index, preset in _entries(_root(document).get("presets")):
        scenario = preset.get("scenario")
        if not isinstance(scenario, dict):
            continue
        try:
            validate_scenario(scenario, sorted(categories), default_category, {})
        except InvalidInput as error:
            for problem in error.problems:
                problems.append(document.problem(
                    ("presets", index, "scenario", problem.field), problem.message))


def check_chooser(document: YamlDocument, modes: dict[str, YamlDocument | None],
                  presets: set[str] | None, problems: list[DataProblem]) -> None:
    """Facts name points that exist in the mode files; presets exist; one outcome per set."""
    root = _root(document)

    def check_preset(path: tuple, preset: object) -> None:
        if isinstance(preset, str) and presets is not None and preset not in presets:
            problems.append(document.problem(
                path, f"unknown preset '{preset}': presets are defined in presets.yml"))

    for q_index, question in _entries(root.get("questions")):
        for a_index, answer in _entries(question.get("answers")):
            path = ("questions", q_index, "answers", a_index)
            check_preset((*path, "preset"), answer.get("preset"))
            fact = answer.get("fact")
            if isinstance(fact, str) and fact.count("/") == 2:
                _check_fact(document, (*path, "fact"), fact, modes, problems)
    wanted = list(OUTCOME_SETS)
    for index, outcome in _entries(root.get("outcomes")):
        check_preset(("outcomes", index, "preset"), outcome.get("preset"))
        chosen = outcome.get("modes")
        chosen = tuple(chosen) if isinstance(chosen, list) else None
        if chosen in wanted:
            wanted.remove(chosen)
        elif chosen is not None:
            problems.append(document.problem(
                ("outcomes", index, "modes"), "give one mode or two in their usual order ("
                f"{', '.join(MODE_ORDER)}), each set once"))
    if isinstance(root.get("outcomes"), list):
        for missing in wanted:
            problems.append(document.problem(
                ("outcomes",), f"no outcome for {' + '.join(missing)}: every mode and every "
                               "pair of modes needs one"))


def _check_fact(document: YamlDocument, path: tuple, fact: str,
                modes: dict[str, YamlDocument | None], problems: list[DataProblem]) -> None:
    mode_id, list_name, item_id = fact.split("/")
    mode = modes.get(mode_id)
    if mode is None:  # unreadable (reported there), or not a mode (the schema says so)
        return
    items = _root(mode).get(list_name)
    ids = [item["id"] for _, item in _entries(items) if isinstance(item.get("id"), str)]
    if item_id not in ids:
        problems.append(document.problem(
            path, f"'{item_id}' is not in {list_name} of data/modes/{mode_slug(mode_id)}.yml "
                  f"(its ids: {', '.join(ids)})"))


def build_presets(raw: dict, sources: dict[str, Source]) -> tuple[Preset, ...]:
    return tuple(
        Preset(p["id"], Text.from_data(p["name"]), Text.from_data(p["description"]),
               Text.from_data(p["reason"]), p["confidence"],
               sources[p["source"]] if "source" in p else None, dict(p["scenario"]))
        for p in raw["presets"])


def build_chooser(raw: dict, modes: tuple[Mode, ...]) -> Chooser:
    by_id = {mode.id: mode for mode in modes}

    def fact(reference: str) -> GuidePoint:
        mode_id, list_name, item_id = reference.split("/")
        item: Item = next(i for i in getattr(by_id[mode_id], list_name) if i.id == item_id)
        return GuidePoint(mode_id, list_name, item)

    questions = tuple(
        ChooserQuestion(q["id"], Text.from_data(q["question"]), tuple(
            ChooserAnswer(a["id"], Text.from_data(a["label"]), dict(a["leans"]),
                          Text.from_data(a["reason"]), fact(a["fact"]), a.get("preset"))
            for a in q["answers"]))
        for q in raw["questions"])
    outcomes = tuple(ChooserOutcome(tuple(o["modes"]), o["preset"], Text.from_data(o["summary"]))
                     for o in raw["outcomes"])
    return Chooser(raw["combine_within"], questions, outcomes)
