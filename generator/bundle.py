"""The calculators' parameter bundle (format "aliexpress-modes/parameters", version 1).

Written from the validated data, so the browser and the build-time prerender compute with exactly
the figures the guide pages show. See docs/reference/formats.md for the format.
"""

from __future__ import annotations

import json

from generator.model import CategoryValues, Figure, Provenance, SiteData

FORMAT = "aliexpress-modes/parameters"
VERSION = 1
# The bundle's own words, for parameters whose data gives no label.
BUNDLE_WORDS = {
    "en": {"hours": "{task}: hours", "share": "{task}: merchant's share ({mode})",
           "share_unit": "merchant's share of the task", "demand_multiplier": "Demand multiplier",
           "return_loss_share": "Return loss share", "capital_cost_rate": "Cost of capital"},
    "zh": {"hours": "{task}：工时", "share": "{task}：商家承担的比例（{mode}）",
           "share_unit": "商家承担的工作比例", "demand_multiplier": "销量倍数",
           "return_loss_share": "退货损失比例", "capital_cost_rate": "资金成本"},
}


def _source(provenance: Provenance, language: str) -> dict | None:
    source = provenance.source
    if source is None:
        return None
    return {"id": source.id, "title": source.title[language], "url": source.url}


def _value(value: float | CategoryValues) -> float | dict:
    if isinstance(value, CategoryValues):
        return {"default": value.default, "by_category": dict(value.by_category)}
    return value


def _param(param_id: str, label: str, figure: Figure, language: str) -> dict:
    provenance = figure.provenance
    return {
        "id": param_id,
        "label": figure.label[language] if figure.label else label,
        "unit": figure.unit[language],
        "value": _value(figure.value),
        "source": _source(provenance, language),
        "checked": provenance.checked,
        "confidence": provenance.confidence,
    }


def build_bundle(site: SiteData, language: str = "en") -> dict:
    """The parameter bundle as plain JSON-ready data, its words in `language`."""
    words = BUNDLE_WORDS[language]
    tasks = [
        {"id": task.id, "label": task.label[language], "driver": task.driver,
         "hours": _param(f"task.{task.id}.hours", words["hours"].format(task=task.label[language]),
                         task.hours, language)}
        for task in site.tasks
    ]
    modes = []
    for mode in site.modes:
        shares_provenance = mode.responsibilities_provenance
        modes.append({
            "id": mode.id,
            "label": mode.name[language],
            "demand_multiplier": _param(f"{mode.id}.demand_multiplier",
                                        words["demand_multiplier"], mode.demand_multiplier,
                                        language),
            "return_loss_share": _param(f"{mode.id}.return_loss_share",
                                        words["return_loss_share"], mode.return_loss_share,
                                        language),
            "components": [
                {**_param(f"{mode.id}.{c.id}", c.label[language], c.figure, language),
                 "kind": c.kind, "basis": c.basis}
                for c in mode.costs
            ],
            "task_shares": {
                task.id: {
                    "id": f"{mode.id}.share.{task.id}",
                    "label": words["share"].format(task=task.label[language],
                                                   mode=mode.name[language]),
                    "unit": words["share_unit"],
                    "value": mode.responsibilities[task.id].merchant_share,
                    "source": _source(shares_provenance, language),
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
        "categories": [{"id": c.id, "label": c.label[language]} for c in site.categories],
        "default_category": site.default_category,
        "capital_cost_rate": _param("capital_cost_rate", words["capital_cost_rate"],
                                    site.capital_cost_rate, language),
        "tasks": tasks,
        "modes": modes,
        # Starting points the calculator offers (data/presets.yml); the model ignores them.
        "presets": [
            {"id": p.id, "name": p.name.en, "description": p.description.en,
             "reason": p.reason.en, "scenario": dict(p.scenario)}
            for p in site.presets
        ],
    }


def bundle_json(bundle: dict) -> str:
    """Canonical JSON text: the same data always gives the same bytes, so a stable file hash."""
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)

