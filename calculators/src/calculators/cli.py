"""``python -m calculators SCENARIO.json|- --params BUNDLE.json [--format table|json]``.

Exit status: 0 with the result; 1 when the scenario or the bundle is invalid or unreadable (one
line per problem, naming the field; the first MAX_SHOWN problems, then how many more); 2 for a
usage error such as a missing file (argparse's convention). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from .api import evaluate
from .errors import MAX_SHOWN, InvalidInput, InvalidParameters, Problem
from .i18n import say
from .reading import MAX_BYTES, UnreadableJson, parse_json
from .report import SUMMARY_ROWS


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


def table(result: dict) -> str:
    """The three-mode comparison as aligned plain text.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> lines = table(evaluate({"units_per_month": 100}, EXAMPLE_BUNDLE)).splitlines()
    >>> lines[0].strip(), lines[1].split()
    ('Self-operated', ['Units', 'sold', '100'])
    """
    header = [""] + [mode["label"] for mode in result["modes"]]
    rows = [header] + [
        [say("en", field)] + [show(mode[field]) for mode in result["modes"]]
        for field, show, _ in SUMMARY_ROWS
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join([row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width
                                                    in zip(row[1:], widths[1:], strict=True)])
             for row in rows]
    recommended = result["recommended"]
    label = next(m["label"] for m in result["modes"] if m["id"] == recommended["mode"])
    lines += ["", f"Recommended: {label}. {recommended['reason']}"]
    return "\n".join(line.rstrip() for line in lines)


def _report(heading: str, problems: list[Problem], stderr: TextIO) -> None:
    print(heading, file=stderr)
    for problem in problems[:MAX_SHOWN]:
        print(f"  {problem.field}: {problem.message}", file=stderr)
    if len(problems) > MAX_SHOWN:
        print(f"  ... and {len(problems) - MAX_SHOWN:,} more", file=stderr)


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    if args.scenario == "-" and args.params == "-":
        parser.error("only one of SCENARIO and --params can be - (standard input)")
    scenario_name = "standard input" if args.scenario == "-" else args.scenario
    bundle_name = "standard input" if args.params == "-" else args.params
    scenario_data = _read(parser, args.scenario, stdin)
    bundle_data = _read(parser, args.params, stdin)
    try:
        scenario = parse_json(scenario_data)
    except UnreadableJson as error:
        print(f"{scenario_name}: {error}", file=stderr)
        return 1
    try:
        bundle = parse_json(bundle_data)
    except UnreadableJson as error:
        print(f"{bundle_name}: {error}", file=stderr)
        return 1
    try:
        result = evaluate(scenario, bundle)
    except InvalidParameters as error:
        _report(f"{bundle_name}: the parameter bundle is broken:", error.problems, stderr)
        return 1
    except InvalidInput as error:
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        _report(f"{scenario_name}: the scenario has {count:,} {noun}:", error.problems, stderr)
        return 1
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False), file=stdout)
    else:
        print(table(result), file=stdout)
    return 0
