"""The command line: a readable table, JSON, per-field errors (exit 1), usage errors (exit 2)."""

import io
import json
import re
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


# Each kind of broken scenario file, as a merchant meets it on the command line: what is wrong
# and what to do, in the language asked for (issue 11: messages in plain words, not JSON's).
BROKEN_FILES = {
    "not JSON (curly quotes, as a word processor writes them)": (
        "{“units_per_month”: 300}",
        "this is not JSON text: at line 1, column 2, a name in double quotes was expected.",
        "这不是 JSON 格式的文本：第 1 行第 2 列，这里应该是用英文双引号括起来的名称。"),
    "not JSON (a missing comma)": (
        '{"units_per_month": 300\n "cogs_cny": 20}',
        "this is not JSON text: at line 2, column 2, a comma (,) was expected between two values.",
        "这不是 JSON 格式的文本：第 2 行第 2 列，两项之间应该用英文逗号 , 隔开。"),
    "not JSON (text after it)": (
        '{"units_per_month": 300} and more',
        "this is not JSON text: at line 1, column 26, more follows the end of the JSON.",
        "这不是 JSON 格式的文本：第 1 行第 26 列，JSON 结束后还有多余的内容。"),
    "a list, not an object": (
        "[300, 20]",
        "the scenario has 1 problem:\n  scenario: This is not a scenario for this calculator: a "
        'scenario is a JSON object, named values in braces such as {"units_per_month": 300}, '
        "and this is a list.",
        "经营情况有 1 处问题：\n  scenario: 这不是本计算器的经营情况文件：经营情况文件是用大括号"
        "括起、"
        '逐项写明名称和数值的 JSON，比如 {"units_per_month": 300}，而这里是一个列表。'),
    "a wrong format": (
        '{"format": "x", "units_per_month": 300}',
        "the scenario has 1 problem:\n  format: This is not a scenario for this calculator: its "
        '"format" is "x", and a scenario\'s is "aliexpress-modes/scenario".',
        '经营情况有 1 处问题：\n  format: 这不是本计算器的经营情况文件：它的 "format" 是 "x"，'
        '经营情况文件的应该是 "aliexpress-modes/scenario"。'),
    "the calculator's export": (
        '{"format": "aliexpress-modes/export", "version": 1, "scenario": {}}',
        "the scenario has 1 problem:\n  format: This is an export of the calculator's results, "
        'not a scenario. The values they were worked out for are its "scenario" part: save that '
        "part as a file of its own to open it here.",
        '经营情况有 1 处问题：\n  format: 这是计算器导出的结果，不是经营情况文件。当时用的数字在'
        '它的 '
        '"scenario" 部分里：把这一部分单独存成一个文件，就能在这里打开。'),
    "an old version": (
        '{"format": "aliexpress-modes/scenario", "version": 1}',
        "the scenario has 1 problem:\n  version: This scenario was saved for an older calculator "
        "(version 1); this one reads version 2, which pays fully managed by your supply price "
        '(供货价) instead of a share of the retail price. Check its values, set "version" to 2, '
        'and add "supply_price_cny" if you know your supply price.',
        "经营情况有 1 处问题：\n  version: 这份经营情况是按旧版计算器保存的（第 1 版）；现在的计"
        "算器只读"
        "第 2 版：全托管改按核价谈定的供货价结算，不再按零售价的比例估算。请核对里面的数字，把 "
        '"version" 改成 2；知道自己的供货价的话，再加上 "supply_price_cny"。'),
    "a newer version": (
        '{"version": 3}',
        "the scenario has 1 problem:\n  version: This scenario is version 3, from a newer "
        "calculator than this one (it reads version 2): open it with the newer calculator, or "
        "update this one.",
        "经营情况有 1 处问题：\n  version: 这份经营情况是第 3 版，来自比现在更新的计算器（现在的"
        "只读"
        "第 2 版）：请用新版计算器打开，或者先把这个计算器升级。"),
    "a version that is not a number": (
        '{"version": "2"}',
        'the scenario has 1 problem:\n  version: "version" must be 2 for this calculator, not '
        '"2".',
        '经营情况有 1 处问题：\n  version: "version" 应该是 2，不能是 "2"。'),
    "bad values": (
        '{"return_rate": 1.5, "units_per_month": "300 pcs", "unit_price": 9}',
        "the scenario has 3 problems:\n  unit_price: The calculator has no value named "
        '"unit_price" (a typing mistake?); the names it reads are: active_skus, category, '
        "cogs_cny, format, fx_cny_per_usd, labour_rate_cny_per_hour, new_skus_per_month, "
        "overrides, retail_price_usd, return_rate, supply_price_cny, units_per_month, "
        "units_per_order, version, weight_kg.\n"
        "  units_per_month: Units sold per month must be a number from 0 to 10,000,000; "
        "“300 pcs” is not a number.\n"
        "  return_rate: Return rate (share of revenue) must be 1 or less, not 1.5.",
        '经营情况有 3 处问题：\n  unit_price: 计算器里没有叫 "unit_price" 的项（是不是拼错了？）；'
        "能读的项有：active_skus, category, cogs_cny, format, fx_cny_per_usd, "
        "labour_rate_cny_per_hour, new_skus_per_month, overrides, retail_price_usd, return_rate, "
        "supply_price_cny, units_per_month, units_per_order, version, weight_kg。\n"
        "  units_per_month: 每月销量（件）要填 0 到 10,000,000 之间的数字，“300 pcs”不是数字。\n"
        "  return_rate: 退货率（占收入比例）不能超过 1，你填的是 1.5。"),
    "overrides that are not an object": (
        '{"overrides": [0.08]}',
        'the scenario has 1 problem:\n  overrides: "overrides" holds your own figures as '
        '{"parameter id": number}, such as {"self_operated.commission": 0.08}; here it is a list.',
        '经营情况有 1 处问题：\n  overrides: "overrides" 里写你自己的数字，格式是 {"参数编号": 数'
        '字}，'
        '比如 {"self_operated.commission": 0.08}；这里却是一个列表。'),
}


@pytest.mark.parametrize("kind", BROKEN_FILES)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_broken_scenario_file_says_what_is_wrong_and_what_to_do(tmp_path, kind, language):
    text, english, chinese = BROKEN_FILES[kind]
    path = tmp_path / "scenario.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = run([str(path), "--params", str(FIXTURE_BUNDLE), "--language", language])
    assert (code, out) == (1, "")
    assert err == f"{path}{': ' if language == 'en' else '：'}" \
        f"{english if language == 'en' else chinese}\n"
    assert "Expecting" not in err and "got" not in err  # no parser or Python words


def test_a_chinese_table_lines_up_and_recommends_in_chinese():
    code, out, err = run([str(EXAMPLE), "--params", str(FIXTURE_BUNDLE), "--language", "zh"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1].startswith("推荐：")
    # A terminal gives Chinese characters and full-width punctuation two columns each.
    widths = {len(line) + len(re.findall(r"[\u3000-\u9fff\uff00-\uffef]", line))
              for line in lines[:-2]}
    assert len(widths) == 1, lines[:-2]


def test_broken_bundle_exits_1(tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_text("[")
    code, _, err = run([str(EXAMPLE), "--params", str(bundle)])
    assert code == 1 and err.startswith(f"{bundle}: this is not JSON text")
    bundle.write_text(json.dumps({"format": "aliexpress-modes/parameters", "version": 9}))
    code, _, err = run([str(EXAMPLE), "--params", str(bundle)])
    assert code == 1
    assert err == (f"{bundle}: the parameter bundle is broken:\n  parameters: expected format "
                   "'aliexpress-modes/parameters' version 2; got \"aliexpress-modes/parameters\" "
                   "version 9.\n")
    code, _, err = run([str(EXAMPLE), "--params", str(bundle), "--language", "zh"])
    assert code == 1 and err.startswith(f"{bundle}：参数包有错：\n  parameters: ")


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
