"""Generated tables for hand-written pages: formulas, parameters, and the data-file reference.

Hand-written pages in docs/ mark where a table goes with an HTML comment such as
`<!-- generated: parameters -->`; the plugin replaces the marker with the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from calculators.i18n import localized
from calculators.ranges import SPREAD
from markupsafe import Markup

import calculators
from generator.render import format_number, words_in
from generator.safe_text import html_text, md_text
from generator.schemas import load_schema

MARKER = re.compile(r"<!-- generated: ([a-z-]+) -->")


def _header(t, *keys: str) -> list[str]:
    return ["| " + " | ".join(t(key) for key in keys) + " |",
            "|" + " --- |" * len(keys)]


def formulas_table(bundle: dict, language: str) -> str:
    rows = _header(words_in(language), "table.quantity", "table.symbols", "table.words")
    for formula in calculators.FORMULAS:
        # Raw <code>, not a `code span`: a code span shows escaped text literally ("&gt;").
        rows.append(f"| {md_text(formula.name[language])} | "
                    f"<code>{html_text(formula.symbols[language])}</code> | "
                    f"{md_text(formula.words[language])} |")
    return "\n".join(rows)


def _value(entry: dict, bundle: dict, language: str) -> str:
    t = words_in(language)
    value = entry["value"]
    if isinstance(value, dict):
        labels = {category["id"]: localized(category["label"], language)
                  for category in bundle["categories"]}
        parts = [t("value.default", value=format_number(value["default"]))]
        parts += [t("value.category", value=format_number(v), category=md_text(labels[k]))
                  for k, v in value["by_category"].items()]
        return str(t("value.separator").join(parts))
    return str(format_number(value))


def _range(entry: dict, t) -> str:
    """A parameter's plausible range: the data's, or its confidence rule (as range_text)."""
    span = entry["range"]
    if span is not None:
        return str(t("range.between", low=format_number(span["low"]),
                     high=format_number(span["high"])))
    return str(t("range.spread_with_confidence",
                 share=format_number(SPREAD[entry["confidence"]] * 100),
                 confidence=t("confidence." + entry["confidence"])))


def parameters_table(bundle: dict, language: str) -> str:
    t = words_in(language)
    rows = _header(t, "table.parameter", "table.id", "mode.value", "table.range", "mode.unit",
                   "mode.confidence", "mode.source", "table.checked")
    for entry in calculators.parameter_index(bundle):
        source = entry["source"]
        title = localized(source["title"], language) if source else ""
        cited = f"[{md_text(title)}](sources.md#{html_text(source['id'])})" \
            if source else t("our_estimate")
        confidence = entry["confidence"]
        badge = (f'<span class="amg-badge amg-badge--{html_text(confidence)}">'
                 f"{html_text(t('confidence.' + confidence))}</span>")
        rows.append(
            f"| {md_text(localized(entry['label'], language))} | `{html_text(entry['id'])}` | "
            f"{_value(entry, bundle, language)} | {md_text(_range(entry, t))} | "
            f"{md_text(localized(entry['unit'], language))} | {badge} | {cited} | "
            f"{html_text(entry['checked'])} |")
    return "\n".join(rows)


_DATA_FILES = (
    ("data/sources.yml", "sources.schema.json"),
    ("data/categories.yml", "categories.schema.json"),
    ("data/model.yml", "model.schema.json"),
    ("data/tasks.yml", "tasks.schema.json"),
    ("data/modes/*.yml", "mode.schema.json"),
    ("data/presets.yml", "presets.schema.json"),
    ("data/chooser.yml", "chooser.schema.json"),
    ("data/pages/*.yml", "page.schema.json"),
)


def describe(schema: dict, language: str) -> str:
    """A schema's description in `language`: `description`, or `description_zh` beside it."""
    key = "description" if language == "en" else f"description_{language}"
    return schema.get(key, "")


def _field_rows(schema: dict, prefix: str, rows: list[str], common: dict, seen: set,
                language: str) -> None:
    for name, field in schema.get("properties", {}).items():
        if not isinstance(field, dict):
            continue
        ref = field.get("$ref", "")
        target = common["$defs"].get(ref.rsplit("/", 1)[-1], {}) if ref else {}
        own = field if "description" in field else target
        description = describe(own, language)
        path = f"{prefix}{name}"
        if path in seen or not description:  # no description: a refinement, e.g. a maximum
            continue
        seen.add(path)
        rows.append(f"| `{html_text(path)}` | {md_text(description)} |")
        child = field.get("items", field)
        child_ref = child.get("$ref", "") if isinstance(child, dict) else ""
        if child_ref and "#/$defs/" in child_ref and not child_ref.startswith("common"):
            child = schema.get("$defs", {}).get(child_ref.rsplit("/", 1)[-1], {})
        suffix = "[]." if "items" in field else "."
        if isinstance(child, dict) and "properties" in child and child is not field:
            _field_rows(child, path + suffix, rows, common, seen, language)
        elif "properties" in field and field.get("properties") and name != "value":
            _field_rows(field, path + ".", rows, common, seen, language)


def data_reference(bundle: dict, language: str) -> str:
    """Every field of every data file with its description, straight from the JSON Schemas."""
    t = words_in(language)
    common = load_schema("common.schema.json")
    texts = common["$defs"]
    out = [f"### {t('reference.texts')}\n\n"
           f"- {t('reference.plain', text=md_text(describe(texts['plain'], language)))}\n"
           f"- {t('reference.markdown', text=md_text(describe(texts['markdown'], language)))}"]
    for data_file, schema_name in _DATA_FILES:
        schema = load_schema(schema_name)
        rows = _header(t, "reference.field", "reference.meaning")
        _field_rows(schema, "", rows, common, set(), language)
        schema_file = Markup(f"`data/schemas/{schema_name}`")
        about = t("reference.schema", description=md_text(describe(schema, language)),
                  file=schema_file)
        out.append(f"### `{data_file}`\n\n{about}\n\n" + "\n".join(rows))
    provenance = common["$defs"]["provenance"]
    rows = _header(t, "reference.field", "reference.meaning")
    for name, field in provenance["properties"].items():
        rows.append(f"| `{name}` | {md_text(describe(field, language))} |")
    intro = t("reference.figures_intro", description=md_text(describe(provenance, language)))
    out.append(f"### {t('reference.figures')}\n\n{intro}\n\n" + "\n".join(rows))
    return "\n\n".join(out)


GENERATORS: dict[str, Callable[[dict, str], str]] = {
    "formulas": formulas_table,
    "parameters": parameters_table,
    "data-reference": data_reference,
}


class UnknownMarker(ValueError):
    pass


def fill_markers(markdown: str, bundle: dict, language: str = "en",
                 blocks: dict[str, str] | None = None) -> str:
    """Replace each `<!-- generated: NAME -->` marker with its table in `language` (`bundle`
    is the parameter bundle, its prose in both languages), or with one of ``blocks`` (HTML the
    plugin prepared, such as the chooser for the home page)."""
    blocks = blocks or {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in blocks:
            return blocks[name]
        if name not in GENERATORS:
            known = sorted({*GENERATORS, *blocks})
            raise UnknownMarker(f"unknown marker '{name}'; known: {', '.join(known)}")
        return GENERATORS[name](bundle, language)
    return MARKER.sub(replace, markdown)
