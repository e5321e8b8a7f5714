"""How fresh the figures are: each `checked` date, where it is written, and which are too old."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from generator.model import GuidePage, Mode, Provenance, SiteData


@dataclass(frozen=True, order=True)
class StaleFigure:
    where: str  # file:line of the `checked` date
    checked: str
    field: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: checked {self.checked}"


def mode_provenances(mode: Mode) -> Iterator[tuple[str, Provenance]]:
    """Every dated fact in a mode's file, with the field it belongs to."""
    yield "responsibilities", mode.responsibilities_provenance
    yield "delivery_days", mode.delivery_provenance
    yield "demand_multiplier", mode.demand_multiplier.provenance
    yield "return_loss_share", mode.return_loss_share.provenance
    if mode.supply_price_ratio is not None:
        yield "supply_price_ratio", mode.supply_price_ratio.provenance
    yield "stock_days", mode.stock_days.provenance
    yield "payout_days", mode.payout_days.provenance
    yield "unsold_share", mode.unsold_share.provenance
    for index, cost in enumerate(mode.costs):
        yield f"costs[{index}]", cost.figure.provenance


def site_provenances(site: SiteData) -> Iterator[tuple[str, Provenance]]:
    """Every dated fact in data/."""
    yield "capital_cost_rate", site.capital_cost_rate.provenance
    for index, task in enumerate(site.tasks):
        yield f"tasks[{index}].hours", task.hours.provenance
    for mode in site.modes:
        yield from mode_provenances(mode)


def last_reviewed(mode: Mode) -> str:
    """The newest `checked` date in a mode's file: when its data was last reviewed."""
    dates = [provenance.checked for _, provenance in mode_provenances(mode)]
    return max(dates + [fact.checked for fact in mode.facts])


def page_last_reviewed(page: GuidePage) -> str | None:
    """The newest `checked` date of the sources a guide page cites (None if it cites none)."""
    return max((source.checked for section in page.sections for source in section.sources),
               default=None)


def months_before(today: date, months: int) -> date:
    """The same day ``months`` months earlier, or that month's last day if it is shorter."""
    year, month_index = divmod(today.year * 12 + today.month - 1 - months, 12)
    month = month_index + 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def stale_figures(site: SiteData, today: date, max_age_months: int) -> list[StaleFigure]:
    """Every figure whose `checked` date is more than ``max_age_months`` before ``today``."""
    cutoff = months_before(today, max_age_months).isoformat()
    return sorted(
        StaleFigure(provenance.where, provenance.checked, field)
        for field, provenance in site_provenances(site)
        if provenance.checked < cutoff
    )
