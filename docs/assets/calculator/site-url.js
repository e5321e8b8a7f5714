// Site-relative paths (as the generator writes them into data-* attributes) to absolute URLs.
// This file is <site>/assets/calculator/, so the site root is two levels up, wherever the site
// is served from (a sub-path included).

const SITE_ROOT = new URL("../../", import.meta.url);

export function siteUrl(path) {
  return new URL(path, SITE_ROOT).href;
}
