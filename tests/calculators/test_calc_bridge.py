"""calculators.bridge: the browser worker's protocol, checked in CPython (Pyodide runs the same
module; tests/browser checks the live page against these functions' output)."""

import json

import pytest
from calculators.bridge import Session, single_block

import calculators
from calculators import report


def ask(session: Session, raw=None, overrides=None, modes=None) -> dict:
    request = {"raw": raw or {}, "overrides": overrides or {}, "modes": modes}
    return json.loads(session.handle(json.dumps(request)))


def test_untouched_form_gives_the_default_result_and_html(bundle):
    session = Session(json.dumps(bundle))
    expected = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    answer = ask(session)
    assert answer["ok"] is True
    assert json.loads(answer["json"]) == expected
    assert answer["json"] == json.dumps(expected, sort_keys=True, ensure_ascii=False,
                                        allow_nan=False)
    assert answer["html"] == single_block(report.render_html(expected))
    assert "csv" not in answer and "export" not in answer  # exports are made when asked for


def test_an_export_is_made_on_request_for_the_forms_values(bundle):
    session = Session(json.dumps(bundle))
    form = {"raw": {"units_per_month": "250"}, "overrides": {"capital_cost_rate": "0,1"},
            "language": "zh"}
    expected = calculators.evaluate(session.scenario(form["raw"], form["overrides"]), bundle,
                                    "zh")
    for kind, write in (("csv", calculators.export_csv), ("json", calculators.export_json)):
        answer = json.loads(session.export(json.dumps({**form, "format": kind})))
        assert answer == {"ok": True, "export": write(expected, bundle, "zh")}
    record = json.loads(answer["export"])
    assert record["scenario"]["units_per_month"] == 250.0
    assert record["scenario"]["overrides"] == {"capital_cost_rate": 0.1}
    invalid = json.loads(session.export(json.dumps({**form, "raw": {"units_per_month": "-1"},
                                                    "format": "csv"})))
    assert invalid["ok"] is False and invalid["problems"][0]["code"] == "below_minimum"


def test_form_text_becomes_numbers_text_fields_stay_text_and_overrides_merge(bundle):
    session = Session(json.dumps(bundle))
    param_id = calculators.parameter_index(bundle)[0]["id"]
    scenario = session.scenario({"units_per_month": " 250 ", "category": "toys"},
                                {param_id: "0.25"})
    assert scenario["units_per_month"] == 250.0
    assert scenario["category"] == "toys"
    assert scenario["overrides"] == {param_id: 0.25}
    assert session.default["overrides"] == {}  # the session's default is never mutated


def test_text_that_is_not_a_number_gets_the_models_message(bundle):
    # "1,000" could be a thousand or one: refused with a message, never guessed.
    answer = ask(Session(json.dumps(bundle)), raw={"retail_price_usd": "1,000"})
    assert answer["ok"] is False
    assert answer["problems"] == [{
        "field": "retail_price_usd", "code": "ambiguous_comma",
        "message": "Retail price (USD): “1,000” could be a whole number or a decimal. Write 1000 "
                   "for the whole number, or use a point for a decimal (1.000)."}]


@pytest.mark.parametrize(("raw", "code", "message"), [
    ("", "empty", "Units sold per month is empty: enter a number from 0 to 10,000,000."),
    ("  ", "empty", "Units sold per month is empty: enter a number from 0 to 10,000,000."),
    ("-5", "below_minimum", "Units sold per month must be 0 or more, not -5."),
    ("-5,5", "below_minimum", "Units sold per month must be 0 or more, not -5.5."),
    ("1,000,000", "thousands_commas", "Units sold per month: write 1000000, without commas."),
    ("lots", "not_a_number",
     "Units sold per month must be a number from 0 to 10,000,000; “lots” is not a number."),
])
def test_form_messages_are_plain_words_never_python_values(bundle, raw, code, message):
    answer = ask(Session(json.dumps(bundle)), raw={"units_per_month": raw})
    assert answer["problems"] == [{"field": "units_per_month", "code": code, "message": message}]
    assert "got" not in message and ".0" not in message and '""' not in message


def test_form_messages_in_chinese(bundle):
    session = Session(json.dumps(bundle))
    cases = {"": "每月销量（件）还没填，请填 0 到 10,000,000 之间的数字。",
             "-5": "每月销量（件）不能低于 0，你填的是 -5。",
             "1,000": "每月销量（件）填的 “1,000” 分不清是整数还是小数：整数请去掉逗号，写成 1000；"
                      "小数请用小数点，写成 1.000。"}
    for raw, message in cases.items():
        request = {"raw": {"units_per_month": raw}, "overrides": {}, "modes": None,
                   "language": "zh"}
        [problem] = json.loads(session.handle(json.dumps(request)))["problems"]
        assert problem["message"] == message


def test_a_decimal_comma_is_a_decimal_point(bundle):
    answer = ask(Session(json.dumps(bundle)), raw={"retail_price_usd": "12,5"})
    assert answer["ok"] is True
    assert json.loads(answer["json"])["scenario"]["retail_price_usd"] == 12.5


def test_modes_restrict_the_html_columns(bundle):
    session = Session(json.dumps(bundle))
    one = ask(session, modes=["self_operated"])
    result = json.loads(one["json"])
    assert one["html"] == single_block(report.render_html(result, modes=["self_operated"]))
    assert one["html"] != ask(session)["html"]


def test_single_block_drops_only_blank_lines():
    assert single_block("<p>a</p>\n\n  \n<p>b</p>\n") == "<p>a</p>\n<p>b</p>"


def test_an_empty_supply_price_is_left_to_the_model(bundle):
    session = Session(json.dumps(bundle))
    assert session.scenario({"supply_price_cny": " "}, {})["supply_price_cny"] is None
    assert session.scenario({"supply_price_cny": "42.5"}, {})["supply_price_cny"] == 42.5


@pytest.mark.parametrize("modes", [None, ["fully_managed"], ["semi_managed", "self_operated"]])
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("units", ["3", "400", "20000"])
def test_the_full_answer_is_the_full_result_serialised_and_rendered_again(bundle, modes,
                                                                          language, units):
    # The bridge fills the first answer in (the sensitivity spliced into its JSON, the pending
    # parts of its HTML replaced) rather than serialising and rendering everything twice.
    session = Session(json.dumps(bundle))
    request = {"raw": {"units_per_month": units}, "overrides": {}, "modes": modes,
               "language": language, "compare_url": "../compare/"}
    answers = [json.loads(a) for a in session.stages(json.dumps(request)) if a is not None]
    first, full = answers[0], answers[-1]
    expected = calculators.evaluate(session.scenario(request["raw"], {}), bundle, language)
    assert full["json"] == json.dumps(expected, sort_keys=True, ensure_ascii=False,
                                      allow_nan=False)
    assert full["html"] == single_block(report.render_html(
        expected, modes=modes, language=language, compare_url="../compare/"))
    assert full["html"] != first["html"] and 'data-state="pending"' not in full["html"]
    assert full["sensitivity_html"].startswith('<div class="amc-sensitivity" data-state="ready">')
    lines = full["html"].split("\n")
    assert all(line in lines for line in full["sensitivity_html"].split("\n"))  # the parts
