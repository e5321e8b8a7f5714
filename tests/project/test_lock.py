"""Locked Python dependencies: uv.lock agrees with pyproject.toml, and the venv holds exactly the
locked packages (issue 13)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from project_copy import REPO

UV = Path(sys.executable).parent / "uv"
PROJECTS = {"aliexpress-modes-site", "aliexpress-modes-calculators"}  # installed editable
ENV = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_PYTHON": sys.executable}


def uv(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([str(UV), *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          check=False)


def pins(text: str) -> dict[str, str]:
    """name -> version of each requirement line that applies to this interpreter."""
    found = {}
    for line in text.splitlines():
        if re.match(r"^[A-Za-z0-9]", line):
            requirement = Requirement(line.split(" \\")[0])
            if requirement.marker is None or requirement.marker.evaluate():
                (spec,) = requirement.specifier
                found[canonicalize_name(requirement.name)] = spec.version
    return found


def test_the_lock_agrees_with_pyproject():
    done = uv("lock", "--check", "--offline")
    assert done.returncode == 0, done.stderr


def test_a_pyproject_change_without_a_new_lock_fails_the_check(tmp_path):
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy(REPO / name, tmp_path / name)
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert '    "nh3==0.3.7",\n' in text
    pyproject.write_text(text.replace('    "nh3==0.3.7",\n', ""), encoding="utf-8")
    # Not offline: telling that the lock is stale means resolving the new requirements, and on a
    # fresh machine uv's cache holds no package metadata (make installs with pip), so offline it
    # fails for that reason instead. The index is the registry the install has just used.
    done = uv("lock", "--check", cwd=tmp_path)
    assert done.returncode != 0
    assert "The lockfile at `uv.lock` needs to be updated" in done.stderr


def test_the_venv_holds_exactly_the_locked_packages_and_pip():
    export = uv("export", "--frozen", "--extra", "test", "--no-emit-project", "--no-hashes",
                "--format", "requirements-txt")
    assert export.returncode == 0, export.stderr
    locked = pins(export.stdout) | pins(
        (REPO / "requirements" / "bootstrap.txt").read_text(encoding="utf-8"))
    assert "pip" in locked and "mkdocs" in locked
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
    installed = {name: version for name, version in installed.items() if name not in PROJECTS}
    assert installed == locked


def hashed_everywhere(text: str) -> int:
    """How many requirements ``text`` lists, each of them followed by its sha256 hashes."""
    listed = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    hashed = re.findall(r"^[A-Za-z0-9][^\n]* \\\n    --hash=sha256:[0-9a-f]{64}", text, re.M)
    assert len(listed) == len(hashed)
    return len(hashed)


def test_every_locked_requirement_carries_hashes():
    assert hashed_everywhere(
        (REPO / "requirements" / "bootstrap.txt").read_text(encoding="utf-8")) == 2
    export = uv("export", "--frozen", "--extra", "test", "--no-emit-project",
                "--format", "requirements-txt")
    assert hashed_everywhere(export.stdout) >= 50
