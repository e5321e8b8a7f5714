"""The Makefile repairs a .venv made by the wrong Python (or broken), and `make clean` resets.

Each test runs the real Makefile in an empty folder holding only what its rules read; `make -n`
shows what would be built without installing anything.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OLD_PYTHON = "/usr/bin/python3.11"  # Debian bookworm's own Python, older than the project's


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("Makefile", ".python-version", "pyproject.toml", "calculators/pyproject.toml",
                 "uv.lock", "requirements/bootstrap.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project,
                          capture_output=True, text=True, timeout=60)


def test_a_python_older_than_3_12_is_refused_before_a_venv_is_made(project):
    done = make(project, "validate", f"PYTHON={OLD_PYTHON}")
    assert done.returncode == 2
    assert (f"make: PYTHON={OLD_PYTHON} is not Python 3.12 or newer; install python3.12 or "
            "pass PYTHON=python3.12") in done.stderr
    assert not (project / ".venv").exists()


def test_a_venv_from_an_older_python_is_removed_and_rebuilt(project):
    subprocess.run([OLD_PYTHON, "-m", "venv", "--without-pip", str(project / ".venv")],
                   check=True, timeout=60)
    done = make(project, "-n", "validate")
    assert done.returncode == 0
    assert done.stdout.startswith(
        "make: .venv was made by Python 3.11; removing it so that it is built again\n")
    assert "python3.12 -m venv --clear .venv" in done.stdout
    assert not (project / ".venv").exists()


def test_a_broken_venv_is_removed_and_rebuilt(project):
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to("/nonexistent/python3.12")
    done = make(project, "-n", "validate")
    assert done.stdout.startswith("make: .venv is broken; removing it so that it is built again\n")
    assert not (project / ".venv").exists()


def test_a_healthy_venv_is_kept(project):
    subprocess.run(["python3.12", "-m", "venv", "--without-pip", str(project / ".venv")],
                   check=True, timeout=60, cwd=project)
    (project / ".venv" / ".installed").touch()
    done = make(project, "-n", "validate")
    assert done.stdout == ".venv/bin/aliexpress-modes validate\n"
    assert (project / ".venv").exists()


def test_clean_removes_everything_make_and_the_tests_create(project):
    made = ["site/index.html", "build/bytecode/x", "dist/x.whl", ".venv/bin/python",
            "node_modules/pyodide/x", ".pytest_cache/x", ".hypothesis/x", ".ruff_cache/x",
            ".coverage", "benchmarks/results/x.json", "generator/__pycache__/x.pyc",
            "x.egg-info/PKG-INFO"]
    for name in made:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("x")
    (project / "generator" / "load.py").write_text("kept")
    done = make(project, "clean")
    assert done.returncode == 0, done.stderr
    left = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert left == [".python-version", "Makefile", "calculators/pyproject.toml",
                    "generator/load.py", "pyproject.toml", "requirements/bootstrap.txt",
                    "uv.lock"]
