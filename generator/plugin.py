"""MkDocs plugin: add the generated pages, fill generated tables, rebuild when data/ changes.

One build per language (Material's advice: each has its own theme language and search index).
The English build is the site root; after it, the plugin builds each translation's config
(`translations: {zh: mkdocs.zh.yml}`) into <site_dir>/<language>/, with the same data folder
and settings, so `mkdocs build` and `mkdocs serve` make and reload both. Only the root build
writes the calculators' runtime: both languages load the same files from the site root.

Around that it makes builds fit to publish: dates from the commit (reproducible), a staging
folder that replaces site/ only after a build succeeded (atomic), edit links to the data files,
warnings for old figures, and, under `mkdocs serve`, data errors shown in the browser.
"""

from __future__ import annotations

import html
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from generator import site_dir
from generator.bundle import build_bundle
from generator.calculator_slots import CalculatorSlots, MissingBlock
from generator.commit_date import use_commit_date
from generator.csp import write_csp
from generator.errors import DataErrors
from generator.freshness import stale_figures
from generator.glossary_links import link_first_uses
from generator.hreflang import alternates
from generator.jieba_state import jieba_as_before
from generator.language_parts import CHINESE_LANG, mark_chinese, mark_chinese_again
from generator.load import load_data
from generator.model import SiteData
from generator.not_found import not_found_texts
from generator.notices import NOTICES
from generator.reference import UnknownMarker, fill_markers
from generator.render import generated_paths, render_pages
from generator.search_entry_cache import reuse_search_entries
from generator.serve_watch import poll_faster
from generator.template_cache import cache_every_theme_env, use_bytecode_cache
from generator.text import LANGUAGES
from generator.theme_listing import list_installed_once

PLUGIN_NAME = "aliexpress-modes"
# Pages besides modes/* whose first use of each glossary term links to the glossary.
TERM_LINKED_PAGES = {"index.md", "compare.md", "calculator.md", "faq.md", "combining.md"}
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
# "The facts on this page come from <files>.", under pages built from several data files.
FACTS_FROM = {"en": "The facts on this page come from {files}.", "zh": "本页数据来自 {files}。"}


class ModesPluginConfig(Config):
    data_dir = config_options.Type(str, default="data")
    calculators = config_options.Type(bool, default=True)
    # Edit buttons open repo_url + edit_uri + the data file (or docs/ page) a page comes from.
    repo_url = config_options.Optional(config_options.URL())
    edit_uri = config_options.Type(str, default="edit/main/")
    # A figure whose `checked` date is older than this gets a warning (not a strict failure).
    stale_after_months = config_options.Type(int, default=12)
    # The language this build renders; the root build is English.
    language = config_options.Choice(LANGUAGES, default=LANGUAGES[0])
    # Language -> its MkDocs config (relative to this one), built into <site_dir>/<language>/.
    translations = config_options.Type(dict, default={})


class ModesPlugin(BasePlugin[ModesPluginConfig]):
    def on_startup(self, *, command, dirty):
        # `mkdocs serve` injects an inline live-reload script the build cannot hash; a shipped
        # policy would block it. Built sites (build, gh-deploy) get the policy.
        self.command, self.dirty = command, dirty
        self.staging: Path | None = None
        self.failed = False

    def on_config(self, config):
        self.config_dir = Path(config.config_file_path).parent
        self.data_dir = self.config_dir / self.config.data_dir
        if not self._is_translation():
            # Kept apart from self.config: MkDocs reuses this plugin instance for the translations'
            # builds, so after the first build (when on_serve runs) self.config is the last
            # translation's, whose `translations` is empty.
            self.translation_files = [self.config_dir / path
                                      for path in self.config.translations.values()]
        self.data_files: dict[str, tuple[str, ...]] = {}
        self.errors: DataErrors | None = None
        # The output's dates come from the commit; the check that no `checked` date lies in the
        # future uses the real day then, or a contributor's uncommitted edit of today would fail.
        from_commit = use_commit_date(self.config_dir)
        self.validation_day = datetime.now(UTC).date() if from_commit else None
        # `mkdocs serve` points site_url at its own address (also under `serve --clean`,
        # which starts plugins as for a build).
        command = getattr(self, "command", None)
        address = f"{config.dev_addr.host}:{config.dev_addr.port}"
        self.serving = command == "serve" or bool(
            config.site_url and urlsplit(config.site_url).netloc == address)
        if command == "build" and not getattr(self, "dirty", False) and not self.serving \
                and not self._is_translation():  # a translation builds inside the staged site
            self.target = Path(config.site_dir)
            self.staging = site_dir.staging_dir(self.target)
            config.site_dir = str(self.staging)
        self._anchor_search_dictionary(config)
        # The language switcher's template (overrides/), ahead of Material's own: added here, not
        # as theme.custom_dir, so configs that INHERIT mkdocs.yml from elsewhere still find it.
        config.theme.dirs.insert(0, str(OVERRIDES))
        list_installed_once(config.theme)  # Material's 14,500 files: listed once per process
        cache_every_theme_env(config.theme)  # search's own environments, compiled once too
        return config

    def _anchor_search_dictionary(self, config) -> None:
        """Material's search reads `jieba_dict_user` relative to the working directory; make it
        relative to the config file, so a build started from anywhere finds it."""
        for name, plugin in config.plugins.items():
            user_dict = getattr(plugin.config, "jieba_dict_user", None) \
                if name.endswith("search") else None
            if user_dict and not Path(user_dict).is_absolute():
                plugin.config.jieba_dict_user = str(self.config_dir / user_dict)

    def _load(self) -> tuple[SiteData | None, dict | None, DataErrors | None]:
        """The site's data, its bundle, and the data errors shown instead under `mkdocs serve`."""
        try:
            site = load_data(self.data_dir, today=self.validation_day)
        except DataErrors as errors:
            if self.serving:  # show them in the browser; raising would leave it waiting
                NOTICES.error(str(errors))
                return None, None, errors
            # PluginError ends the build with exit status 1 and this message, no traceback.
            raise PluginError(str(errors)) from None
        stale = stale_figures(site, date.today(), self.config.stale_after_months)
        if stale and not self._is_translation():  # one warning, not one per language
            NOTICES.warning(
                f"{len(stale)} figures were checked more than {self.config.stale_after_months} "
                "months ago; check them again and update `checked` (this does not fail the "
                "build):\n  " + "\n  ".join(str(figure) for figure in stale))
        return site, build_bundle(site), None

    def on_files(self, files: Files, config) -> Files:
        # A translation uses the data its root build loaded: the same files, read and checked once.
        shared, self.shared_data = getattr(self, "shared_data", None), None
        self.site, self.bundle, self.errors = shared or self._load()
        if self.serving:  # rebuilds in one process: unchanged pages keep their search entries
            reuse_search_entries(config.plugins)
        self.slots = CalculatorSlots()
        if self.errors:
            for path in generated_paths(self.data_dir):
                files.append(File.generated(config, path, content="# Data errors\n"))
            return files
        calculator = None
        if self.config.calculators:
            from generator.calculator_html import render_calculator, starts_at_once

            def calculator(modes: list[str]) -> str:
                return self.slots.placeholder(render_calculator(
                    self.bundle, modes=modes, page_url="", language=self.config.language),
                    starts_at_once=starts_at_once(modes))

        chooser = catalogue = None
        language = self.config.language
        if self.config.calculators:
            from generator.catalogue_html import render_catalogue
            from generator.chooser_html import render_chooser

            def chooser(base: str) -> str:
                return render_chooser(self.site, self.bundle, base, language)

            # From the page (catalogue/, or zh/catalogue/) to the site's root.
            root = "../../" if self._is_translation() else "../"

            def catalogue() -> str:
                return render_catalogue(self.bundle, root, language)

        self.blocks = {"chooser": chooser("") if chooser else ""}
        for page in render_pages(self.site, calculator, language=language, chooser=chooser,
                                 catalogue=catalogue, repo_url=self.config.repo_url):
            files.append(File.generated(config, page.path, content=page.markdown))
            self.data_files[page.path] = page.data_files
        return files

    def on_env(self, env, config, files):
        # Material's templates, compiled once and kept in build/ for every later build.
        return use_bytecode_cache(env)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.errors:
            return _error_page(self.errors)
        try:
            language = self.config.language
            markdown = fill_markers(markdown, self.bundle, language, self.blocks)
        except UnknownMarker as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        sources = self.data_files.get(page.file.src_uri, ())
        if len(sources) > 1 and self.config.repo_url:
            links = ", ".join(f"[`{path}`]({self._edit_url(path)})" for path in sources)
            markdown += "\n\n---\n\n" + FACTS_FROM[self.config.language].format(files=links) + "\n"
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        """Guide pages link the first use of each glossary term to the glossary."""
        src = page.file.src_uri
        if self.errors or not (src.startswith("modes/") or src in TERM_LINKED_PAGES):
            return html
        glossary = files.get_file_from_path("glossary.md")
        url = get_relative_url(glossary.url, page.url)
        language = self.config.language
        terms = [(term.id, term.words(language)) for term in self.site.glossary]
        return link_first_uses(html, terms, url)

    @event_priority(100)  # before other plugins' post-processing: they see the whole page
    def on_post_page(self, output: str, page, config) -> str:
        """Calculator blocks go into the finished page (generator/calculator_slots.py); on an
        English page, its Chinese words are marked as Chinese (generator/language_parts.py)."""
        try:
            return self._mark_languages(self.slots.fill(output))
        except MissingBlock as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return self._mark_languages(output) if template_name.endswith(".html") else output

    def _mark_languages(self, html: str) -> str:
        if self.config.language == CHINESE_LANG:
            return html
        # Under `mkdocs serve`, a page that came out as before is marked as before.
        return mark_chinese_again(html) if self.serving else mark_chinese(html)

    def on_page_context(self, context, page, config, nav):
        # This page in each edition, for <head> (overrides/main.html).
        context["hreflang_alternates"] = alternates(
            page.url, config.extra.get("alternate", []), config.site_url)
        # The calculator page starts Python from <head>, before the page and its scripts have
        # loaded (overrides/partials/early-runtime.html).
        if not self.errors and self.slots.starts_at_once(page.content or ""):
            from generator.calculator_html import runtime_attributes

            context["early_runtime"] = runtime_attributes(self.bundle)
        if self.config.repo_url:
            docs = "docs/" if not self._is_translation() else f"docs/{self.config.language}/"
            sources = self.data_files.get(page.file.src_uri, (docs + page.file.src_uri,))
            page.edit_url = self._edit_url(sources[0])
        return context

    def on_template_context(self, context, template_name, config):
        if template_name == "404.html":  # overrides/404.html: both languages, this one first
            if not config.site_url and self._is_translation():
                # MkDocs takes an error page's root from site_url, else '/': the site's root,
                # not this edition's, whose 404 page lives in /<language>/.
                context["base_url"] = f"/{self.config.language}"
            context["not_found_texts"] = not_found_texts(
                context["base_url"], config.extra.get("alternate", []), self.config.language)
        return context

    def _edit_url(self, path: str) -> str:
        """The repository's edit page for a file of the repository."""
        return f"{self.config.repo_url.rstrip('/')}/{self.config.edit_uri.strip('/')}/{path}"

    def on_serve(self, server, config, builder):
        poll_faster(server)  # generator/serve_watch.py: 0.1 s between looks, not 0.5 s
        server.watch(str(self.data_dir))
        for path in self._translation_configs():
            server.watch(str(path))
        return server

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config):
        site = Path(config.site_dir)
        # Decided now: the translations' builds below may reuse this plugin instance.
        ships_runtime = self.config.calculators and not self._is_translation() and not self.errors
        if ships_runtime:
            from generator.browser_assets import write_assets
            from generator.catalogue_html import write_templates
            from generator.worker_bundle import write_worker_bundle

            write_assets(site, self.bundle, config)
            write_worker_bundle(site)  # one request to start the worker, not two round trips
            write_templates(site, self.bundle)
        if not self.serving:
            write_csp(site)
        for language, path in self.config.translations.items():
            self._build_translation(language, self.config_dir / path, config)
        if ships_runtime:
            from generator.service_worker import write_service_worker

            # Last, after the translations: its version is a hash of everything written before
            # it, both languages' pages with their CSP included.
            write_service_worker(site)

    def on_build_error(self, error):
        self.failed = True

    def on_shutdown(self) -> None:
        # MkDocs' strict check runs after on_post_build, so only here is the build known good.
        if getattr(self, "staging", None) is None:
            return
        if self.failed:
            site_dir.discard(self.staging)
        else:
            site_dir.publish(self.staging, self.target)
        self.staging = None

    def _is_translation(self) -> bool:
        return self.config.language != LANGUAGES[0]

    def _translation_configs(self) -> list[Path]:
        paths = getattr(self, "translation_files", [])
        return paths + [Path(load_config(str(p)).docs_dir) for p in paths]

    def _build_translation(self, language: str, path: Path, config) -> None:
        """Build `path` into <site_dir>/<language>/ with this build's data and settings."""
        if not path.is_file():
            raise PluginError(f"translations: {language}: no config file at {path}")
        site_url = urljoin(config.site_url, f"{language}/") if config.site_url else None
        # MkDocs may give this very instance the translation's plugin config (it reuses plugin
        # instances): read the root build's settings before loading it.
        root = self.config
        translated = load_config(str(path), site_dir=str(Path(config.site_dir) / language),
                                 strict=config.strict, site_url=site_url)
        plugin = translated.plugins.get(PLUGIN_NAME)
        if plugin is None or plugin.config.language != language:
            raise PluginError(f"{path.name}: needs the {PLUGIN_NAME} plugin with "
                              f"language: {language}")
        plugin.config.data_dir = str(self.data_dir)
        plugin.config.calculators = root.calculators
        plugin.config.repo_url = root.repo_url
        plugin.config.edit_uri = root.edit_uri
        plugin.config.stale_after_months = root.stale_after_months
        plugin.config.translations = {}
        plugin.command = getattr(self, "command", "build")
        plugin.dirty = getattr(self, "dirty", False)
        plugin.shared_data = self.site, self.bundle, self.errors
        try:
            if self.serving:  # the next rebuild's English edition cuts Chinese as a fresh build
                with jieba_as_before():
                    build(translated)
            else:
                build(translated)
        finally:
            plugin.shared_data = None


def _error_page(errors: DataErrors) -> str:
    listing = html.escape("\n".join(str(problem) for problem in errors.problems))
    count = len(errors.problems)
    what = "this problem is" if count == 1 else f"these {count} problems are"
    return (
        "# The data has errors\n\n"
        f"`mkdocs serve` cannot show the site until {what} fixed. Save the fix and this page "
        "reloads by itself.\n\n"
        f'<pre class="data-errors"><code>{listing}</code></pre>\n')
