"""`aliexpress-modes`: validate the data, write the generated pages, or print the bundle."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.bundle import build_bundle, bundle_json
from generator.errors import DataErrors
from generator.load import load_data
from generator.render import render_pages
from generator.text import LANGUAGES

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aliexpress-modes", description="Check and render the AliExpress modes guide data.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the data folder (default: the repository's data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check data/ and list every problem")
    generate = commands.add_parser(
        "generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("out", type=Path, help="folder to write the pages into")
    generate.add_argument("--language", choices=LANGUAGES, default=LANGUAGES[0],
                          help="the language of the pages (default: en)")
    generate.add_argument("--repo-url", metavar="URL", default=os.environ.get("REPO_URL"),
                          help="the repository's address, for the pages' links to it "
                               "(default: $REPO_URL, as the site build reads it; none: no links)")
    commands.add_parser("bundle", help="print the calculators' parameter bundle (JSON)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        site = load_data(args.data)
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"{args.data}: {len(site.modes)} modes, {len(site.tasks)} tasks, "
              f"{len(site.sources)} sources: no problems")
    elif args.command == "generate":
        for page in render_pages(site, language=args.language, repo_url=args.repo_url):
            target = args.out / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
            print(target)
    else:
        print(bundle_json(build_bundle(site)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
