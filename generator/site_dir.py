"""Atomic builds: MkDocs writes into a staging folder beside site/, which replaces site/ only when
the whole build succeeded (strict warnings included). A failed build leaves site/ as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """A fresh folder next to ``site_dir`` (same file system, so the final rename is atomic)."""
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    discard(staging)
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in place of ``site_dir``; the old site goes only after it is."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    discard(old)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    discard(old)


def discard(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
