// The scenario in the page's URL: only values that differ from the defaults, so a shared link
// reopens the same numbers. Parameter overrides use the "o." prefix:
// ?units_per_month=800&o.self_operated.commission=0.1

const OVERRIDE_PREFIX = "o.";
const OVERRIDE_FIELD = "overrides."; // form field names of overrides: overrides.<parameter id>

// Fills the form from the URL; returns whether any value came from it.
export function applyUrl(form) {
  const params = new URLSearchParams(location.search);
  let applied = false;
  for (const [key, value] of params) {
    const name = key.startsWith(OVERRIDE_PREFIX) ? `${OVERRIDE_FIELD}${key.slice(OVERRIDE_PREFIX.length)}` : key;
    const field = form.elements.namedItem(name);
    if (field && "value" in field) {
      field.value = value;
      applied = true;
    }
  }
  return applied;
}

// The form's non-default values as a query string ("" when all are defaults), on top of
// ``search`` (other parameters of the page's URL are kept).
export function scenarioQuery(form, search = "") {
  const params = new URLSearchParams(search);
  for (const field of form.elements) {
    if (!field.name) continue;
    const isOverride = field.name.startsWith(OVERRIDE_FIELD);
    const key = isOverride ? OVERRIDE_PREFIX + field.name.slice(OVERRIDE_FIELD.length) : field.name;
    const isDefault = isOverride ? field.value.trim() === "" : field.value === field.dataset.default;
    if (isDefault) params.delete(key);
    else params.set(key, field.value);
  }
  return params.toString();
}

// Writes the form's non-default values into the URL, in place (no history entry).
export function writeUrl(form) {
  const query = scenarioQuery(form, location.search);
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

// The form's non-default values as a query, with the keys writeUrl uses (a saved scenario or the
// pinned base is kept as this text).
export function formQuery(form) {
  const params = new URLSearchParams();
  for (const field of form.elements) {
    if (!field.name) continue;
    const isOverride = field.name.startsWith(OVERRIDE_FIELD);
    const key = isOverride ? OVERRIDE_PREFIX + field.name.slice(OVERRIDE_FIELD.length) : field.name;
    const isDefault = isOverride ? field.value.trim() === "" : field.value === field.dataset.default;
    if (!isDefault) params.set(key, field.value);
  }
  return params;
}

// The form's state for a query without touching the form: {raw, overrides} as the worker takes.
export function stateFromQuery(form, query) {
  const raw = {};
  const overrides = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.name.startsWith(OVERRIDE_FIELD)) {
      const value = query.get(OVERRIDE_PREFIX + field.name.slice(OVERRIDE_FIELD.length));
      if (value !== null && value.trim() !== "") overrides[field.name.slice(OVERRIDE_FIELD.length)] = value;
    } else raw[field.name] = query.get(field.name) ?? field.dataset.default;
  }
  return { raw, overrides };
}

// Sets every field from a query: the defaults, with the query's values on top.
export function fillFromQuery(form, query) {
  for (const field of form.elements) {
    if (!field.name) continue;
    const isOverride = field.name.startsWith(OVERRIDE_FIELD);
    const key = isOverride ? OVERRIDE_PREFIX + field.name.slice(OVERRIDE_FIELD.length) : field.name;
    field.value = query.get(key) ?? (isOverride ? "" : field.dataset.default);
  }
}
