"""Ship what the in-browser calculators need into the built site.

Called from the MkDocs plugin's ``on_post_build``. Everything is self-hosted:

    assets/pyodide/<pyodide version>/        the runtime from node_modules/pyodide, as shipped
    assets/calculator/runtime-<fingerprint>/ pyodide-lock.json, the calculators wheel and
                                             python_stdlib.zip, with bytecode for what the
                                             calculator runs (generator/bytecode.py); the
                                             memory snapshot the worker boots from instead of
                                             those two, snapshot.<sha>.xsnp.gz, and the empty
                                             standard library it is restored with
                                             (generator/snapshot.py)
    assets/calculator/parameters.<sha>.json  the parameter bundle
    assets/vendor/uplot-<version>/           the chart library

Directory names carry a version or a content hash, so a browser cache can never pair a new page
with an old wheel (Pyodide would refuse it on the sha256 check) and the files can be cached forever.
The standard library sits with the wheel because which of its modules are precompiled depends on
what the calculators import; the 11 MB of WebAssembly and JavaScript stay put when they change.
The page markup (generator/calculator_html.py) computes the same URLs through ``runtime_urls``
and carries the SRI hash of every file the worker loads (``prepare_runtime(...).integrity()``):
the worker checks each download against it before anything runs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.bundle import bundle_json
from generator.bytecode import compiled_runtime, compiler_fingerprint
from generator.snapshot import EMPTY_ZIP, memory_snapshot

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CALCULATORS_DIR = PROJECT_ROOT / "calculators"
NODE_MODULES = PROJECT_ROOT / "node_modules"
WHEEL_CACHE = PROJECT_ROOT / "build" / "calculators-wheel"
LOCKFILE_CACHE = PROJECT_ROOT / "build" / "site-lockfile"

# The runtime files a browser fetches as npm ships them (python_stdlib.zip goes out precompiled,
# see RuntimeUrls.stdlib). Source maps and the Node-only entry points stay behind.
PYODIDE_RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
UPLOT_FILES = {"uPlot.esm.js": "uPlot.esm.js", "uPlot.min.css": "uPlot.min.css"}
# 1980-01-01, the earliest time a zip can hold: makes the wheel byte-for-byte reproducible.
SOURCE_DATE_EPOCH = "315532800"


@dataclass(frozen=True)
class RuntimeUrls:
    """Site-relative paths (no leading slash) of the files the calculator front end loads."""

    pyodide_index: str
    lock_file: str
    stdlib: str
    empty_stdlib: str  # what the worker gives Pyodide when it restores the snapshot
    parameters: str
    uplot_js: str
    uplot_css: str
    package_name: str


def runtime_urls(bundle: dict) -> RuntimeUrls:
    """Where ``write_assets`` puts things, computable while pages render (before the build ends)."""
    pyodide_version = _npm_version("pyodide")
    uplot_version = _npm_version("uplot")
    parameters_sha = hashlib.sha256(bundle_json(bundle).encode()).hexdigest()[:12]
    # Everything the wheel and the bytecode depend on: the calculators' sources, the Pyodide
    # version and the compiler.
    bytecode = compiler_fingerprint(pyodide_version)
    runtime_dir = f"assets/calculator/runtime-{calculators_fingerprint(bytecode)}"
    return RuntimeUrls(
        pyodide_index=f"assets/pyodide/{pyodide_version}/",
        lock_file=f"{runtime_dir}/pyodide-lock.json",
        stdlib=f"{runtime_dir}/python_stdlib.zip",
        empty_stdlib=f"{runtime_dir}/empty-stdlib.zip",
        parameters=f"assets/calculator/parameters.{parameters_sha}.json",
        uplot_js=f"assets/vendor/uplot-{uplot_version}/uPlot.esm.js",
        uplot_css=f"assets/vendor/uplot-{uplot_version}/uPlot.min.css",
        package_name=calculators_package_name(),
    )


@dataclass(frozen=True)
class PreparedRuntime:
    """Every file the calculator's worker loads, ready before the pages render.

    ``files`` maps a site-relative path to the file's bytes: the Pyodide runtime, the
    precompiled standard library and wheel, the site lockfile and the parameter bundle.
    """

    urls: RuntimeUrls
    files: dict[str, bytes]
    hashes: dict[str, str]  # site path -> SRI of files[path], computed once

    @property
    def snapshot(self) -> str:
        """Site path of the memory snapshot (its name carries a hash of its content)."""
        return next(path for path in self.files if path.endswith(".xsnp.gz"))

    def integrity(self) -> dict[str, str]:
        """Site path -> Subresource Integrity value (``sha256-<base64>``), as fetch() takes it."""
        return dict(self.hashes)


_prepared: dict[str, PreparedRuntime] = {}
# Runtime folder -> (files, their SRI hashes) without the bundle: a data edit under `mkdocs
# serve` changes only the bundle, so the 14 MB are read and hashed once per process.
_runtimes: dict[str, tuple[dict[str, bytes], dict[str, str]]] = {}


def prepare_runtime(bundle: dict) -> PreparedRuntime:
    """The runtime files for ``bundle``; built once per bundle and process (a few seconds the
    first time on a machine, when the bytecode is compiled, then from build/)."""
    key = hashlib.sha256(bundle_json(bundle).encode()).hexdigest()
    if key in _prepared:
        return _prepared[key]
    urls = runtime_urls(bundle)
    if urls.lock_file not in _runtimes:
        files = _runtime_files(urls)
        _runtimes[urls.lock_file] = files, {p: sri_sha256(data) for p, data in files.items()}
    runtime_files, runtime_hashes = _runtimes[urls.lock_file]
    parameters = bundle_json(bundle).encode()
    hashes = {**runtime_hashes, urls.parameters: sri_sha256(parameters)}
    _prepared[key] = PreparedRuntime(urls, {**runtime_files, urls.parameters: parameters},
                                     dict(sorted(hashes.items())))
    return _prepared[key]


def _runtime_files(urls: RuntimeUrls) -> dict[str, bytes]:
    """Site path -> bytes of the Pyodide runtime, the precompiled stdlib, wheel and lockfile."""
    pyodide_dir = _require_npm_package("pyodide")
    files = {f"{urls.pyodide_index}{name}": _read_required(pyodide_dir / name)
             for name in PYODIDE_RUNTIME_FILES}
    stdlib, wheel = compiled_runtime(pyodide_dir, _npm_version("pyodide"),
                                     build_calculators_wheel())
    runtime_dir = Path(urls.lock_file).parent.as_posix()
    files[urls.stdlib] = stdlib.read_bytes()
    files[f"{runtime_dir}/{wheel.name}"] = wheel.read_bytes()
    files[urls.lock_file] = site_lockfile(pyodide_dir / "pyodide-lock.json", wheel)
    snapshot = memory_snapshot(pyodide_dir, stdlib, wheel)
    digest = hashlib.sha256(snapshot).hexdigest()[:12]
    files[f"{runtime_dir}/snapshot.{digest}.xsnp.gz"] = snapshot
    files[urls.empty_stdlib] = EMPTY_ZIP
    return files


def sri_sha256(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def write_assets(site_dir: str | os.PathLike, bundle: dict, config: object = None) -> RuntimeUrls:
    """Write the runtime, the wheel + site lockfile, the bundle and uPlot into ``site_dir``.

    ``config`` (the MkDocs config) is accepted for the plugin's convenience and not needed.
    """
    del config
    site = Path(site_dir)
    urls = runtime_urls(bundle)
    uplot_dist = _require_npm_package("uplot") / "dist"
    _copy_files(uplot_dist, UPLOT_FILES, site / Path(urls.uplot_js).parent)
    for path, data in prepare_runtime(bundle).files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return urls


def site_lockfile(npm_lockfile: Path, wheel: Path) -> bytes:
    """The site lockfile for ``wheel`` (see ``write_site_lockfile``), from build/ once made:
    importing pyodide-lock and its pydantic models would cost every build a quarter second."""
    digest = hashlib.sha256()
    for part in (npm_lockfile.read_bytes(), wheel.name.encode(), wheel.read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    cached = LOCKFILE_CACHE / f"{digest.hexdigest()[:16]}.json"
    if cached.is_file():
        return cached.read_bytes()
    LOCKFILE_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="site-lockfile-", dir=LOCKFILE_CACHE) as tmp:
        written = Path(tmp) / "lock.json"
        write_site_lockfile(npm_lockfile, wheel, written)
        data = written.read_bytes()
        written.replace(cached)  # whole or not at all: a failed build caches nothing
    return data


def write_site_lockfile(npm_lockfile: Path, wheel: Path, output: Path) -> None:
    """Write a lockfile that lists exactly the calculators wheel, with its sha256.

    It keeps the npm lockfile's ``info`` (Python and ABI version, which Pyodide checks) but none of
    its packages: the site ships no other wheel, so listing them would only promise 404s.
    The wheel sits next to the lockfile, so Pyodide resolves its relative file name from there.
    """
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    base = PyodideLockSpec.from_json(npm_lockfile)
    empty = PyodideLockSpec(info=base.info, packages={})
    try:
        spec = add_wheels_to_spec(empty, [wheel], base_path=wheel.parent)
    except RuntimeError as error:  # incompatible wheel tags or a dependency Pyodide lacks
        raise PluginError(f"calculators wheel {wheel.name}: {error}") from error
    spec.to_json(output, indent=1)


def build_calculators_wheel() -> Path:
    """Build (or reuse) the pure-Python calculators wheel; cached by a hash of its sources."""
    cache_dir = WHEEL_CACHE / calculators_fingerprint("")
    cached = sorted(cache_dir.glob("*.whl")) if cache_dir.is_dir() else []
    if cached:
        return cached[0]
    with tempfile.TemporaryDirectory(prefix="calculators-wheel-") as tmp:
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation",
                   "--outdir", tmp, str(CALCULATORS_DIR)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        wheels = sorted(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            raise PluginError(
                f"could not build the calculators wheel from {CALCULATORS_DIR}:\n"
                f"{done.stdout[-2000:]}{done.stderr[-2000:]}"
            )
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = cache_dir / wheels[0].name
        shutil.copyfile(wheels[0], target)  # copy, then nothing half-written is ever cached
        return target


def calculators_fingerprint(salt: str) -> str:
    """A short hash of everything that goes into the wheel (plus ``salt``)."""
    digest = hashlib.sha256(salt.encode())
    files = [CALCULATORS_DIR / "pyproject.toml", *sorted((CALCULATORS_DIR / "src").rglob("*.py"))]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(CALCULATORS_DIR).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def calculators_package_name() -> str:
    """The wheel's distribution name as Pyodide's lockfile keys it (PEP 503 normalised)."""
    pyproject = tomllib.loads((CALCULATORS_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    name = pyproject["project"]["name"]
    return re.sub(r"[-_.]+", "-", name).lower()


def _npm_version(package: str) -> str:
    manifest = _require_npm_package(package) / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def _require_npm_package(package: str) -> Path:
    directory = NODE_MODULES / package
    if not (directory / "package.json").is_file():
        raise PluginError(
            f"{directory} is missing: the calculators need the npm package '{package}'. "
            f"Run `npm ci` in {PROJECT_ROOT}."
        )
    return directory


def _read_required(path: Path) -> bytes:
    if not path.is_file():
        raise PluginError(f"{path} is missing; run `npm ci` in {PROJECT_ROOT}.")
    return path.read_bytes()


def _copy_files(source_dir: Path, names: object, target_dir: Path) -> None:
    """Copy ``names`` (an iterable, or a mapping source name -> target name)."""
    pairs = names.items() if isinstance(names, dict) else ((n, n) for n in names)
    target_dir.mkdir(parents=True, exist_ok=True)
    for source_name, target_name in pairs:
        source = source_dir / source_name
        if not source.is_file():
            raise PluginError(f"{source} is missing; run `npm ci` in {PROJECT_ROOT}.")
        shutil.copyfile(source, target_dir / target_name)
