"""MkDocs plugin: add the generated pages, fill generated tables, rebuild when data/ changes."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.bundle import build_bundle
from generator.csp import write_csp
from generator.errors import DataErrors
from generator.load import load_data
from generator.reference import UnknownMarker, fill_markers
from generator.render import render_pages


class ModesPluginConfig(Config):
    data_dir = config_options.Type(str, default="data")
    # Where "edit this page" points: the data file's path is appended.
    edit_url_base = config_options.Optional(config_options.Type(str))
    calculators = config_options.Type(bool, default=True)


class ModesPlugin(BasePlugin[ModesPluginConfig]):
    def on_startup(self, *, command, dirty):
        # `mkdocs serve` injects an inline live-reload script the build cannot hash; a shipped
        # policy would block it. Built sites (build, gh-deploy) get the policy.
        self.command = command

    def on_config(self, config):
        self.data_dir = Path(config.config_file_path).parent / self.config.data_dir
        self.edit_paths: dict[str, str] = {}
        return config

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
                return render_calculator(self.bundle, modes=modes, page_url="")

        chooser = catalogue = None
        if self.config.calculators:
            from generator.catalogue_html import render_catalogue
            from generator.chooser_html import render_chooser

            def chooser(base: str) -> str:
                return render_chooser(self.site, self.bundle, base)

            def catalogue() -> str:
                return render_catalogue(self.bundle, "../")

        self.blocks = {"chooser": chooser("") if chooser else ""}
        for page in render_pages(self.site, calculator, chooser, catalogue):
            files.append(File.generated(config, page.path, content=page.markdown))
            self.edit_paths[page.path] = page.edit_path
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        try:
            return fill_markers(markdown, self.bundle, self.blocks)
        except UnknownMarker as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None

    def on_page_context(self, context, page, config, nav):
        base = self.config.edit_url_base
        if base:
            source = self.edit_paths.get(page.file.src_uri, f"docs/{page.file.src_uri}")
            page.edit_url = base.rstrip("/") + "/" + source
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server

    def on_post_build(self, config):
        if self.config.calculators:
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
