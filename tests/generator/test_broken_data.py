"""One broken fixture per error class: the exact message, at the exact place, exit status 1.

Each folder in tests/fixtures/broken/ holds one file that replaces its twin in the golden data.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from generator.cli import main
from generator.errors import DataErrors
from generator.load import load_data

BROKEN = FIXTURES / "broken"

EXPECTED = {
    "syntax-error": "data/tasks.yml:5:16: YAML syntax error: expected ',' or ']', "
                    "but got ':' (while parsing a flow sequence)",
    "duplicate-key": "data/categories.yml:8:12: categories[1].label: "
                     "duplicate key 'label' (first defined on line 7)",
    "wrong-type": "data/modes/semi-managed.yml:42:10: demand_multiplier.value: "
                  "'lots' is not of type 'number'",
    "out-of-range-rate": "data/modes/self-operated.yml:58:16: costs[0].value.default: "
                         "8 is greater than the maximum of 1",
    "unknown-reference": "data/modes/fully-managed.yml:33:14: responsibilities.tasks.packing: "
                         "unknown task 'packing': tasks are defined in tasks.yml",
    "missing-source": "data/tasks.yml:8:7: tasks[0].hours: a figure marked 'unverified' needs "
                      "a 'source' (an id from sources.yml), or mark it 'assumption'",
    "bad-boolean": "data/sources.yml:14:11: sources[1].note.en: 'NO' is a YAML 1.1 boolean; "
                   "write true or false, or quote it (\"NO\") if you mean the text",
    "missing-translation": "data/tasks.yml:4:12: tasks[0].label: the Chinese text ('zh') is "
                           "missing: every prose field gives en and zh",
    "empty-translation": "data/categories.yml:7:30: categories[1].label.zh: "
                         "the Chinese text ('zh') is empty",
    "one-language": "data/model.yml:3:10: capital_cost_rate.label: "
                    "give this text in both languages, as {en: ..., zh: ...}",
    "unknown-field": "data/model.yml:6:11: capital_cost_rate.colour: unknown field 'colour' "
                     "(allowed: checked, confidence, label, note, source, unit, value)",
}


def broken_data(case: str, golden_copy: Path) -> Path:
    shutil.copytree(BROKEN / case, golden_copy, dirs_exist_ok=True)
    return golden_copy


def test_every_error_class_has_a_fixture():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_fixture_gives_its_exact_message(case, golden_copy):
    with pytest.raises(DataErrors) as caught:
        load_data(broken_data(case, golden_copy))
    assert [str(problem) for problem in caught.value.problems] == [EXPECTED[case]]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_validate_command_prints_the_message_and_exits_1(case, golden_copy, capsys):
    assert main(["--data", str(broken_data(case, golden_copy)), "validate"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"1 problem in data/:\n{EXPECTED[case]}\n"
    assert captured.out == ""


def test_every_problem_is_reported_at_once(golden_copy):
    for case in ("duplicate-key", "wrong-type", "out-of-range-rate", "unknown-field"):
        broken_data(case, golden_copy)
    with pytest.raises(DataErrors) as caught:
        load_data(golden_copy)
    assert [str(p) for p in caught.value.problems] == sorted(
        EXPECTED[case] for case in
        ("duplicate-key", "wrong-type", "out-of-range-rate", "unknown-field"))


def test_valid_golden_data_passes(golden_copy, capsys):
    assert main(["--data", str(golden_copy), "validate"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_site_build_stops_with_the_message_and_no_traceback(tmp_path):
    """The MkDocs build reports data problems the same way, exit status 1, no traceback."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden" / "data", data)
    shutil.copytree(BROKEN / "out-of-range-rate", data, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {REPO / 'docs'}\n"
        "plugins:\n  - aliexpress-modes:\n      data_dir: data\n      calculators: false\n",
        encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=tmp_path, env={"NO_MKDOCS_2_WARNING": "1",
                                                           "PATH": "/usr/bin:/bin"})
    assert build.returncode == 1
    assert EXPECTED["out-of-range-rate"] in build.stderr
    assert "Traceback" not in build.stderr


def test_bundle_command_prints_the_parameter_bundle(golden_copy, capsys):
    import json

    assert main(["--data", str(golden_copy), "bundle"]) == 0
    bundle = json.loads(capsys.readouterr().out)
    assert bundle["format"] == "aliexpress-modes/parameters"
    assert [mode["id"] for mode in bundle["modes"]] == [
        "fully_managed", "semi_managed", "self_operated"]
    commission = bundle["modes"][2]["components"][0]
    assert commission["id"] == "self_operated.commission"
    assert commission["value"] == {"default": 0.08, "by_category": {"apparel": 0.1}}
    assert commission["source"] == {
        "id": "rules", "title": "Seller rules", "url": "https://example.com/rules"}
