"""The model gives identical results in real Pyodide (npm package, under Node, offline).

Every scenario in scenarios.json is evaluated in CPython here and in Pyodide by
run_in_pyodide.mjs, with the same runner code (parity_runner.py): result JSON, HTML and the CSV
and JSON exports (hashing and rounding to cents included), or
the problems of an invalid scenario, must be the same text byte for byte; so must the catalogue
plans of parity_runner.CATALOGUES. Never skipped.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCENARIOS = HERE / "scenarios.json"
BUNDLE = ROOT / "tests" / "fixtures" / "parameters-v2.json"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"

sys.path.insert(0, str(HERE))
import parity_runner  # noqa: E402  (the same file runs inside Pyodide)


@pytest.mark.pyodide
@pytest.mark.parametrize("runtime", ["npm", "site"])
def test_pyodide_results_equal_cpython_exactly(runtime, request, tmp_path):
    """``npm``: the npm runtime and the wheel as built; ``site``: both as the site ships them,
    precompiled to bytecode."""
    if runtime == "npm":
        wheel, index = request.getfixturevalue("calculators_wheel"), []
    else:
        index_dir, wheel = request.getfixturevalue("site_runtime")
        index = [str(index_dir)]
    node = shutil.which("node")
    assert node, "node is not installed: the Pyodide parity test needs Node.js >= 20"
    assert PYODIDE.exists(), f"{PYODIDE} is missing: run `npm ci` in {ROOT}"
    output = tmp_path / "pyodide.json"
    done = subprocess.run(
        [node, str(HERE / "run_in_pyodide.mjs"), str(wheel), str(SCENARIOS), str(BUNDLE),
         str(output), *index],
        capture_output=True, text=True, timeout=300, check=False)
    # Node prints a whole line of minified source with an uncaught error: keep the end only.
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("pyodide 314.0.7, Python 3.14"), done.stdout

    cpython = parity_runner.run_all(SCENARIOS.read_text("utf-8"), BUNDLE.read_text("utf-8"))
    pyodide = output.read_text("utf-8")
    cases = json.loads(cpython)
    assert len(cases) == 32 + 3 and sum("result" in case for case in cases) == 27
    assert [len(case["plan"]["products"]) for case in cases[32:]] == [11, 299, 299]
    assert "最佳方案" in cases[-1]["html"]  # the last plan is in Chinese
    for ours, theirs in zip(cases, json.loads(pyodide), strict=True):
        assert ours == theirs, ours["name"]  # names the first scenario that differs
    assert pyodide == cpython  # and the whole text, byte for byte
