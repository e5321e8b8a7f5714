"""The calculator's HTML: input form, assumptions, status, and results prerendered in CPython.

``render_calculator`` returns one raw HTML block for a Markdown page. Python-Markdown passes such
a block through untouched only while it has no blank line inside, so every line break is kept
but empty lines are dropped (``calculators.bridge.single_block``, which the browser's worker
applies to the live results too), so prerendered and live HTML stay comparable. All text is
escaped with ``html.escape``.

The page works without JavaScript: the results for the default scenario are in the markup.
docs/assets/calculator/calculator.js turns it live (see the ``data-*`` attributes for its inputs).
The block carries no <script src> or <link>: a relative one would need the page's depth, so
mkdocs.yml loads calculator.js and calculator.css on every page (a no-op without a calculator).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from calculators.bridge import single_block
from calculators.export import data_version, export_csv, export_json
from calculators.i18n import localized
from calculators.ranges import range_text

import calculators
from calculators import report
from generator.browser_assets import prepare_runtime
from generator.bundle import bundle_json
from generator.render import template_words

ALL_MODES = ("fully_managed", "semi_managed", "self_operated")
# Where a compact calculator links for the comparison of all modes: compact calculators sit on
# the mode pages (modes/<slug>/, in either language), the full one at calculator/.
COMPARE_URL_FROM_MODE_PAGE = "../../calculator/"
# How long the browser waits for Python before showing the error state (data-timeout-ms).
DEFAULT_TIMEOUT_MS = 30_000


def _words(language: str) -> Callable[..., str]:
    """The block's words (generator/templates/words.yml, `calc.*`) in `language`, as plain text
    for escape(); the results' own words come from calculators.i18n."""
    words = template_words()
    return lambda key, **values: words[f"calc.{key}"][language].format(**values)


def render_calculator(bundle: dict, modes: list[str] | None = None, page_url: str = "",
                      language: str = "en") -> str:
    """The calculator for ``modes`` (all three when None) on the page at ``page_url``, in
    ``language``: its words, and the prerendered results, as the live calculator writes them.

    The page must load assets/calculator/calculator.js (a module) and calculator.css; mkdocs.yml
    does that for every page through extra_javascript / extra_css, where MkDocs makes the paths
    relative per page. ``page_url`` is accepted for the agreed signature but not needed: the
    block's own asset paths are site-relative and resolved by calculator.js against its own URL.
    """
    modes = list(modes or ALL_MODES)
    unknown = sorted(set(modes) - set(ALL_MODES))
    if unknown:
        raise ValueError(f"unknown mode(s) {unknown}; expected some of {list(ALL_MODES)}")
    full = len(modes) == len(ALL_MODES)
    uid = "calc-" + ("all" if full else modes[0].replace("_", "-"))
    scenario, result = _default_result(bundle, language)
    w = _words(language)
    urls = prepare_runtime(bundle).urls
    compare_url = None if full else COMPARE_URL_FROM_MODE_PAGE

    attributes = {
        "class": "amc" + (" amc--compact" if not full else ""),
        "id": uid,
        "data-calculator": "",
        "data-modes": " ".join(modes),
        **runtime_attributes(bundle),
        "data-uplot": urls.uplot_js,
        "data-uplot-css": urls.uplot_css,
        "data-compare-url": "" if full else COMPARE_URL_FROM_MODE_PAGE,
        # Material's search leaves the block out of its index: form labels and prerendered
        # numbers make poor search hits, and the index is rebuilt on every page load, on the
        # same two cores that boot Python. Its exclusion tracks elements by tag name alone,
        # so the block is the one <section> in its subtree: a nested one would end it early.
        "data-search-exclude": "",
    }
    parts = [
        f"<section {_attributes(attributes)}>",
        '<form class="amc-form" novalidate>',
        _inputs(uid, bundle, scenario, language, w),
        _assumptions(uid, bundle, modes, language, w),
        "</form>",
        _toolbar(w),
        _scenarios(bundle, language, w) if full else "",
        _status(w),
        # No whitespace around the report: the live HTML replaces exactly this element's content.
        f'<div class="amc-results" id="{uid}-results">'
        f"{report.render_html(result, modes=modes, language=language, compare_url=compare_url)}"
        "</div>",
        _charts(uid, w) if full else "",
        # Data in <template>, not <script type="application/json">: Material's instant navigation
        # re-creates every <script> of a new page as a plain script (type and class dropped).
        f'<template class="amc-prerendered">{script_json(result)}</template>',
        # The exports of these numbers, for when Python cannot run (live ones are made on demand).
        '<template class="amc-prerendered-exports">'
        f"{script_json(_exports(result, bundle, language))}</template>",
        "</section>",
    ]
    return single_block("\n".join(part for part in parts if part))


def runtime_attributes(bundle: dict) -> dict[str, str]:
    """The data-* attributes that say what the worker loads, as the calculator block and the
    calculator page's early start in <head> (overrides/partials/early-runtime.html) carry them.

    Paths are relative to the site root; calculator.js resolves them against its own URL, which
    stays right across Material's instant navigation.
    """
    runtime = prepare_runtime(bundle)
    urls = runtime.urls
    return {
        "data-pyodide-index": urls.pyodide_index,
        "data-lock-file": urls.lock_file,
        "data-stdlib": urls.stdlib,
        "data-snapshot": runtime.snapshot,
        "data-empty-stdlib": urls.empty_stdlib,
        "data-package": urls.package_name,
        "data-parameters": urls.parameters,
        "data-timeout-ms": str(DEFAULT_TIMEOUT_MS),
        # The hash of every file the worker loads: it checks each download before running it.
        "data-integrity": json.dumps(runtime.integrity(), separators=(",", ":")),
    }


def starts_at_once(modes: list[str] | None) -> bool:
    """Whether a calculator of ``modes`` starts Python as soon as its page loads (unless the
    reader saves data): one comparing modes is the page's content. A compact one waits for a
    touch. calculator-block.js applies the same rule (``eager``)."""
    return len(modes or ALL_MODES) > 1


# (bundle JSON, language) -> the default scenario and its result, for the latest bundles.
_defaults: dict[tuple[str, str], tuple[dict, dict]] = {}


def _default_result(bundle: dict, language: str) -> tuple[dict, dict]:
    """The default scenario and its whole result (sensitivity included), computed once per
    bundle and language: every calculator block of a build prerenders the same one."""
    key = (bundle_json(bundle), language)
    if key not in _defaults:
        if len(_defaults) >= 8:  # `mkdocs serve` sees a new bundle with every data edit
            _defaults.clear()
        scenario = calculators.default_scenario(bundle)
        _defaults[key] = scenario, calculators.evaluate(scenario, bundle, language)
    return _defaults[key]


# (bundle JSON, language) -> the exports of the default result, computed once like the result.
_default_exports: dict[tuple[str, str], dict[str, str]] = {}


def _exports(result: dict, bundle: dict, language: str) -> dict[str, str]:
    """The CSV and JSON exports of the default ``result``, as the worker makes them for live
    numbers; computed once per bundle and language."""
    key = (bundle_json(bundle), language)
    if key not in _default_exports:
        if len(_default_exports) >= 8:
            _default_exports.clear()
        data = data_version(bundle)
        _default_exports[key] = {"csv": export_csv(result, bundle, language, data),
                                 "json": export_json(result, bundle, language, data)}
    return _default_exports[key]


def canonical_json(result: object) -> str:
    """The JSON text of a result, as the browser worker writes it too (compared exactly)."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, allow_nan=False)


def script_json(value: object) -> str:
    """``canonical_json`` made safe inside <template> (or <script>): no '<', '>' or '&' can end
    the element or be read as markup."""
    text = canonical_json(value)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _inputs(uid: str, bundle: dict, scenario: dict, language: str, w) -> str:
    rows = [f'<fieldset class="amc-inputs"><legend>{escape(w("inputs"))}</legend>']
    for spec in calculators.INPUTS:
        field_id = f"{uid}-{spec.name}"
        described = f"{field_id}-help {field_id}-error"
        unit_text = spec.unit[language]
        unit = f'<span class="amc-unit">{escape(w("unit", unit=unit_text))}</span>' \
            if unit_text else ""
        rows.append(f'<div class="amc-field" data-field="{escape(spec.name)}">')
        rows.append(f'<label for="{field_id}">{escape(spec.label[language])}{unit}</label>')
        if spec.kind == "choice":
            rows.append(_category_select(field_id, spec.name, described, bundle, scenario,
                                         language))
        else:
            # Text, not type=number: Chromium's number box drops a comma ("35,5" became 355).
            # The worker reads a decimal comma or rejects the value with a message (bridge.py);
            # inputmode still brings up the number keyboard on phones.
            given = scenario[spec.name]  # None: an optional input left to the model
            attrs = {
                "id": field_id, "name": spec.name, "type": "text", "inputmode": "decimal",
                "autocomplete": "off",
                "value": "" if given is None else number_text(given),
                "data-default": "" if given is None else number_text(given),
                "aria-describedby": described,
            }
            rows.append(f"<input {_attributes(attrs)}>")
        rows.append(f'<p class="amc-help" id="{field_id}-help">{escape(spec.help[language])}</p>')
        rows.append(f'<p class="amc-error" id="{field_id}-error" hidden></p>')
        rows.append("</div>")
    rows.append("</fieldset>")
    return "\n".join(rows)


def _category_select(field_id: str, name: str, described: str, bundle: dict, scenario: dict,
                     language: str) -> str:
    chosen = scenario[name]
    options = [
        f'<option value="{escape(c["id"])}"{" selected" if c["id"] == chosen else ""}>'
        f'{escape(localized(c["label"], language))}</option>'
        for c in bundle["categories"]
    ]
    attrs = {"id": field_id, "name": name, "data-default": chosen, "aria-describedby": described}
    return f"<select {_attributes(attrs)}>" + "".join(options) + "</select>"


def _assumptions(uid: str, bundle: dict, modes: list[str], language: str, w) -> str:
    """Every parameter the shown modes use, with its provenance and an override box."""
    entries = [
        entry for entry in calculators.parameter_index(bundle)
        if entry.get("mode") is None or entry["mode"] in modes
    ]
    mode_labels = {mode["id"]: localized(mode["label"], language) for mode in bundle["modes"]}
    categories = {c["id"]: localized(c["label"], language) for c in bundle["categories"]}
    headers = "".join(f'<th scope="col">{escape(w(key))}</th>' for key in
                      ("parameter", "default", "range", "your_value", "source", "checked",
                       "confidence"))
    rows = [
        '<details class="amc-assumptions">',
        f"<summary>{escape(w('assumptions', count=len(entries)))}</summary>",
        f"<p>{escape(w('assumptions_help'))}</p>",
        '<div class="amc-table-wrap"><table class="amc-assumption-table">',
        f"<thead><tr>{headers}</tr></thead><tbody>",
    ]
    for entry in entries:
        field = f"overrides.{entry['id']}"
        field_id = f"{uid}-o-{entry['id'].replace('.', '-')}"
        owner = mode_labels.get(entry.get("mode"), "")
        label = localized(entry["label"], language)
        # Task shares name their mode already; other parameters are prefixed with it.
        name = w("owner", mode=owner, label=label) if owner and owner not in label else label
        attrs = {
            "id": field_id, "name": field, "type": "text", "inputmode": "decimal",
            "autocomplete": "off",
            "placeholder": _value_text(entry["value"], w, categories),
            "aria-describedby": f"{field_id}-error",
        }
        rows += [
            f'<tr class="amc-field" data-field="{escape(field)}">',
            f'<th scope="row"><label for="{field_id}">{escape(name)}</label>'
            f'<span class="amc-unit">{escape(w("unit", unit=localized(entry["unit"], language)))}'
            "</span>"
            f' <code class="amc-param-id">{escape(entry["id"])}</code></th>',
            f'<td data-label="{escape(w("default"))}">'
            f"{escape(_value_text(entry['value'], w, categories))}</td>",
            f'<td data-label="{escape(w("range"))}">{escape(range_text(entry, language))}</td>',
            f'<td data-label="{escape(w("your_value"))}"><input {_attributes(attrs)}>'
            f'<p class="amc-error" id="{field_id}-error" hidden></p></td>',
            f'<td data-label="{escape(w("source"))}">'
            f"{_source_link(entry.get('source'), language, w)}</td>",
            _checked_cell(entry["checked"], w),
            f'<td data-label="{escape(w("confidence"))}">{_badge(entry["confidence"], w)}</td>',
            "</tr>",
        ]
    rows.append("</tbody></table></div></details>")
    return "\n".join(rows)


def _toolbar(w) -> str:
    # Hidden until the script attaches: without JavaScript these buttons would do nothing.
    buttons = "".join(
        f'<button type="button" class="md-button" data-action="{action}">{escape(w(key))}</button>'
        for action, key in (("copy-link", "copy_link"), ("export-csv", "export_csv"),
                            ("export-json", "export_json"), ("reset", "reset")))
    return f'<div class="amc-toolbar" hidden>{buttons}</div>'


def _scenarios(bundle: dict, language: str, w) -> str:
    """Presets, the pinned base and saved scenarios (scenarios.js); hidden without JavaScript,
    where they could do nothing."""
    def about(preset: dict) -> str:
        return " ".join(localized(preset[key], language) for key in ("description", "reason"))

    options = [f'<option value="">{escape(w("own_numbers"))}</option>'] + [
        f'<option value="{escape(p["id"])}" data-values="{escape(json.dumps(p["scenario"]))}" '
        f'data-about="{escape(about(p))}">{escape(localized(p["name"], language))}'
        "</option>" for p in bundle.get("presets", [])]
    return (
        '<div class="amc-scenarios" hidden>'
        '<div class="amc-field amc-preset-field"><label for="amc-preset">'
        f'{escape(w("preset"))}</label>'
        '<select id="amc-preset" class="amc-preset" aria-describedby="amc-preset-about">'
        + "".join(options) + '</select><p class="amc-help" id="amc-preset-about"></p></div>'
        '<div class="amc-scenario-actions">'
        f'<button type="button" class="md-button" data-action="pin">{escape(w("pin"))}</button>'
        '<button type="button" class="md-button" data-action="unpin" hidden>'
        f'{escape(w("unpin"))}</button>'
        f'<label for="amc-scenario-name">{escape(w("scenario_name"))}</label>'
        '<input id="amc-scenario-name" class="amc-scenario-name" type="text" maxlength="80" '
        f'placeholder="{escape(w("scenario_placeholder"))}">'
        f'<button type="button" class="md-button" data-action="save">{escape(w("save"))}'
        "</button></div>"
        '<p class="amc-scenario-note" role="status"></p>'
        f'<ul class="amc-saved" aria-label="{escape(w("saved"))}"></ul>'
        '<div class="amc-comparison" hidden></div>'
        "</div>"
    )


def _status(w) -> str:
    # Without JavaScript the block reads: these are the defaults' numbers; recalculating needs
    # JavaScript. The script replaces the first sentence with its own state.
    return (
        '<div class="amc-status" data-state="prerendered">'
        '<p class="amc-status-text" role="status">'
        f"{escape(w('prerendered'))}</p>"
        '<button type="button" class="md-button amc-retry" data-action="retry" hidden>'
        f"{escape(w('retry'))}</button>"
        "</div>"
        '<p class="amc-stale-note" hidden><span class="amc-stale-text"></span> '
        '<button type="button" class="md-button amc-back" data-action="reset" hidden>'
        f"{escape(w('back'))}</button></p>"
        f"<noscript><p>{escape(w('noscript'))}</p></noscript>"
        # The one live sentence: the recommendation and the change since the last result.
        '<p class="amc-announce" aria-live="polite"></p>'
    )


def _charts(uid: str, w) -> str:
    results = f"{uid}-results"
    return "\n".join([
        '<div class="amc-charts">',
        f'<figure class="amc-chart" data-chart="profit" aria-describedby="{results}">',
        f"<figcaption>{escape(w('profit_caption'))}</figcaption>",
        f'<div class="amc-chart-canvas" role="img" aria-label="{escape(w("profit_label"))}">'
        "</div>",
        "</figure>",
        f'<figure class="amc-chart" data-chart="hours" aria-describedby="{results}">',
        f"<figcaption>{escape(w('hours_caption'))}</figcaption>",
        f'<div class="amc-chart-canvas" role="img" aria-label="{escape(w("hours_label"))}">'
        "</div>",
        "</figure>",
        "</div>",
    ])


def _source_link(source: dict | None, language: str, w) -> str:
    if not source:
        return escape(w("no_source"))
    title = escape(localized(source["title"], language))
    if not source.get("url"):  # the source's address was not recorded
        return title
    return f'<a href="{escape(source["url"])}" rel="noopener">{title}</a>'


def _checked_cell(date: str, w) -> str:
    return (f'<td data-label="{escape(w("checked"))}">'
            f'<time datetime="{escape(date)}">{escape(date)}</time></td>')


def _badge(confidence: str, w) -> str:
    text = w(f"confidence.{confidence}")
    return f'<span class="amc-badge amc-badge--{escape(confidence)}">{escape(text)}</span>'


def _value_text(value: float | dict, w, categories: dict[str, str]) -> str:
    if isinstance(value, dict):
        by_category = w("list").join(
            f"{categories.get(category, category)} {number_text(number)}"
            for category, number in value.get("by_category", {}).items()
        )
        default = w("by_default", value=number_text(value["default"]))
        return w("parts", default=default, by_category=by_category) if by_category else default
    return number_text(value)


def number_text(value: float) -> str:
    """A number as a form value: integers without '.0', floats as Python's exact repr.

    >>> number_text(300.0), number_text(0.03), number_text(5)
    ('300', '0.03', '5')
    """
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _attributes(attrs: dict[str, str]) -> str:
    return " ".join(
        escape(key) if value == "" else f'{escape(key)}="{escape(str(value))}"'
        for key, value in attrs.items()
    )
