"""JSON Schema validation of data files, with each error placed at its line and column.

The schemas live in data/schemas/ so editors (yaml-language-server) use the same ones: every data
file names its schema on its first line.

Two rules hold for every field of every schema, so no field can forget them: a JSON Schema
`number` is a finite one (YAML's `.nan` and `.inf` are refused), and a `"format": "date"` is a
real calendar date no later than the build date. Messages are written for contributors, in YAML's
terms ("a map", "text"), never as Python values.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from collections import defaultdict
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from generator.errors import DataProblem
from generator.text import LANGUAGE_NAMES, LANGUAGES
from generator.yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemas"
MAX_PROBLEMS = 100  # schema problems listed per file


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


def load_schema(name: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    return _registry(schema_dir).contents(name)


def build_date() -> datetime.date:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch
              else datetime.datetime.now(datetime.UTC))
    return moment.date()


def _is_finite_number(checker, instance: object) -> bool:
    number = Draft202012Validator.TYPE_CHECKER.is_type(instance, "number")
    return number and (not isinstance(instance, float) or math.isfinite(instance))


_FiniteValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("number", _is_finite_number),
)


def _date_checker(today: datetime.date) -> FormatChecker:
    checker = FormatChecker(formats=())

    @checker.checks("date", raises=ValueError)
    def past_date(instance: object) -> bool:
        if not isinstance(instance, str):
            return True
        try:
            day = datetime.date.fromisoformat(instance)
        except ValueError:
            raise ValueError(f"{_shown(instance)} is not a date on the calendar "
                             "(YYYY-MM-DD)") from None
        if len(instance) != 10:
            raise ValueError(f"{_shown(instance)} is not written as YYYY-MM-DD")
        if day > today:
            raise ValueError(f"{_shown(instance)} is after the build date ({today}); "
                             "a date here records something that has happened")
        return True

    return checker


@cache
def _validator(name: str, schema_dir: Path, today: datetime.date) -> Draft202012Validator:
    return _FiniteValidator(load_schema(name, schema_dir), registry=_registry(schema_dir),
                            format_checker=_date_checker(today))


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """For oneOf/anyOf, report the errors of the alternative that applies, at their own paths.

    An alternative applies when the value has its type: for a map of values by category, the
    errors inside the map (a text entry, say) say more than "a map is not a number". With no
    applicable alternative the oneOf error itself is reported; with several, the best match.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    by_alternative: dict[object, list[ValidationError]] = defaultdict(list)
    for sub in error.context:
        by_alternative[sub.relative_schema_path[0]].append(sub)
    applicable = [
        errors for errors in by_alternative.values()
        if not any(sub.validator == "type" and not sub.relative_path for sub in errors)
    ]
    if not applicable:
        return [error]
    if len(applicable) == 1:
        return [leaf for sub in applicable[0] for leaf in _leaf_errors(sub)]
    return _leaf_errors(best_match(sub for errors in applicable for sub in errors))


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


_TYPE_WORDS = {"number": "a number", "integer": "a whole number", "string": "text",
               "object": "a map of fields", "array": "a list", "boolean": "true or false",
               "null": "empty"}


def _shown(value: object) -> str:
    """A value as a contributor wrote it in YAML, cut short."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-" if value < 0 else "") + ".inf"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, list | tuple | set):
        return "a list"
    text = json.dumps(str(value), ensure_ascii=False)
    return text if len(text) <= 42 else text[:40] + "\u2026\""


def _types(error: ValidationError) -> list[str]:
    """What the schema that failed accepts, in words (for a oneOf, what its alternatives do)."""
    if error.validator == "type":
        declared = error.validator_value
        return [_TYPE_WORDS.get(t, t) for t in ([declared] if isinstance(declared, str)
                                                else declared)]
    return [word for sub in error.context or () if sub.validator == "type"
            and not sub.relative_path for word in _types(sub)]


def _type_message(error: ValidationError) -> str:
    expected = " or ".join(_types(error)) or "something else"
    got = _shown(error.instance)
    if isinstance(error.instance, float) and not math.isfinite(error.instance):
        return f"must be a finite number; got {got}"
    if isinstance(error.instance, str):
        got = f"the text {got}"
        try:
            float(error.instance)
            got += " (numbers are written without quotes)"
        except ValueError:
            pass
    return f"must be {expected}; got {got}"


def _message(error: ValidationError) -> str:
    text = _text_message(error)
    if text:
        return text
    value, instance = error.validator_value, error.instance
    if error.validator == "required" and value in (["url"], ["offline"]):
        return ("a source needs its exact 'url' (the page itself, not the site's home page), "
                "or 'offline' for print or a screenshot, saying where to see it")
    if error.validator == "pattern" and error.absolute_path \
            and error.absolute_path[-1] == "url" and isinstance(instance, str):
        return (f"'{instance}' is not the exact https address of a page (a site's home "
                f"page is not enough): give the page that says what the data cites")
    if error.validator == "oneOf" and isinstance(instance, dict) \
            and {"url", "offline"} <= instance.keys():
        return "give 'url' or 'offline', not both"
    if error.validator == "required" and value == ["note"] and isinstance(instance, dict) \
            and instance.get("confidence") == "assumption":
        return ("a cost marked 'assumption' needs a 'note': what no source gives, "
                "and why the value is what it is")
    if error.validator == "required" and error.message == "'sources' is a required property":
        return "a fact needs 'sources': the ids (from sources.yml) of the sources that state it"
    match error.validator:
        case "required" if "source" in value and isinstance(instance, dict) \
                and "confidence" in instance:
            return (f"a figure marked '{instance['confidence']}' needs a 'source' "
                    f"(an id from sources.yml), or mark it 'assumption'")
        case "required":
            missing = [name for name in value if name not in instance]
            return f"the field '{missing[0]}' is missing" if len(missing) == 1 else \
                "the fields " + ", ".join(f"'{name}'" for name in missing) + " are missing"
        case "enum":
            options = ", ".join(json.dumps(option, ensure_ascii=False) for option in value)
            return f"{_shown(instance)} is not one of {options}"
        case "const":
            return f"must be {json.dumps(value, ensure_ascii=False)}; got {_shown(instance)}"
        case "type" | "oneOf" | "anyOf":
            return _type_message(error)
        case "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum":
            words = {"minimum": "at least", "maximum": "at most",
                     "exclusiveMinimum": "more than", "exclusiveMaximum": "less than"}
            return f"must be {words[error.validator]} {value}; got {_shown(instance)}"
        case "minLength" if value == 1:
            return "must not be empty"
        case "minLength" | "maxLength":
            words = "at least" if error.validator == "minLength" else "at most"
            return f"is {len(instance):,} characters long; it must be {words} {value:,}"
        case "minItems" | "maxItems":
            words = "at least" if error.validator == "minItems" else "at most"
            return f"holds {len(instance)} item(s); it must hold {words} {value}"
        case "pattern":
            description = error.schema.get("description", f"the pattern {value}")
            return f"{_shown(instance)} does not have the required form: {description}"
        case "format":
            return str(error.cause) if error.cause else f"{_shown(instance)} is not a {value}"
        case "uniqueItems":
            return "holds the same item more than once"
        case "minProperties" | "maxProperties":
            words = "at least" if error.validator == "minProperties" else "at most"
            return f"holds {len(instance)} field(s); it must hold {words} {value}"
        case "multipleOf":
            return f"must be a multiple of {value}; got {_shown(instance)}"
        case "dependentRequired":
            return "; ".join(f"'{name}' needs '{needed}'" for name, fields in value.items()
                             if name in instance for needed in fields if needed not in instance)
        case "not" | "contains" | "propertyNames":
            return f"{_shown(instance)} is not allowed here"
    return error.message


def validate_document(document: YamlDocument, schema_name: str, schema_dir: Path = SCHEMA_DIR,
                      today: datetime.date | None = None) -> list[DataProblem]:
    """Every schema error in one document, each at the position of the offending value.

    Dates may not be later than `today` (default: the build date).
    """
    registry = _registry(schema_dir)
    problems = []
    validator = _validator(schema_name, schema_dir, today or build_date())
    for error in validator.iter_errors(document.data):
        if len(problems) >= MAX_PROBLEMS:  # a file that is wrong throughout: stop early
            problems.append(document.problem((), f"more than {MAX_PROBLEMS} problems in this "
                                              "file; fix these and check again for the rest"))
            break
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
