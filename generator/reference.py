"""Generated tables for hand-written pages: formulas, parameters, and the data-file reference.

Hand-written pages in docs/ mark where a table goes with an HTML comment such as
`<!-- generated: parameters -->`; the plugin replaces the marker with the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import calculators
from generator.render import CONFIDENCE_LABELS, format_number
from generator.safe_text import html_text, md_text
from generator.schemas import load_schema

MARKER = re.compile(r"<!-- generated: ([a-z-]+) -->")


def formulas_table(bundle: dict) -> str:
    rows = ["| Quantity | In symbols | In words |", "| --- | --- | --- |"]
    for formula in calculators.FORMULAS:
        # Raw <code>, not a `code span`: a code span shows escaped text literally ("&gt;").
        rows.append(f"| {md_text(formula.name)} | <code>{html_text(formula.symbols)}</code> | "
                    f"{md_text(formula.words)} |")
    return "\n".join(rows)


def _value(entry: dict) -> str:
    value = entry["value"]
    if isinstance(value, dict):
        parts = [f"{format_number(value['default'])} (default)"]
        parts += [f"{format_number(v)} ({md_text(k)})" for k, v in value["by_category"].items()]
        return ", ".join(parts)
    return str(format_number(value))


def parameters_table(bundle: dict) -> str:
    rows = ["| Parameter | Id | Value | Unit | Confidence | Source | Checked |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for entry in calculators.parameter_index(bundle):
        source = entry["source"]
        cited = f"[{md_text(source['title'])}](sources.md#{html_text(source['id'])})" \
            if source else "our estimate"
        confidence = entry["confidence"]
        badge = (f'<span class="amg-badge amg-badge--{html_text(confidence)}">'
                 f"{html_text(CONFIDENCE_LABELS[confidence])}</span>")
        rows.append(
            f"| {md_text(entry['label'])} | `{html_text(entry['id'])}` | {_value(entry)} | "
            f"{md_text(entry['unit'])} | {badge} | {cited} | {html_text(entry['checked'])} |")
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


def _field_rows(schema: dict, prefix: str, rows: list[str], common: dict, seen: set) -> None:
    for name, field in schema.get("properties", {}).items():
        if not isinstance(field, dict):
            continue
        ref = field.get("$ref", "")
        target = common["$defs"].get(ref.rsplit("/", 1)[-1], {}) if ref else {}
        description = field.get("description") or target.get("description", "")
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
            _field_rows(child, path + suffix, rows, common, seen)
        elif "properties" in field and field.get("properties") and name != "value":
            _field_rows(field, path + ".", rows, common, seen)


def data_reference(bundle: dict) -> str:
    """Every field of every data file with its description, straight from the JSON Schemas."""
    common = load_schema("common.schema.json")
    out = []
    for data_file, schema_name in _DATA_FILES:
        schema = load_schema(schema_name)
        rows = ["| Field | Meaning |", "| --- | --- |"]
        _field_rows(schema, "", rows, common, set())
        out.append(f"### `{data_file}`\n\n{md_text(schema['description'])} "
                   f"Schema: `data/schemas/{schema_name}`.\n\n" + "\n".join(rows))
    texts = common["$defs"]
    out.insert(0, "### Text in two languages\n\n"
               f"- Plain text: {md_text(texts['plain']['description'])}\n"
               f"- Markdown text: {md_text(texts['markdown']['description'])}")
    provenance = common["$defs"]["provenance"]
    rows = ["| Field | Meaning |", "| --- | --- |"]
    for name, field in provenance["properties"].items():
        rows.append(f"| `{name}` | {md_text(field.get('description', ''))} |")
    out.append("### Figures: value, unit and provenance\n\nEvery number carries these fields. "
               + md_text(provenance["description"]) + "\n\n" + "\n".join(rows))
    return "\n\n".join(out)


GENERATORS: dict[str, Callable[[dict], str]] = {
    "formulas": formulas_table,
    "parameters": parameters_table,
    "data-reference": data_reference,
}


class UnknownMarker(ValueError):
    pass


def fill_markers(markdown: str, bundle: dict, blocks: dict[str, str] | None = None) -> str:
    """Replace each `<!-- generated: NAME -->` marker with its table, or with one of ``blocks``
    (HTML the plugin prepared, such as the chooser for the home page)."""
    blocks = blocks or {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in blocks:
            return blocks[name]
        if name not in GENERATORS:
            known = sorted({*GENERATORS, *blocks})
            raise UnknownMarker(f"unknown marker '{name}'; known: {', '.join(known)}")
        return GENERATORS[name](bundle)
    return MARKER.sub(replace, markdown)
