"""How much faster does the calculator start from a Pyodide memory snapshot? (issue 14)

    .venv/bin/python benchmarks/memory_snapshot.py [--runs N]

Builds the real site, makes a memory snapshot of the booted calculator under Node
(generator/snapshot_make.mjs, as the site build does) and times, in module workers in headless
Chromium, in one run:
- the calculator's boot as the site does it: loadPyodide() with the site's lockfile, stdlib and
  wheel, calculators.bridge, one evaluation;
- the same from the snapshot: fetch it, loadPyodide({_loadSnapshot}), the bridge, one evaluation;
- the snapshot gzipped, unpacked in the worker with DecompressionStream (what a static host
  that does not compress would need);
- the form the site ships: stale memory zeroed, stored XORed with the WebAssembly's memory image
  (docs/assets/calculator/snapshot-patch.mjs), gzipped, restored with an empty standard library
  and no wheel (first checked against CPython's answers: tests/pyodide/snapshot_answers.py);
- importing less at boot: the wheel fetched by the worker and imported in place (zipimport),
  without Pyodide's package loader and the standard library modules it imports;
- the bare page on npm's runtime as shipped (the peer floor of calculator_load.py).
Cold is a fresh on-disk profile, warm the second visit. Prints medians and the snapshot's size.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "pyodide"))

from browser_support import CALCULATOR_PAGE, CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site  # noqa: E402
from calculator_load import NPM_BARE_PAGE, bare_page, copy_npm_runtime  # noqa: E402
from snapshot_answers import cpython_answers, restored_answers  # noqa: E402

from generator.bundle import build_bundle, bundle_json  # noqa: E402
from generator.load import load_data  # noqa: E402

MODES = '["fully_managed", "semi_managed", "self_operated"]'
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)  # a zip with no entries: the snapshot imports nothing


def check_restored(snapshot: Path, parameters: Path, scratch: Path) -> None:
    """Raise unless ``snapshot``, restored under Node with no standard library and no wheel,
    answers every request of tests/pyodide/snapshot_answers.py as CPython does."""
    answers = restored_answers(snapshot, parameters, scratch)
    for key, value in cpython_answers(parameters).items():
        if answers[key] != value:
            raise RuntimeError(f"the restored snapshot answers {key} differently from CPython")


def worker(boot: str) -> bytes:
    return f"""const params = fetch(new URL(P.parameters, location.href)).then(r => r.text());
const {{ loadPyodide }} = await import(new URL(P.index + "pyodide.mjs", location.href).href);
const pyodide = await loadPyodide({boot});
const handle = pyodide.pyimport("calculators.bridge").Session(await params).handle;
const request = {{id: 1, raw: {{}}, overrides: {{}}, modes: {MODES}}};
const answer = JSON.parse(handle(JSON.stringify(request)));
postMessage({{ok: answer.ok, at: performance.now() + performance.timeOrigin}});
""".encode()


def page(script: str) -> bytes:
    return f"""<!doctype html><meta charset="utf-8"><script type="module">
const w = new Worker("{script}", {{type: "module"}});
w.onmessage = ({{data}}) => {{
  window.done = {{ok: data.ok, at: data.at - performance.timeOrigin}};
}};
w.onerror = (e) => {{ window.done = {{ok: false, error: e.message}}; }};
</script>""".encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as tmp:
        site = build_site(Path(tmp) / "site")
        html = (site / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")

        def attribute(name: str) -> str:
            return html.split(f'{name}="', 1)[1].split('"', 1)[0]

        index, lock, stdlib = (attribute("data-pyodide-index"), attribute("data-lock-file"),
                               attribute("data-stdlib"))
        parameters = attribute("data-parameters")
        runtime = site / Path(lock).parent
        (wheel,) = runtime.glob("*.whl")
        xor_snapshot = runtime / "snapshot.xsnp"
        snapshot = runtime / "snapshot.xsnp.plain"
        params = Path(tmp) / "parameters.json"
        params.write_text(bundle_json(build_bundle(load_data(ROOT / "data"))), encoding="utf-8")
        subprocess.run(["node", str(ROOT / "generator" / "snapshot_make.mjs"),
                        str(ROOT / "node_modules" / "pyodide"), str(site / stdlib), str(wheel),
                        str(xor_snapshot)], check=True, capture_output=True)
        (runtime / "snapshot.bin.gz").write_bytes(gzip.compress(snapshot.read_bytes(), 9))
        (runtime / "snapshot.xsnp.gz").write_bytes(gzip.compress(xor_snapshot.read_bytes(), 9))
        check_restored(xor_snapshot, params, Path(tmp))
        (runtime / "empty.zip").write_bytes(EMPTY_ZIP)
        npm_index = copy_npm_runtime(site, index)
        where = (f'const P = {{index: "/{index}", parameters: "/{parameters}"}};\n'
                 f'const url = (p) => new URL("/" + p, location.href).href;\n')
        site_boot = (f'{{indexURL: url("{index}"), lockFileURL: url("{lock}"), '
                     f'stdLibURL: url("{stdlib}"), packages: ["aliexpress-modes-calculators"]}}')
        snap_boot = (f'{{indexURL: url("{index}"), lockFileURL: url("{lock}"), '
                     f'stdLibURL: url("{stdlib}"), _loadSnapshot: SNAP}}')
        raw = f'const SNAP = fetch(url("{Path(lock).parent}/snapshot.xsnp.plain"))' \
              '.then(r => r.arrayBuffer()).then(b => new Uint8Array(b));\n'
        packed = f'const SNAP = fetch(url("{Path(lock).parent}/snapshot.bin.gz")).then(r => ' \
                 'new Response(r.body.pipeThrough(new DecompressionStream("gzip")))' \
                 '.arrayBuffer()).then(b => new Uint8Array(b));\n'
        xor_boot = (f'{{indexURL: url("{index}"), lockFileURL: url("{lock}"), '
                    f'stdLibURL: url("{Path(lock).parent}/empty.zip"), ...restoreOptions('
                    'XSNP, import(url("' + index + 'pyodide.asm.mjs")).then((m) => m.default))}')
        xor = ('import { restoreOptions } from "/snapshot_patch.js";\n'
               f'const XSNP = fetch(url("{Path(lock).parent}/snapshot.xsnp.gz")).then(r => '
               'new Response(r.body.pipeThrough(new DecompressionStream("gzip")))'
               '.arrayBuffer()).then(b => new Uint8Array(b));\n')
        zip_boot = (f'{{indexURL: url("{index}"), lockFileURL: url("{lock}"), '
                    f'stdLibURL: url("{stdlib}")}});\n'
                    f'pyodide.FS.writeFile("/tmp/c.whl", new Uint8Array(await (await fetch('
                    f'url("{Path(lock).parent}/{wheel.name}"))).arrayBuffer()));\n'
                    'pyodide.runPython("import sys; sys.path.insert(0, \'/tmp/c.whl\')"')
        extra = {
            "/site.js": where.encode() + worker(site_boot),
            "/snapshot.js": (where + raw).encode() + worker(snap_boot),
            "/snapshot-gz.js": (where + packed).encode() + worker(snap_boot),
            "/zipimport.js": where.encode() + worker(zip_boot),
            "/snapshot-xor.js": (where + xor).encode() + worker(xor_boot),
            "/snapshot_patch.js": (ROOT / "docs/assets/calculator/snapshot-patch.mjs").read_bytes(),
            NPM_BARE_PAGE: bare_page(npm_index, lock, None),
        }
        pages = {"site": "/site.html", "snapshot": "/snapshot.html",
                 "snapshot_gz": "/snapshot-gz.html",
                 "snapshot_xor_gz": "/snapshot-xor.html", "zipimport": "/zipimport.html",
                 "npm_floor": NPM_BARE_PAGE}
        for name in ("site", "snapshot", "snapshot-gz", "snapshot-xor", "zipimport"):
            extra[f"/{name}.html"] = page(f"/{name}.js")
        server = SiteServer(site, extra)
        times: dict[str, list[float]] = {f"{n}_{c}": [] for n in pages for c in ("cold", "warm")}
        try:
            with sync_playwright() as playwright:
                for _ in range(args.runs):
                    for name, path in pages.items():
                        with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                            context = playwright.chromium.launch_persistent_context(
                                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                headless=True)
                            for cache in ("cold", "warm"):
                                tab = context.new_page()
                                tab.goto(server.url(path))
                                if name == "npm_floor":
                                    tab.wait_for_function("() => window.loadedAt", timeout=90_000)
                                    times[f"{name}_{cache}"].append(
                                        tab.evaluate("() => window.loadedAt"))
                                else:
                                    tab.wait_for_function("() => window.done", timeout=90_000)
                                    done = tab.evaluate("() => window.done")
                                    if not done["ok"]:
                                        raise RuntimeError(f"{name}: {done}")
                                    times[f"{name}_{cache}"].append(done["at"])
                                tab.close()
                            context.close()
        finally:
            server.close()
        sizes = {"snapshot": snapshot.stat().st_size,
                 "snapshot_gz": (runtime / "snapshot.bin.gz").stat().st_size,
                 "snapshot_xor_gz": (runtime / "snapshot.xsnp.gz").stat().st_size,
                 "replaced": (site / stdlib).stat().st_size + wheel.stat().st_size}
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"Memory snapshot probe: module workers in headless Chromium, median of {args.runs}")
    for cache in ("cold", "warm"):
        floor = medians[f"npm_floor_{cache}"]
        for name in ("npm_floor", "site", "zipimport", "snapshot", "snapshot_gz",
                     "snapshot_xor_gz"):
            value = medians[f"{name}_{cache}"]
            print(f"  {cache:4} {name:12} {value:7.0f} ms  {value / floor:5.2f}x the peer floor")
    print(f"  snapshot {sizes['snapshot']:,} bytes, gzipped {sizes['snapshot_gz']:,} bytes")
    print(f"  zeroed and XORed with the memory image, gzipped {sizes['snapshot_xor_gz']:,} bytes, "
          f"against {sizes['replaced']:,} for the standard library and wheel it replaces "
          f"({sizes['snapshot_xor_gz'] - sizes['replaced']:+,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
