"""The CSV and JSON exports: what they carry, rounding to cents, and golden files.

After an intended change to an export, regenerate the golden files with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/calculators/test_calc_export.py`
and review the diff.
"""

import csv
import hashlib
import io
import json
import os
import re

import pytest
from calculators.checks import check_number
from calculators.export import MONEY, data_version, rounded
from calculators_support import BUNDLE, FIXTURE_BUNDLE, ROOT
from hypothesis import given, settings
from test_calc_properties import scenarios

from calculators import (
    INPUTS,
    MODEL_VERSION,
    evaluate,
    export_csv,
    export_json,
    export_record,
)

GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "exports"
# A scenario with an override and numbers whose results carry float noise in full precision.
SCENARIO = {"category": "apparel", "retail_price_usd": 12.35, "fx_cny_per_usd": 7.13,
            "units_per_month": 317, "units_per_order": 1.3, "cogs_cny": 23.8,
            "return_rate": 0.045, "overrides": {"semi_managed.commission": 0.075}}


def rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")  # the byte order mark Excel and WPS need for UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_matches_golden_file(kind, language):
    write = {"csv": export_csv, "json": export_json}[kind]
    text = write(evaluate(SCENARIO, BUNDLE, language), BUNDLE, language)
    expected = GOLDEN / f"export.{language}.{kind}"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, encoding="utf-8", newline="")
    assert text == expected.read_text("utf-8")


def test_the_csv_carries_versions_inputs_overrides_and_the_recommendation():
    result = evaluate(SCENARIO, BUNDLE)
    table = rows(export_csv(result, BUNDLE))
    about = {row["item"]: row["value"] for row in table if row["section"] == "about"}
    canonical = json.dumps(json.loads(FIXTURE_BUNDLE.read_text("utf-8")), ensure_ascii=False,
                           sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    assert about == {"model_version": str(MODEL_VERSION), "data_version": digest,
                     "data_checked": max(re.findall(r'"checked": "([0-9-]+)"',
                                                    FIXTURE_BUNDLE.read_text("utf-8")))}
    inputs = {row["item"]: row for row in table if row["section"] == "input"}
    assert list(inputs) == [field.name for field in INPUTS]
    assert inputs["retail_price_usd"]["value"] == "12.35"
    assert inputs["retail_price_usd"]["unit"] == "USD"
    assert inputs["category"]["value"] == "apparel"
    assert inputs["supply_price_cny"]["value"] == ""  # left empty: derived, and it says so
    assert "worked out" in inputs["supply_price_cny"]["basis"]
    overrides = [row for row in table if row["section"] == "override"]
    assert [(row["item"], row["value"], row["label"]) for row in overrides] == [
        ("semi_managed.commission", "0.075", "Commission")]
    recommended = [row for row in table if row["section"] == "recommendation"]
    assert recommended[0]["mode"] == result["recommended"]["mode"]
    assert recommended[0]["label"] == result["recommended"]["reason"]
    assert recommended[1]["label"] == result["sensitivity"]["verdict"]


def test_the_csv_has_one_row_per_mode_per_line_item(bundle, scenario):
    table = rows(export_csv(evaluate(scenario, bundle), bundle))
    per_mode = [row for row in table if row["section"] in ("summary", "component", "task")]
    # per mode: 18 summary rows + its components + 6 tasks
    assert len(per_mode) == (18 + 6 + 6) + (18 + 7 + 6) + (18 + 8 + 6)
    shipping = next(row for row in table if row["item"] == "self_operated.shipping")
    assert shipping == {"mode": "self_operated", "section": "component",
                        "item": "self_operated.shipping", "label": "International shipping",
                        "basis": "per_kg", "rate": "60.0", "quantity": "",
                        "value": "3000.00", "unit": "CNY"}  # 60 * 0.5 * 100
    never = next(row for row in table
                 if row["mode"] == "self_operated" and row["item"] == "break_even_units")
    assert never["value"] == ""  # none
    service = next(row for row in table
                   if row["mode"] == "semi_managed" and row["item"] == "task.customer_service")
    # 0.5 * 0.05 * 1.1 * 100 / 2 hours: 1.3750000000000002 in full precision
    assert (service["rate"], service["quantity"], service["value"]) == ("0.05", "55.0", "1.375")


def test_money_is_rounded_to_cents_and_float_noise_is_gone():
    result = evaluate(SCENARIO, BUNDLE)
    noisy = [mode["revenue"] for mode in result["modes"]]
    assert any(len(repr(value).split(".")[1]) > 2 for value in noisy)  # the case to fix
    record = export_record(result, BUNDLE)
    assert [mode["revenue"] for mode in record["modes"]] == [rounded(v, 2) for v in noisy]
    text = export_json(result, BUNDLE)
    assert re.findall(r"\d\.\d{7,}", text) == []  # noise such as 110.00000000000001
    for row in rows(export_csv(result, BUNDLE)):
        if row["section"] not in ("input", "override") and row["unit"] == "CNY" and row["value"]:
            assert re.fullmatch(r"-?\d+\.\d\d", row["value"]), row


def test_rounding_is_half_away_from_zero_as_written():
    assert [rounded(x, 2) for x in (0.125, 2.675, -2.675, 1.005, -0.001)] == [
        0.13, 2.68, -2.68, 1.01, 0.0]
    assert repr(rounded(-0.001, 2)) == "0.0"  # never "-0.0"
    assert rounded(4077.2160000000003, 2) == 4077.22
    assert rounded(123.456789, 4) == 123.4568


def test_the_json_export_reads_back_as_the_same_scenario():
    result = evaluate(SCENARIO, BUNDLE, "zh")
    record = json.loads(export_json(result, BUNDLE, "zh"))
    assert evaluate(record["scenario"], BUNDLE, "zh") == result
    assert record["format"] == "aliexpress-modes/export" and record["version"] == 1
    assert record["model_version"] == MODEL_VERSION == 2
    assert record["data_version"] == data_version(BUNDLE)
    # The fixture's commission: 0.05 by default, 0.06 for home and garden; named in Chinese.
    assert record["overrides"] == [{"id": "semi_managed.commission", "label": "佣金",
                                    "unit": "占收入比例", "value": 0.075, "data_value": 0.05}]
    assert record["recommended"]["reason"] == result["recommended"]["reason"]


@settings(max_examples=150, deadline=None)
@given(scenarios)
def test_every_money_figure_of_any_export_is_in_cents(scenario):
    result = evaluate(scenario, BUNDLE)
    record = export_record(result, BUNDLE)
    for ours, theirs in zip(record["modes"], result["modes"], strict=True):
        for key in MONEY & set(theirs):
            value, exact = ours[key], theirs[key]
            if exact is None:
                assert value is None
                continue
            assert value == rounded(exact, 2) and abs(value - exact) <= 0.005 + abs(exact) * 1e-15
            if abs(value) < 1e15:
                assert round(value, 2) == value, (key, value)
    for row in rows(export_csv(result, BUNDLE)):
        if row["section"] not in ("input", "override") and row["unit"] == "CNY" and row["value"]:
            assert re.fullmatch(r"-?\d+\.\d\d", row["value"]), row


def test_a_result_without_sensitivity_exports_without_a_verdict():
    result = evaluate(SCENARIO, BUNDLE, sensitivity=False)
    table = rows(export_csv(result, BUNDLE))
    chosen = [row["item"] for row in table if row["section"] == "recommendation"]
    assert chosen == ["recommended"]
    assert export_record(result, BUNDLE)["sensitivity"] is None


def test_a_message_shows_unprintable_text_escaped():
    problems = []
    check_number("a\nb", "x", "X", 0, 1, problems)
    assert problems[0].message == 'X must be a number from 0 to 1; "a\\nb" is not a number.'


# The Latin words a Chinese reader meets in the platform's own Chinese terms.
PLATFORM_LATIN = {"SKU", "JIT", "ERP", "POP", "Choice", "Temu"}


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+(?:[ '’-][A-Za-z]+)*", text)) - PLATFORM_LATIN


def test_a_chinese_export_names_everything_in_chinese():
    """Names, units, the recommendation and the verdict of a Chinese export are Chinese: the
    bundle names each figure and mode in both languages, and the export takes the reader's."""
    result = evaluate(SCENARIO, BUNDLE, "zh")
    for row in rows(export_csv(result, BUNDLE, "zh")):
        # 计费方式 holds a component's basis code (per_unit), the same in every language.
        shown = [row["名称"], row["单位"]] + ([row["计费方式"]] if row["部分"] == "input" else [])
        assert not english_words(" ".join(shown)), row
    record = json.loads(export_json(result, BUNDLE, "zh"))
    prose = []

    def collect(node, key=None):
        if isinstance(node, dict):
            for name, value in node.items():
                collect(value, name)
        elif isinstance(node, list):
            for value in node:
                collect(value, key)
        elif key in ("label", "unit", "reason", "verdict", "sentence") and isinstance(node, str):
            prose.append(node)
    collect(record)
    assert "全托管" in prose and any("佣金" in text for text in prose)
    assert not english_words(" ".join(prose)), [text for text in prose if english_words(text)]
