"""The calculators' parameter bundle (format "aliexpress-modes/parameters", version 1).

Written from the validated data, so the browser and the build-time prerender compute with exactly
the figures the guide pages show. See docs/reference/formats.md for the format.
"""

from __future__ import annotations

import json

from generator.model import CategoryValues, Figure, Provenance, SiteData

FORMAT = "aliexpress-modes/parameters"
VERSION = 1
SHARE_UNIT = "merchant's share of the task"


def _source(provenance: Provenance) -> dict | None:
    source = provenance.source
    if source is None:
        return None
    return {"id": source.id, "title": source.title.en, "url": source.url}


def _value(value: float | CategoryValues) -> float | dict:
    if isinstance(value, CategoryValues):
        return {"default": value.default, "by_category": dict(value.by_category)}
    return value


def _param(param_id: str, label: str, figure: Figure) -> dict:
    provenance = figure.provenance
    return {
        "id": param_id,
        "label": figure.label.en if figure.label else label,
        "unit": figure.unit.en,
        "value": _value(figure.value),
        "source": _source(provenance),
        "checked": provenance.checked,
        "confidence": provenance.confidence,
    }


def build_bundle(site: SiteData) -> dict:
    """The parameter bundle as plain JSON-ready data."""
    tasks = [
        {"id": task.id, "label": task.label.en, "driver": task.driver,
         "hours": _param(f"task.{task.id}.hours", f"{task.label.en}: hours", task.hours)}
        for task in site.tasks
    ]
    modes = []
    for mode in site.modes:
        shares_provenance = mode.responsibilities_provenance
        modes.append({
            "id": mode.id,
            "label": mode.name.en,
            "demand_multiplier": _param(
                f"{mode.id}.demand_multiplier", "Demand multiplier", mode.demand_multiplier),
            "return_loss_share": _param(
                f"{mode.id}.return_loss_share", "Return loss share", mode.return_loss_share),
            "components": [
                {**_param(f"{mode.id}.{c.id}", c.label.en, c.figure), "kind": c.kind,
                 "basis": c.basis}
                for c in mode.costs
            ],
            "task_shares": {
                task.id: {
                    "id": f"{mode.id}.share.{task.id}",
                    "label": f"{task.label.en}: merchant's share ({mode.name.en})",
                    "unit": SHARE_UNIT,
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
        "categories": [{"id": c.id, "label": c.label.en} for c in site.categories],
        "default_category": site.default_category,
        "capital_cost_rate": _param(
            "capital_cost_rate", "Cost of capital", site.capital_cost_rate),
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

