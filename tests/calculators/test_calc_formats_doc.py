"""docs/reference/formats.md stays true: every input with its limits, real examples, no raw HTML."""

import json
import re

from calculators.checks import plain
from calculators_support import BUNDLE, ROOT

from calculators import INPUTS, evaluate

PAGE = ROOT / "docs" / "reference" / "formats.md"
TEXT = PAGE.read_text("utf-8")
JSON_BLOCKS = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", TEXT, re.S)]


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
    documented = JSON_BLOCKS[-1]
    actual = evaluate(scenario, BUNDLE)
    mode = next(m for m in actual["modes"] if m["id"] == "semi_managed")
    shown = documented["modes"][0]
    for key, value in shown.items():
        if key == "components":
            assert value == mode["components"][:1]
        elif key == "tasks":
            assert value == [t for t in mode["tasks"] if t["id"] == "customer_service"]
        else:
            assert value == mode[key], key
    assert documented["recommended"] == actual["recommended"]
    sensitivity = documented["sensitivity"]
    rows = {row["id"]: row for row in actual["sensitivity"]["subjects"]}
    assert sensitivity["subjects"] == [rows[row["id"]] for row in sensitivity["subjects"]]
    for key in ("mode", "lead", "nearest_flips", "verdict"):
        assert sensitivity[key] == actual["sensitivity"][key], key


def test_no_raw_html_and_links_resolve():
    prose = re.sub(r"```.*?```", "", TEXT, flags=re.S)
    prose = re.sub(r"`[^`]*`", "", prose)
    assert "<" not in prose.replace(" < ", "")
    for target in re.findall(r"\]\(([^)]+)\)", prose):
        assert not re.match(r"[a-z]+:", target), target  # relative links only
        assert (PAGE.parent / target.split("#")[0]).resolve().exists(), target
