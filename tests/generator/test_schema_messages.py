"""Every JSON Schema keyword's error reads as plain words about YAML, never as a Python value.

A small schema of its own uses each keyword once, so the messages are checked without depending
on the shape of today's data files.
"""

from __future__ import annotations

import datetime
import json

import pytest

from generator.schemas import validate_document
from generator.yaml_source import read_yaml

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "all.schema.json",
    "type": "object",
    "properties": {
        "number": {"type": "number"},
        "whole": {"type": "integer"},
        "text": {"type": "string", "minLength": 1, "maxLength": 5},
        "flag": {"type": "boolean"},
        "list": {"type": "array", "minItems": 2, "uniqueItems": True},
        "choice": {"enum": ["a", "b"]},
        "fixed": {"const": "v1"},
        "share": {"type": "number", "minimum": 0, "maximum": 1},
        "step": {"type": "number", "multipleOf": 0.5},
        "id": {"type": "string", "pattern": "^[a-z]+$", "description": "lower case letters"},
        "day": {"type": "string", "format": "date"},
        "value": {"oneOf": [{"type": "number"}, {"type": "object", "required": ["default"]}]},
        "map": {"type": "object", "minProperties": 1},
        "pair": {"type": "object", "dependentRequired": {"min": ["max"]}},
        "other": {"not": {"type": "string"}},
    },
    "required": ["number"],
}

CASES = [
    ("number: lots", "number: must be a number; got the text \"lots\""),
    ('number: "12"', 'number: must be a number; got the text "12" (numbers are written without '
                     "quotes)"),
    ("number: .nan", "number: must be a finite number; got .nan"),
    ("number: -.inf", "number: must be a finite number; got -.inf"),
    ("number: 1\nwhole: 1.5", "whole: must be a whole number; got 1.5"),
    ("number: 1\ntext: ''", "text: must not be empty"),
    ("number: 1\ntext: abcdefg", "text: is 7 characters long; it must be at most 5"),
    ("number: 1\nflag: ~", "flag: must be true or false; got nothing (an empty value)"),
    ("number: 1\nlist: [1]", "list: holds 1 item(s); it must hold at least 2"),
    ("number: 1\nlist: [1, 1]", "list: holds the same item more than once"),
    ("number: 1\nchoice: c", 'choice: "c" is not one of "a", "b"'),
    ("number: 1\nfixed: v2", 'fixed: must be "v1"; got "v2"'),
    ("number: 1\nshare: 2", "share: must be at most 1; got 2"),
    ("number: 1\nshare: -1", "share: must be at least 0; got -1"),
    ("number: 1\nstep: 0.3", "step: must be a multiple of 0.5; got 0.3"),
    ("number: 1\nid: Abc", 'id: "Abc" does not have the required form: lower case letters'),
    ('number: 1\nday: "2026-02-30"', 'day: "2026-02-30" is not a date on the calendar '
                                     "(YYYY-MM-DD)"),
    ('number: 1\nday: "2026-06-02"', 'day: "2026-06-02" is after the build date (2026-06-01); a '
                                     "date here records something that has happened"),
    ("number: 1\nvalue: [1]", "value: must be a number or a map of fields; got a list"),
    ("number: 1\nvalue: {x: 1}", "value: the field 'default' is missing"),
    ("number: 1\nmap: {}", "map: holds 0 field(s); it must hold at least 1"),
    ("number: 1\npair: {min: 1}", "pair: 'min' needs 'max'"),
    ("number: 1\nother: x", 'other: "x" is not allowed here'),
    ("text: x", "the field 'number' is missing"),
    ("- 1", "must be a map of fields; got a list"),
]


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schemas")
    (folder / "all.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("text", "message"), CASES)
def test_each_keyword_has_a_plain_message(schema_dir, text, message):
    document, problems = read_yaml(text + "\n", "data/x.yml")
    assert problems == []
    found = validate_document(document, "all.schema.json", schema_dir,
                              today=datetime.date(2026, 6, 1))
    assert [f"{p.path}: {p.message}" if p.path else p.message for p in found] == [message]
