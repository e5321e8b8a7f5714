// Runs generator/bytecode_in_pyodide.py in the npm Pyodide under Node (offline), so the site's
// .pyc files are made by the very interpreter that loads them. Called by generator/bytecode.py:
//
//   node generator/bytecode_compile.mjs PYODIDE_DIR WHEEL STDLIB_OUT.zip WHEEL_OUT.whl
//
// Installs WHEEL with Pyodide's package loader and runs the calculator once, to learn which
// standard library modules it imports; writes the standard library with those precompiled, and
// the wheel with its own bytecode added. Prints one JSON line with what it did.
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).map((arg) => path.resolve(arg));
if (args.length !== 4) {
  console.error("usage: node bytecode_compile.mjs PYODIDE_DIR WHEEL STDLIB_OUT.zip WHEEL_OUT.whl");
  process.exit(2);
}
// Pyodide's NODEFS cannot follow symlinks (a symlinked node_modules, say): use real paths.
const [pyodideDir, wheel] = args.slice(0, 2).map((arg) => realpathSync(arg));
const [stdlibOut, wheelOut] = args.slice(2);

const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {} });
const loadErrors = [];
await pyodide.loadPackage(wheel, {
  messageCallback: () => {},
  errorCallback: (message) => loadErrors.push(message),
});
if (loadErrors.length) throw new Error(`could not install ${wheel}: ${loadErrors.join("; ")}`);
// The host's file system, seen from Python at /host/<absolute path>.
pyodide.FS.mkdir("/host");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: "/" }, "/host");
const compiler = pyodide.runPython(
  (await readFile(path.join(here, "bytecode_in_pyodide.py"), "utf8")) + "\nglobals()",
);
const inUse = compiler.get("stdlib_files_in_use")();
const report = {
  python: pyodide.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]"),
  stdlib_compiled: compiler.get("compile_stdlib")(
    `/host${path.join(pyodideDir, "python_stdlib.zip")}`, `/host${stdlibOut}`, inUse),
  wheel_compiled: compiler.get("add_bytecode_to_wheel")(`/host${wheel}`, `/host${wheelOut}`),
};
console.log(JSON.stringify(report));
