"""The installed theme's files, listed once per process instead of once per build.

Every MkDocs build lists every file of the theme's folders to find the static ones to copy
(`Files.add_files_from_theme`): Material's folder holds about 14,500 files, most of them icons,
so each edition's build walks them again, and `mkdocs serve` again on every rebuild. A folder
inside the installed packages (site-packages) does not change while a process runs: its listing
is kept. The project's own theme folder (overrides/) is listed afresh every time, so a file added
there while `mkdocs serve` runs is found by the next rebuild. The listing, and so the build, is
the same as without this.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import jinja2

_INSTALLED = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
_listings: dict[tuple[str, bool], tuple[str, ...]] = {}


class InstalledListedOnce(jinja2.FileSystemLoader):
    """A FileSystemLoader whose list of templates under site-packages is made once."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            found.update(_listing(searchpath, self.followlinks))
        return sorted(found)


def _listing(searchpath: str, followlinks: bool) -> tuple[str, ...]:
    key = (searchpath, followlinks)
    if key in _listings:
        return _listings[key]
    names = tuple(jinja2.FileSystemLoader(searchpath, followlinks=followlinks).list_templates())
    if _is_installed(searchpath):
        _listings[key] = names
    return names


def _is_installed(path: str) -> bool:
    resolved = Path(os.path.realpath(path))
    return any(resolved.is_relative_to(folder) for folder in _INSTALLED)


def list_installed_once(theme) -> None:
    """Make MkDocs' ``theme`` give its Jinja environments the loader above."""
    get_env = theme.get_env
    if getattr(get_env, "lists_installed_once", False):
        return

    def get_env_listing_installed_once() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:  # as MkDocs makes it; leave others alone
            env.loader = InstalledListedOnce(loader.searchpath, loader.encoding,
                                             loader.followlinks)
        return env

    get_env_listing_installed_once.lists_installed_once = True
    theme.get_env = get_env_listing_installed_once
