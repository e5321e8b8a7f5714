// Runs tests/pyodide/parity_runner.py inside real Pyodide (the npm package, offline, under Node)
// with the calculators wheel unpacked into site-packages, and writes run_all's JSON to OUTPUT.
// INDEX_DIR (default node_modules/pyodide) may hold the site's runtime instead: the same files
// with the standard library precompiled (generator/bytecode.py).
//
//   node tests/pyodide/run_in_pyodide.mjs WHEEL SCENARIOS.json BUNDLE.json OUTPUT.json [INDEX_DIR]
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [wheel, scenarios, bundle, output, indexDir] = process.argv.slice(2);
const pyodideDir = path.resolve(indexDir ?? path.join(here, "../../node_modules/pyodide"));
if (!output) {
  console.error("usage: node run_in_pyodide.mjs WHEEL SCENARIOS.json BUNDLE.json OUTPUT.json" +
    " [INDEX_DIR]");
  process.exit(2);
}

const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {} });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
// The wheel is a zip of the package plus its .dist-info: unpacked into site-packages it is
// installed, exactly as a pure-Python wheel install would leave it.
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel", { extractDir: sitePackages });

pyodide.globals.set("_runner_source", await readFile(path.join(here, "parity_runner.py"), "utf8"));
pyodide.globals.set("_scenarios_text", await readFile(scenarios, "utf8"));
pyodide.globals.set("_bundle_text", await readFile(bundle, "utf8"));
const answer = pyodide.runPython(`
import sys
_namespace = {}
exec(compile(_runner_source, "parity_runner.py", "exec"), _namespace)
_version = "%d.%d.%d" % sys.version_info[:3]
_namespace["run_all"](_scenarios_text, _bundle_text)
`);
const version = pyodide.runPython("_version");
await writeFile(output, answer, "utf8");
console.log(`pyodide ${pyodide.version}, Python ${version}`);
