"""The calculator's worker bundled into one file (generator/worker_bundle.py): the modules it
inlines behave as when imported, the syntax it does not handle fails the build, and the built site
ships the bundle alone."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.worker_bundle import WORKER_DIR, BundleError, bundle_worker

RUNTIME_MODULES = ["checked-fetch.js", "snapshot-patch.mjs"]


def run_module(tmp_path: Path, text: str) -> str:
    """Run `text` as an ES module under Node; its standard output."""
    path = tmp_path / "bundle.mjs"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["node", str(path)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_imported_names_aliases_and_each_modules_own_scope_survive_the_bundle(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src, {
        "a.js": ("const hidden = 'a';\n"
                 "export class Boom extends Error {}\n"
                 "export async function later(x) { return `${hidden}:${x}`; }\n"
                 "export const COUNT = 3;\n"
                 "export function unused() { return 0; }\n"),
        "b.mjs": "const hidden = 'b';\nexport function* pairs() { yield hidden; yield COUNT_B; }\n"
                 "export let COUNT_B = 2;\n",
        "entry.js": ('import { Boom, later as afterwards, COUNT } from "./a.js";\n'
                     'import { pairs } from "./b.mjs";\n'
                     "const hidden = 'entry';\n"
                     "let caught = null;\n"
                     "try { throw new Boom('x'); }\n"
                     "catch (error) { caught = error instanceof Boom; }\n"
                     "console.log(JSON.stringify([await afterwards(COUNT), [...pairs()], hidden,\n"
                     "  caught, typeof unused, typeof import.meta.url]));\n"),
    })
    text, modules = bundle_worker(src, "entry.js")
    assert modules == ["a.js", "b.mjs"]
    assert not re.search(r"^\s*(import|export)\s", text, re.M)
    # Each module's own `hidden` stays its own; names it does not export do not reach the entry.
    assert json.loads(run_module(tmp_path, text)) == [
        "a:3", ["b", 2], "entry", True, "undefined", "string"]


@pytest.mark.parametrize(("files", "message"), [
    ({"entry.js": 'import * as a from "./a.js";\n'}, "can be bundled"),
    ({"entry.js": 'import "./a.js";\n'}, "can be bundled"),
    ({"entry.js": 'import { a } from "./missing.js";\n'}, "does not exist"),
    ({"entry.js": 'import { a } from "./a.js";\n', "a.js": "export default function a() {}\n"},
     "only `export` before a declaration"),
    ({"entry.js": 'import { a } from "./a.js";\n', "a.js": "function a() {}\nexport { a };\n"},
     "only `export` before a declaration"),
    ({"entry.js": 'import { a } from "./a.js";\n', "a.js": "export function b() {}\n"},
     "does not export it"),
    ({"entry.js": 'import { a } from "./a.js";\n',
      "a.js": 'import { b } from "./b.js";\nexport function a() { return b; }\n'},
     "may not import"),
    ({"entry.js": 'import { a } from "./a.js";\nimport { b } from "./a.js";\n',
      "a.js": "export function a() {}\nexport function b() {}\n"}, "imported twice"),
    ({"entry.js": 'import { a, b c } from "./a.js";\n', "a.js": "export function a() {}\n"},
     "cannot bundle the import"),
    ({"entry.js": "export const x = 1;\n"}, "exports nothing"),
])
def test_module_syntax_the_bundle_does_not_handle_fails_the_build(tmp_path, files, message):
    with pytest.raises(BundleError, match=re.escape(message)):
        bundle_worker(write(tmp_path, files), "entry.js")


def test_the_real_worker_bundles_its_two_modules_and_runs_its_checks_under_node(tmp_path):
    text, modules = bundle_worker()
    assert modules == RUNTIME_MODULES
    assert not re.search(r"^\s*(import\s*[{*\"']|export\s)", text, re.M)
    # The worker's code with the modules' functions as the bundle binds them: the WebAssembly
    # probe and a checked fetch that names a missing file.
    probe = (
        "globalThis.self = globalThis; globalThis.postMessage = () => {};\n"
        "globalThis.location = new URL('http://site.invalid/');\n"
        "globalThis.fetch = async () => new Response('', { status: 404 });\n"
        + text
        + "\nconst failures = [];\n"
        "const checked = installCheckedFetch({ 'http://site.invalid/x.wasm': 'sha256-AAAA' },"
        " (error) => failures.push(error));\n"
        "let named = null;\n"
        "try { await checked('x.wasm'); }\n"
        "catch (error) { named = error instanceof RuntimeFileError; }\n"
        "console.log(JSON.stringify([await webAssemblyAllowed(), named,\n"
        "  failures.map((e) => e.message), typeof restoreOptions, typeof self.onmessage]));\n"
        "tick.port1.close();\n"  # the worker's message channel would keep Node running
    )
    assert json.loads(run_module(tmp_path, probe)) == [
        True, True, ["missing: x.wasm (HTTP 404)"], "function", "function"]


def test_the_built_site_ships_the_bundled_worker_alone(real_site):
    site, build = real_site
    assert build.returncode == 0, build.stderr
    shipped = (site / "assets" / "calculator" / "worker.js").read_text(encoding="utf-8")
    assert shipped == bundle_worker()[0]
    for name in RUNTIME_MODULES:
        assert (WORKER_DIR / name).is_file()  # the sources stay
        assert not (site / "assets" / "calculator" / name).exists()
    precache = (site / "sw.js").read_text(encoding="utf-8")
    assert '"assets/calculator/worker.js"' in precache
    assert not any(name in precache for name in RUNTIME_MODULES)
