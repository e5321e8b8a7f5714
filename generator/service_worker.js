// The site's service worker, registered by the calculator once a reader has used it
// (docs/assets/calculator/offline.js), so repeat visits fetch no runtime and the calculator and
// the pages read work offline. The build (generator/service_worker.py) writes it to <site>/sw.js
// with BUILD prepended: {version, precache: [site-relative paths]}, the version being a hash of
// the build's content. A new build is a new sw.js, which the browser finds on its next navigation
// (the script is checked past the HTTP cache, so a host's cache headers do not matter).
//
// Caches are named per scope and version, so two sites on one origin (sub-paths) never touch
// each other's. Files whose path carries a version or content hash are served from a cache first
// (the browser's HTTP cache while it holds them, then this worker's); everything else (pages,
// unhashed scripts) from the network first, the cache when offline.
// Installing a version fills a fresh cache: the build's runtime and assets (unchanged
// content-addressed files are copied from the old cache, not downloaded) and this build's copy of
// every page the old version held; activating it deletes the old caches, so versions never mix.

/* global BUILD */
const SCOPE = self.registration.scope;
const PREFIX = `amc:${SCOPE}:`;
const CACHE = PREFIX + BUILD.version;
// The same paths browser tests serve as immutable: names with a version or a content hash.
const CONTENT_ADDRESSED =
  /\/assets\/(pyodide\/\d|calculator\/runtime-|calculator\/parameters\.|vendor\/)|\.[0-9a-f]{8,}\.min\.(js|css)$/;

function isPage(url) {
  return url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

async function oldCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
}

async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function install() {
  const cache = await caches.open(CACHE);
  const previous = await oldCaches();
  const pages = new Set();
  for (const name of previous) {
    for (const request of await (await caches.open(name)).keys()) {
      if (isPage(new URL(request.url))) pages.add(request.url);
    }
  }
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const url = new URL(client.url);
    url.search = url.hash = "";
    if (url.href.startsWith(SCOPE) && isPage(url)) pages.add(url.href);
  }
  const files = BUILD.precache.map((path) => new URL(path, SCOPE).href);
  await Promise.all([
    ...files.map(async (url) => {
      const kept = CONTENT_ADDRESSED.test(url) ? await matchIn(previous, url) : undefined;
      // Unhashed files past the HTTP cache (a host may cache them for minutes): this build's.
      const response = kept || (await fetchOk(url, CONTENT_ADDRESSED.test(url) ? {} : { cache: "no-cache" }));
      await cache.put(url, response);
    }),
    // A page that no longer exists in this build is simply not cached again.
    ...[...pages].map((url) =>
      fetch(url, { cache: "no-cache" }).then((r) => (r.ok ? cache.put(url, r) : undefined), () => {}),
    ),
  ]);
  await self.skipWaiting();
}

async function matchIn(names, url) {
  for (const name of names) {
    const hit = await (await caches.open(name)).match(url);
    if (hit) return hit;
  }
  return undefined;
}

async function activate() {
  await Promise.all((await oldCaches()).map((name) => caches.delete(name)));
  await self.clients.claim();
}

// The browser's HTTP cache first when it still holds the file (the names are immutable): with it
// comes V8's compiled WebAssembly and scripts, which a response from Cache Storage does not bring,
// so the repeat visit boots faster (benchmarks/service_worker_cache.py). Then this worker's cache,
// which the browser does not evict, so a repeat visit still downloads no runtime; then the network.
async function cacheFirst(request) {
  try {
    const cached = await fetch(request.url, { cache: "only-if-cached", mode: "same-origin" });
    if (cached.ok) return cached;
  } catch {
    // Not in the HTTP cache (DevTools lists this worker's probe as failed: ERR_CACHE_MISS).
  }
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, page) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      // Pages are kept under their address without the query (the scenario lives there).
      const key = page ? pageKey(request.url) : request;
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const hit = await cache.match(page ? pageKey(request.url) : request);
    if (hit) return hit;
    throw error;
  }
}

function pageKey(address) {
  const url = new URL(address);
  url.search = url.hash = "";
  return url.href;
}

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (url.pathname.endsWith("/sw.js")) return;
  // A request that asks to skip caches (the runtime's integrity check asking again) gets the network.
  const uncached = request.cache === "no-store" || request.cache === "reload";
  if (CONTENT_ADDRESSED.test(url.pathname) && !uncached) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, request.mode === "navigate" || isPage(url)));
});
