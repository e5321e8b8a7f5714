"""The chooser block: questions, how each answer leans and why, and the outcomes, as one HTML block.

Without JavaScript it reads as a list: every question with its answers, the points each answer
gives each mode and the guide's point behind it. docs/assets/calculator/chooser.js turns it into
a form: once every question is answered it shows the outcome that ``calculators.chooser``
worked out for those answers (the answer table in the block), the reasons, and a link to the
calculator with the matching preset. Links are written for a page at ``base`` from the site
root ("" for the home page, "../" for /chooser/), since raw HTML links are not rewritten by MkDocs.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode

from calculators.chooser import answer_table

from calculators import default_scenario
from generator.model import Chooser, Preset, SiteData

# The block's own words, per language (the questions, answers and reasons come from data/).
WORDS = {
    "en": {"advantages": "advantages", "drawbacks": "drawbacks", "suits": "who it suits",
           "does_not_suit": "who it does not suit", "no_lean": "Leans to no mode.",
           "leans": "Leans: {parts}.", "separator": ", ", "why": "Why:",
           "open": "Open the calculator with the “{name}” numbers: {description}",
           "catalogue": "Or plan your whole catalogue across the modes.",
           "progress": "{missing} of {total} questions left: the answer appears once all are "
                       "answered."},
    "zh": {"advantages": "优点", "drawbacks": "缺点", "suits": "适合谁",
           "does_not_suit": "不适合谁", "no_lean": "不偏向任何模式。",
           "leans": "倾向：{parts}。", "separator": "，", "why": "理由：",
           "open": "用“{name}”的数字打开计算器：{description}",
           "catalogue": "或者，把整个商品目录按模式规划一遍。",
           "progress": "还剩 {missing} 个问题（共 {total} 个）：全部答完就会显示结果。"},
}


def preset_query(preset: Preset, bundle: dict) -> str:
    """The calculator's URL query for a preset: its values that differ from the defaults."""
    defaults = default_scenario(bundle)
    values = {name: value for name, value in preset.scenario.items()
              if defaults.get(name) != value}
    return urlencode({**{k: _plain(v) for k, v in values.items()}, "preset": preset.id})


def _plain(value: float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _leans(leans: dict[str, int], names: dict[str, str], words: dict[str, str]) -> str:
    parts = [f"{names[mode]} {'+' if points > 0 else '−'}{abs(points)}"
             for mode, points in leans.items() if points]
    if not parts:
        return words["no_lean"]
    return words["leans"].format(parts=words["separator"].join(parts))


# The last chooser's answer table as JSON. Every answer combination is worked out (the costliest
# part of the block), the same for both editions and for each page holding the block; the data
# is frozen, so the same chooser object has the same table.
_last_table: tuple[Chooser, str] | None = None


def _answer_json(chooser: Chooser) -> str:
    global _last_table
    if _last_table is None or _last_table[0] is not chooser:
        table = json.dumps(answer_table(chooser.as_plain()), separators=(",", ":"))
        table = table.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        _last_table = chooser, table
    return _last_table[1]


def render_chooser(site: SiteData, bundle: dict, base: str, language: str = "en") -> str:
    chooser = site.chooser
    words = WORDS[language]
    names = {mode.id: mode.name[language] for mode in site.modes}
    slugs = {mode.id: mode.slug for mode in site.modes}
    presets = {preset.id: preset for preset in site.presets}
    lines = ['<section class="amc-chooser" data-chooser="">',
             '<form class="amc-ch-form">']
    for q_index, question in enumerate(chooser.questions):
        lines.append(f'<fieldset class="amc-ch-question" data-question="{escape(question.id)}">')
        lines.append(f"<legend>{q_index + 1}. {escape(question.question[language])}</legend>")
        lines.append('<ul class="amc-ch-answers">')
        for a_index, answer in enumerate(question.answers):
            uid = f"amc-ch-{escape(question.id)}-{escape(answer.id)}"
            fact = answer.fact
            link = f"{base}modes/{slugs[fact.mode]}/"
            lines.append(
                f'<li data-answer="{a_index}"><label for="{uid}">'
                f'<input type="radio" id="{uid}" name="{escape(question.id)}" '
                f'value="{a_index}"> {escape(answer.label[language])}</label>'
                f' <span class="amc-ch-leans">{escape(_leans(answer.leans, names, words))}</span>'
                f' <span class="amc-ch-reason">{escape(answer.reason[language])}'
                f' <a href="{escape(link)}">{escape(names[fact.mode])}: '
                f"{escape(words[fact.list])}</a></span></li>")
        lines += ["</ul>", "</fieldset>"]
    lines.append("</form>")
    lines.append('<div class="amc-ch-result" role="status" aria-live="polite" '
                 f'data-progress="{escape(words["progress"])}" hidden>')
    lines.append('<p class="amc-ch-progress"></p>')
    for index, outcome in enumerate(chooser.outcomes):
        lines.append(f'<div class="amc-ch-outcome" data-outcome="{index}" hidden>'
                     f'<p><strong>{escape(outcome.summary[language])}</strong></p></div>')
    lines.append(f'<p class="amc-ch-why-title" hidden>{escape(words["why"])}</p>'
                 '<ul class="amc-ch-why"></ul>')
    lines.append('<p class="amc-ch-links">')
    for preset in presets.values():
        href = f"{base}calculator/?{preset_query(preset, bundle)}"
        lines.append(f'<a class="amc-ch-preset" data-preset="{escape(preset.id)}" '
                     f'href="{escape(href)}" hidden>'
                     + escape(words["open"].format(name=preset.name[language],
                                                   description=preset.description[language]))
                     + "</a>")
    lines.append(f'<a class="amc-ch-catalogue" href="{escape(base)}catalogue/">'
                 f'{escape(words["catalogue"])}</a>')
    lines.append("</p></div>")
    table = _answer_json(chooser)
    # In <template>, not <script type="application/json">: Material's instant navigation
    # re-creates every <script> of a new page as a plain script (type and class dropped).
    lines.append(f'<template class="amc-ch-table">{table}</template>')
    lines.append("</section>")
    return "\n".join(lines)
