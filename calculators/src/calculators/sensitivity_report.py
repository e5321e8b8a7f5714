"""HTML for "what would change the recommendation": the verdict, the nearest flips in words,
and a tornado chart of the recommended mode's lead over the runner-up with its table.

The chart is SVG (attributes only, no inline styles, so a strict CSP allows it) and hidden from
assistive technology: the table after it holds the same numbers as text.
"""

from __future__ import annotations

from html import escape

from .formatting import money
from .i18n import say
from .words import quantity

TORNADO_ROWS = 10  # the subjects that move the lead most
_CHART = {"width": 640, "label": 250, "row": 24, "top": 8, "pad": 10}
COLUMNS = ("col_figure", "col_today", "col_range", "col_lead_low", "col_lead_high",
           "col_changes")


def render_verdict(result: dict, language: str = "en") -> list[str]:
    """The verdict and the nearest flips, right under the recommendation."""
    analysis = result["sensitivity"]
    if analysis is None:  # the page asks for it after showing the main result
        return [f'<div class="amc-sensitivity" data-state="pending">'
                f'<p>{escape(say(language, "pending"))}</p></div>']
    rows = {row["id"]: row for row in analysis["subjects"]}
    lines = ['<div class="amc-sensitivity" data-state="ready">',
             f'<p class="amc-verdict">{escape(analysis["verdict"])}</p>']
    if analysis["nearest_flips"]:
        lines.append(f'<p class="amc-flips-intro">{escape(say(language, "flips_intro"))}</p>')
        lines.append('<ol class="amc-flips">')
        lines += [f'<li data-field="{escape(rows[i]["id"])}">'
                  f'{escape(rows[i]["flip"]["sentence"])}</li>' for i in analysis["nearest_flips"]]
        lines.append("</ol>")
    lines.append("</div>")
    return lines


def _top(analysis: dict) -> list[dict]:
    rows = [row for row in analysis["subjects"] if row["lead_low"] is not None]
    rows.sort(key=lambda row: -abs(row["lead_high"] - row["lead_low"]))
    return rows[:TORNADO_ROWS]


def render_sensitivity(result: dict, language: str = "en") -> list[str]:
    """The tornado chart and its table, folded under the side-by-side table."""
    analysis = result["sensitivity"]
    def t(key: str, **values: object) -> str:
        return say(language, key, **values)

    if analysis is None:  # in its place until the page has it, so nothing below it moves
        return [] if len(result["modes"]) < 2 else [
            '<details class="amc-tornado" data-state="pending">',
            f"<summary>{escape(t('tornado'))}</summary>", f"<p>{escape(t('pending'))}</p>",
            "</details>"]
    if analysis["lead"] is None:
        return []
    rows = _top(analysis)
    labels = {mode["id"]: mode["label"] for mode in result["modes"]}
    best = labels[analysis["mode"]]
    lines = ['<details class="amc-tornado">', f"<summary>{escape(t('tornado'))}</summary>"]
    lines += _chart(rows, analysis["lead"])
    caption = t("tornado_caption", best=best, count=len(rows))
    lines += ['<div class="amc-table-wrap">', '<table class="amc-tornado-table">',
              f"<caption>{escape(caption)}</caption>",
              "<thead><tr>" + "".join(f'<th scope="col">{escape(t(name))}</th>'
                                      for name in COLUMNS) + "</tr></thead>", "<tbody>"]
    for row in rows:
        flip = row["flip"]
        changes = t("never") if flip is None else t(
            "flip_cell", direction=t(flip["direction"]),
            value=quantity(flip["value"], row["unit"]), mode=labels[flip["to"]])
        span = t("span", low=quantity(row["low"], row["unit"]),
                 high=quantity(row["high"], row["unit"]))
        cells = (quantity(row["value"], row["unit"]), span, money(row["lead_low"]),
                 money(row["lead_high"]), changes)
        lines.append(f'<tr data-field="{escape(row["id"])}"><th scope="row">'
                     f'{escape(row["label"])}</th>'
                     + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div>", "</details>"]
    return lines


def _chart(rows: list[dict], lead: float) -> list[str]:
    """Horizontal bars from the lead at the low end to the lead at the high end."""
    c = _CHART
    values = [lead, 0.0] + [v for row in rows for v in (row["lead_low"], row["lead_high"])]
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    plot = c["width"] - c["label"] - 2 * c["pad"]

    def x(value: float) -> float:
        return round(c["label"] + c["pad"] + (value - lo) / span * plot, 1)

    height = c["top"] * 2 + c["row"] * len(rows)
    lines = [f'<svg class="amc-tornado-chart" viewBox="0 0 {c["width"]} {height}" '
             'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">']
    for k, row in enumerate(rows):
        y = c["top"] + k * c["row"]
        left, right = sorted((x(row["lead_low"]), x(row["lead_high"])))
        rising = row["lead_high"] >= row["lead_low"]
        lines.append(f'<text class="amc-tornado-label" x="{c["label"]}" y="{y + 16}" '
                     f'text-anchor="end">{escape(row["label"][:40])}</text>')
        lines.append(f'<rect class="amc-tornado-bar amc-tornado-{"up" if rising else "down"}" '
                     f'x="{left}" y="{y + 4}" width="{max(right - left, 1.0)}" '
                     f'height="{c["row"] - 8}"></rect>')
    lines.append(f'<line class="amc-tornado-today" x1="{x(lead)}" x2="{x(lead)}" y1="0" '
                 f'y2="{height}"></line>')
    lines.append(f'<line class="amc-tornado-zero" x1="{x(0.0)}" x2="{x(0.0)}" y1="0" '
                 f'y2="{height}"></line>')
    lines.append("</svg>")
    return lines
