"""Reproducible builds take their dates (sitemap, gzip headers) from the commit, not the clock.

MkDocs reads SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/);
when nobody set it, the plugin sets it to the time of the checkout's last commit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def commit_epoch(project_dir: Path) -> str | None:
    """Seconds since the epoch of the last commit in ``project_dir``, or None outside git."""
    try:
        done = subprocess.run(["git", "-C", str(project_dir), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, check=False)
    except OSError:  # no git at all
        return None
    epoch = done.stdout.strip()
    return epoch if done.returncode == 0 and epoch.isdigit() else None


def use_commit_date(project_dir: Path) -> bool:
    """Set SOURCE_DATE_EPOCH from the last commit unless it is set; True when the dates in force
    are the commit's (False outside git, or when someone set SOURCE_DATE_EPOCH by hand)."""
    epoch = commit_epoch(project_dir)
    if epoch is not None and VARIABLE not in os.environ:
        os.environ[VARIABLE] = epoch
    return epoch is not None and os.environ.get(VARIABLE) == epoch
