"""calculators.bridge: the browser worker's protocol, checked in CPython (Pyodide runs the same
module; tests/browser checks the live page against these functions' output)."""

import json

from calculators.bridge import Session, single_block

import calculators
from calculators import report


def ask(session: Session, raw=None, overrides=None, modes=None) -> dict:
    request = {"raw": raw or {}, "overrides": overrides or {}, "modes": modes}
    return json.loads(session.handle(json.dumps(request)))


def test_untouched_form_gives_the_default_result_html_and_csv(bundle):
    session = Session(json.dumps(bundle))
    expected = calculators.evaluate(calculators.default_scenario(bundle), bundle)
    answer = ask(session)
    assert answer["ok"] is True
    assert json.loads(answer["json"]) == expected
    assert answer["json"] == json.dumps(expected, sort_keys=True, ensure_ascii=False,
                                        allow_nan=False)
    assert answer["html"] == single_block(report.render_html(expected))
    assert answer["csv"] == report.to_csv(expected)


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
    answer = ask(Session(json.dumps(bundle)), raw={"retail_price_usd": "12,5"})
    assert answer["ok"] is False
    [problem] = answer["problems"]
    assert problem["field"] == "retail_price_usd"
    assert problem["message"]


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
