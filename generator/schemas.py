"""JSON Schema validation of data files, with each error placed at its line and column.

The schemas live in data/schemas/ so editors (yaml-language-server) use the same ones: every data
file names its schema on its first line.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from generator.errors import DataProblem
from generator.text import LANGUAGE_NAMES, LANGUAGES
from generator.yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemas"


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


def load_schema(name: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    return _registry(schema_dir).contents(name)


@cache
def _validator(name: str, schema_dir: Path) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name, schema_dir), registry=_registry(schema_dir))


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """For oneOf/anyOf, report the most relevant alternative's error, not "not valid under any".

    An alternative of the instance's own type (a number checked against a maximum, say) says
    more than "8 is not of type 'object'" from an alternative that never applied.
    """
    if error.validator in ("oneOf", "anyOf") and error.context:
        same_type = [e for e in error.context if e.validator != "type"]
        return _leaf_errors(best_match(same_type or error.context))
    return [error]


def _declared_names(schema: dict, registry: Registry) -> set[str]:
    """Field names a schema accepts, through `allOf` and `$ref`, as `unevaluatedProperties` does."""
    names = set(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        names |= _declared_names(part, registry)
    ref = schema.get("$ref")
    if ref:
        file, _, pointer = ref.partition("#")
        contents = registry.contents(file or "common.schema.json")
        for key in filter(None, pointer.split("/")):
            contents = contents[key]
        names |= _declared_names(contents, registry)
    return names


def _unknown_fields(error: ValidationError, registry: Registry) -> list[str]:
    declared = _declared_names(error.schema, registry)
    return sorted(key for key in error.instance if key not in declared)


def _is_text(schema: object) -> bool:
    """The bilingual `plain` or `markdown` text object of common.schema.json."""
    return isinstance(schema, dict) and schema.get("required") == list(LANGUAGES)


def _text_message(error: ValidationError) -> str | None:
    """Say what a translator must do, rather than JSON Schema's words."""
    if error.validator == "required" and _is_text(error.schema) \
            and isinstance(error.instance, dict):
        missing = [lang for lang in LANGUAGES if lang not in error.instance]
        return " and ".join(f"the {LANGUAGE_NAMES[lang]} text ('{lang}') is missing"
                            for lang in missing) + ": every prose field gives en and zh"
    if error.validator == "type" and _is_text(error.schema) and isinstance(error.instance, str):
        return "give this text in both languages, as {en: ..., zh: ...}"
    last = error.absolute_path[-1] if error.absolute_path else None
    if error.validator in ("minLength", "pattern") and last in LANGUAGES \
            and isinstance(error.instance, str) and not error.instance.strip():
        return f"the {LANGUAGE_NAMES[last]} text ('{last}') is empty"
    return None


def _message(error: ValidationError) -> str:
    text = _text_message(error)
    if text:
        return text
    if error.validator == "required" and "source" in error.validator_value \
            and isinstance(error.instance, dict) and "confidence" in error.instance:
        return (f"a figure marked '{error.instance['confidence']}' needs a 'source' "
                f"(an id from sources.yml), or mark it 'assumption'")
    if error.validator == "enum":
        options = ", ".join(json.dumps(option) for option in error.validator_value)
        return f"{json.dumps(error.instance)} is not one of {options}"
    return error.message


def validate_document(document: YamlDocument, schema_name: str,
                      schema_dir: Path = SCHEMA_DIR) -> list[DataProblem]:
    """Every schema error in one document, each at the position of the offending value."""
    registry = _registry(schema_dir)
    problems = []
    for error in _validator(schema_name, schema_dir).iter_errors(document.data):
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            if leaf.validator in ("additionalProperties", "unevaluatedProperties"):
                allowed = ", ".join(sorted(_declared_names(leaf.schema, registry)))
                for name in _unknown_fields(leaf, registry):
                    problems.append(document.problem(
                        (*path, name), f"unknown field '{name}' (allowed: {allowed})"))
                continue
            problems.append(document.problem(path, _message(leaf)))
    return sorted(set(problems))
