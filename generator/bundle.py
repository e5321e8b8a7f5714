"""The calculators' parameter bundle (format "aliexpress-modes/parameters", version 2).

Written from the validated data, so the browser and the build-time prerender compute with exactly
the figures the guide pages show. See docs/reference/formats.md for the format.
"""

from __future__ import annotations

from calculators.params import canonical_json

from generator.model import CategoryValues, Figure, Mode, Provenance, SiteData
from generator.text import LANGUAGES, Text

FORMAT = "aliexpress-modes/parameters"
VERSION = 2
# The bundle's own words, for parameters whose data gives no label.
BUNDLE_WORDS = {
    "en": {"hours": "{task}: hours", "share": "{task}: merchant's share ({mode})",
           "share_unit": "merchant's share of the task", "demand_multiplier": "Demand multiplier",
           "return_loss_share": "Return loss share", "capital_cost_rate": "Cost of capital",
           "supply_price_ratio": "Supply price ratio", "stock_days": "Stock days",
           "payout_days": "Payout days", "unsold_share": "Unsold share"},
    "zh": {"hours": "{task}：工时", "share": "{mode}：{task}由商家承担的比例",
           "share_unit": "商家承担的工作比例", "demand_multiplier": "销量倍数",
           "return_loss_share": "退货损失比例", "capital_cost_rate": "资金成本",
           "supply_price_ratio": "供货价占零售价比例", "stock_days": "备货天数",
           "payout_days": "回款天数", "unsold_share": "滞销报损比例"},
}


def _text(text: Text) -> dict:
    """Prose in both languages, as the bundle carries it: {"en": ..., "zh": ...}."""
    return {language: text[language] for language in LANGUAGES}


def _source(provenance: Provenance) -> dict | None:
    source = provenance.source
    if source is None:
        return None
    return {"id": source.id, "title": _text(source.title), "url": source.url}


def _value(value: float | CategoryValues) -> float | dict:
    if isinstance(value, CategoryValues):
        return {"default": value.default, "by_category": dict(value.by_category)}
    return value


def _param(param_id: str, label: Text, figure: Figure) -> dict:
    provenance = figure.provenance
    param = {
        "id": param_id,
        "label": _text(figure.label or label),
        "unit": _text(figure.unit),
        "value": _value(figure.value),
        "source": _source(provenance),
        "checked": provenance.checked,
        "confidence": provenance.confidence,
    }
    if figure.range is not None:
        span = figure.range
        param["range"] = {"low": span.low, "high": span.high, "reason": _text(span.reason)}
    return param


def _mode_figures(mode: Mode) -> dict:
    """The per-mode parameters besides components and task shares."""
    figures = {
        "demand_multiplier": mode.demand_multiplier,
        "return_loss_share": mode.return_loss_share,
        "supply_price_ratio": mode.supply_price_ratio,
        "stock_days": mode.stock_days,
        "payout_days": mode.payout_days,
        "unsold_share": mode.unsold_share,
    }
    return {role: _param(f"{mode.id}.{role}", _words(role), figure)
            for role, figure in figures.items() if figure is not None}


def _words(key: str, **texts: Text) -> Text:
    """One of BUNDLE_WORDS in both languages, filled with `texts` in the same language."""
    return Text(*(BUNDLE_WORDS[language][key].format(
        **{name: text[language] for name, text in texts.items()}) for language in LANGUAGES))


def build_bundle(site: SiteData) -> dict:
    """The parameter bundle as plain JSON-ready data; its prose in both languages."""
    tasks = [
        {"id": task.id, "label": _text(task.label), "driver": task.driver,
         "hours": _param(f"task.{task.id}.hours", _words("hours", task=task.label), task.hours)}
        for task in site.tasks
    ]
    modes = []
    for mode in site.modes:
        shares_provenance = mode.responsibilities_provenance
        modes.append({
            "id": mode.id,
            "label": _text(mode.name),
            **_mode_figures(mode),
            "components": [
                {**_param(f"{mode.id}.{c.id}", c.label, c.figure), "kind": c.kind,
                 "basis": c.basis}
                for c in mode.costs
            ],
            "task_shares": {
                task.id: {
                    "id": f"{mode.id}.share.{task.id}",
                    "label": _text(_words("share", task=task.label, mode=mode.name)),
                    "unit": _text(_words("share_unit")),
                    "value": mode.responsibilities[task.id].merchant_share,
                    "source": _source(shares_provenance),
                    "checked": shares_provenance.checked,
                    "confidence": shares_provenance.confidence,
                }
                for task in site.tasks
            },
        })
    return {
        "format": FORMAT,
        "version": VERSION,
        "currency": "CNY",
        "categories": [{"id": c.id, "label": _text(c.label)} for c in site.categories],
        "default_category": site.default_category,
        "capital_cost_rate": _param("capital_cost_rate", _words("capital_cost_rate"),
                                    site.capital_cost_rate),
        "tasks": tasks,
        "modes": modes,
        # Starting points the calculator offers (data/presets.yml); the model ignores them.
        "presets": [
            {"id": p.id, "name": _text(p.name), "description": _text(p.description),
             "reason": _text(p.reason), "scenario": dict(p.scenario)}
            for p in site.presets
        ],
    }


def bundle_json(bundle: dict) -> str:
    """Canonical JSON text: the same data always gives the same bytes, so a stable file hash
    (the calculators' own definition: an export's data version is that hash)."""
    return canonical_json(bundle)

