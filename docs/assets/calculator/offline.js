// Keeps the site for repeat and offline visits once a reader has used a calculator: registers the
// site's service worker (<site>/sw.js, written by generator/service_worker.py). Readers who never
// use a calculator get no service worker and no cache.

import { siteUrl } from "./site-url.js";

export function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  // The runtime has just been fetched, so the worker's install copies it from the HTTP cache.
  navigator.serviceWorker
    .register(siteUrl("sw.js"), { scope: siteUrl("") })
    .catch((error) => console.warn("offline copy unavailable:", error));
}
