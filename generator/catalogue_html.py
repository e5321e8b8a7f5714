"""The catalogue planner's block: settings, a file or pasted list, and where the plan appears.

docs/assets/calculator/catalogue.js sends the file's bytes (or the pasted text) to the page's
Python worker, which plans it with ``calculators.catalogue`` and renders it with
``calculators.catalogue_report``; nothing is uploaded. Without JavaScript the block says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from calculators.catalogue import template_csv
from calculators.i18n import localized

from calculators import INPUTS
from generator.browser_assets import prepare_runtime
from generator.calculator_html import DEFAULT_TIMEOUT_MS, number_text
from generator.render import template_words

# The template to download, per language (written into the site by the plugin): the Chinese
# one has Chinese headings and a Chinese example.
TEMPLATES = {"en": ("assets/catalogue-template.csv", "catalogue-template.csv"),
             "zh": ("assets/catalogue-template.zh.csv", "商品目录模板.csv")}
SETTINGS = ("labour_rate_cny_per_hour", "fx_cny_per_usd")


def write_templates(site: Path, bundle: dict) -> None:
    """The templates the block links to, one per language, with a byte order mark so Excel in a
    Chinese locale opens them as UTF-8; the example row is in the default category."""
    default = bundle["default_category"]
    label = next(c["label"] for c in bundle["categories"] if c["id"] == default)
    for language, (path, _) in TEMPLATES.items():
        category = default if language == "en" else localized(label, language)
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\ufeff" + template_csv(category, language), encoding="utf-8",
                          newline="")


def _attributes(attrs: dict[str, str]) -> str:
    return " ".join(f'{escape(key)}="{escape(str(value))}"' for key, value in attrs.items())


def _words(language: str) -> Callable[..., str]:
    """The block's words (generator/templates/words.yml, `cat.*`) in `language`, as plain text
    for escape(); the plan's own words come from calculators.i18n."""
    words = template_words()
    return lambda key, **values: words[f"cat.{key}"][language].format(**values)


def render_catalogue(bundle: dict, root: str, language: str = "en") -> str:
    """The block, in ``language``; ``root`` leads from the page to the site's root (where the
    templates are), as raw HTML links are not rewritten by MkDocs."""
    w = _words(language)
    runtime = prepare_runtime(bundle)
    urls = runtime.urls
    attrs = {
        "class": "amc-catalogue", "data-catalogue": "",
        "data-pyodide-index": urls.pyodide_index, "data-lock-file": urls.lock_file,
        "data-stdlib": urls.stdlib,
        "data-snapshot": runtime.snapshot,
        "data-empty-stdlib": urls.empty_stdlib, "data-package": urls.package_name,
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
        unit = w("unit", unit=localized(spec.unit, language))
        fields.append(f'<div class="amc-field" data-field="{spec.name}"><label for="{field_id}">'
                      f'{escape(localized(spec.label, language))} '
                      f'<span class="amc-unit">{escape(unit)}</span></label>'
                      f"<input {_attributes(input_attrs)}>"
                      f'<p class="amc-help">{escape(localized(spec.help, language))} '
                      f'{escape(w("same_for_all"))}</p>'
                      "</div>")
    template, download_name = TEMPLATES[language]
    parts = [
        f"<section {_attributes(attrs)}>",
        '<form class="amc-cat-form">',
        f'<fieldset class="amc-inputs"><legend>{escape(w("settings"))}</legend>',
        *fields,
        "</fieldset>",
        f'<fieldset class="amc-inputs"><legend>{escape(w("products"))}</legend>',
        f'<div class="amc-field"><label for="amc-cat-file">{escape(w("file"))}'
        '</label><input id="amc-cat-file" name="file" type="file" '
        'accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"></div>',
        f'<div class="amc-field"><label for="amc-cat-text">{escape(w("paste"))}</label>'
        '<textarea id="amc-cat-text" name="text" rows="8" spellcheck="false" '
        f'placeholder="{escape(w("placeholder"))}"></textarea></div>',
        f'<p><a href="{escape(root)}{template}" download="{escape(download_name)}">'
        f'{escape(w("template"))}</a></p>',
        "</fieldset>",
        '<p><button type="submit" class="md-button md-button--primary" disabled>'
        f'{escape(w("plan"))}</button></p>',
        "</form>",
        f'<p class="amc-cat-status" role="status" aria-live="polite">{escape(w("noscript"))}</p>',
        '<div class="amc-cat-results"></div>',
        '<div class="amc-cat-toolbar" hidden><button type="button" class="md-button" '
        f'data-action="export-plan">{escape(w("export"))}</button></div>',
        "</section>",
    ]
    return "\n".join(parts)
