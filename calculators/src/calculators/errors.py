"""Typed errors: every problem with the input is reported at once, each naming its field.

>>> problem = Problem("return_rate", "above_maximum", "Return rate must be at most 1; got 2.")
>>> str(InvalidInput([problem]))
'return_rate: Return rate must be at most 1; got 2.'
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with one field. ``field`` is a dotted path such as ``overrides.x``."""

    field: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


MAX_SHOWN = 100  # problems shown in a message; ``problems`` keeps them all


class _ProblemsError(ValueError):
    """A ValueError carrying the full list of problems (never empty).

    Its message shows the first MAX_SHOWN, then how many more: 100,000 unknown override ids
    should not make megabytes of text.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"{p.field}: {p.message}" for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            lines.append(f"... and {len(self.problems) - MAX_SHOWN:,} more")
        super().__init__("\n".join(lines))


class InvalidInput(_ProblemsError):
    """The merchant's scenario is unusable; show each problem next to its field."""


class InvalidParameters(_ProblemsError):
    """The parameter bundle (built from data/) is broken; this is a site bug, not the user's."""
