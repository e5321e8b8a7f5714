// Shows which files Pyodide really loads when given the site's precompiled runtime: run by
// test_bytecode.py. The calculators' .py sources are overwritten with a syntax error after
// install, so the package imports only if Python takes its bytecode without reading the source.
//
//   node tests/pyodide/bytecode_probe.mjs INDEX_DIR WHEEL
import { readFile } from "node:fs/promises";
import path from "node:path";

const [indexDir, wheel] = process.argv.slice(2);
const { loadPyodide } = await import(path.join(path.resolve(indexDir), "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(indexDir) + path.sep, stdout: () => {} });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel", { extractDir: sitePackages });
console.log(pyodide.runPython(`
import json, pathlib, sys
import html
package = pathlib.Path("${sitePackages}") / "calculators"
for source in package.glob("*.py"):
    source.write_text("this is not python (\\n")
import calculators, calculators.bridge
from calculators.bridge import Session
from calculators.params import EXAMPLE_BUNDLE
session = Session(json.dumps(EXAMPLE_BUNDLE))
for raw in ({}, {"units_per_month": "not a number"}):
    session.handle(json.dumps({"raw": raw, "overrides": {}, "modes": None}))
stdlib = [p for p in sys.path if p.endswith(".zip")][0]
json.dumps({
    "compiled_from_source": sorted(
        m.__file__ for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(stdlib)
        and m.__file__.endswith(".py") and m.__spec__.origin != "frozen"),
    "python": "%d.%d" % sys.version_info[:2],
    "html_module_file": html.__file__,
    "calculators_modules": sorted(m for m in sys.modules if m.startswith("calculators")),
    "default_result": calculators.evaluate(
        calculators.default_scenario(calculators.params.EXAMPLE_BUNDLE),
        calculators.params.EXAMPLE_BUNDLE),
})
`));
