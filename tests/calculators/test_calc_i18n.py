"""The calculators in Simplified Chinese: the same numbers, every word in the reader's language."""

from __future__ import annotations

import copy
import re

import pytest
from calculators.errors import InvalidInput
from calculators.formatting import money
from calculators.i18n import LANGUAGES, WORDS, localized, say
from calculators.params import EXAMPLE_BUNDLE

import calculators
from calculators import report

ZH = {"Toys": "玩具", "Listing": "商品发布", "Self-operated": "自运营"}


def bilingual(bundle: dict) -> dict:
    """EXAMPLE_BUNDLE with its prose in both languages, as the site generator writes it."""
    bundle = copy.deepcopy(bundle)

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "unit", "title") and isinstance(value, str):
                    node[key] = {"en": value, "zh": ZH.get(value, "中文" + value)}
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(bundle)
    return bundle


BUNDLE = bilingual(EXAMPLE_BUNDLE)


def test_every_phrase_exists_in_every_language_with_the_same_blanks():
    blanks = {language: {key: set(re.findall(r"{(\w+)}", text))
                         for key, text in WORDS[language].items()} for language in LANGUAGES}
    assert blanks["zh"] == blanks["en"]


def test_the_numbers_do_not_depend_on_the_language():
    english = calculators.evaluate({"units_per_month": 120}, BUNDLE, "en")
    chinese = calculators.evaluate({"units_per_month": 120}, BUNDLE, "zh")
    assert english["modes"][0]["label"] == "Self-operated"
    assert chinese["modes"][0]["label"] == "自运营"
    for en_mode, zh_mode in zip(english["modes"], chinese["modes"], strict=True):
        assert en_mode["profit_after_effort"] == zh_mode["profit_after_effort"]
        assert [t["label"] for t in zh_mode["tasks"]] == ["商品发布"]
    assert chinese["recommended"]["mode"] == english["recommended"]["mode"]
    profit = money(english["modes"][0]["profit_after_effort"])
    assert english["recommended"]["reason"] == (
        f"Self-operated is the only mode compared ({profit} a month after effort).")
    assert chinese["recommended"]["reason"] == (
        f"只比较了自运营这一种模式（扣除工时后每月 {profit}）。")


def test_a_bundle_in_one_language_serves_both():
    assert calculators.evaluate({}, EXAMPLE_BUNDLE, "zh")["modes"][0]["label"] == "Self-operated"


@pytest.mark.parametrize(("scenario", "field", "message"), [
    ({"return_rate": 2}, "return_rate", "退货率（占收入比例）不能超过 1，你填的是 2。"),
    ({"cogs_cny": -1}, "cogs_cny", "每件货本（元）不能低于 0，你填的是 -1。"),
    ({"weight_kg": "abc"}, "weight_kg",
     '每件发货重量（公斤）要填 0.001 到 1,000 之间的数字，“abc”不是数字。'),
    ({"units_per_month": float("inf")}, "units_per_month",
     "每月销量（件）要填 0 到 10,000,000 之间的数字，不能是无穷大。"),
    ({"category": "shoes"}, "category", '没有 "shoes" 这个类目；请从这些类目中选择：toys。'),
    ({"colour": 1}, "colour", '计算器里没有叫 "colour" 的项（是不是拼错了？）；能读的项有：'),
    ({"format": "x"}, "format",
     '这不是本计算器的经营情况文件：它的 "format" 是 "x"，经营情况文件的应该是 '
     '"aliexpress-modes/scenario"。'),
    ({"format": "aliexpress-modes/parameters"}, "format",
     "这是网站的参数包（各项费率、费用和工时），不是你自己的经营情况文件。"),
    ({"format": "aliexpress-modes/result"}, "format", "这是计算器算出的结果，不是经营情况文件。"),
    ({"version": 1}, "version", "这份经营情况是按旧版计算器保存的（第 1 版）"),
    ({"version": 2.5}, "version", '"version" 应该是 2，不能是 2.5。'),
    ({"overrides": []}, "overrides",
     '"overrides" 里写你自己的数字，格式是 {"参数编号": 数字}，比如 '
     '{"self_operated.commission": 0.08}；这里却是一个列表。'),
    ({"overrides": {"nope": 1}}, "overrides.nope", '没有编号为 "nope" 的参数，所以无法改写。'),
    ({"overrides": {"self_operated.commission": 2}}, "overrides.self_operated.commission",
     "中文self_operated.commission（中文share of revenue）不能超过 1，你填的是 2。"),
])
def test_every_input_error_speaks_chinese(scenario, field, message):
    with pytest.raises(InvalidInput) as raised:
        calculators.evaluate(scenario, BUNDLE, "zh")
    problems = {p.field: p for p in raised.value.problems}
    assert problems[field].message.startswith(message)


def test_a_scenario_that_is_not_an_object_is_refused_in_chinese():
    with pytest.raises(InvalidInput) as raised:
        calculators.evaluate([1], BUNDLE, "zh")
    assert raised.value.problems[0].message == (
        "这不是本计算器的经营情况文件：经营情况文件是用大括号括起、逐项写明名称和数值的 JSON，比如 "
        '{"units_per_month": 300}，而这里是一个列表。')


def test_the_report_has_no_english_sentence_in_chinese():
    result = calculators.evaluate({"units_per_month": 100}, BUNDLE, "zh")
    html = report.render_html(result, language="zh")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "推荐：自运营。" in text and "自运营：数字是怎么来的" in text
    assert re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{3,})+", text) == []
    assert "小时" in text and " h " not in text
    csv_lines = calculators.export_csv(result, BUNDLE, "zh").splitlines()
    assert csv_lines[0] == "\ufeff模式,部分,项目,名称,计费方式,费率,数量,数值,单位"
    profit = f"{result['modes'][0]['profit']:.2f}"
    assert f"self_operated,summary,profit,利润,,,,{profit},元" in csv_lines
    english = calculators.export_csv(result, BUNDLE, "en").splitlines()
    assert csv_lines[1:] != english[1:]  # the words differ


def test_a_reason_for_each_outcome_in_chinese():
    a = {"id": "a", "label": "甲", "profit_after_effort": 100.0, "effort_hours": 5.0}
    b = {"id": "b", "label": "乙", "profit_after_effort": 50.0, "effort_hours": 5.0}
    c = {"id": "c", "label": "丙", "profit_after_effort": 100.0, "effort_hours": 5.0}
    loss = {**a, "profit_after_effort": -10.0}
    from calculators.recommend import recommend
    assert recommend([a, b], "zh")["reason"] == (
        "把你的时间也算进去，甲剩下的利润最多：每月 ¥100.00，比乙多 ¥50.00。")
    assert recommend([a, c], "zh")["reason"].endswith("按排列顺序显示前者。")
    assert recommend([loss], "zh")["reason"].startswith("把你的时间也算进去，没有一种模式赚钱")


def test_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown language 'fr'; choose one of: en, zh"):
        calculators.evaluate({}, BUNDLE, "fr")
    assert say("en", "with_unit", label="Weight", unit="kg") == "Weight (kg)"
    assert localized({"en": "A", "zh": "甲"}, "zh") == "甲" and localized(3, "zh") == "3"


def test_a_bundle_text_must_give_both_languages():
    broken = copy.deepcopy(BUNDLE)
    broken["categories"][0]["label"] = {"en": "Toys"}
    with pytest.raises(calculators.InvalidParameters) as raised:
        calculators.evaluate({}, broken)
    assert raised.value.problems[0].field == "categories[0].label"
