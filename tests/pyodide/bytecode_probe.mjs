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
json.dumps({
    "python": "%d.%d" % sys.version_info[:2],
    "html_module_file": html.__file__,
    "calculators_modules": sorted(m for m in sys.modules if m.startswith("calculators")),
    "default_result": calculators.evaluate(
        calculators.default_scenario(calculators.params.EXAMPLE_BUNDLE),
        calculators.params.EXAMPLE_BUNDLE),
})
`));
