"""The ways the calculator's runtime can fail, made real, and how soon the page shows each: shared
by tests/browser/test_failures.py (each failure named, with its message) and
benchmarks/failure_states.py (each shown within the issue's 2 s of the moment it could be known).

The delay is on the browser's clock, from the moment the failure could be known to the moment the
page showed it (``amc.runtime.failedAt``): for a missing or tampered file, the end of its first
response as the browser's network recorded it (the download of a large file is not the failure);
for a refused worker or a blocked WebAssembly, the moment the page started the runtime (earlier
than the failure itself, so the bound is stricter than asked)."""

from __future__ import annotations

from pathlib import Path

ROOT = "[data-calculator]"
# A policy that lets the page's scripts run but not compile WebAssembly ('{hashes}': the server
# puts each page's inline-script hashes there).
BLOCK_WASM = ("default-src 'self'; script-src 'self' {hashes}; "
              "style-src 'self' 'unsafe-inline'; img-src 'self' data:")
# A browser (or policy) that refuses to start the page's worker.
REFUSE_WORKER = ("window.Worker = class { constructor() { throw new DOMException("
                 "'blocked by policy', 'SecurityError'); } };")
# Files the server can leave out (a host missing them answers 404).
MISSING_FILES = ["calculator/worker.js", "pyodide.asm.wasm", "empty-stdlib.zip"]
# Every runtime file with a build-time hash, as a glob in the built site.
TAMPERABLE = [
    "assets/pyodide/*/pyodide.mjs",
    "assets/pyodide/*/pyodide.asm.mjs",
    "assets/pyodide/*/pyodide.asm.wasm",
    # The memory snapshot and the empty standard library it is restored with; the precompiled
    # standard library and the wheel are only loaded if a snapshot does not restore.
    "assets/calculator/runtime-*/snapshot.*.xsnp.gz",
    "assets/calculator/runtime-*/empty-stdlib.zip",
    "assets/calculator/runtime-*/pyodide-lock.json",
    "assets/calculator/parameters.*.json",
]


def tampered_copy(site_dir: Path, pattern: str) -> tuple[str, bytes, str]:
    """The built file matching ``pattern`` with its first byte changed: (URL path, bytes, name),
    for the server to send in its place (not a browser route: a route would pass the 9.6 MB of
    WebAssembly through the test driver, slowly)."""
    [file] = site_dir.glob(pattern)
    body = bytearray(file.read_bytes())
    body[0] ^= 0x01
    return "/" + file.relative_to(site_dir).as_posix(), bytes(body), file.name


class Arrivals:
    """When each file's responses ended (epoch ms, the browser's clock), page and worker alike."""

    def __init__(self, page) -> None:
        self.ends: dict[str, list[float]] = {}
        page.on("requestfinished", self._record)
        page.on("requestfailed", self._record)

    def _record(self, request) -> None:
        timing = request.timing
        if timing["responseEnd"] >= 0:
            name = request.url.split("?", 1)[0].rsplit("/", 1)[-1]
            self.ends.setdefault(name, []).append(timing["startTime"] + timing["responseEnd"])

    def first(self, name: str) -> float:
        """The end of the first response for `name`: when a missing or tampered file's failure
        could first be known."""
        return min(self.ends[name])


def runtime_time(page, mark: str) -> float:
    """A moment the runtime client noted (performance.now()), as epoch ms."""
    return page.eval_on_selector(ROOT, f"el => performance.timeOrigin + el.amc.runtime.{mark}")


def wait_failed(page, timeout: float) -> str:
    """The failure's message, once the page shows it (at most `timeout` ms)."""
    status = page.locator(f"{ROOT} .amc-status[data-state='failed']")
    status.wait_for(timeout=timeout)
    return status.inner_text()


def shown_after(page, since: float) -> float:
    """ms from `since` (epoch ms) to the failure the page shows."""
    return runtime_time(page, "failedAt") - since
