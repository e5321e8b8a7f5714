"""The Pyodide memory snapshot the calculator's worker boots from (issue 14).

generator/snapshot_make.mjs boots the npm Pyodide under Node with the site's standard library and
wheel, runs every path the worker may take once, zeroes the memory nothing uses and saves the
rest XORed with the WebAssembly's own memory image (docs/assets/calculator/snapshot-patch.mjs).
Gzipped, it replaces the standard library and the wheel on the page: the worker restores it with
an empty standard library and no wheel, and boots the usual way if the restore fails.

It rests on private Pyodide API (``_makeSnapshot``/``makeMemorySnapshot``, ``_loadSnapshot`` and
the Emscripten ``instantiateWasm`` hook) and fits only the exact pyodide.asm.wasm it was made
with: the cache key holds the runtime's files, and Pyodide checks its build id on restore.
The result is cached under build/ like the bytecode. It is byte-for-byte reproducible (the
maker seeds the randomness Python and the C library draw at start and fixes the clocks: every
reader gets the snapshot's hash secret and random state, as they would any); its file name
carries a hash of its content all the same.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

GENERATOR_DIR = Path(__file__).resolve().parent
MAKER = GENERATOR_DIR / "snapshot_make.mjs"
PATCH = GENERATOR_DIR.parent / "docs" / "assets" / "calculator" / "snapshot-patch.mjs"
CACHE_DIR = GENERATOR_DIR.parent / "build" / "pyodide-snapshot"
# Pyodide's files the snapshot belongs to (its BUILD_ID is a hash of the two .asm files).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# A zip with no entries: the standard library the restored runtime is given (it imports nothing).
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)
KEEP_RESULTS = 3

log = logging.getLogger("mkdocs.plugins.aliexpress_modes")


def snapshot_key(pyodide_dir: Path, stdlib: Path, wheel: Path) -> str:
    digest = hashlib.sha256()
    for path in (*(pyodide_dir / name for name in RUNTIME_FILES), stdlib, wheel, MAKER, PATCH):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def memory_snapshot(pyodide_dir: Path, stdlib: Path, wheel: Path) -> bytes:
    """The gzipped snapshot (XOR form) for this runtime, standard library and wheel."""
    cached = CACHE_DIR / f"{snapshot_key(pyodide_dir, stdlib, wheel)}.xsnp.gz"
    if not cached.is_file():
        _make(pyodide_dir, stdlib, wheel, cached)
        prune_cache_files(CACHE_DIR, keep=KEEP_RESULTS)
    return cached.read_bytes()


def prune_cache_files(cache_dir: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently written snapshots (3.4 MB each)."""
    results = sorted(cache_dir.glob("*.xsnp.gz"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in results[keep:]:
        stale.unlink(missing_ok=True)


def _make(pyodide_dir: Path, stdlib: Path, wheel: Path, target: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise PluginError("`node` was not found: the site build makes the calculator's Pyodide "
                          "memory snapshot with the npm Pyodide under Node.js 20. Install Node.js.")
    log.info("Making the calculator's Pyodide memory snapshot (after a change to calculators/ or "
             "Pyodide; a few seconds)")
    with tempfile.TemporaryDirectory(prefix="pyodide-snapshot-") as scratch:
        out = Path(scratch) / "snapshot.xsnp"
        command = [node, str(MAKER), str(pyodide_dir.resolve()), str(stdlib), str(wheel), str(out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:  # Node prints a whole line of minified source: keep the end
            raise PluginError(f"making the Pyodide memory snapshot failed:\n"
                              f"{done.stdout[-2000:]}{done.stderr[-3000:]}")
        log.debug("snapshot maker: %s", json.loads(done.stdout.strip().splitlines()[-1]))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        # mtime=0: the same snapshot gzips to the same bytes.
        partial.write_bytes(gzip.compress(out.read_bytes(), compresslevel=9, mtime=0))
        partial.replace(target)  # only complete files ever reach the cache
