"""Does the service worker's cache slow the repeat visit? (issue 14, a probe, not in `make bench`)

    .venv/bin/python benchmarks/service_worker_cache.py [--runs N]

Builds the real site and times the calculator page's first live result, cold then warm in one
on-disk Chromium profile per pair, with the site's service worker (the warm visit reads the
runtime from its Cache Storage) and with service workers blocked (the warm visit reads it from
the HTTP cache, the runtime's files being served immutable). Prints medians, with the stage
"loadPyodide() + wheel" on its own, where the difference shows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser_support import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site  # noqa: E402
from calculator_load import LIVE_STAGES, time_calculator  # noqa: E402

READY = "async () => { await navigator.serviceWorker.ready; }"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    live: dict[str, list[float]] = {}
    boot: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-sw-") as tmp:
        server = SiteServer(build_site(Path(tmp) / "site"))
        try:
            with sync_playwright() as playwright:
                for _ in range(args.runs):  # interleaved, so drift hits both alike
                    for workers in ("allow", "block"):
                        with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                            context = playwright.chromium.launch_persistent_context(
                                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                headless=True, service_workers=workers)
                            for cache in ("cold", "warm"):
                                page = context.new_page()
                                key = f"{workers}_{cache}"
                                live.setdefault(key, []).append(time_calculator(page, server))
                                marks = LIVE_STAGES[-1]
                                boot.setdefault(key, []).append(marks["loaded"] - marks["imported"])
                                if workers == "allow" and cache == "cold":  # now cached
                                    page.evaluate(READY)
                                page.close()
                            context.close()
        finally:
            server.close()
    print(f"Calculator page, first live result, median of {args.runs} (ms)")
    for workers, label in (("allow", "service worker (as shipped)"), ("block", "HTTP cache only")):
        for cache in ("cold", "warm"):
            key = f"{workers}_{cache}"
            print(f"  {label:28} {cache}  {statistics.median(live[key]):6.0f}   "
                  f"of which loadPyodide() + wheel {statistics.median(boot[key]):6.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
