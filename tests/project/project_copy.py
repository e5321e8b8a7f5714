"""A copy of the project as git sees it (tracked and new files, not ignored ones), committed on a
fixed date in a folder of its own: what a fresh clone of this commit would hold."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
COMMIT_DATE = "2026-01-02T03:04:05+00:00"


def project_copy(folder: Path) -> Path:
    """Copy the project into ``folder``, sharing node_modules and .venv, and commit it."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, folder / name)
    for shared in ("node_modules", ".venv"):
        (folder / shared).symlink_to(REPO / shared)
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "a commit"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True)
    return folder
