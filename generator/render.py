"""Render the validated data into Markdown pages with Jinja2.

Every `{{ … }}` must go through one of the safe_text filters (or be a number): the environment's
`finalize` refuses anything else, so a template cannot leak contributor text by forgetting one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from calculators.catalogue import COLUMNS as CATALOGUE_COLUMNS
from calculators.catalogue import MAX_PRODUCTS
from calculators.formatting import money, months
from calculators.ranges import SPREAD
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

import calculators
from generator.bundle import build_bundle
from generator.citations import cited_on, last_data_review
from generator.freshness import last_reviewed, page_last_reviewed
from generator.model import MODE_ORDER, CategoryValues, Figure, SiteData, mode_slug
from generator.safe_text import head_text, html_text, markdown_block, md_text
from generator.template_cache import use_bytecode_cache
from generator.text import LANGUAGES, Text, in_language
from generator.yaml_source import read_yaml

TEMPLATES = Path(__file__).resolve().parent / "templates"
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")

WORDS_FILE = TEMPLATES / "words.yml"


class MissingWords(ValueError):
    """words.yml lacks a language for an entry, or a template asks for an entry it lacks."""


@cache
def template_words() -> dict[str, Text]:
    """The templates' own words (words.yml), each in both languages."""
    document, problems = read_yaml(WORDS_FILE.read_text(encoding="utf-8"), WORDS_FILE.name)
    if problems or document is None:  # a duplicate key, say: never lose one entry silently
        raise MissingWords("; ".join(str(problem) for problem in problems))
    raw = document.data
    words = {}
    for key, entry in raw.items():
        missing = [lang for lang in LANGUAGES
                   if not isinstance(entry, dict) or not str(entry.get(lang) or "").strip()]
        if missing:
            raise MissingWords(f"{WORDS_FILE.name}: {key}: no {' or '.join(missing)} text")
        words[key] = Text(entry["en"], entry["zh"])
    return words


def words_in(language: str) -> Callable[..., Markup]:
    """`t("mode.delivery", min=5, max=10)`: an entry of words.yml in `language`, filled in."""
    words = template_words()

    def t(key: str, **values) -> Markup:
        if key not in words:
            raise MissingWords(f"{WORDS_FILE.name} has no entry '{key}'")
        return Markup(words[key][language]).format(**values) if values \
            else Markup(words[key][language])
    return t

# The order in which the About page counts sources by grade and figures by confidence.
GRADES = ("A", "B", "C", "D")
CONFIDENCES = ("sourced", "unverified", "assumption")

# A function that returns the calculator's HTML for the given modes, or None to leave it out.
CalculatorHtml = Callable[..., str]


class UnfilteredOutput(TypeError):
    """A template printed a value without passing it through a safe_text filter."""


def _finalize(value: object) -> object:
    if isinstance(value, Markup | int | float) and not isinstance(value, bool):
        return value
    raise UnfilteredOutput(
        f"template printed {value!r} unfiltered; use md_text, html_text, markdown or head")


def format_number(value: float) -> Markup:
    """1.5 -> '1.5', 10000 -> '10,000', 0.05 -> '0.05': no float noise."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return Markup(text)


def _figure_value(figure: Figure, site: SiteData, as_percent: bool = False,
                  language: str = "en") -> Markup:
    """A figure's value, per category where it varies, with category names as readers see them."""
    def show(number: float) -> Markup:
        return _percent(number) if as_percent else format_number(number)

    value = figure.value
    if isinstance(value, CategoryValues):
        t = words_in(language)
        labels = {category.id: category.label[language] for category in site.categories}
        parts = [t("value.default", value=show(value.default))]
        parts += [t("value.category", value=show(v), category=md_text(labels[k]))
                  for k, v in value.by_category.items()]
        return t("value.separator").join(parts)
    return show(value)


def _figure_range(figure: Figure, as_percent: bool = False, language: str = "en") -> Markup:
    """The figure's plausible range: its own, or the confidence rule's spread (methodology)."""
    t = words_in(language)
    span = figure.range
    if span is None:
        spread = SPREAD[figure.provenance.confidence] * 100
        return t("range.spread", share=format_number(spread))
    show = _percent if as_percent else format_number
    return t("range.between", low=show(span.low), high=show(span.high))


def _months(value: float | None, language: str) -> Markup:
    """A span in months (one decimal), in `language`; the no-value mark when there is none."""
    if value is None:
        return Markup(months(value))
    return words_in(language)("value.months", count=Markup(f"{value:,.1f}"))


def _percent(share: float) -> Markup:
    """0.08 -> '8%', 0.024 -> '2.4%'."""
    return Markup(f"{format_number(share * 100)}%")


def environment(language: str = "en", repo_url: str | None = None) -> Environment:
    """Templates for one language: the text filters print a data field in `language`; Markdown
    fields link the repository at `repo_url` (none: their ``repository:`` links stay text)."""
    def localized(function):
        return lambda value, *args: function(in_language(value, language), *args)

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md_text=localized(md_text),
        html_text=localized(html_text),
        markdown=localized(lambda text: markdown_block(text, repo_url)),
        # A double-quoted string, valid YAML front matter and a valid tab title.
        head=localized(lambda text: Markup(json.dumps(head_text(text), ensure_ascii=False))),
        # A Markdown autolink: the address shown as it is and linked.
        autolink=lambda url: Markup("<{}>").format(html_text(url)),
        number=format_number,
        figure_value=lambda figure, site, as_percent=False: _figure_value(
            figure, site, as_percent, language),
        figure_range=lambda figure, as_percent=False: _figure_range(figure, as_percent,
                                                                   language),
        percent=_percent,
        last_reviewed=last_reviewed,
        page_last_reviewed=page_last_reviewed,
        money=lambda value: Markup(money(value)),
        months=lambda value: _months(value, language),
    )
    words = template_words()

    def head_words(key: str, **values: object) -> Markup:
        """A words.yml entry for <head> (title, description): filled with raw text, then
        reduced to head_text; filling it as Markup first would leave escapes like &lt;."""
        text = words[key][language].format(**{k: in_language(v, language)
                                              for k, v in values.items()})
        return Markup(json.dumps(head_text(text), ensure_ascii=False))

    t = words_in(language)

    def counts(kind: str, labels: str):
        def show(pairs: list[tuple[str, int]]) -> Markup:
            return t("list.separator").join(
                t(f"count.{kind}", count=format_number(count), what=t(f"{labels}.{key}"))
                for key, count in pairs)
        return show

    env.globals.update(t=t, head_words=head_words, language=language,
                       grade_counts=counts("sources", "grade"),
                       confidence_counts=counts("figures", "confidence"))
    return use_bytecode_cache(env)


@dataclass(frozen=True)
class Page:
    """A generated page: its place in the site, its Markdown, the data files its facts come from
    (the first is the one its Edit button opens)."""

    path: str
    markdown: str
    data_files: tuple[str, ...]

    @property
    def edit_path(self) -> str:
        return self.data_files[0]


def generated_paths(data_dir: Path) -> list[str]:
    """The pages `render_pages` writes, known without loading data/ (for error pages)."""
    guides = sorted(f"{path.stem}.md" for path in (data_dir / "pages").glob("*.yml"))
    return [f"modes/{mode_slug(mode_id)}.md" for mode_id in MODE_ORDER] + [
        "compare.md", "calculator.md", "chooser.md", "catalogue.md", "glossary.md", *guides,
        "sources.md"]


def render_pages(site: SiteData, calculator: CalculatorHtml | None = None,
                 language: str = "en", chooser: Callable[[str], str] | None = None,
                 catalogue: Callable[[], str] | None = None,
                 repo_url: str | None = None) -> list[Page]:
    """Every generated page in `language`, in navigation order. ``calculator``, ``chooser``
    and ``catalogue`` write the interactive blocks (left out when None, as in the golden
    tests); `repo_url` is the repository's address, as a deploy sets it (REPO_URL), or None."""
    env = environment(language, repo_url)

    def calculator_block(modes: list[str]) -> Markup:
        return Markup(calculator(modes) if calculator else "")

    def chooser_block(base: str) -> Markup:
        return Markup(chooser(base) if chooser else "")

    def catalogue_block() -> Markup:
        return Markup(catalogue() if catalogue else "")

    bundle = build_bundle(site)
    defaults = calculators.evaluate(calculators.default_scenario(bundle), bundle,
                                    sensitivity=False)
    default_modes = {mode["id"]: mode for mode in defaults["modes"]}
    common = {"site": site, "calculator": calculator_block, "defaults": default_modes,
              "default_scenario": defaults["scenario"], "chooser": chooser_block,
              "catalogue": catalogue_block, "columns": CATALOGUE_COLUMNS,
              "max_products": MAX_PRODUCTS}
    def render(template: str, **context) -> str:
        text = env.get_template(template).render(**common, **context)
        return _EXTRA_BLANK_LINES.sub("\n\n", text)

    mode_files = tuple(mode.file for mode in site.modes)
    pages = [
        Page(f"modes/{mode.slug}.md", render("mode.md.j2", mode=mode),
             (mode.file, "data/tasks.yml"))
        for mode in site.modes
    ]
    pages.append(Page("compare.md", render("compare.md.j2"), (*mode_files, "data/tasks.yml")))
    pages.append(Page("calculator.md", render("calculator.md.j2"),
                      (*mode_files, "data/tasks.yml", "data/model.yml", "data/categories.yml")))
    pages.append(Page("chooser.md", render("chooser.md.j2"),
                      ("data/chooser.yml", "data/presets.yml", *mode_files)))
    pages.append(Page("catalogue.md", render("catalogue.md.j2"),
                      (*mode_files, "data/tasks.yml", "data/model.yml", "data/categories.yml")))
    pages.append(Page("glossary.md", render("glossary.md.j2"), ("data/glossary.yml",)))
    for page in site.pages.values():
        pages.append(Page(f"{page.name}.md", render("guide.md.j2", page=page,
                                                    review=data_review(site)),
                          (f"data/pages/{page.name}.yml",)))
    pages.append(Page("sources.md", render("sources.md.j2", citations=cited_on(site)),
                      ("data/sources.yml",)))
    return pages


@dataclass(frozen=True)
class DataReview:
    """What the About page says of the data: when it was last reviewed and how it is graded."""

    date: str
    sources: int
    grades: list[tuple[str, int]]  # (grade, number of sources), A to D
    costs: int
    confidences: list[tuple[str, int]]  # (confidence, number of cost figures)


def data_review(site: SiteData) -> DataReview:
    grades = [source.grade for source in site.sources.values()]
    confidences = [cost.figure.provenance.confidence for mode in site.modes for cost in mode.costs]
    return DataReview(
        date=last_data_review(site),
        sources=len(grades),
        grades=[(g, grades.count(g)) for g in GRADES if g in grades],
        costs=len(confidences),
        confidences=[(c, confidences.count(c)) for c in CONFIDENCES if c in confidences],
    )
