"""Builds the calculators wheel once per session, with standard tooling and no network."""

import importlib.util
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
