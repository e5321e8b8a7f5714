"""A/B of the calculator page's start levers (issue 14, point 1), interleaved in one run.

    .venv/bin/python benchmarks/early_start.py [--runs N]

Builds the real site once and serves its calculator page in variants made from the built page,
each at a path of the same depth (so every relative URL resolves alike), beside the peer floor
(the bare page on npm's runtime as shipped, as in calculator_load.py):

- late:          the early start removed from <head>: calculator.js creates the worker once the
                 page has been parsed and its blocks' modules imported (the site before it);
- late+modulepreload: the same, with <link rel=modulepreload> for the calculator's module graph;
- head:          the page as built: <head> creates the worker
                 (overrides/partials/early-runtime.html);
- head+preload:  the same, with <link rel=preload> of the worker's largest files (the WebAssembly,
                 the standard library, the wheel); a worker cannot use the page's preload cache,
                 so this shows whether they come twice (bytes column).

Each variant gets a fresh on-disk profile per run, cold then warm (the warm visit through the
service worker, as in calculator_load.py); the variants are interleaved, so load on this shared
machine hits them alike. Prints medians, ratios to the peer floor and the cold visit's bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calculator_load import (  # noqa: E402
    CALCULATOR_PAGE,
    CHROMIUM,
    CHROMIUM_ARGS,
    NPM_BARE_PAGE,
    ROOT,
    SiteServer,
    bare_page,
    build_site,
    copy_npm_runtime,
    missing_prerequisites,
    time_npm_floor,
)

EARLY_SCRIPT = re.compile(r"<script data-amc-early-runtime.*?</script>", re.S)
# The calculator's modules on the way to the worker (calculator.js imports them in this order).
MODULES = ("scroll-hints.js", "calculator-block.js", "messages.js", "export.js", "runtime.js",
           "runtime-start.js", "scenarios.js", "url-state.js", "site-url.js", "offline.js")


def variants(page: str) -> dict[str, str]:
    assert EARLY_SCRIPT.search(page), "the built calculator page has no early start"
    late = EARLY_SCRIPT.sub("", page)
    root = re.search(r'data-script="([^"]*)calculator\.js"', page).group(1)
    preload_modules = "".join(f'<link rel="modulepreload" href="{root}{name}">' for name in MODULES)
    attr = lambda name: re.search(rf'data-{name}="([^"]*)"', page).group(1)  # noqa: E731
    site = root + "../../"
    index, runtime_dir = attr("pyodide-index"), attr("stdlib").rsplit("/", 1)[0]
    wheel = re.search(r"(aliexpress_modes_calculators-[^&]*?\.whl)", page).group(1)
    preload_files = "".join(
        f'<link rel="preload" as="fetch" crossorigin href="{site}{path}">'
        for path in (f"{index}pyodide.asm.wasm", attr("stdlib"), f"{runtime_dir}/{wheel}"))
    return {
        "late": late,
        "late+modulepreload": late.replace("</head>", preload_modules + "</head>", 1),
        "head": page,
        "head+preload": page.replace("</head>", preload_files + "</head>", 1),
    }


def path_of(name: str) -> str:
    return "/ab-" + re.sub(r"[^a-z]+", "-", name) + "/"


STAGES = ("started", "start", "imported", "loaded", "bridge", "live")


def time_variant(page, server, path: str) -> dict[str, float]:
    page.goto(server.url(path))
    page.wait_for_function(
        "() => document.querySelector('[data-calculator]')?.amc?.firstSensitivityAt",
        timeout=60_000)
    return page.evaluate("""() => {
        const amc = document.querySelector('[data-calculator]').amc;
        return {started: amc.runtime.startedAt, ...amc.runtime.marks, live: amc.firstLiveAt};
    }""")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    problems = missing_prerequisites()
    if problems:
        print("cannot run the benchmark:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = build_site(Path(tmp) / "site")
        built = (site / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
        pages = variants(built)
        index = re.search(r'data-pyodide-index="([^"]*)"', built).group(1)
        lock = re.search(r'data-lock-file="([^"]*)"', built).group(1)
        npm_index = copy_npm_runtime(site, index)
        extra = {path_of(name): html.encode() for name, html in pages.items()}
        extra[NPM_BARE_PAGE] = bare_page(npm_index, lock, None)
        server = SiteServer(site, extra)
        names = ["peer floor", *pages]
        results = {name: {"cold": [], "warm": [], "bytes": []} for name in names}
        try:
            with sync_playwright() as playwright:
                for _ in range(args.runs):
                    for name in names:
                        with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                            context = playwright.chromium.launch_persistent_context(
                                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                headless=True)
                            for cache in ("cold", "warm"):
                                page = context.new_page()
                                server.take_sent()
                                if name == "peer floor":
                                    value = {"live": time_npm_floor(page, server)}
                                else:
                                    value = time_variant(page, server, path_of(name))
                                    if cache == "cold":
                                        page.evaluate(
                                            "async () => { await navigator.serviceWorker.ready; }")
                                        page.wait_for_load_state("networkidle")
                                results[name][cache].append(value)
                                if cache == "cold":
                                    results[name]["bytes"].append(
                                        sum(size for _, size in server.take_sent()))
                                page.close()
                            context.close()
        finally:
            server.close()
    report(results, args.runs)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "early_start.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


def report(results: dict, runs: int) -> None:
    floor = {cache: statistics.median(v["live"] for v in results["peer floor"][cache])
             for cache in ("cold", "warm")}
    print(f"Calculator page start levers, median of {runs} interleaved runs (ms since navigation)")
    print(f"{'variant':<20} {'cache':<5} {'live':>6} {'/peer':>6} "
          + " ".join(f"{s:>8}" for s in STAGES[:-1]) + f" {'beat late':>9} {'bytes cold':>12}")
    for name, data in results.items():
        for cache in ("cold", "warm"):
            med = {s: statistics.median(v[s] for v in data[cache]) for s in data[cache][0]}
            stages = " ".join(f"{med.get(s, float('nan')):8.0f}" for s in STAGES[:-1])
            # In how many runs this variant's live result came before the late start's, same run.
            pairs = zip(data[cache], results["late"][cache], strict=True)
            wins = "" if name in ("peer floor", "late") else (
                f"{sum(a['live'] < b['live'] for a, b in pairs)}/{runs}")
            size = f"{statistics.median(data['bytes']):12,.0f}" if cache == "cold" else ""
            print(f"{name:<20} {cache:<5} {med['live']:6.0f} {med['live'] / floor[cache]:6.2f} "
                  f"{stages} {wins:>9} {size}")


if __name__ == "__main__":
    sys.exit(main())
