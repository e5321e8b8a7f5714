"""Input the parser cannot take: a typed error, exit 1, never a traceback (issue 8).

Undecodable bytes, JSON too deep or too large, integers too long to be a number, and random
bytes and random JSON as the scenario or inside the bundle.
"""

import io
import json
import math
import resource
import subprocess
import sys

import pytest
from calculators.cli import MAX_SHOWN, main
from calculators.reading import MAX_BYTES, UnreadableJson, parse_json
from calculators_support import BUNDLE, FIXTURE_BUNDLE, ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators import evaluate

EXAMPLE = ROOT / "examples" / "scenario.json"
SCENARIO = json.loads(EXAMPLE.read_text("utf-8"))


def run_bytes(scenario: bytes, params: str = str(FIXTURE_BUNDLE)):
    """The CLI reading the scenario from standard input, as raw bytes."""
    stdin = io.TextIOWrapper(io.BytesIO(scenario), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["-", "--params", params], stdin=stdin, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("raw", "message"), [
    ('{"cogs_cny": "\u00e9"}'.encode("latin-1"),
     "the text is not UTF-8: byte 0xE9 on line 1, column 15 cannot be decoded; save it as UTF-8."),
    ('{"units_per_month": 5}'.encode("utf-16"),
     "the text is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8."),
    ('{"units_per_month": 5}'.encode("utf-32"),
     "the text is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8."),
    ('{"units_per_month": 5}'.encode("utf-16-le"),
     "the text is not UTF-8 (it holds zero bytes, as UTF-16 does); save it as UTF-8."),
    (b"[" * 100_000, "lists and objects are nested more than 32 deep."),
    (b"[" * 33 + b"]" * 33, "lists and objects are nested more than 32 deep."),
    (b'{"units_per_month": ' + b"9" * 5001 + b"}",
     "a whole number of 5,001 digits is too long to be an amount (at most 30 digits)."),
    (b" " * (MAX_BYTES + 1),
     "the text is larger than 2,000,000 bytes; a scenario or a parameter bundle is far smaller."),
    (b"{units: 3}", "this is not JSON text: at line 1, column 2, a name in double quotes was "
                    "expected."),
])
def test_unreadable_scenario_names_the_problem_and_exits_1(raw, message):
    assert run_bytes(raw) == (1, "", f"standard input: {message}\n")


def test_unreadable_bundle_file_exits_1(tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_bytes(FIXTURE_BUNDLE.read_text("utf-8").encode("utf-16"))
    code, out, err = run_bytes(b"{}", str(bundle))
    assert (code, out) == (1, "")
    assert err == (f"{bundle}: the text is UTF-16 (it starts with a UTF-16 byte order mark); "
                   "save it as UTF-8.\n")


def test_a_utf8_byte_order_mark_is_read():
    code, out, err = run_bytes(b'\xef\xbb\xbf{"units_per_month": 10}')
    assert (code, err) == (0, "") and "Recommended:" in out


def test_the_api_parses_text_and_bytes_alike():
    assert parse_json('{"a": [1, 2.5, null]}') == parse_json(b'{"a": [1, 2.5, null]}')
    with pytest.raises(UnreadableJson, match="nested more than 32") as raised:
        parse_json("[" * 50_000)
    assert isinstance(raised.value, ValueError) and raised.value.code == "too_deep"
    assert raised.value.message("zh") == "列表和对象嵌套超过了 32 层。"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        raised.value.message("fr")


@pytest.mark.parametrize(("raw", "message"), [
    ('{"units_per_month": 5}'.encode("utf-16"),
     "文件是 UTF-16 编码（开头有 UTF-16 的字节顺序标记），请另存为 UTF-8 编码。"),
    ('{"units_per_month": 5}'.encode("utf-16-le"),
     "文件不是 UTF-8 编码（里面有零字节，UTF-16 编码的文件就是这样），请另存为 UTF-8 编码。"),
    ('{"类目": "家居"}'.encode("gbk"),
     "文件不是 UTF-8 编码：第 1 行第 3 列的字节 0xC0 无法识别（GBK 编码的文件常常这样），请另存为"
     " UTF-8 "
     "编码。"),
    (b'{"units_per_month": ' + b"9" * 5001 + b"}",
     "有个整数长达 5,001 位，不可能是金额（最多 30 位）。"),
    (b" " * (MAX_BYTES + 1), "文件超过了 2,000,000 字节；经营情况文件和参数包都远比这小。"),
    (b'{"a": 1, }', "这不是 JSON 格式的文本：第 1 行第 10 列，这里应该是用英文双引号括起来的名称"
                    "。"),
    (b'{"a" 1}', "这不是 JSON 格式的文本：第 1 行第 6 列，名称后面应该是英文冒号 :。"),
    (b'[1, ]', "这不是 JSON 格式的文本：第 1 行第 5 列，这里应该是一个值（数字、英文双引号括起来"
               "的文字、列表或对象）。"),
    (b'"abc', "这不是 JSON 格式的文本：第 1 行第 1 列，英文双引号里的文字没有用双引号收尾。"),
    (b'"a\tb"', "这不是 JSON 格式的文本：第 1 行第 3 列，英文双引号里有换行或制表符。"),
    (b'"\\q"', "这不是 JSON 格式的文本：第 1 行第 2 列，反斜杠 \\ 后面的转义写法不对。"),
])
def test_unreadable_text_is_told_in_chinese(raw, message):
    with pytest.raises(UnreadableJson) as raised:
        parse_json(raw)
    assert raised.value.message("zh") == message


def test_negative_zero_inputs_give_zero_results():
    scenario = {name: -0.0 for name in ("cogs_cny", "units_per_month", "new_skus_per_month",
                                        "active_skus", "labour_rate_cny_per_hour", "return_rate")}
    result = evaluate(scenario, BUNDLE)
    text = json.dumps(result)
    assert "-0.0" not in text
    assert all(math.copysign(1, value) == 1 for value in _floats(result) if value == 0)
    code, out, _ = run_bytes(json.dumps(scenario).encode())
    assert code == 0 and "−¥0.00" not in out


def _floats(value):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from _floats(item)


def test_the_list_of_problems_is_capped():
    scenario = {"overrides": {f"unknown_{i}": 1 for i in range(100_000)}}
    code, out, err = run_bytes(json.dumps(scenario).encode())
    lines = err.splitlines()
    assert (code, out) == (1, "")
    assert lines[0] == "standard input: the scenario has 100,000 problems:"
    assert len(lines) == 1 + MAX_SHOWN + 1
    assert lines[1] == ('  overrides.unknown_0: No parameter has the id "unknown_0", so it '
                        "cannot be overridden.")
    assert lines[-1] == "  ... and 99,900 more"
    assert len(err) < 20_000


def test_a_long_unknown_key_is_shown_short():
    code, _, err = run_bytes(json.dumps({"x" * 100_000: 1}).encode())
    assert code == 1 and len(err) < 500
    assert err.splitlines()[1].startswith('  "xxxxxxxx')


def _located(err: str, name: str) -> bool:
    """Every line names the input, or is an indented problem under such a line."""
    # Split on newlines only: a key in the input may hold "\x85" or "\u2028", which splitlines()
    # also breaks on, though the message prints it inside its line.
    first, *rest = err.rstrip("\n").split("\n")
    return first.startswith(f"{name}: ") and all(line.startswith("  ") for line in rest)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.integers(min_value=10**29, max_value=10**40),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_as_the_scenario(raw):
    code, out, err = run_bytes(raw)
    assert code in (0, 1)
    assert (code == 0) == (err == "")
    assert code == 0 or (out == "" and _located(err, "standard input"))


@settings(max_examples=500, deadline=None)
@given(field=st.sampled_from([*SCENARIO, "overrides", "new_field"]), value=json_values)
def test_random_json_in_the_scenario(field, value):
    scenario = dict(SCENARIO, **{field: value})
    code, out, err = run_bytes(json.dumps(scenario).encode())
    assert code in (0, 1)
    assert code == 0 or (out == "" and _located(err, "standard input"))
    if code == 0:
        assert "Recommended:" in out


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


BUNDLE_PATHS = list(_paths(BUNDLE))[1:]


@settings(max_examples=500, deadline=None)
@given(path=st.sampled_from(BUNDLE_PATHS), value=json_values)
# Found by Hypothesis: a task name holding a newline broke the message's one-line-per-problem form.
@example(path=("modes", 2, "task_shares"), value={"\n": None})
def test_random_json_in_the_bundle(tmp_path_factory, path, value):
    bundle = json.loads(json.dumps(BUNDLE))
    parent = bundle
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    target = tmp_path_factory.mktemp("bundle") / "bundle.json"
    target.write_text(json.dumps(bundle), encoding="utf-8")
    code, out, err = run_bytes(EXAMPLE.read_bytes(), str(target))
    assert code in (0, 1)
    assert code == 0 or (out == "" and _located(err, str(target)))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (200 * 2**20, 200 * 2**20))


@pytest.mark.parametrize(("raw", "message"), [
    (b"[" * 1_000_000, "lists and objects are nested more than 32 deep."),
    (b"9" * 1_000_000, "a whole number of 1,000,000 digits is too long to be an amount "
                       "(at most 30 digits)."),
    (b'"' + b"x" * 50_000_000 + b'"', "the text is larger than 2,000,000 bytes; a scenario or "
                                      "a parameter bundle is far smaller."),
])
def test_huge_input_stops_within_200_mb_and_a_hang_guard(tmp_path, raw, message):
    scenario = tmp_path / "scenario.json"
    scenario.write_bytes(raw)
    done = subprocess.run(
        [sys.executable, "-m", "calculators", str(scenario), "--params", str(FIXTURE_BUNDLE)],
        capture_output=True, timeout=20, preexec_fn=_limit_memory)
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr.decode() == f"{scenario}: {message}\n"
