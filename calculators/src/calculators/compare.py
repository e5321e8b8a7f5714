"""Two scenarios side by side: what changed in the inputs, in each mode and in the recommendation.

The merchant pins a base scenario and changes inputs; ``compare`` takes both results of
``evaluate`` and says, per mode, how each key figure moved, and whether the recommended mode
changed. ``render_comparison_html`` shows it (every text escaped; hooks start ``amc-cmp-``).
"""

from __future__ import annotations

from html import escape

from .formatting import MINUS, NONE, hours, money, number, percent
from .i18n import localized, say
from .inputs import INPUTS

# (result field, formatter) of the figures compared, in order; each field's label is its word
# in i18n (the report's own).
COMPARED = (
    ("profit_after_effort", money),
    ("profit", money),
    ("revenue", money),
    ("effort_hours", hours),
    ("margin", percent),
)
_LABELS = {field.name: field.label for field in INPUTS}


def _change(base: float | None, current: float | None) -> float | None:
    return None if base is None or current is None else current - base


def compare(base: dict, current: dict) -> dict:
    """The differences from ``base`` to ``current`` (two results of ``evaluate``).

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> diff = compare(evaluate({"units_per_month": 100}, EXAMPLE_BUNDLE),
    ...                evaluate({"units_per_month": 150}, EXAMPLE_BUNDLE))
    >>> diff["inputs"], diff["modes"][0]["figures"]["revenue"]["change"]
    ([{'field': 'units_per_month', 'base': 100.0, 'current': 150.0}], 5400.0)
    >>> diff["recommended"]
    {'base': 'self_operated', 'current': 'self_operated', 'changed': False}
    """
    inputs = [{"field": name, "base": base["scenario"][name], "current": value}
              for name, value in current["scenario"].items()
              if name not in ("format", "version") and base["scenario"].get(name) != value]
    base_modes = {mode["id"]: mode for mode in base["modes"]}
    modes = []
    for mode in current["modes"]:
        before = base_modes[mode["id"]]
        modes.append({"id": mode["id"], "label": mode["label"], "figures": {
            field: {"base": before[field], "current": mode[field],
                    "change": _change(before[field], mode[field])}
            for field, _ in COMPARED}})
    was, now = base["recommended"]["mode"], current["recommended"]["mode"]
    return {"inputs": inputs, "modes": modes,
            "recommended": {"base": was, "current": now, "changed": was != now}}


def _signed(show, change: float | None) -> str:
    """A change with its sign: +¥5.00, −¥5.00, or ±¥0.00 when it rounds to nothing.

    >>> _signed(money, 5), _signed(money, -5), _signed(money, 0.001), _signed(money, None)
    ('+¥5.00', '−¥5.00', '±¥0.00', '—')
    """
    if change is None:
        return NONE
    text = show(change)
    if text == show(0.0):
        return "±" + text
    return text if text.startswith(MINUS) else "+" + text


def _shown(value: object) -> str:
    if isinstance(value, float):
        return number(value)
    if isinstance(value, dict):
        return ", ".join(f"{key} = {number(v)}" for key, v in sorted(value.items())) or NONE
    return str(value)


def render_comparison_html(comparison: dict, base_name: str, language: str = "en") -> str:
    """The comparison as HTML in ``language``: recommendation line, changed inputs, one column
    per mode.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> same = evaluate({}, EXAMPLE_BUNDLE)
    >>> html = render_comparison_html(compare(same, same), "Base")
    >>> '<p class="amc-cmp-recommendation">The recommendation is unchanged' in html
    True
    >>> '<caption>和基准相比，每月的变化</caption>' in render_comparison_html(
    ...     compare(same, same), "基准", "zh")
    True
    """
    def t(key: str, **values: object) -> str:
        return escape(say(language, key, **values))

    def in_language(formatter):
        return (lambda value: hours(value, language)) if formatter is hours else formatter

    labels = {mode["id"]: mode["label"] for mode in comparison["modes"]}
    rec = comparison["recommended"]
    if rec["changed"]:
        line = t("cmp_changed", base=labels[rec["base"]], name=base_name,
                 current=labels[rec["current"]])
    else:
        line = t("cmp_unchanged", current=labels[rec["current"]])
    lines = ['<div class="amc-cmp" data-changed="' + ("true" if rec["changed"] else "false")
             + '">', f'<p class="amc-cmp-recommendation">{line}</p>']
    if comparison["inputs"]:
        items = "".join(
            f'<li data-field="{escape(item["field"])}">'
            f'{escape(localized(_LABELS.get(item["field"], item["field"]), language))}: '
            f'{escape(_shown(item["base"]))} → {escape(_shown(item["current"]))}</li>'
            for item in comparison["inputs"])
        lines.append(f'<ul class="amc-cmp-inputs">{items}</ul>')
    else:
        lines.append(f'<p class="amc-cmp-inputs">{t("cmp_same_inputs", name=base_name)}</p>')
    head = "".join(f'<th scope="col" data-mode="{escape(mode["id"])}">{escape(mode["label"])}'
                   "</th>" for mode in comparison["modes"])
    lines += ['<div class="amc-table-wrap"><table class="amc-cmp-table">',
              f'<caption>{t("cmp_caption", name=base_name)}</caption>',
              f'<thead><tr><th scope="col">{t("per_month")}</th>{head}</tr></thead><tbody>']
    for field, formatter in COMPARED:
        show = in_language(formatter)
        cells = "".join(
            f'<td data-mode="{escape(mode["id"])}" data-field="{field}">'
            f'{escape(show(mode["figures"][field]["current"]))} '
            f'<span class="amc-cmp-change">'
            f'({escape(_signed(show, mode["figures"][field]["change"]))})'
            "</span></td>"
            for mode in comparison["modes"])
        lines.append(f'<tr data-field="{field}"><th scope="row">{t(field)}</th>{cells}</tr>')
    lines += ["</tbody></table></div>", "</div>"]
    return "\n".join(lines)
