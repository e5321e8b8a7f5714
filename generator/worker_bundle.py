"""The calculator's worker as one file (issue 14): its modules inlined, so that starting it is one
request, not two round trips (worker.js, then the modules it imports; on a repeat visit each goes
through the service worker's network-first path).

The sources stay small modules: tests under Node and generator/snapshot_make.mjs import
checked-fetch.js and snapshot-patch.mjs directly. The build writes the bundle over the site's
assets/calculator/worker.js and leaves the inlined modules out of the site (nothing else loads
them). It handles exactly the module syntax these files use, and refuses anything else, so that a
new kind of import fails the build instead of shipping a worker that cannot start:

- in the entry, ``import { a, b as c } from "./module.js";`` (one line each);
- in an imported module, no imports, and exports only as ``export`` before a top-level
  ``function``, ``async function``, ``class``, ``const``, ``let`` or ``var`` declaration.

Each module becomes a function that returns its exports, called once before the entry's code, so
its top-level names stay its own (as in a module) and only the imported names reach the entry.
The bundle is still a module script (dynamic ``import()`` of Pyodide, strict mode).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

WORKER_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "calculator"
ENTRY = "worker.js"

_STATIC_IMPORT = re.compile(r"^\s*import\b(?!\s*[(.])", re.M)  # not import(...) nor import.meta
_NAMED_IMPORT = re.compile(
    r'^import\s*\{(?P<names>[^}]*)\}\s*from\s*"(?P<source>\./[\w.-]+)";[ \t]*$', re.M)
_EXPORT = re.compile(
    r"^export\s+(?=(?:async\s+function\*?|function\*?|class|const|let|var)\s+(?P<name>[\w$]+))",
    re.M)
_ANY_EXPORT = re.compile(r"^\s*export\b", re.M)
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")


class BundleError(PluginError):
    """The worker's sources use module syntax the bundle does not handle."""


def bundle_worker(directory: Path = WORKER_DIR, entry: str = ENTRY) -> tuple[str, list[str]]:
    """The entry with its imports inlined, and the file names of the modules it inlined."""
    source = (directory / entry).read_text(encoding="utf-8")
    modules: list[str] = []
    preludes: list[str] = []
    for found in _NAMED_IMPORT.finditer(source):
        name = found["source"][2:]
        if name in modules:
            raise BundleError(f"{entry}: {name} is imported twice")
        modules.append(name)
        preludes.append(_inlined(directory / name, _imported_names(entry, found["names"])))
    rest = _NAMED_IMPORT.sub("", source)
    if _STATIC_IMPORT.search(rest):
        raise BundleError(f"{entry}: only `import {{ ... }} from \"./file\";` can be bundled")
    if _ANY_EXPORT.search(rest):
        raise BundleError(f"{entry}: a worker's entry exports nothing")
    header = (f"// Built from {entry} with {', '.join(modules)} inlined"
              " (generator/worker_bundle.py).\n")
    return header + "".join(preludes) + f"// --- {entry} ---\n" + rest, modules


def _imported_names(entry: str, names: str) -> list[tuple[str, str]]:
    """`a, b as c` -> [(a, a), (b, c)]: (exported name, local name)."""
    pairs = []
    for part in filter(None, (item.strip() for item in names.split(","))):
        words = part.split()
        if len(words) == 1:
            words = [words[0], "as", words[0]]
        if len(words) != 3 or words[1] != "as" or not all(map(_IDENTIFIER.match, words[::2])):
            raise BundleError(f"{entry}: cannot bundle the import of `{part}`")
        pairs.append((words[0], words[2]))
    return pairs


def _inlined(path: Path, names: list[tuple[str, str]]) -> str:
    """`const { a, b: c } = (() => { <module without `export `>; return { a, b }; })();`"""
    if not path.is_file():
        raise BundleError(f"the worker imports {path.name}, which does not exist")
    source = path.read_text(encoding="utf-8")
    if _STATIC_IMPORT.search(source):
        raise BundleError(f"{path.name}: a module the worker imports may not import (not bundled)")
    exported = [found["name"] for found in _EXPORT.finditer(source)]
    body = _EXPORT.sub("", source)
    if _ANY_EXPORT.search(body):
        raise BundleError(f"{path.name}: only `export` before a declaration can be bundled")
    missing = [name for name, _ in names if name not in exported]
    if missing:
        raise BundleError(f"the worker imports {', '.join(missing)} from {path.name},"
                          " which does not export it")
    bindings = ", ".join(name if name == local else f"{name}: {local}" for name, local in names)
    returned = ", ".join(dict.fromkeys(name for name, _ in names))
    return (f"// --- {path.name} ---\nconst {{ {bindings} }} = (() => {{\n{body}\n"
            f"return {{ {returned} }};\n}})();\n")


def write_worker_bundle(site_dir: str | Path) -> None:
    """Replace the site's assets/calculator/worker.js with the bundle; drop the inlined modules."""
    target = Path(site_dir) / "assets" / "calculator"
    text, modules = bundle_worker()
    (target / ENTRY).write_text(text, encoding="utf-8")
    for name in modules:
        (target / name).unlink(missing_ok=True)
