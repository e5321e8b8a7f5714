"""Precompiled bytecode for the site's Pyodide: the standard library zip and the calculators wheel.

The compiling happens inside the npm Pyodide under Node (generator/bytecode_compile.mjs running
generator/bytecode_in_pyodide.py), because only that interpreter (Python 3.14 in WebAssembly)
writes the .pyc files it will accept. Results are cached under build/ by a fingerprint of their
inputs, so a site rebuild pays the few seconds once per Pyodide version or calculators change.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

GENERATOR_DIR = Path(__file__).resolve().parent
COMPILER_FILES = (GENERATOR_DIR / "bytecode_compile.mjs", GENERATOR_DIR / "bytecode_in_pyodide.py")
CACHE_DIR = GENERATOR_DIR.parent / "build" / "pyodide-bytecode"

log = logging.getLogger("mkdocs.plugins.aliexpress_modes")
# Results kept in the cache: editing calculators/ under `mkdocs serve` makes a new one each save.
KEEP_RESULTS = 3


def compiler_fingerprint(pyodide_version: str) -> str:
    """A short hash of the Pyodide version and the compiling code: it names the output files."""
    digest = hashlib.sha256(pyodide_version.encode() + b"\0")
    for path in COMPILER_FILES:
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def compiled_runtime(pyodide_dir: Path, pyodide_version: str, wheel: Path) -> tuple[Path, Path]:
    """(python_stdlib.zip, the calculators wheel), with bytecode for what the calculator runs.

    Which standard library modules get bytecode depends on what the calculators import, so both
    files are cached together under a hash of the compiler, the Pyodide version and the wheel.
    """
    key = hashlib.sha256(compiler_fingerprint(pyodide_version).encode() + wheel.read_bytes())
    folder = CACHE_DIR / key.hexdigest()[:12]
    stdlib_out, wheel_out = folder / "python_stdlib.zip", folder / wheel.name
    if not (stdlib_out.is_file() and wheel_out.is_file()):
        _run_compiler(pyodide_dir, wheel, stdlib_out, wheel_out)
        prune_cache(CACHE_DIR, keep=KEEP_RESULTS)
    return stdlib_out, wheel_out


def prune_cache(cache_dir: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently written results (3.4 MB each)."""
    results = sorted((d for d in cache_dir.iterdir() if d.is_dir()),
                     key=lambda d: d.stat().st_mtime_ns, reverse=True)
    for stale in results[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


def _run_compiler(pyodide_dir: Path, wheel: Path, stdlib_out: Path, wheel_out: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise PluginError("`node` was not found: the site build compiles Python bytecode for the "
                          "browser with the npm Pyodide under Node.js 20. Install Node.js.")
    log.info("Compiling the calculator's Python to bytecode inside Pyodide "
             "(after a change to calculators/ or Pyodide; a few seconds)")
    with tempfile.TemporaryDirectory(prefix="pyodide-bytecode-") as scratch:
        staged = [Path(scratch) / stdlib_out.name, Path(scratch) / wheel_out.name]
        command = [node, str(COMPILER_FILES[0]), str(pyodide_dir), str(wheel), *map(str, staged)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:  # Node prints a whole line of minified source: keep the end
            raise PluginError(f"compiling bytecode inside Pyodide failed:\n"
                              f"{done.stdout[-2000:]}{done.stderr[-3000:]}")
        log.debug("bytecode compiler: %s", json.loads(done.stdout.strip().splitlines()[-1]))
        for source, target in zip(staged, (stdlib_out, wheel_out), strict=True):
            # Copy then rename, so only complete files ever reach the cache.
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            partial.replace(target)
