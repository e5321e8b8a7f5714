// Runs generator/bytecode_in_pyodide.py in the npm Pyodide under Node (offline), so the site's
// .pyc files are made by the very interpreter that loads them. Called by generator/bytecode.py:
//
//   node generator/bytecode_compile.mjs PYODIDE_DIR [stdlib IN.zip OUT.zip] [wheel IN.whl OUT.whl]
//
// Prints one JSON line: {"python": "3.14.2", "stdlib": <modules compiled>, "wheel": <modules>}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [pyodideDir, ...jobArgs] = process.argv.slice(2);
const jobs = [];
for (let i = 0; i < jobArgs.length; i += 3) {
  const [kind, input, output] = jobArgs.slice(i, i + 3);
  if (!["stdlib", "wheel"].includes(kind) || !output) {
    console.error("usage: node bytecode_compile.mjs PYODIDE_DIR [stdlib IN OUT] [wheel IN OUT]");
    process.exit(2);
  }
  jobs.push({ kind, input: path.resolve(input), output: path.resolve(output) });
}

const { loadPyodide } = await import(path.join(path.resolve(pyodideDir), "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep });
// The host's file system, seen from Python at /host/<absolute path>.
pyodide.FS.mkdir("/host");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: "/" }, "/host");
const compiler = pyodide.runPython(
  await readFile(path.join(here, "bytecode_in_pyodide.py"), "utf8") + "\nglobals()",
);
const report = { python: pyodide.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]") };
for (const { kind, input, output } of jobs) {
  const run = compiler.get(kind === "stdlib" ? "compile_stdlib" : "add_bytecode_to_wheel");
  report[kind] = run(`/host${input}`, `/host${output}`);
}
console.log(JSON.stringify(report));
