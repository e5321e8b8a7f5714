"""The site's Pyodide runtime ships bytecode compiled inside Pyodide (generator/bytecode.py).

The standard library zip holds each module of the npm one exactly once, as .pyc for those the
calculator imports and as source for the rest; the wheel gains a __pycache__ .pyc per module,
listed in RECORD; and Pyodide really runs that bytecode: the package's sources can be broken and
it still imports and gives CPython's result, and running the calculator compiles no source.
"""

import base64
import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from calculators.params import EXAMPLE_BUNDLE
from mkdocs.exceptions import PluginError

import calculators
from generator import bytecode

HERE = Path(__file__).resolve().parent
NPM_STDLIB = HERE.parents[1] / "node_modules" / "pyodide" / "python_stdlib.zip"
UNCHECKED_HASH_PYC = 0b01  # PEP 552 flags: hash-based, source not checked


def test_stdlib_zip_has_each_module_once_with_bytecode_for_what_the_calculator_uses(
        site_runtime):
    index, _ = site_runtime
    with zipfile.ZipFile(NPM_STDLIB) as npm, zipfile.ZipFile(index / "python_stdlib.zip") as ours:
        npm_names, our_names = npm.namelist(), ours.namelist()
        flags = {name: int.from_bytes(ours.read(name)[4:8], "little")
                 for name in our_names if name.endswith(".pyc")}
    assert sorted(name.removesuffix("c") for name in our_names) == sorted(npm_names)
    # Pyodide's boot and package loader, and what the calculators import, are precompiled ...
    for module in ("encodings/__init__.pyc", "zipfile/__init__.pyc", "json/decoder.pyc",
                   "csv.pyc", "html/entities.pyc"):
        assert module in flags, module
    # ... and what nothing imports stays a source.
    for module in ("pdb.py", "unittest/mock.py"):
        assert module in our_names, module
    assert 100 < len(flags) < 300
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
    assert probe["compiled_from_source"] == []
    assert "calculators.bridge" in probe["calculators_modules"]
    expected = calculators.evaluate(calculators.default_scenario(EXAMPLE_BUNDLE), EXAMPLE_BUNDLE)
    assert probe["default_result"] == json.loads(json.dumps(expected))


def test_a_build_without_node_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(bytecode, "CACHE_DIR", tmp_path / "cache")  # nothing cached: must compile
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no node on it
    wheel = tmp_path / "aliexpress_modes_calculators-1.0.0-py3-none-any.whl"
    wheel.write_bytes(b"not needed: the build stops before reading it")
    with pytest.raises(PluginError, match=r"`node` was not found.*Install Node\.js"):
        bytecode.compiled_runtime(NPM_STDLIB.parent, "314.0.7", wheel)


@pytest.mark.pyodide
def test_a_wheel_pyodide_cannot_install_fails_the_build_with_nodes_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(bytecode, "CACHE_DIR", tmp_path / "cache")
    wheel = tmp_path / "aliexpress_modes_calculators-1.0.0-py3-none-any.whl"
    wheel.write_bytes(b"this is not a zip file")
    with pytest.raises(PluginError, match="compiling bytecode inside Pyodide failed") as failure:
        bytecode.compiled_runtime(NPM_STDLIB.parent, "314.0.7", wheel)
    assert "could not install" in str(failure.value)
    assert "is not a zip file" in str(failure.value)  # Pyodide's own reason reaches the reader
    assert not list((tmp_path / "cache").rglob("*.zip"))  # nothing half-made was cached


def test_the_cache_keeps_only_the_newest_results(tmp_path):
    for age, name in enumerate(["newest", "newer", "older", "oldest"]):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "python_stdlib.zip").write_bytes(b"x")
        os.utime(folder, ns=(10**18 - age * 10**9,) * 2)
    bytecode.prune_cache(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer", "newest"]
