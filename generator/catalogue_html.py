"""The catalogue planner's block: settings, a file or pasted list, and where the plan appears.

docs/assets/calculator/catalogue.js sends the file's bytes (or the pasted text) to the page's
Python worker, which plans it with ``calculators.catalogue`` and renders it with
``calculators.catalogue_report``; nothing is uploaded. Without JavaScript the block says so.
"""

from __future__ import annotations

import json
from html import escape

from calculators.i18n import localized

from calculators import INPUTS
from generator.browser_assets import prepare_runtime
from generator.calculator_html import DEFAULT_TIMEOUT_MS, number_text

TEMPLATE_PATH = "assets/catalogue-template.csv"  # written into the site by the plugin
SETTINGS = ("labour_rate_cny_per_hour", "fx_cny_per_usd")


def _attributes(attrs: dict[str, str]) -> str:
    return " ".join(f'{escape(key)}="{escape(str(value))}"' for key, value in attrs.items())


def render_catalogue(bundle: dict, base: str, language: str = "en") -> str:
    """The block; the input labels in ``language`` (the rest of its words are English for now)."""
    runtime = prepare_runtime(bundle)
    urls = runtime.urls
    attrs = {
        "class": "amc-catalogue", "data-catalogue": "",
        "data-pyodide-index": urls.pyodide_index, "data-lock-file": urls.lock_file,
        "data-stdlib": urls.stdlib, "data-package": urls.package_name,
        "data-parameters": urls.parameters, "data-timeout-ms": str(DEFAULT_TIMEOUT_MS),
        "data-integrity": json.dumps(runtime.integrity(), separators=(",", ":")),
        "data-search-exclude": "",
    }
    fields = []
    for spec in INPUTS:
        if spec.name not in SETTINGS:
            continue
        field_id = f"amc-cat-{spec.name}"
        input_attrs = {"id": field_id, "name": spec.name, "type": "number",
                       "inputmode": "decimal", "min": number_text(spec.min),
                       "max": number_text(spec.max), "step": "any",
                       "value": number_text(spec.default)}
        fields.append(f'<div class="amc-field" data-field="{spec.name}"><label for="{field_id}">'
                      f'{escape(localized(spec.label, language))} '
                      f'<span class="amc-unit">({escape(localized(spec.unit, language))})</span>'
                      f"</label><input {_attributes(input_attrs)}>"
                      f'<p class="amc-help">{escape(localized(spec.help, language))} '
                      "The same for every product.</p>"
                      "</div>")
    parts = [
        f"<section {_attributes(attrs)}>",
        '<form class="amc-cat-form">',
        '<fieldset class="amc-inputs"><legend>Your time and the exchange rate</legend>',
        *fields,
        "</fieldset>",
        '<fieldset class="amc-inputs"><legend>Your products</legend>',
        '<div class="amc-field"><label for="amc-cat-file">Choose a CSV or tab-separated file'
        '</label><input id="amc-cat-file" name="file" type="file" '
        'accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"></div>',
        '<div class="amc-field"><label for="amc-cat-text">Or paste your list (a header line, '
        "then one line per product)</label>"
        '<textarea id="amc-cat-text" name="text" rows="8" spellcheck="false" '
        'placeholder="product,category,retail_price_usd,cogs_cny,weight_kg,units_per_month">'
        "</textarea></div>",
        f'<p><a href="{escape(base)}{TEMPLATE_PATH}" download="catalogue-template.csv">'
        "Download the template (CSV)</a></p>",
        "</fieldset>",
        '<p><button type="submit" class="md-button md-button--primary" disabled>'
        "Plan my catalogue</button></p>",
        "</form>",
        '<p class="amc-cat-status" role="status" aria-live="polite">The planner needs '
        "JavaScript: it runs in your browser, so your product list is never uploaded.</p>",
        '<div class="amc-cat-results"></div>',
        '<div class="amc-cat-toolbar" hidden><button type="button" class="md-button" '
        'data-action="export-plan">Export the plan (CSV)</button></div>',
        "</section>",
    ]
    return "\n".join(parts)
