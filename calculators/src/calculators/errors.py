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


class _ProblemsError(ValueError):
    """A ValueError carrying the full list of problems (never empty)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(f"{p.field}: {p.message}" for p in self.problems))


class InvalidInput(_ProblemsError):
    """The merchant's scenario is unusable; show each problem next to its field."""


class InvalidParameters(_ProblemsError):
    """The parameter bundle (built from data/) is broken; this is a site bug, not the user's."""
