"""How fast the in-browser calculator is, in headless Chromium over loopback.

    .venv/bin/python benchmarks/calculator_load.py [--runs N]

Builds the real site (mkdocs build --strict), serves it on 127.0.0.1 and measures, in one run:
- time from navigation start to the first live (Python-computed) result on the calculator page,
  cold (fresh browser profile, empty cache) and warm (same profile, second visit);
- the floor: a bare page that only imports the same self-hosted pyodide.mjs and awaits
  loadPyodide() on the same files, cold and warm; and the ratio calculator / floor;
- for context, the same bare page on the npm package's files as shipped (standard library as
  .py sources; the site ships it precompiled, see generator/bytecode.py);
- the median and 90th percentile from an input change to the updated result in the page, and to
  its sensitivity (what would change the recommendation), which follows as a second answer;
- a repeat visit (the warm visit: once the calculator has been used, the site's service worker
  serves it): bytes moved and first live result;
- bytes served for the calculator page, a mode guide page (compact calculator) and a page without
  a calculator (the Pyodide share of which must be 0).
- a guide page scrolled top to bottom without touching its calculator (bytes), and the time from
  the first input change on a guide page to its live result.
Targets (issue 14): first live result <= 0.5x the bare page on npm's runtime as shipped (what
peers ship), cold and warm; guide page untouched <= 1 MB; median update < 20 ms; 0 Pyodide bytes
on a page without a calculator. The same-files floor stays as a diagnostic.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_support import (  # noqa: E402
    CALCULATOR_PAGE,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_WITHOUT_CALCULATOR,
    SiteServer,
    build_site,
    launch_chromium,
    missing_prerequisites,
)
from browser_support import GUIDE_WITH_CALCULATOR as GUIDE_PAGE  # noqa: E402

from generator.browser_assets import PYODIDE_RUNTIME_FILES  # noqa: E402

BARE_PAGE = "/__bench/bare-pyodide.html"
NPM_BARE_PAGE = "/__bench/bare-pyodide-npm.html"
BARE_WORKER_PAGE = "/__bench/bare-pyodide-worker.html"
BARE_WORKER = "/__bench/bare-pyodide-worker.js"
# The runtime as npm ships it, and the site's lockfile, wheel and precompiled standard library
# (runtime-<fingerprint>/, not runtime-start.js).
PYODIDE_PATHS = re.compile(r"/assets/pyodide/|/assets/calculator/runtime-[0-9a-f]+/")
UPDATES = 40


def _bare_load(pyodide_index: str, lock_file: str, stdlib: str | None) -> str:
    """Module-script lines that import pyodide.mjs and await loadPyodide() on those files."""
    stdlib_option = f', stdLibURL: new URL("/{stdlib}", location.href).href' if stdlib else ""
    return f"""const indexURL = new URL("/{pyodide_index}", location.href).href;
const lockFileURL = new URL("/{lock_file}", location.href).href;
const {{ loadPyodide }} = await import(indexURL + "pyodide.mjs");
await loadPyodide({{ indexURL, lockFileURL{stdlib_option} }});"""


def bare_page(pyodide_index: str, lock_file: str, stdlib: str | None) -> bytes:
    """The floor: nothing but loadPyodide() on the site's own runtime files and lockfile.

    ``stdlib`` None loads the python_stdlib.zip next to pyodide.mjs (npm's, as shipped).
    """
    return f"""<!doctype html><meta charset="utf-8"><title>bare loadPyodide</title>
<script type="module">
{_bare_load(pyodide_index, lock_file, stdlib)}
window.loadedAt = performance.now();
</script>""".encode()


def bare_worker(pyodide_index: str, lock_file: str, stdlib: str) -> tuple[bytes, bytes]:
    """The same floor inside a module worker (the calculator's setting), for the breakdown."""
    page = f"""<!doctype html><meta charset="utf-8"><title>bare loadPyodide in a worker</title>
<script type="module">
const worker = new Worker("{BARE_WORKER}", {{ type: "module" }});
worker.onmessage = () => {{ window.loadedAt = performance.now(); }};
</script>""".encode()
    script = f"""{_bare_load(pyodide_index, lock_file, stdlib)}
postMessage("loaded");""".encode()
    return page, script


def time_worker_floor(page, server) -> float:
    return time_floor(page, server, BARE_WORKER_PAGE)


def time_floor(page, server, path=BARE_PAGE) -> float:
    page.goto(server.url(path))
    page.wait_for_function("() => window.loadedAt", timeout=60_000)
    return page.evaluate("() => window.loadedAt")


def time_npm_floor(page, server) -> float:
    return time_floor(page, server, NPM_BARE_PAGE)


def copy_npm_runtime(site: Path, pyodide_index: str) -> str:
    """Put the npm package's runtime files, unchanged, next to the site's; return their index.

    The directory name starts with the version, so the server caches it like the site's own.
    """
    npm = ROOT / "node_modules" / "pyodide"
    version = json.loads((npm / "package.json").read_text())["version"]
    index = f"assets/pyodide/{version}-npm/"
    assert index != pyodide_index  # the npm copy is served beside the site's, not over it
    (site / index).mkdir(parents=True)
    for name in (*PYODIDE_RUNTIME_FILES, "python_stdlib.zip"):
        shutil.copyfile(npm / name, site / index / name)
    return index


# Stages of the calculator's start, ms since navigation (calculator.js and worker.js record them).
STAGES = {"started": "worker created", "start": "worker's first line",
          "imported": "pyodide.mjs imported", "loaded": "loadPyodide() + wheel done",
          "bridge": "calculators.bridge ready", "live": "first live result shown",
          "sensitivity": "... and its sensitivity"}
LIVE_STAGES: list[dict[str, float]] = []  # one per timed calculator visit, in order


def time_calculator(page, server) -> float:
    page.goto(server.url(CALCULATOR_PAGE))
    page.wait_for_function(
        "() => document.querySelector('[data-calculator]')?.amc?.firstSensitivityAt", timeout=60_000
    )
    stages = page.evaluate("""() => {
        const amc = document.querySelector('[data-calculator]').amc;
        return {started: amc.runtime.startedAt, ...amc.runtime.marks, live: amc.firstLiveAt,
                sensitivity: amc.firstSensitivityAt};
    }""")
    LIVE_STAGES.append({name: stages[name] for name in STAGES})
    return stages["live"]


def time_updates(page) -> dict[str, list[float]]:
    """For UPDATES distinct prices, ms from the input event to the results DOM replaced (the
    result, its sensitivity pending) and to the sensitivity swapped in, each with the worker's
    own share (``main``, ``full``, ``main_worker``, ``full_worker``)."""
    return page.evaluate(
        """async (count) => {
        const root = document.querySelector('[data-calculator]');
        const input = root.querySelector("[name='retail_price_usd']");
        const times = {main: [], full: [], main_worker: [], full_worker: []};
        const stage = (name) => new Promise((r) => {
          root.addEventListener('amc:result', function on(e) {
            if (e.detail.stage !== name) return;
            root.removeEventListener('amc:result', on);
            r();
          });
        });
        for (let i = 0; i < count; i++) {
            const main = stage('main'), full = stage('full');
            const start = performance.now();
            input.value = String(10 + i * 0.37);
            input.dispatchEvent(new Event('input', {bubbles: true}));
            await main;
            times.main.push(performance.now() - start);
            await full;
            times.full.push(performance.now() - start);
            const timings = root.amc.lastTimings;
            times.main_worker.push(timings.main.workerMs);
            times.full_worker.push(timings.full.workerMs);
            await new Promise(r => setTimeout(r, 20));
        }
        return times;
    }""",
        UPDATES,
    )


def scroll_guide_bytes(browser, server) -> tuple[int, int]:
    """(all bytes, Pyodide bytes) for a guide page scrolled top to bottom without interaction.

    The reader skims down a screen at a time and then stays at the bottom, with the compact
    calculator in view, longer than any idle or visibility start would wait.
    """
    context = browser.new_context()
    page = context.new_page()
    server.take_sent()
    page.goto(server.url(GUIDE_PAGE))
    page.wait_for_load_state("networkidle")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    for _ in range(0, height, 500):
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(150)
    page.wait_for_timeout(3000)
    sent = server.take_sent()
    context.close()
    return _split(sent)


def time_guide_first_input(browser, server) -> float:
    """ms from the first input change on a guide page (cold, nothing started) to the live result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url(GUIDE_PAGE))
    page.wait_for_load_state("networkidle")
    elapsed = page.evaluate("""async () => {
        const root = document.querySelector('[data-calculator]');
        const input = root.querySelector("[name='cogs_cny']");
        const start = performance.now();
        input.focus();
        input.value = "42";
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise(r => {
            const check = () => root.amc.firstLiveAt ? r() : setTimeout(check, 5);
            check();
        });
        return root.amc.firstLiveAt - start;
    }""")
    context.close()
    return elapsed


def _split(sent: list[tuple[str, int]]) -> tuple[int, int]:
    total = sum(size for _, size in sent)
    pyodide = sum(size for p, size in sent if PYODIDE_PATHS.search(p))
    return total, pyodide


def bytes_for(playwright, server, path: str, wait_live: bool) -> tuple[int, int]:
    """(all bytes, Pyodide runtime + wheel bytes) served for a cold visit of ``path``.

    In a fresh on-disk profile, as a reader's: once the calculator is live, the service worker
    it registers copies the runtime into its cache from the HTTP cache, not the network (an
    in-memory profile cannot hold the 9.6 MB WebAssembly file, so it would download it again).
    The count ends when the service worker is installed.
    """
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = context.new_page()
        server.take_sent()
        page.goto(server.url(path))
        if wait_live:
            page.wait_for_function(
                "() => document.querySelector('[data-calculator]')?.amc?.firstLiveAt",
                timeout=60_000)
            page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        page.wait_for_load_state("networkidle")
        if not wait_live:
            page.wait_for_timeout(3000)  # long enough for anything that would start by itself
        sent = server.take_sent()
        context.close()
    return _split(sent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold/warm pairs per page (median)")
    args = parser.parse_args()
    problems = missing_prerequisites()
    if problems:
        print("cannot run the benchmark:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = build_site(Path(tmp) / "site")
        calculator_html = (site / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
        def attribute(name: str) -> str:
            return calculator_html.split(f'{name}="', 1)[1].split('"', 1)[0]

        where = (attribute("data-pyodide-index"), attribute("data-lock-file"),
                 attribute("data-stdlib"))
        npm_index = copy_npm_runtime(site, where[0])
        worker_page, worker_script = bare_worker(*where)
        server = SiteServer(site, {BARE_PAGE: bare_page(*where), BARE_WORKER_PAGE: worker_page,
                                   BARE_WORKER: worker_script,
                                   NPM_BARE_PAGE: bare_page(npm_index, where[1], None)})
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                figures = measure(playwright, browser, server, args.runs)
                browser.close()
        finally:
            server.close()
    print_table(figures)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "calculator_load.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def measure(playwright, browser, server, runs: int) -> dict:
    timings: dict[str, list[float]] = {
        f"{name}_{cache}": []
        for name in ("floor", "npm_floor", "worker_floor", "live")
        for cache in ("cold", "warm")
    }
    timings["repeat_bytes"], timings["repeat_pyodide_bytes"] = [], []
    for _ in range(runs):  # interleaved, so drift on the machine hits both alike
        for name, timer in (("floor", time_floor), ("npm_floor", time_npm_floor),
                            ("worker_floor", time_worker_floor), ("live", time_calculator)):
            # A fresh on-disk profile per pair: cold is a first visit; warm is the same profile
            # revisiting, with the HTTP cache and V8's compiled-code cache as a reader's would be
            # (an in-memory profile cannot cache the 9.6 MB WebAssembly file).
            with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                page = context.new_page()
                timings[f"{name}_cold"].append(timer(page, server))
                if name == "live":
                    # The calculator has been used: its service worker now caches the site.
                    # The warm visit is the reader's repeat visit, through that cache.
                    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
                page.close()
                server.take_sent()
                page = context.new_page()
                timings[f"{name}_warm"].append(timer(page, server))
                if name == "live":
                    total, pyodide = _split(server.take_sent())
                    timings["repeat_bytes"].append(total)
                    timings["repeat_pyodide_bytes"].append(pyodide)
                context.close()

    # time_calculator ran cold then warm in each pair: split its stage records the same way.
    for cache, records in (("cold", LIVE_STAGES[0::2]), ("warm", LIVE_STAGES[1::2])):
        timings.update({f"stage_{name}_{cache}": [r[name] for r in records] for name in STAGES})

    context = browser.new_context()
    page = context.new_page()
    time_calculator(page, server)
    updates = time_updates(page)
    context.close()

    figures = {key: statistics.median(values) for key, values in timings.items()}
    figures["runs"] = runs
    figures["all"] = timings
    figures["ratio_cold"] = figures["live_cold"] / figures["floor_cold"]
    figures["ratio_warm"] = figures["live_warm"] / figures["floor_warm"]
    for cache in ("cold", "warm"):
        figures[f"ratio_npm_{cache}"] = figures[f"live_{cache}"] / figures[f"npm_floor_{cache}"]
    for name, times in updates.items():
        figures[f"update_{name}_median_ms"] = statistics.median(times)
        figures[f"update_{name}_p90_ms"] = sorted(times)[int(0.9 * (len(times) - 1))]
    figures["all"]["updates"] = updates
    guide_input = [time_guide_first_input(browser, server) for _ in range(runs)]
    figures["guide_first_input_ms"] = statistics.median(guide_input)
    figures["all"]["guide_first_input"] = guide_input
    figures["bytes_guide_scrolled"], figures["pyodide_bytes_guide_scrolled"] = (
        scroll_guide_bytes(browser, server))
    for label, path, live in (("calculator", CALCULATOR_PAGE, True),
                              ("no_calculator", PAGE_WITHOUT_CALCULATOR, False)):
        total, pyodide = bytes_for(playwright, server, path, live)
        figures[f"bytes_{label}"] = total
        figures[f"pyodide_bytes_{label}"] = pyodide
    return figures


def print_table(f: dict) -> None:
    def check(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    rows = []
    for cache in ("cold", "warm"):
        ratio = f[f"ratio_{cache}"]
        rows += [
            (f"First live result, {cache}", f"{f[f'live_{cache}']:.0f} ms", ""),
            (f"Bare loadPyodide() floor, {cache}", f"{f[f'floor_{cache}']:.0f} ms", ""),
            ("  (same floor inside a module worker)", f"{f[f'worker_floor_{cache}']:.0f} ms", ""),
            ("  (same page on npm's runtime as shipped)", f"{f[f'npm_floor_{cache}']:.0f} ms", ""),
            (f"Ratio to npm's runtime as shipped (peer floor), {cache} (target <= 0.5)",
             f"{f[f'ratio_npm_{cache}']:.2f}", check(f[f"ratio_npm_{cache}"] <= 0.5)),
            ("  (ratio to the same-files floor, a diagnostic)", f"{ratio:.2f}", ""),
        ]
    for name, label in (("main", "result shown, its sensitivity pending"),
                        ("full", "sensitivity shown too (the full v2 result)")):
        rows += [
            (f"Input change -> {label}, median of {UPDATES} (target < 20 ms)",
             f"{f[f'update_{name}_median_ms']:.1f} ms", check(f[f"update_{name}_median_ms"] < 20)),
            ("  ... 90th percentile (target < 40 ms)", f"{f[f'update_{name}_p90_ms']:.1f} ms",
             check(f[f"update_{name}_p90_ms"] < 40)),
            ("  ... of which in the worker, median (its own stage)",
             f"{f[f'update_{name}_worker_median_ms']:.1f} ms", ""),
        ]
    rows += [
        ("Bytes, calculator page (cold, until live and kept offline)",
         f"{f['bytes_calculator']:,}", ""),
        ("  ... of which Pyodide runtime + wheel", f"{f['pyodide_bytes_calculator']:,}", ""),
        ("Bytes, calculator page, repeat visit (the warm visit above)",
         f"{f['repeat_bytes']:,.0f}", ""),
        ("  ... of which Pyodide runtime + wheel (target 0)", f"{f['repeat_pyodide_bytes']:,.0f}",
         check(f["repeat_pyodide_bytes"] == 0)),
        ("Guide page: first input change -> live result, cold",
         f"{f['guide_first_input_ms']:.0f} ms", ""),
        ("Bytes, guide page scrolled top to bottom, untouched (target <= 1 MB)",
         f"{f['bytes_guide_scrolled']:,}", check(f["bytes_guide_scrolled"] <= 1_000_000)),
        ("  ... of which Pyodide", f"{f['pyodide_bytes_guide_scrolled']:,}", ""),
        ("Bytes, page without calculator (compare)", f"{f['bytes_no_calculator']:,}", ""),
        ("  ... of which Pyodide (target 0)", f"{f['pyodide_bytes_no_calculator']:,}",
         check(f["pyodide_bytes_no_calculator"] == 0)),
    ]
    for cache in ("cold", "warm"):
        rows.append((f"Calculator page stages, {cache} (median ms since navigation)", "", ""))
        rows += [(f"  {label}", f"{f[f'stage_{name}_{cache}']:.0f} ms", "")
                 for name, label in STAGES.items()]
    width = max(len(r[0]) for r in rows)
    print(f"Calculator load benchmark: headless Chromium, loopback, median of {f['runs']} runs")
    for name, value, verdict in rows:
        print(f"{name:<{width}}  {value:>12}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
