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


def compiler_fingerprint(pyodide_version: str) -> str:
    """A short hash of the Pyodide version and the compiling code: it names the output files."""
    digest = hashlib.sha256(pyodide_version.encode() + b"\0")
    for path in COMPILER_FILES:
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def compiled_runtime(pyodide_dir: Path, pyodide_version: str, wheel: Path) -> tuple[Path, Path]:
    """(python_stdlib.zip as .pyc, the wheel with __pycache__), both cached.

    The wheel's cache key is its own content (which already hashes the calculators sources).
    """
    stdlib_key = compiler_fingerprint(pyodide_version)
    wheel_key = hashlib.sha256(stdlib_key.encode() + wheel.read_bytes()).hexdigest()[:12]
    stdlib_out = CACHE_DIR / f"stdlib-{stdlib_key}" / "python_stdlib.zip"
    wheel_out = CACHE_DIR / f"wheel-{wheel_key}" / wheel.name
    jobs = []
    if not stdlib_out.is_file():
        jobs.append(("stdlib", pyodide_dir / "python_stdlib.zip", stdlib_out))
    if not wheel_out.is_file():
        jobs.append(("wheel", wheel, wheel_out))
    if jobs:
        _run_compiler(pyodide_dir, jobs)
    return stdlib_out, wheel_out


def _run_compiler(pyodide_dir: Path, jobs: list[tuple[str, Path, Path]]) -> None:
    node = shutil.which("node")
    if node is None:
        raise PluginError("`node` was not found: the site build compiles Python bytecode for the "
                          "browser with the npm Pyodide under Node.js 20. Install Node.js.")
    log.info("Compiling %s to bytecode inside Pyodide (once per change, a few seconds)",
             " and ".join("the standard library" if kind == "stdlib" else "the calculators wheel"
                          for kind, _, _ in jobs))
    with tempfile.TemporaryDirectory(prefix="pyodide-bytecode-") as scratch:
        args, moves = [], []
        for kind, source, target in jobs:
            staged = Path(scratch) / kind / target.name
            staged.parent.mkdir()
            args += [kind, str(source), str(staged)]
            moves.append((staged, target))
        done = subprocess.run([node, str(COMPILER_FILES[0]), str(pyodide_dir), *args],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"compiling bytecode inside Pyodide failed:\n"
                              f"{done.stdout[-2000:]}{done.stderr[-3000:]}")
        log.debug("bytecode compiler: %s", json.loads(done.stdout.strip().splitlines()[-1]))
        for staged, target in moves:  # only complete files ever reach the cache
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(staged, partial)
            partial.replace(target)
