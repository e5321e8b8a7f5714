"""Write the site's service worker (generator/service_worker.js) into a built site as ``sw.js``.

It sits at the site's root, so its scope is the whole site (both languages, any sub-path)
without a ``Service-Worker-Allowed`` header, which a static host cannot send. The build fills in
what it caches and its version:

- ``precache``: every file under ``assets/`` a page or the calculator may load (the runtime, the
  wheel, the bundle, the calculator's scripts, Material's assets) and the search index; not
  source maps, not the search's language plug-ins, which only a search in that language loads,
  and not the standard library and wheel, which only the boot without the memory snapshot loads
  (generator/snapshot.py; caching them would cost every reader 3.5 MB they never use);
- ``version``: a hash of the build's content: of every precached file and page, by path for
  files whose path already carries a version or content hash (hashing the 11 MB runtime again
  would only repeat what its folder name says), by content for the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

SOURCE = Path(__file__).with_name("service_worker.js")
FILE_NAME = "sw.js"
# Must match CONTENT_ADDRESSED in service_worker.js.
CONTENT_ADDRESSED = re.compile(
    r"(^|/)assets/(pyodide/\d|calculator/runtime-|calculator/parameters\.|vendor/)"
    r"|\.[0-9a-f]{8,}\.min\.(js|css)$"
)
SKIPPED = re.compile(r"\.map$|^assets/javascripts/lunr/"
                     r"|^assets/calculator/runtime-[^/]+/(python_stdlib\.zip|[^/]+\.whl)$")
EXTRA_FILES = ("search/search_index.json",)


def precache_paths(site: Path) -> list[str]:
    """Site-relative paths of the files the service worker caches at install, sorted."""
    paths = [p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file()]
    paths += [name for name in EXTRA_FILES if (site / name).is_file()]
    return sorted(p for p in paths if not SKIPPED.search(p))


def build_version(site: Path, precache: list[str]) -> str:
    """A short hash of what the service worker may serve: precached files and every page."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    digest = hashlib.sha256()
    for path in sorted({*precache, *pages}):
        digest.update(path.encode() + b"\0")
        if not CONTENT_ADDRESSED.search(path):
            digest.update(hashlib.sha256((site / path).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: str | Path) -> str:
    """Write ``sw.js`` for the site built in ``site_dir``; returns its version."""
    site = Path(site_dir)
    precache = precache_paths(site)
    build = {"version": build_version(site, precache), "precache": precache}
    header = ("// Written by the site build (generator/service_worker.py).\n"
              f"const BUILD = {json.dumps(build, indent=1)};\n\n")
    (site / FILE_NAME).write_text(header + SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return build["version"]
