"""A failed build leaves the previous site/ as it was; a good one replaces it whole (issue 13)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from site_build import MKDOCS_ENV, build_site, site_config


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "modes").mkdir(parents=True)
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    (site / "modes" / "old.html").write_text("an older page", encoding="utf-8")
    return site


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site"))


def test_broken_data_leaves_the_previous_site_untouched(previous_site, golden_copy, tmp_path):
    before = snapshot(previous_site)
    shutil.copytree(FIXTURES / "broken" / "syntax-error", golden_copy, dirs_exist_ok=True)
    build = build_site(tmp_path, golden_copy, calculators=False)
    assert build.returncode == 1
    assert "data/tasks.yml:5:16: YAML syntax error" in build.stderr
    assert snapshot(previous_site) == before
    assert leftovers(tmp_path) == []


def test_a_strict_warning_leaves_the_previous_site_untouched(previous_site, golden_copy, tmp_path):
    """MkDocs counts strict warnings only after the last plugin event: still nothing replaced."""
    before = snapshot(previous_site)
    config = site_config(tmp_path, golden_copy, calculators=False)
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - Gone: no-such-page.md\n",
                      encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(previous_site)], capture_output=True, text=True, cwd=REPO, env=MKDOCS_ENV)
    assert build.returncode == 1
    assert re.search(r"Aborted with \d+ warnings in strict mode!", build.stdout), build.stderr
    assert snapshot(previous_site) == before
    assert leftovers(tmp_path) == []


def test_a_good_build_replaces_the_whole_site(previous_site, golden_copy, tmp_path):
    build = build_site(tmp_path, golden_copy, calculators=False)
    assert build.returncode == 0, build.stderr
    after = snapshot(previous_site)
    assert "modes/old.html" not in after
    assert b"the site as it was" not in after["index.html"]
    assert "modes/semi-managed/index.html" in after
    assert leftovers(tmp_path) == []
