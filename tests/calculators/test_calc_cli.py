"""The command line: a readable table, JSON, per-field errors (exit 1), usage errors (exit 2)."""

import io
import json
import runpy
import subprocess
import sys

import pytest
from calculators.cli import main
from calculators_support import FIXTURE_BUNDLE, ROOT

from calculators import evaluate

EXAMPLE = ROOT / "examples" / "scenario.json"


def run(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_readme_example_prints_a_three_mode_comparison():
    # the README's command, run as a user would
    done = subprocess.run(
        [sys.executable, "-m", "calculators", str(EXAMPLE), "--params", str(FIXTURE_BUNDLE)],
        capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    assert header.split() == ["Fully", "managed", "Semi-managed", "Self-operated", "store"]
    assert rows[2].split()[-3:] == ["¥23,760.00", "¥39,600.00", "¥36,000.00"]
    # 400 units x 12.5 USD x 7.2 = 36,000; x1.1 = 39,600; fully managed is paid the supply
    # price: 480 units x 12.5 x 7.2 x 0.55 = 23,760
    assert rows[-1].startswith("Recommended: Semi-managed. ")


def test_json_format_is_the_evaluate_result():
    code, out, err = run([str(EXAMPLE), "--params", str(FIXTURE_BUNDLE), "--format", "json"])
    assert (code, err) == (0, "")
    expected = evaluate(json.loads(EXAMPLE.read_text("utf-8")),
                        json.loads(FIXTURE_BUNDLE.read_text("utf-8")))
    assert json.loads(out) == expected


def test_scenario_from_standard_input():
    code, out, _ = run(["-", "--params", str(FIXTURE_BUNDLE)], '{"units_per_month": 10}')
    assert code == 0 and "Recommended:" in out


def test_bundle_from_standard_input():
    # as in `aliexpress-modes bundle | python -m calculators examples/scenario.json --params -`
    code, out, _ = run([str(EXAMPLE), "--params", "-"], FIXTURE_BUNDLE.read_text("utf-8"))
    assert code == 0 and "Recommended: Semi-managed." in out
    code, _, err = run([str(EXAMPLE), "--params", "-"], "{}")
    assert code == 1 and err.startswith("standard input: the parameter bundle is broken:")


def test_invalid_scenario_lists_each_field_and_exits_1():
    code, out, err = run(["-", "--params", str(FIXTURE_BUNDLE)],
                         '{"return_rate": 2, "retail_price_usd": "x"}')
    assert (code, out) == (1, "")
    assert err == (
        "standard input: the scenario has 2 problems:\n"
        "  retail_price_usd: Retail price (USD) must be a number from 0.01 to 100,000; “x” is not "
        "a number.\n"
        "  return_rate: Return rate (share of revenue) must be 1 or less, not 2.\n")


def test_scenario_that_is_not_json_exits_1(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{units: 3}")
    code, _, err = run([str(path), "--params", str(FIXTURE_BUNDLE)])
    assert code == 1
    assert err.startswith(f"{path}: not valid JSON: Expecting property name")


def test_broken_bundle_exits_1(tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_text("[")
    code, _, err = run([str(EXAMPLE), "--params", str(bundle)])
    assert code == 1 and err.startswith(f"{bundle}: not valid JSON")
    bundle.write_text(json.dumps({"format": "aliexpress-modes/parameters", "version": 9}))
    code, _, err = run([str(EXAMPLE), "--params", str(bundle)])
    assert code == 1
    assert err == (f"{bundle}: the parameter bundle is broken:\n  parameters: expected format "
                   "'aliexpress-modes/parameters' version 2; got \"aliexpress-modes/parameters\" "
                   "version 9.\n")


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        run(["missing.json", "--params", str(FIXTURE_BUNDLE)])
    assert caught.value.code == 2
    assert "cannot read missing.json: No such file or directory" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        run(["-", "--params", "-"])
    assert caught.value.code == 2
    assert "only one of SCENARIO and --params can be -" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        run([str(EXAMPLE)])
    assert caught.value.code == 2
    assert "the following arguments are required: --params" in capsys.readouterr().err


def test_module_entry_point(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["calculators", str(EXAMPLE), "--params", str(FIXTURE_BUNDLE)])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("calculators", run_name="__main__")
    assert caught.value.code == 0
    assert "Recommended:" in capsys.readouterr().out
