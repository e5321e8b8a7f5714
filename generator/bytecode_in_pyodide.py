"""Compile Python sources to bytecode *inside Pyodide*, for the site's copy of the runtime.

Run by generator/bytecode_compile.mjs under Node with the npm Pyodide, so the .pyc files carry the
magic number and cache tag of the exact interpreter that will load them in the browser (the
build machine's CPython is another version). The npm package ships the standard library as .py
sources, which Python compiles on every import in every visit: precompiled, the runtime boots
about twice as fast (benchmarks/README.md).

Only the modules the calculator really imports (Pyodide's boot, its package loader, the
calculators package and what they import: about 150 of 559) are precompiled; the rest stay
sources, compiled if ever imported. A .pyc is larger than its source, so this keeps the
download about 1.1 MB smaller than a fully precompiled library (3.3 vs 4.5 MB); which modules
are in the set changes speed only, never behaviour.

The .pyc files are "unchecked hash" pycs (PEP 552): the importer uses them without comparing
them against a source file or its timestamp, which zip entries and unpacked wheels do not keep.
"""

from __future__ import annotations

import sys

# The other imports sit in the functions that need them: stdlib_files_in_use runs first and
# must see only what the calculator imports, not what this compiler does.


def stdlib_zip_path() -> str:
    """Where this interpreter imports its standard library from (e.g. /lib/python314.zip)."""
    [path] = [entry for entry in sys.path if entry.endswith(".zip")]
    return path


def pyc_bytes(source: bytes, filename: str) -> bytes:
    """An unchecked-hash .pyc of ``source``; tracebacks will name ``filename``.

    Raises ``py_compile.PyCompileError`` for a source that does not compile.
    """
    import py_compile
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as scratch:
        source_file, pyc_file = Path(scratch, "module.py"), Path(scratch, "module.pyc")
        source_file.write_bytes(source)
        py_compile.compile(str(source_file), cfile=str(pyc_file), dfile=filename, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        return pyc_file.read_bytes()


def stdlib_files_in_use() -> set[str]:
    """Zip member names of the standard library modules imported once the calculator has run.

    Call with the calculators wheel installed (by Pyodide's package loader, as in the browser).
    The calculator answers a valid and an invalid request, as the page's worker would.
    """
    import json

    from calculators.bridge import Session
    from calculators.params import EXAMPLE_BUNDLE

    session = Session(json.dumps(EXAMPLE_BUNDLE))
    for raw in ({}, {"units_per_month": "not a number"}):
        session.handle(json.dumps({"raw": raw, "overrides": {}, "modes": None}))
    return {file.removeprefix(stdlib_zip_path() + "/") for file in imported_from_stdlib_zip()}


def imported_from_stdlib_zip() -> list[str]:
    """Paths of the imported modules that came from the standard library zip.

    Modules frozen into the interpreter (os, codecs, ...) carry a __file__ in the zip too, but
    never read it: they are left out.
    """
    prefix = stdlib_zip_path() + "/"
    return sorted(
        module.__file__ for module in list(sys.modules.values())
        if (getattr(module, "__file__", None) or "").startswith(prefix)
        and getattr(module.__spec__, "origin", None) != "frozen"
    )


def compile_stdlib(source_zip: str, target_zip: str, only: set[str]) -> int:
    """Copy the standard library zip with the modules in ``only`` as .pyc instead of .py.

    A precompiled module loses its source, as in Pyodide's own pyc distribution: a traceback
    through it shows no source lines. Returns the number of modules compiled.
    """
    import zipfile

    runtime_path = stdlib_zip_path()
    compiled = 0
    with zipfile.ZipFile(source_zip) as zin, zipfile.ZipFile(
        target_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9
    ) as zout:
        for info in zin.infolist():
            name, data = info.filename, zin.read(info)
            if name in only and name.endswith(".py"):
                data = pyc_bytes(data, f"{runtime_path}/{name}")
                name += "c"
                compiled += 1
            zout.writestr(_entry(name, info), data)
    return compiled


def add_bytecode_to_wheel(source_wheel: str, target_wheel: str) -> int:
    """Copy a pure-Python wheel, adding ``__pycache__/<module>.<cache tag>.pyc`` for each module.

    The sources stay (tracebacks in the calculator's own code keep their lines) and RECORD lists
    the new files with their hashes. Returns the number of modules compiled.
    """
    import zipfile

    site_packages = next(p for p in sys.path if p.endswith("site-packages"))
    tag = sys.implementation.cache_tag
    with zipfile.ZipFile(source_wheel) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    added = []
    for info, data in entries:
        if info.filename.endswith(".py") and ".dist-info/" not in info.filename:
            folder, _, name = info.filename.rpartition("/")
            pyc_name = f"{folder}/__pycache__/{name[:-3]}.{tag}.pyc".lstrip("/")
            pyc = pyc_bytes(data, f"{site_packages}/{info.filename}")
            added.append((_entry(pyc_name, info), pyc))
    body = [(info, data) for info, data in entries if ".dist-info/" not in info.filename]
    dist_info = []
    for info, data in entries:
        if info.filename.endswith(".dist-info/RECORD"):
            data = _record_with(data, [(entry.filename, pyc) for entry, pyc in added])
        if ".dist-info/" in info.filename:
            dist_info.append((info, data))
    with zipfile.ZipFile(target_wheel, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in body + added + dist_info:  # .dist-info last, as the wheel spec asks
            zout.writestr(_entry(info.filename, info), data)
    return len(added)


def _record_with(record: bytes, files: list[tuple[str, bytes]]) -> bytes:
    import base64
    import hashlib

    lines = record.decode().splitlines()
    own = [line for line in lines if line.split(",", 1)[0].endswith(".dist-info/RECORD")]
    rest = [line for line in lines if line not in own]
    for name, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        rest.append(f"{name},sha256={digest},{len(data)}")
    return ("\n".join(rest + own) + "\n").encode()


def _entry(name: str, like):
    """A fresh zip entry named ``name`` with ``like``'s timestamp and permissions."""
    import zipfile

    info = zipfile.ZipInfo(name, date_time=like.date_time)
    info.external_attr = like.external_attr
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
