"""One broken fixture per error class: the exact message, at the exact place, exit status 1.

Each folder in tests/fixtures/broken/ holds one file that replaces its twin in the golden data.
"""

from __future__ import annotations

import calendar
import datetime
import os
import resource
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

# Dates may not be later than the build date: fixed here, so the messages are exact.
BUILD_DATE = datetime.date(2026, 6, 1)

EXPECTED = {
    "syntax-error": "data/tasks.yml:5:16: YAML syntax error: expected ',' or ']', "
                    "but got ':' (while parsing a flow sequence)",
    "duplicate-key": "data/categories.yml:8:12: categories[1].label: "
                     "duplicate key 'label' (first defined on line 7)",
    "wrong-type": "data/modes/semi-managed.yml:44:10: demand_multiplier.value: "
                  'must be a number; got the text "lots"',
    "out-of-range-rate": "data/modes/self-operated.yml:60:16: costs[0].value.default: "
                         "must be at most 1; got 8",
    "unknown-reference": "data/modes/fully-managed.yml:34:14: responsibilities.tasks.packing: "
                         "unknown task 'packing': tasks are defined in tasks.yml",
    "missing-source": "data/tasks.yml:8:7: tasks[0].hours: a figure marked 'unverified' needs "
                      "a 'source' (an id from sources.yml), or mark it 'assumption'",
    "bad-boolean": "data/sources.yml:15:11: sources[1].note.en: 'NO' is a YAML 1.1 boolean; "
                   "write true or false, or quote it (\"NO\") if you mean the text",
    "missing-translation": "data/tasks.yml:4:12: tasks[0].label: the Chinese text ('zh') is "
                           "missing: every prose field gives en and zh",
    "empty-translation": "data/categories.yml:7:30: categories[1].label.zh: "
                         "the Chinese text ('zh') is empty",
    "one-language": "data/model.yml:3:10: capital_cost_rate.label: "
                    "give this text in both languages, as {en: ..., zh: ...}",
    "unknown-fact": "data/chooser.yml:11:15: questions[0].answers[0].fact: 'sellers' is not in "
                    "suits of data/modes/self-operated.yml (its ids: s)",
    "preset-out-of-range": "data/presets.yml:8:49: presets[0].scenario.units_per_month: Units "
                           "sold per month must be 0 or more, not -5.",
    "missing-outcome": "data/chooser.yml:32:3: outcomes: no outcome for semi_managed + "
                       "self_operated: every mode and every pair of modes needs one",
    "unknown-field": "data/model.yml:6:11: capital_cost_rate.colour: unknown field 'colour' "
                     "(allowed: checked, confidence, label, note, range, source, unit, value)",
    # Reading is bounded: aliases, depth, size, encoding, characters, numbers.
    "alias-bomb": "data/model.yml:9:8: b[0]: '*a' is a YAML alias; data files may not use "
                  "aliases (& and *): write the value out in full",
    "deep-nesting": "data/model.yml:8:28: nested" + "[0]" * 19 + ": nested more than 20 lists "
                    "and maps deep; data files may nest at most 20",
    "not-utf8": "data/categories.yml:1:1: the file is not UTF-8: byte 0xCD on line 5, column 27 "
                "is not valid UTF-8 (was it saved as GBK or Latin-1?); save it as UTF-8",
    "utf16": "data/sources.yml:1:1: the file is saved as UTF-16 (it starts with a UTF-16 byte "
             "order mark); save it as UTF-8",
    "control-character": "data/model.yml:3:22: the character U+0007 is not allowed in YAML "
                         "(only printable characters are); delete it",
    "long-integer": "data/model.yml:4:10: capital_cost_rate.value: a whole number of 5001 "
                    "digits is too long to be a figure (at most 30 digits)",
    "list-as-key": "data/model.yml:8:3: a key must be plain text, not a list or a map",
    "empty-file": "data/model.yml:1:1: the file is empty; it must hold settings of the fee and "
                  "effort model that belong to no single mode\n"
                  "data/model.yml:1:1: the first line must be "
                  "'# yaml-language-server: $schema=schemas/model.schema.json'",
    # Numbers are finite and dates real and past, in every field.
    "nan-fee": "data/modes/semi-managed.yml:72:12: costs[1].value: "
               "must be a finite number; got .nan",
    "infinite-rate": "data/model.yml:4:10: capital_cost_rate.value: "
                     "must be a finite number; got -.inf",
    "impossible-date": 'data/model.yml:7:12: capital_cost_rate.checked: "2026-13-45" is not a '
                       "date on the calendar (YYYY-MM-DD)",
    "nonexistent-day": 'data/model.yml:7:12: capital_cost_rate.checked: "2026-02-30" is not a '
                       "date on the calendar (YYYY-MM-DD)",
    "future-date": 'data/model.yml:7:12: capital_cost_rate.checked: "2099-01-01" is after the '
                   "build date (2026-06-01); a date here records something that has happened",
    # Errors where they are, all at once.
    "text-in-category-map": "data/modes/self-operated.yml:62:18: "
                            "costs[0].value.by_category.apparel: must be a number; got the text "
                            '"0.1" (numbers are written without quotes)',
    "schema-and-reference": "data/modes/fully-managed.yml:64:13: costs[0].source: unknown source "
                            "'nowhere': add it to sources.yml\n"
                            "data/modes/fully-managed.yml:72:12: costs[1].value: "
                            "must be at least 0; got -5",
    # Issue 15: every source has an address or says why not, every fact cites sources that
    # exist, and a figure's confidence matches the grade of its source.
    "source-without-address": "data/sources.yml:10:5: sources[1]: a source needs its exact 'url' "
                              "(the page itself, not the site's home page), or 'offline' for "
                              "print or a screenshot, saying where to see it",
    "source-home-page": "data/sources.yml:13:10: sources[1].url: 'https://example.com/' is not "
                        "the exact https address of a page (a site's home page is not enough): "
                        "give the page that says what the data cites",
    "source-with-url-and-offline": "data/sources.yml:3:5: sources[0]: "
                                   "give 'url' or 'offline', not both",
    "fact-without-sources": "data/modes/semi-managed.yml:78:5: facts[0]: a fact needs 'sources': "
                            "the ids (from sources.yml) of the sources that state it",
    "unknown-cited-source": "data/modes/self-operated.yml:16:22: steps[1].sources[1]: "
                            "unknown source 'blgo': add it to sources.yml",
    "sourced-from-weak-source": "data/modes/fully-managed.yml:65:17: costs[0].confidence: a figure "
                                "marked 'sourced' needs a primary (A) or trade-press (B) source; "
                                "'blog' is graded C: mark it 'unverified'",
    "assumption-without-reason": "data/modes/self-operated.yml:68:5: costs[1]: a cost marked "
                                 "'assumption' needs a 'note': what no source gives, and why the "
                                 "value is what it is",
    "page-figure-without-sources": "data/pages/faq.yml:8:11: sections[0].text: this text states a "
                                   "figure or a date: give 'sources' (ids from sources.yml)",
}


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch):
    epoch = calendar.timegm(BUILD_DATE.timetuple())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))


def broken_data(case: str, golden_copy: Path) -> Path:
    shutil.copytree(BROKEN / case, golden_copy, dirs_exist_ok=True)
    return golden_copy


def test_every_error_class_has_a_fixture():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_fixture_gives_its_exact_message(case, golden_copy):
    with pytest.raises(DataErrors) as caught:
        load_data(broken_data(case, golden_copy))
    assert [str(problem) for problem in caught.value.problems] == EXPECTED[case].split("\n")


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_validate_command_prints_the_message_and_exits_1(case, golden_copy, capsys):
    assert main(["--data", str(broken_data(case, golden_copy)), "validate"]) == 1
    captured = capsys.readouterr()
    count = EXPECTED[case].count("\n") + 1
    heading = "1 problem" if count == 1 else f"{count} problems"
    assert captured.err == f"{heading} in data/:\n{EXPECTED[case]}\n"
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
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
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
        "id": "rules", "title": {"en": "Seller rules", "zh": "卖家规则"},
        "url": "https://example.com/rules"}


MEMORY_LIMIT = 200 * 2**20  # bytes of address space the validating process may use
HANG_GUARD = 20  # seconds; the cases take a fraction of a second (benchmarks/README.md)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def validate_bounded(data: Path) -> subprocess.CompletedProcess:
    """`aliexpress-modes validate` in a process that cannot take more than 200 MB or hang."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "--data", str(data), "validate"],
        capture_output=True, text=True, timeout=HANG_GUARD, preexec_fn=_limit_memory,
        env={"SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"], "PATH": "/usr/bin:/bin"},
        cwd=REPO)


@pytest.mark.parametrize("case", ["alias-bomb", "deep-nesting", "long-integer", "not-utf8",
                                  "utf16", "control-character"])
def test_bounded_cases_stop_within_the_limits(case, golden_copy):
    done = validate_bounded(broken_data(case, golden_copy))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"1 problem in data/:\n{EXPECTED[case]}\n"


def test_a_file_too_large_is_refused_unread(golden_copy):
    model = golden_copy / "model.yml"
    with model.open("r+b") as handle:
        handle.truncate(50 * 2**20)  # 50 MB, mostly a sparse hole
    done = validate_bounded(golden_copy)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "1 problem in data/:\ndata/model.yml:1:1: the file is 52,428,800 bytes; data files may "
        "be at most 131,072 bytes (split it, or shorten long texts)\n")


def test_the_memory_limit_is_real(golden_copy):
    """Without the alias refusal, walking the bomb passes 200 MB: the limit stops that process."""
    bomb = "import json, yaml; json.dumps(yaml.safe_load(open('data/model.yml').read()))"
    broken_data("alias-bomb", golden_copy)
    done = subprocess.run([sys.executable, "-c", bomb], capture_output=True, text=True,
                          timeout=HANG_GUARD, preexec_fn=_limit_memory, cwd=golden_copy.parent)
    assert done.returncode != 0 and "MemoryError" in done.stderr


def test_a_file_wrong_throughout_lists_the_first_100_problems(golden_copy):
    header = "# yaml-language-server: $schema=schemas/categories.schema.json\n"
    items = "  - x\n" * 21_000  # just under the size limit: the most problems a file can hold
    (golden_copy / "categories.yml").write_text(
        f"{header}default_category: toys\ncategories:\n{items}", encoding="utf-8")
    done = validate_bounded(golden_copy)
    lines = done.stderr.splitlines()
    assert (done.returncode, done.stdout) == (1, "")
    # 100 schema problems, the note, the default category, and the three modes' and the two
    # presets' references to a category that categories.yml no longer defines
    assert lines[0] == "107 problems in data/:"
    assert lines[1:4] == [
        "data/categories.yml:2:1: more than 100 problems in this file; fix these and check "
        "again for the rest",
        "data/categories.yml:2:19: default_category: unknown category 'toys'",
        'data/categories.yml:4:5: categories[0]: must be a map of fields; got the text "x"']
    assert sum("must be a map of fields" in line for line in lines) == 100
