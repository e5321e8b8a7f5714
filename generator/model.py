"""Typed, validated site data: what the templates and the bundle read."""

from __future__ import annotations

from dataclasses import dataclass

from generator.text import Text

MODE_ORDER = ("fully_managed", "semi_managed", "self_operated")
# The guide pages written as data (data/pages/<name>.yml), in navigation order.
GUIDE_PAGES = ("combining", "faq", "about")


def mode_slug(mode_id: str) -> str:
    """`self_operated` -> `self-operated`: the data file name and the page name."""
    return mode_id.replace("_", "-")


# Grades a `sourced` figure may rest on: primary (A) and trade press (B).
FIRM_GRADES = ("A", "B")


@dataclass(frozen=True)
class Offline:
    """A source no address reaches: print or a screenshot, and where to see it."""

    kind: str  # print | screenshot
    where: Text


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    publisher: Text
    grade: str  # A primary, B trade press, C vendor or blog, D forum
    checked: str
    url: str | None = None
    offline: Offline | None = None
    published: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Provenance:
    checked: str
    confidence: str
    source: Source | None = None
    note: Text | None = None
    where: str = ""  # file:line of the `checked` date, for freshness warnings


@dataclass(frozen=True)
class CategoryValues:
    default: float
    by_category: dict[str, float]


@dataclass(frozen=True)
class Range:
    """A figure's plausible range (low <= every value <= high) and why."""

    low: float
    high: float
    reason: Text


@dataclass(frozen=True)
class Figure:
    value: float | CategoryValues
    unit: Text
    provenance: Provenance
    label: Text | None = None
    range: Range | None = None


@dataclass(frozen=True)
class Category:
    id: str
    label: Text


@dataclass(frozen=True)
class Task:
    id: str
    label: Text
    description: Text
    driver: str
    hours: Figure


@dataclass(frozen=True)
class Responsibility:
    who: str  # merchant | platform | shared | none
    share: float | None = None

    @property
    def merchant_share(self) -> float:
        """The share of the task's hours that fall on the merchant."""
        return {"merchant": 1.0, "platform": 0.0, "none": 0.0}.get(self.who, self.share or 0.0)


@dataclass(frozen=True)
class Component:
    id: str
    label: Text
    kind: str
    basis: str
    figure: Figure


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Step:
    id: str
    title: Text
    text: Text
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Fact:
    """Something a merchant acts on (a date, a rule, a payout time, a penalty), with sources."""

    id: str
    title: Text
    text: Text
    sources: tuple[Source, ...]
    checked: str


@dataclass(frozen=True)
class Mode:
    id: str
    file: str
    name: Text
    tagline: Text
    summary: Text  # Markdown
    summary_sources: tuple[Source, ...]
    steps: tuple[Step, ...]
    advantages: tuple[Item, ...]
    drawbacks: tuple[Item, ...]
    suits: tuple[Item, ...]
    does_not_suit: tuple[Item, ...]
    responsibilities: dict[str, Responsibility]
    responsibilities_provenance: Provenance
    delivery_days: tuple[int, int]
    delivery_provenance: Provenance
    demand_multiplier: Figure
    return_loss_share: Figure
    stock_days: Figure
    payout_days: Figure
    unsold_share: Figure
    costs: tuple[Component, ...]
    facts: tuple[Fact, ...]
    supply_price_ratio: Figure | None = None  # fully managed alone is paid by supply price

    @property
    def settings(self) -> tuple[Figure, ...]:
        """The mode's model settings besides its costs, in the parameter bundle's order."""
        figures = (self.demand_multiplier, self.return_loss_share, self.supply_price_ratio,
                   self.stock_days, self.payout_days, self.unsold_share)
        return tuple(figure for figure in figures if figure is not None)

    @property
    def slug(self) -> str:
        return mode_slug(self.id)


@dataclass(frozen=True)
class Preset:
    """A named starting scenario for the calculator (data/presets.yml)."""

    id: str
    name: Text
    description: Text
    reason: Text
    confidence: str
    source: Source | None
    scenario: dict[str, float | str]  # calculator inputs, checked by the calculators package


@dataclass(frozen=True)
class GuidePoint:
    """A point of a mode's guide: mode id, list (advantages, drawbacks, suits, does_not_suit)."""

    mode: str
    list: str
    item: Item


@dataclass(frozen=True)
class ChooserAnswer:
    id: str
    label: Text
    leans: dict[str, int]
    reason: Text
    fact: GuidePoint
    preset: str | None


@dataclass(frozen=True)
class ChooserQuestion:
    id: str
    question: Text
    answers: tuple[ChooserAnswer, ...]


@dataclass(frozen=True)
class ChooserOutcome:
    modes: tuple[str, ...]
    preset: str
    summary: Text


@dataclass(frozen=True)
class Chooser:
    """The 60-second chooser (data/chooser.yml); calculators.chooser scores it."""

    combine_within: int
    questions: tuple[ChooserQuestion, ...]
    outcomes: tuple[ChooserOutcome, ...]

    def as_plain(self) -> dict:
        """The plain data calculators.chooser reads."""
        return {
            "modes": list(MODE_ORDER),
            "combine_within": self.combine_within,
            "questions": [{"id": q.id, "answers": [
                {"id": a.id, "leans": dict(a.leans), "preset": a.preset} for a in q.answers]}
                for q in self.questions],
            "outcomes": [{"modes": list(o.modes), "preset": o.preset} for o in self.outcomes],
        }


@dataclass(frozen=True)
class PageLink:
    page: str  # a path in the site, e.g. "modes/semi-managed.md#history"
    label: Text


@dataclass(frozen=True)
class PageSection:
    id: str
    title: Text
    text: Text  # Markdown
    sources: tuple[Source, ...]
    see: tuple[PageLink, ...]


@dataclass(frozen=True)
class GuidePage:
    """A page written as data: data/pages/<name>.yml becomes <name>.md."""

    name: str
    title: Text
    description: Text
    intro: Text  # Markdown
    sections: tuple[PageSection, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str  # the Chinese term, as merchants meet it
    also: tuple[str, ...]  # other forms on Chinese pages, e.g. POP
    english: str  # the English word the site uses
    definition: Text
    source: Source | None = None

    def words(self, language: str) -> tuple[str, ...]:
        """The forms of the term a page in `language` uses."""
        return (self.english,) if language == "en" else (self.term, *self.also)


@dataclass(frozen=True)
class SiteData:
    sources: dict[str, Source]
    categories: tuple[Category, ...]
    default_category: str
    capital_cost_rate: Figure
    tasks: tuple[Task, ...]
    modes: tuple[Mode, ...]
    pages: dict[str, GuidePage]  # by name, in GUIDE_PAGES order
    glossary: tuple[GlossaryTerm, ...] = ()
    presets: tuple[Preset, ...] = ()
    chooser: Chooser | None = None
