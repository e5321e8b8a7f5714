"""pre-commit with the project's hooks passes on a clean checkout and stops a broken one, each
problem named with its place (issue 13). The hooks are local: they use .venv, download nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from project_copy import project_copy

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("pre-commit") / "guide")


def pre_commit(checkout: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    return subprocess.run([str(PRE_COMMIT), "run", "--all-files", "--color", "never"],
                          cwd=checkout, env=env, capture_output=True, text=True, check=False)


def test_a_clean_checkout_passes_every_hook(checkout, tmp_path):
    done = pre_commit(checkout, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    for hook in ("ruff", "data/", "valid JSON Schema", "workflows match", "actionlint", "zizmor",
                 "uv.lock"):
        assert any(hook in line and line.endswith("Passed") for line in
                   done.stdout.splitlines()), (hook, done.stdout)


def test_a_broken_checkout_fails_with_each_problem_located(checkout, tmp_path):
    tasks = checkout / "data" / "tasks.yml"
    tasks.write_text(tasks.read_text("utf-8").replace("tasks:\n", "tasks: [\n", 1), "utf-8")
    (checkout / "generator" / "unused.py").write_text("import os\n", encoding="utf-8")
    schema = checkout / "data" / "schemas" / "model.schema.json"
    schema.write_text(schema.read_text("utf-8").replace('"type": "object"', '"type": "thing"', 1),
                      "utf-8")
    ci = checkout / ".github" / "workflows" / "ci.yml"
    ci.write_text(ci.read_text("utf-8").replace(
        "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2",
        "actions/checkout@v4"), "utf-8")
    pages = checkout / ".github" / "workflows" / "pages.yml"
    pages.write_text(pages.read_text("utf-8").replace("needs: build", "needs: biuld"), "utf-8")
    subprocess.run(["git", "add", "-A"], cwd=checkout, check=True)
    done = pre_commit(checkout, tmp_path)
    assert done.returncode == 1
    out = done.stdout
    assert "data/tasks.yml:" in out and "YAML syntax error" in out
    assert "generator/unused.py:1:8: F401" in out
    assert "data/schemas/model.schema.json" in out
    assert "unpinned-uses" in out
    assert 'pages.yml:44:3 job "deploy" needs job "biuld" which does not exist' in out
