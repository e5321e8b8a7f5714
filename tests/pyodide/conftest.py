"""Builds the calculators wheel once per session, with standard tooling and no network."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def calculators_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-isolation: flit_core is already in the venv, so no download is needed
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", str(ROOT / "calculators"),
         "--outdir", str(out)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    [wheel] = out.glob("*.whl")
    return wheel
