"""MkDocs plugin: add the generated pages, fill generated tables, rebuild when data/ changes.

Around that it makes builds fit to publish: dates from the commit (reproducible), a staging
folder that replaces site/ only after a build succeeded (atomic), edit links to the data files,
warnings for old figures, and, under `mkdocs serve`, data errors shown in the browser.
"""

from __future__ import annotations

import html
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator import site_dir
from generator.bundle import build_bundle
from generator.commit_date import use_commit_date
from generator.csp import write_csp
from generator.errors import DataErrors
from generator.freshness import stale_figures
from generator.load import load_data
from generator.notices import NOTICES
from generator.reference import UnknownMarker, fill_markers
from generator.render import generated_paths, render_pages


class ModesPluginConfig(Config):
    data_dir = config_options.Type(str, default="data")
    calculators = config_options.Type(bool, default=True)
    # Edit buttons open repo_url + edit_uri + the data file (or docs/ page) a page comes from.
    repo_url = config_options.Optional(config_options.URL())
    edit_uri = config_options.Type(str, default="edit/main/")
    # A figure whose `checked` date is older than this gets a warning (not a strict failure).
    stale_after_months = config_options.Type(int, default=12)
    # This build's folder inside the published site (say "zh/" for a second language): added
    # to site_url, which a deploy sets through the SITE_URL environment variable.
    subsite = config_options.Type(str, default="")


class ModesPlugin(BasePlugin[ModesPluginConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects an inline live-reload script the build cannot hash; a shipped
        # policy would block it. Built sites (build, gh-deploy) get the policy.
        self.command, self.dirty = command, dirty
        self.staging: Path | None = None
        self.failed = False

    def on_config(self, config):
        project_dir = Path(config.config_file_path).parent
        self.data_dir = project_dir / self.config.data_dir
        self.data_files: dict[str, tuple[str, ...]] = {}
        self.errors: DataErrors | None = None
        # The output's dates come from the commit; the check that no `checked` date lies in the
        # future uses the real day then, or a contributor's uncommitted edit of today would fail.
        from_commit = use_commit_date(project_dir)
        self.validation_day = datetime.now(UTC).date() if from_commit else None
        # `mkdocs serve` points site_url at its own address (also under `serve --clean`,
        # which starts plugins as for a build).
        command = getattr(self, "command", None)
        address = f"{config.dev_addr.host}:{config.dev_addr.port}"
        self.serving = command == "serve" or bool(
            config.site_url and urlsplit(config.site_url).netloc == address)
        if self.config.subsite and config.site_url:
            config.site_url = urljoin(config.site_url, self.config.subsite.strip("/") + "/")
        if command == "build" and not self.dirty and not self.serving:
            self.target = Path(config.site_dir)
            self.staging = site_dir.staging_dir(self.target)
            config.site_dir = str(self.staging)
        return config

    def _load(self):
        try:
            site = load_data(self.data_dir, today=self.validation_day)
        except DataErrors as errors:
            if self.serving:  # show them in the browser; raising would leave it waiting
                NOTICES.error(str(errors))
                self.errors = errors
                return None, None
            # PluginError ends the build with exit status 1 and this message, no traceback.
            raise PluginError(str(errors)) from None
        stale = stale_figures(site, date.today(), self.config.stale_after_months)
        if stale:
            NOTICES.warning(
                f"{len(stale)} figures were checked more than {self.config.stale_after_months} "
                "months ago; check them again and update `checked` (this does not fail the "
                "build):\n  " + "\n  ".join(str(figure) for figure in stale))
        return site, build_bundle(site)

    def on_files(self, files: Files, config) -> Files:
        self.site, self.bundle = self._load()
        if self.errors:
            for path in generated_paths(self.data_dir):
                files.append(File.generated(config, path, content="# Data errors\n"))
            return files
        calculator = None
        if self.config.calculators:
            from generator.calculator_html import render_calculator

            def calculator(modes: list[str]) -> str:
                return render_calculator(self.bundle, modes=modes, page_url="")

        for page in render_pages(self.site, calculator):
            files.append(File.generated(config, page.path, content=page.markdown))
            self.data_files[page.path] = page.data_files
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.errors:
            return _error_page(self.errors)
        try:
            markdown = fill_markers(markdown, self.bundle)
        except UnknownMarker as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        sources = self.data_files.get(page.file.src_uri, ())
        if len(sources) > 1 and self.config.repo_url:
            links = ", ".join(f"[`{path}`]({self._edit_url(path)})" for path in sources)
            markdown += f"\n\n---\n\nThe facts on this page come from {links}.\n"
        return markdown

    def on_page_context(self, context, page, config, nav):
        if self.config.repo_url:
            sources = self.data_files.get(page.file.src_uri, (f"docs/{page.file.src_uri}",))
            page.edit_url = self._edit_url(sources[0])
        return context

    def _edit_url(self, path: str) -> str:
        """The repository's edit page for a file of the repository."""
        return f"{self.config.repo_url.rstrip('/')}/{self.config.edit_uri.strip('/')}/{path}"

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config):
        if self.config.calculators and not self.errors:
            from generator.browser_assets import write_assets

            write_assets(Path(config.site_dir), self.bundle, config)
        if not self.serving:
            write_csp(Path(config.site_dir))

    def on_build_error(self, error):
        self.failed = True

    def on_shutdown(self) -> None:
        # MkDocs' strict check runs after on_post_build, so only here is the build known good.
        if self.staging is None:
            return
        if self.failed:
            site_dir.discard(self.staging)
        else:
            site_dir.publish(self.staging, self.target)
        self.staging = None


def _error_page(errors: DataErrors) -> str:
    listing = html.escape("\n".join(str(problem) for problem in errors.problems))
    count = len(errors.problems)
    what = "this problem is" if count == 1 else f"these {count} problems are"
    return (
        "# The data has errors\n\n"
        f"`mkdocs serve` cannot show the site until {what} fixed. Save the fix and this page "
        "reloads by itself.\n\n"
        f'<pre class="data-errors"><code>{listing}</code></pre>\n')
