"""Builds the calculators wheel once per session, with standard tooling and no network."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def calculators_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Without isolation when the venv has the build backend (no download); otherwise `build`
    # fetches flit_core into an isolated environment from the package index.
    isolation = [] if importlib.util.find_spec("flit_core") is None else ["--no-isolation"]
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", *isolation, str(ROOT / "calculators"),
         "--outdir", str(out)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    [wheel] = out.glob("*.whl")
    return wheel


@pytest.fixture(scope="session")
def site_runtime(calculators_wheel, tmp_path_factory) -> tuple[Path, Path]:
    """(Pyodide index dir, wheel) as the site ships them: bytecode compiled inside Pyodide.

    Compiled afresh into a temporary cache (not build/), so the compiler itself is under test.
    """
    from generator import bytecode
    from generator.browser_assets import PYODIDE_RUNTIME_FILES

    pyodide_dir = ROOT / "node_modules" / "pyodide"
    cache = tmp_path_factory.mktemp("bytecode-cache")
    original, bytecode.CACHE_DIR = bytecode.CACHE_DIR, cache
    try:
        version = json.loads((pyodide_dir / "package.json").read_text())["version"]
        stdlib, wheel = bytecode.compiled_runtime(pyodide_dir, version, calculators_wheel)
    finally:
        bytecode.CACHE_DIR = original
    index = tmp_path_factory.mktemp("site-pyodide")
    for name in (*PYODIDE_RUNTIME_FILES, "pyodide-lock.json"):
        (index / name).symlink_to(pyodide_dir / name)
    (index / "python_stdlib.zip").symlink_to(stdlib)
    return index, wheel
