"""Build a real MkDocs site from the repository's config with a chosen data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def site_config(tmp_path: Path, data_dir: Path, *, calculators: bool = True) -> Path:
    """The repository's mkdocs.yml (with its Chinese build), reading `data_dir` instead of data/."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {REPO / 'docs'}\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
        "plugins:\n  - search\n  - aliexpress-modes:\n"
        f"      data_dir: {data_dir}\n"
        f"      calculators: {'true' if calculators else 'false'}\n"
        "      repo_url: !ENV REPO_URL\n"
        f"      translations:\n        zh: {REPO / 'mkdocs.zh.yml'}\n",
        encoding="utf-8")
    return config


# A developer's own SITE_URL or REPO_URL must not leak into the builds under test.
MKDOCS_ENV = {**{k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")},
              "NO_MKDOCS_2_WARNING": "1"}


def build_site(tmp_path: Path, data_dir: Path, *, calculators: bool = True,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the real site, reading `data_dir`, into tmp_path/site.

    ``env`` adds environment variables (SITE_URL, REPO_URL)."""
    config = site_config(tmp_path, data_dir, calculators=calculators)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=REPO, env={**MKDOCS_ENV, **(env or {})})
