// Worker side: every runtime file is checked against the hash the build wrote into the page
// (generator/browser_assets.py), and a failure is named at once instead of surfacing later as a
// hang or a vague "Failed to fetch" from deep inside Pyodide.
//
// Failures are typed: {code, file, status?}. code is one of
//   missing    the server answered with an HTTP error (status) for file
//   integrity  file arrived but is not the file the site was built with
//   network    file could not be downloaded at all

export class RuntimeFileError extends Error {
  constructor(code, file, status) {
    super(`${code}: ${file}${status ? ` (HTTP ${status})` : ""}`);
    this.code = code;
    this.file = file;
    this.status = status;
  }
}

// manifest: {absolute URL: "sha256-<base64>"}. Replaces self.fetch so that Pyodide's own requests
// (the WebAssembly, the standard library, the lockfile, the wheel) are checked too; onFailure is
// called with the first RuntimeFileError as soon as it happens.
export function installCheckedFetch(manifest, onFailure) {
  const nativeFetch = self.fetch.bind(self);
  let reported = false;
  const report = (error) => {
    if (!reported) onFailure(error);
    reported = true;
    return error;
  };
  const checkedFetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input, location.href).href;
    const integrity = manifest[url];
    if (!integrity) return nativeFetch(input, init);
    const file = url.slice(url.lastIndexOf("/") + 1);
    let response;
    try {
      response = await nativeFetch(url, { ...init, integrity });
    } catch {
      // The browser does not say whether the bytes mismatched or the download failed: ask again
      // without the check, uncached, to tell which.
      throw report(await diagnose(nativeFetch, url, file));
    }
    if (!response.ok) throw report(new RuntimeFileError("missing", file, response.status));
    return response;
  };
  self.fetch = checkedFetch;
  return checkedFetch;
}

async function diagnose(nativeFetch, url, file) {
  try {
    const again = await nativeFetch(url, { cache: "no-store" });
    if (!again.ok) return new RuntimeFileError("missing", file, again.status);
    return new RuntimeFileError("integrity", file);
  } catch {
    return new RuntimeFileError("network", file);
  }
}

// Fetches a file through the check, so that importing (or Pyodide fetching) the same URL next
// reads the checked bytes (from the HTTP cache: the runtime's folder is versioned and served
// immutable).
export async function verifyFile(checkedFetch, url) {
  const response = await checkedFetch(url);
  await response.arrayBuffer();
}

// Whether this browser lets the page compile WebAssembly: a CSP without 'wasm-unsafe-eval', a
// hardened mode or a policy can forbid it. Pyodide would only log that and hang, so ask first
// with the smallest module there is.
export async function webAssemblyAllowed() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.compile !== "function") return false;
  try {
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    return true;
  } catch {
    return false;
  }
}
