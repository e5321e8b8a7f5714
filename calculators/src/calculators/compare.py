"""Two scenarios side by side: what changed in the inputs, in each mode and in the recommendation.

The merchant pins a base scenario and changes inputs; ``compare`` takes both results of
``evaluate`` and says, per mode, how each key figure moved, and whether the recommended mode
changed. ``render_comparison_html`` shows it (every text escaped; hooks start ``amc-cmp-``).
"""

from __future__ import annotations

from html import escape

from .formatting import MINUS, NONE, hours, money, number, percent
from .inputs import INPUTS

# (result field, label, formatter) of the figures compared, in order.
COMPARED = (
    ("profit_after_effort", "Profit after your time", money),
    ("profit", "Profit", money),
    ("revenue", "Revenue", money),
    ("effort_hours", "Your hours", hours),
    ("margin", "Margin", percent),
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
            for field, _, _ in COMPARED}})
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


def render_comparison_html(comparison: dict, base_name: str) -> str:
    """The comparison as HTML: recommendation line, changed inputs, one column per mode.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> same = evaluate({}, EXAMPLE_BUNDLE)
    >>> html = render_comparison_html(compare(same, same), "Base")
    >>> '<p class="amc-cmp-recommendation">The recommendation is unchanged' in html
    True
    """
    labels = {mode["id"]: mode["label"] for mode in comparison["modes"]}
    rec = comparison["recommended"]
    if rec["changed"]:
        line = (f"The recommendation changes from {labels[rec['base']]} (in {base_name}) to "
                f"{labels[rec['current']]}.")
    else:
        line = f"The recommendation is unchanged: {labels[rec['current']]}."
    lines = ['<div class="amc-cmp" data-changed="' + ("true" if rec["changed"] else "false")
             + '">', f'<p class="amc-cmp-recommendation">{escape(line)}</p>']
    if comparison["inputs"]:
        items = "".join(
            f'<li data-field="{escape(item["field"])}">'
            f'{escape(_LABELS.get(item["field"], item["field"]))}: {escape(_shown(item["base"]))}'
            f" → {escape(_shown(item['current']))}</li>" for item in comparison["inputs"])
        lines.append(f'<ul class="amc-cmp-inputs">{items}</ul>')
    else:
        lines.append(f'<p class="amc-cmp-inputs">Same inputs as {escape(base_name)}.</p>')
    head = "".join(f'<th scope="col" data-mode="{escape(mode["id"])}">{escape(mode["label"])}'
                   "</th>" for mode in comparison["modes"])
    lines += ['<div class="amc-table-wrap"><table class="amc-cmp-table">',
              f"<caption>Change from {escape(base_name)}, per month</caption>",
              f'<thead><tr><th scope="col">Per month</th>{head}</tr></thead><tbody>']
    for field, label, show in COMPARED:
        cells = "".join(
            f'<td data-mode="{escape(mode["id"])}" data-field="{field}">'
            f'{escape(show(mode["figures"][field]["current"]))} '
            f'<span class="amc-cmp-change">'
            f'({escape(_signed(show, mode["figures"][field]["change"]))})</span></td>'
            for mode in comparison["modes"])
        lines.append(f'<tr data-field="{field}"><th scope="row">{label}</th>{cells}</tr>')
    lines += ["</tbody></table></div>", "</div>"]
    return "\n".join(lines)
