"""Which pages cite each source: the Sources page lists them, so a reader can go from a source
to every claim that rests on it, and a contributor can see what a source change touches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import Mode, SiteData, Source
from generator.text import Text

METHODOLOGY = Text("Methodology", "计算方法")


@dataclass(frozen=True)
class CitingPage:
    path: str  # the page's path in the site, e.g. "modes/semi-managed.md"
    title: Text


def _mode_sources(mode: Mode) -> Iterator[Source | None]:
    yield from mode.summary_sources
    for step in mode.steps:
        yield from step.sources
    for items in (mode.advantages, mode.drawbacks, mode.suits, mode.does_not_suit):
        for item in items:
            yield from item.sources
    for fact in mode.facts:
        yield from fact.sources
    yield mode.responsibilities_provenance.source
    yield mode.delivery_provenance.source
    for figure in mode.settings:
        yield figure.provenance.source
    for cost in mode.costs:
        yield cost.figure.provenance.source


def _pages(site: SiteData) -> Iterator[tuple[CitingPage, Iterator[Source | None]]]:
    for mode in site.modes:
        yield CitingPage(f"modes/{mode.slug}.md", mode.name), _mode_sources(mode)
    for page in site.pages.values():
        yield CitingPage(f"{page.name}.md", page.title), (
            source for section in page.sections for source in section.sources)
    yield CitingPage("methodology.md", METHODOLOGY), iter(
        [site.capital_cost_rate.provenance.source]
        + [task.hours.provenance.source for task in site.tasks])


def cited_on(site: SiteData) -> dict[str, tuple[CitingPage, ...]]:
    """Source id -> the pages citing it, in navigation order; sources nobody cites map to ()."""
    citing: dict[str, list[CitingPage]] = {source_id: [] for source_id in site.sources}
    for page, sources in _pages(site):
        for source_id in dict.fromkeys(s.id for s in sources if s is not None):
            citing[source_id].append(page)
    return {source_id: tuple(pages) for source_id, pages in citing.items()}


def last_data_review(site: SiteData) -> str:
    """The newest date anyone checked a source, a fact or a figure: the last data review."""
    dates = [source.checked for source in site.sources.values()]
    dates += [site.capital_cost_rate.provenance.checked]
    dates += [task.hours.provenance.checked for task in site.tasks]
    for mode in site.modes:
        dates += [fact.checked for fact in mode.facts]
        dates += [mode.responsibilities_provenance.checked, mode.delivery_provenance.checked]
        dates += [figure.provenance.checked for figure in mode.settings]
        dates += [cost.figure.provenance.checked for cost in mode.costs]
    return max(dates)
