"""docs/reference/formats.md stays true: every input with its limits, real examples, no raw HTML."""

import json
import re

from calculators.checks import plain
from calculators_support import BUNDLE, ROOT

import calculators
from calculators import INPUTS, InvalidInput, evaluate

PAGE = ROOT / "docs" / "reference" / "formats.md"
TEXT = PAGE.read_text("utf-8")
JSON_BLOCKS = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", TEXT, re.S)]
EXPORTED = {"units_per_month": 100, "overrides": {"semi_managed.commission": 0.075}}


def documented(format_name: str) -> dict:
    """The example of the format named ``format_name``."""
    return next(block for block in JSON_BLOCKS
                if isinstance(block, dict) and block.get("format") == format_name)


def test_every_input_is_documented_with_its_limits():
    rows = {line.split("|")[1].strip(): line for line in TEXT.splitlines()
            if line.startswith("| `")}
    for field in INPUTS:
        row = rows[f"`{field.name}`"]
        if field.kind == "number":
            assert f"{plain(field.min)} to {plain(field.max)}" in row, field.name
            default = "`null`" if field.default is None else plain(field.default)
            assert f"| {default}" in row, field.name


def test_scenario_example_is_the_example_file():
    assert JSON_BLOCKS[0] == json.loads((ROOT / "examples" / "scenario.json").read_text("utf-8"))


def test_result_example_shows_real_numbers(scenario):
    documented_result = documented("aliexpress-modes/result")
    actual = evaluate(scenario, BUNDLE)
    mode = next(m for m in actual["modes"] if m["id"] == "semi_managed")
    shown = documented_result["modes"][0]
    for key, value in shown.items():
        if key == "components":
            assert value == mode["components"][:1]
        elif key == "tasks":
            assert value == [t for t in mode["tasks"] if t["id"] == "customer_service"]
        else:
            assert value == mode[key], key
    assert documented_result["recommended"] == actual["recommended"]
    sensitivity = documented_result["sensitivity"]
    rows = {row["id"]: row for row in actual["sensitivity"]["subjects"]}
    assert sensitivity["subjects"] == [rows[row["id"]] for row in sensitivity["subjects"]]
    for key in ("mode", "lead", "nearest_flips", "verdict"):
        assert sensitivity[key] == actual["sensitivity"][key], key


def test_invalid_scenario_example_shows_the_real_messages():
    [shown] = [block for block in JSON_BLOCKS if isinstance(block, list)]
    try:
        evaluate({"category": "toys", "units_per_month": "", "return_rate": 1.5}, BUNDLE)
    except InvalidInput as error:
        assert shown == [problem.as_dict() for problem in error.problems]
    else:
        raise AssertionError("the documented scenario is valid")


def test_export_examples_show_a_real_export():
    result = evaluate(EXPORTED, BUNDLE)
    record = calculators.export_record(result, BUNDLE)
    shown = documented("aliexpress-modes/export")
    assert list(shown) == list(record)
    for key in ("format", "version", "language", "model_version", "data_version", "currency",
                "overrides", "result_format", "capital_cost_rate"):
        assert shown[key] == record[key], key
    assert shown["scenario"]["overrides"] == record["scenario"]["overrides"]
    recommended = dict(shown["recommended"], reason=record["recommended"]["reason"])
    assert recommended == record["recommended"]
    assert record["recommended"]["reason"].startswith(shown["recommended"]["reason"][:-3])
    [csv_block] = re.findall(r"```\n(mode,section.*?)```", TEXT, re.S)
    exported = calculators.export_csv(result, BUNDLE).removeprefix("\ufeff").splitlines()
    lines = [line for line in csv_block.splitlines() if line != "..."]
    assert lines[0] == exported[0]
    assert all(line in exported for line in lines), [x for x in lines if x not in exported]


def test_no_raw_html_and_links_resolve():
    prose = re.sub(r"```.*?```", "", TEXT, flags=re.S)
    prose = re.sub(r"`[^`]*`", "", prose)
    assert "<" not in prose.replace(" < ", "")
    for target in re.findall(r"\]\(([^)]+)\)", prose):
        assert not re.match(r"[a-z]+:", target), target  # relative links only
        assert (PAGE.parent / target.split("#")[0]).resolve().exists(), target
