"""``python -m calculators SCENARIO.json|- --params BUNDLE.json [--format table|json]
[--language en|zh]``.

Exit status: 0 with the result; 1 when the scenario or the bundle is invalid or unreadable (one
line per problem, naming the field; the first MAX_SHOWN problems, then how many more); 2 for a
usage error such as a missing file (argparse's convention). Never a traceback. The table, the
result and the problems are in the language asked for; usage errors are argparse's, in English.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import TextIO

from .api import evaluate
from .errors import MAX_SHOWN, InvalidInput, InvalidParameters, Problem
from .i18n import LANGUAGES, say
from .reading import MAX_BYTES, UnreadableJson, parse_json
from .report import SUMMARY_ROWS, show_value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Compare AliExpress's three selling modes for one scenario.",
    )
    parser.add_argument("scenario", help="scenario JSON file, or - to read standard input")
    parser.add_argument("--params", required=True, metavar="BUNDLE.json",
                        help="parameter bundle JSON, as written by the site generator "
                             "(`aliexpress-modes bundle`), or - to read standard input")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="a readable comparison (default) or the result as JSON")
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="the language of the table, the result and the problems "
                             "(default: en; zh: Simplified Chinese)")
    return parser


def _read(parser: argparse.ArgumentParser, path: str, stdin: TextIO) -> bytes | str:
    """The input's bytes (its text for a text-only stream), no more than one past the limit."""
    if path == "-":
        return getattr(stdin, "buffer", stdin).read(MAX_BYTES + 1)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        parser.error(f"cannot read {path}: {error.strerror}")  # exits with status 2
        raise  # pragma: no cover (parser.error never returns)


def table(result: dict, language: str = "en") -> str:
    """The three-mode comparison as aligned plain text.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> lines = table(evaluate({"units_per_month": 100}, EXAMPLE_BUNDLE)).splitlines()
    >>> lines[0].strip(), lines[1].split()
    ('Self-operated', ['Units', 'sold', '100'])
    """
    header = [""] + [mode["label"] for mode in result["modes"]]
    rows = [header] + [
        [say(language, field)]
        + [show_value(show, mode[field], language) for mode in result["modes"]]
        for field, show, _ in SUMMARY_ROWS
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join([_pad(row[0], widths[0], left=True)]
                       + [_pad(cell, width) for cell, width in zip(row[1:], widths[1:],
                                                                   strict=True)])
             for row in rows]
    recommended = result["recommended"]
    label = next(m["label"] for m in result["modes"] if m["id"] == recommended["mode"])
    lines += ["", say(language, "recommended_line", label=label)
              + say(language, "sentence_gap") + recommended["reason"]]
    return "\n".join(line.rstrip() for line in lines)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: two for each Chinese character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, left: bool = False) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text


def _report(heading: str, problems: list[Problem], stderr: TextIO, language: str) -> None:
    print(heading, file=stderr)
    for problem in problems[:MAX_SHOWN]:
        print(f"  {problem.field}: {problem.message}", file=stderr)
    if len(problems) > MAX_SHOWN:
        print("  " + say(language, "cli_more", count=f"{len(problems) - MAX_SHOWN:,}"),
              file=stderr)


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    if args.scenario == "-" and args.params == "-":
        parser.error("only one of SCENARIO and --params can be - (standard input)")
    language = args.language
    scenario_name = say(language, "cli_stdin") if args.scenario == "-" else args.scenario
    bundle_name = say(language, "cli_stdin") if args.params == "-" else args.params
    scenario_data = _read(parser, args.scenario, stdin)
    bundle_data = _read(parser, args.params, stdin)
    try:
        scenario = parse_json(scenario_data)
    except UnreadableJson as error:
        print(say(language, "cli_unreadable", name=scenario_name, why=error.message(language)),
              file=stderr)
        return 1
    try:
        bundle = parse_json(bundle_data)
    except UnreadableJson as error:
        print(say(language, "cli_unreadable", name=bundle_name, why=error.message(language)),
              file=stderr)
        return 1
    try:
        result = evaluate(scenario, bundle, language)
    except InvalidParameters as error:
        _report(say(language, "cli_broken_bundle", name=bundle_name), error.problems, stderr,
                language)
        return 1
    except InvalidInput as error:
        count = len(error.problems)
        key = "cli_one_problem" if count == 1 else "cli_problems"
        _report(say(language, key, name=scenario_name, count=f"{count:,}"), error.problems,
                stderr, language)
        return 1
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False), file=stdout)
    else:
        print(table(result, language), file=stdout)
    return 0
