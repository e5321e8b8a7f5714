"""The site's Pyodide runtime ships bytecode compiled inside Pyodide (generator/bytecode.py).

The standard library zip holds a .pyc for every module of the npm one and no sources; the wheel
gains a __pycache__ .pyc per module, listed in RECORD; and Pyodide really runs that bytecode
(the sources can be broken and the package still imports and gives CPython's result).
"""

import base64
import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from calculators.params import EXAMPLE_BUNDLE

import calculators

HERE = Path(__file__).resolve().parent
NPM_STDLIB = HERE.parents[1] / "node_modules" / "pyodide" / "python_stdlib.zip"
UNCHECKED_HASH_PYC = 0b01  # PEP 552 flags: hash-based, source not checked


def test_stdlib_zip_has_bytecode_for_every_module_and_no_sources(site_runtime):
    index, _ = site_runtime
    with zipfile.ZipFile(NPM_STDLIB) as npm, zipfile.ZipFile(index / "python_stdlib.zip") as ours:
        npm_names, our_names = npm.namelist(), ours.namelist()
        flags = {name: int.from_bytes(ours.read(name)[4:8], "little")
                 for name in our_names if name.endswith(".pyc")}
    expected = sorted(name + "c" if name.endswith(".py") else name for name in npm_names)
    assert sorted(our_names) == expected
    assert len(flags) > 500
    assert set(flags.values()) == {UNCHECKED_HASH_PYC}


def test_wheel_gains_one_pyc_per_module_and_a_true_record(calculators_wheel, site_runtime):
    _, wheel = site_runtime
    assert wheel.name == calculators_wheel.name
    with zipfile.ZipFile(calculators_wheel) as pure, zipfile.ZipFile(wheel) as ours:
        pure_names = pure.namelist()
        files = {name: ours.read(name) for name in ours.namelist()}
    modules = [n for n in pure_names if n.endswith(".py")]
    pycs = sorted(n for n in files if n not in pure_names)
    assert pycs == sorted(
        f"calculators/__pycache__/{Path(n).stem}.cpython-314.pyc" for n in modules)
    assert all(int.from_bytes(files[n][4:8], "little") == UNCHECKED_HASH_PYC for n in pycs)
    [record_name] = [n for n in files if n.endswith(".dist-info/RECORD")]
    record = {line.split(",")[0]: line.split(",")[1:]
              for line in files[record_name].decode().splitlines()}
    assert set(record) == set(files)
    for name, data in files.items():
        if name != record_name:
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert record[name] == [f"sha256={digest.decode()}", str(len(data))], name


@pytest.mark.pyodide
def test_pyodide_runs_the_bytecode_without_reading_sources(site_runtime):
    index, wheel = site_runtime
    node = shutil.which("node")
    assert node, "node is not installed: the Pyodide tests need Node.js >= 20"
    done = subprocess.run([node, str(HERE / "bytecode_probe.mjs"), str(index), str(wheel)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["python"] == "3.14"
    assert probe["html_module_file"].endswith("/html/__init__.pyc")
    assert "calculators.bridge" in probe["calculators_modules"]
    expected = calculators.evaluate(calculators.default_scenario(EXAMPLE_BUNDLE), EXAMPLE_BUNDLE)
    assert probe["default_result"] == json.loads(json.dumps(expected))
