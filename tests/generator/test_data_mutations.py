"""Random damage to the real data files: `validate` passes, or lists located problems and exits 1.

Never a traceback, never a hang: whatever a contributor's editor (or a bad merge) does to a file.
A change that passes `validate` must also give a parameter bundle and pages, so nothing that
passes the check can break the build later.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.bundle import build_bundle, bundle_json
from generator.cli import main
from generator.load import load_data
from generator.render import render_pages

DATA = REPO / "data"
FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yml"))
LOCATED = re.compile(r"data/[a-z/-]+\.yml:\d+:\d+: \S")

# Scalars that have broken YAML loaders before: YAML 1.1 words, special floats, dates,
# aliases, tags, huge numbers, flow openers, quotes and control characters.
NASTY_SCALARS = [
    ".nan", ".NaN", ".inf", "-.inf", "1.0e999", "-0.0", "~", "null", "", "yes", "NO", "on",
    "0x1F", "0o17", "1_000", "1:30", "2026-02-30", '"2026-13-45"', '"2099-01-01"', "*a",
    "&a x", "!!float abc", "!!int 1.5", "!!binary ==", "!!python/object:os.system x",
    "!unknown x", "[", "{", "]", "'", '"', "- x", "? x", "9" * 40, "9" * 5000, "-5", "1e3",
    "\x07", "\ufeff", "{a: *b}", "<<: {x: 1}", "|", ">", "%YAML 1.1", "---", "...",
]
# `key: value` and `- value` lines; NUMBER_LINE for those whose value is a number.
SCALAR_LINE = re.compile(r"(?P<key>\s*(?:- |[\w-]+:)) *[^\s|>].*")
NUMBER_LINE = re.compile(r"(?P<key>\s*(?:- )?[\w-]+:) *-?[\d.]+\s*(?:#.*)?")
numbers = st.one_of(
    st.sampled_from([".nan", ".inf", "-.inf", "1.0e999", "-0.0", "-1", "2", "1e3", "0x10",
                     "9" * 31, "9" * 5000, "1_000", "0.5.5", "1:30"]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
scalars = st.one_of(
    st.sampled_from(NASTY_SCALARS),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=30),
)


def _lines(relative: str) -> list[str]:
    return (DATA / relative).read_text(encoding="utf-8").split("\n")


@st.composite
def mutations(draw):
    """(file, new bytes): one random edit of one real data file."""
    kind = draw(st.sampled_from(
        ["delete", "duplicate", "reindent", "scalar", "number", "cut", "bytes"]))
    files = FILES if kind != "number" else [
        f for f in FILES if any(map(NUMBER_LINE.fullmatch, _lines(f)))]
    relative = draw(st.sampled_from(files))
    lines = _lines(relative)
    if kind in ("scalar", "number"):  # a line that holds a scalar (a number, for "number")
        shape = SCALAR_LINE if kind == "scalar" else NUMBER_LINE
        index = draw(st.sampled_from([i for i, line in enumerate(lines)
                                      if shape.fullmatch(line)]))
    else:
        index = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "reindent":
        shift = draw(st.integers(-4, 4))
        stripped = lines[index].lstrip(" ")
        indent = max(0, len(lines[index]) - len(stripped) + shift)
        lines[index] = " " * indent + stripped
    elif kind in ("scalar", "number"):
        key = (SCALAR_LINE if kind == "scalar" else NUMBER_LINE).fullmatch(lines[index])["key"]
        lines[index] = f"{key} {draw(scalars if kind == 'scalar' else numbers)}"
    text = "\n".join(lines)
    if kind == "cut":
        text = text[:draw(st.integers(0, len(text)))]
    raw = text.encode("utf-8", "surrogatepass")
    if kind == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return relative, raw


@pytest.fixture(scope="module")
def data_copy():
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DATA, data)
        yield data


@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_damaged_data_gives_located_problems_or_passes(data_copy, mutation):
    relative, raw = mutation
    (data_copy / relative).write_bytes(raw)
    try:
        check_validate(data_copy)
    finally:
        shutil.copyfile(DATA / relative, data_copy / relative)


def check_validate(data: Path) -> None:
    """`validate` on damaged data: a pass that builds, or located problems and exit 1."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--data", str(data), "validate"])
    if code == 0:
        assert out.getvalue().endswith("no problems\n") and err.getvalue() == ""
        site = load_data(data)
        bundle_json(build_bundle(site))
        assert render_pages(site)
        return
    assert code == 1 and out.getvalue() == ""
    heading, *problems = err.getvalue().splitlines()
    assert re.fullmatch(r"\d+ problems? in data/:", heading)
    assert problems and all(LOCATED.match(line) for line in problems), err.getvalue()
    assert "Traceback" not in err.getvalue()
