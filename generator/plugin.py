"""MkDocs plugin: add the generated pages, fill generated tables, rebuild when data/ changes.

One build per language (Material's advice: each has its own theme language and search index).
The English build is the site root; after it, the plugin builds each translation's config
(`translations: {zh: mkdocs.zh.yml}`) into <site_dir>/<language>/, with the same data folder
and settings, so `mkdocs build` and `mkdocs serve` make and reload both. Only the root build
writes the calculators' runtime: both languages load the same files from the site root.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from generator.bundle import build_bundle
from generator.csp import write_csp
from generator.errors import DataErrors
from generator.glossary_links import link_first_uses
from generator.load import load_data
from generator.reference import UnknownMarker, fill_markers
from generator.render import render_pages
from generator.text import LANGUAGES

PLUGIN_NAME = "aliexpress-modes"
# Pages besides modes/* whose first use of each glossary term links to the glossary.
TERM_LINKED_PAGES = {"index.md", "compare.md", "calculator.md", "faq.md", "combining.md"}
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


class ModesPluginConfig(Config):
    data_dir = config_options.Type(str, default="data")
    # Where "edit this page" points: the data file's path is appended.
    edit_url_base = config_options.Optional(config_options.Type(str))
    calculators = config_options.Type(bool, default=True)
    # The language this build renders; the root build is English.
    language = config_options.Choice(LANGUAGES, default=LANGUAGES[0])
    # Language -> its MkDocs config (relative to this one), built into <site_dir>/<language>/.
    translations = config_options.Type(dict, default={})


class ModesPlugin(BasePlugin[ModesPluginConfig]):
    def on_startup(self, *, command, dirty):
        # `mkdocs serve` injects an inline live-reload script the build cannot hash; a shipped
        # policy would block it. Built sites (build, gh-deploy) get the policy.
        self.command = command

    def on_config(self, config):
        self.config_dir = Path(config.config_file_path).parent
        self.data_dir = self.config_dir / self.config.data_dir
        self.edit_paths: dict[str, str] = {}
        self._anchor_search_dictionary(config)
        # The language switcher's template (overrides/), ahead of Material's own: added here, not
        # as theme.custom_dir, so configs that INHERIT mkdocs.yml from elsewhere still find it.
        config.theme.dirs.insert(0, str(OVERRIDES))
        return config

    def _anchor_search_dictionary(self, config) -> None:
        """Material's search reads `jieba_dict_user` relative to the working directory; make it
        relative to the config file, so a build started from anywhere finds it."""
        for name, plugin in config.plugins.items():
            user_dict = getattr(plugin.config, "jieba_dict_user", None) \
                if name.endswith("search") else None
            if user_dict and not Path(user_dict).is_absolute():
                plugin.config.jieba_dict_user = str(self.config_dir / user_dict)

    def _load(self):
        try:
            site = load_data(self.data_dir)
        except DataErrors as errors:
            # PluginError ends the build with exit status 1 and this message, no traceback.
            raise PluginError(str(errors)) from None
        return site, build_bundle(site)

    def on_files(self, files: Files, config) -> Files:
        self.site, self.bundle = self._load()
        calculator = None
        if self.config.calculators:
            from generator.calculator_html import render_calculator

            def calculator(modes: list[str]) -> str:
                return render_calculator(self.bundle, modes=modes, page_url="",
                                         language=self.config.language)

        chooser = catalogue = None
        language = self.config.language
        if self.config.calculators:
            from generator.catalogue_html import render_catalogue
            from generator.chooser_html import render_chooser

            def chooser(base: str) -> str:
                return render_chooser(self.site, self.bundle, base, language)

            def catalogue() -> str:
                return render_catalogue(self.bundle, "../", language)

        self.blocks = {"chooser": chooser("") if chooser else ""}
        for page in render_pages(self.site, calculator, language=language, chooser=chooser,
                                 catalogue=catalogue):
            files.append(File.generated(config, page.path, content=page.markdown))
            self.edit_paths[page.path] = page.edit_path
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        try:
            language = self.config.language
            return fill_markers(markdown, self.bundle, language, self.blocks)
        except UnknownMarker as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None

    def on_page_content(self, html: str, page, config, files) -> str:
        """Guide pages link the first use of each glossary term to the glossary."""
        src = page.file.src_uri
        if not (src.startswith("modes/") or src in TERM_LINKED_PAGES):
            return html
        glossary = files.get_file_from_path("glossary.md")
        url = get_relative_url(glossary.url, page.url)
        language = self.config.language
        terms = [(term.id, term.words(language)) for term in self.site.glossary]
        return link_first_uses(html, terms, url)

    def on_page_context(self, context, page, config, nav):
        base = self.config.edit_url_base
        if base:
            docs = "docs/" if not self._is_translation() else f"docs/{self.config.language}/"
            source = self.edit_paths.get(page.file.src_uri, docs + page.file.src_uri)
            page.edit_url = base.rstrip("/") + "/" + source
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        for path in self._translation_configs():
            server.watch(str(path))
        return server

    def on_post_build(self, config):
        if self.config.calculators and not self._is_translation():
            from generator.browser_assets import write_assets

            write_assets(Path(config.site_dir), self.bundle, config)
            from calculators.catalogue import template_csv

            from generator.catalogue_html import TEMPLATE_PATH

            template = Path(config.site_dir) / TEMPLATE_PATH
            template.parent.mkdir(parents=True, exist_ok=True)
            # With a byte order mark, so Excel in a Chinese locale opens it as UTF-8.
            template.write_text("\ufeff" + template_csv(self.bundle["default_category"]),
                                encoding="utf-8", newline="")
        if getattr(self, "command", "build") != "serve":
            write_csp(Path(config.site_dir))
        for language, path in self.config.translations.items():
            self._build_translation(language, self.config_dir / path, config)

    def _is_translation(self) -> bool:
        return self.config.language != LANGUAGES[0]

    def _translation_configs(self) -> list[Path]:
        paths = [self.config_dir / path for path in self.config.translations.values()]
        return paths + [Path(load_config(str(p)).docs_dir) for p in paths]

    def _build_translation(self, language: str, path: Path, config) -> None:
        """Build `path` into <site_dir>/<language>/ with this build's data and settings."""
        if not path.is_file():
            raise PluginError(f"translations: {language}: no config file at {path}")
        site_url = urljoin(config.site_url, f"{language}/") if config.site_url else None
        translated = load_config(str(path), site_dir=str(Path(config.site_dir) / language),
                                 strict=config.strict, site_url=site_url)
        plugin = translated.plugins.get(PLUGIN_NAME)
        if plugin is None or plugin.config.language != language:
            raise PluginError(f"{path.name}: needs the {PLUGIN_NAME} plugin with "
                              f"language: {language}")
        plugin.config.data_dir = str(self.data_dir)
        plugin.config.calculators = self.config.calculators
        plugin.config.edit_url_base = self.config.edit_url_base
        plugin.config.translations = {}
        plugin.command = getattr(self, "command", "build")
        build(translated)
