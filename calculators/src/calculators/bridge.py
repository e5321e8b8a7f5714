"""The browser worker's side of the calculator: form text in, result JSON and HTML out, and on
request (Export) the CSV or JSON export.

docs/assets/calculator/worker.js imports this module inside Pyodide (so it ships precompiled in
the site's wheel, like the rest of the package) and calls ``Session.stages`` for every change,
``Session.export`` for an Export.

Form values arrive as text. A number field becomes a float (the defaults are floats, so the
untouched form reproduces ``default_scenario`` exactly) or stays text for the model to reject
with its own typed message. Empty lines are dropped from the HTML exactly as the site generator
drops them from the prerendered copy, so the live block equals the prerendered one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import escape

from .api import default_scenario, evaluate, evaluate_in_stages
from .catalogue import plan_file
from .catalogue_csv import UnreadableFile
from .catalogue_report import plan_csv, render_plan_html
from .compare import compare, render_comparison_html
from .errors import InvalidInput
from .export import data_version, export_csv, export_json
from .i18n import say
from .inputs import INPUTS
from .params import parameter_index
from .report import render_html
from .sensitivity_report import render_sensitivity, render_verdict

OPTIONAL = {field.name for field in INPUTS if field.optional}


class Session:
    """One parameter bundle, parsed once; ``handle`` answers one request.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> session = Session(json.dumps(EXAMPLE_BUNDLE))
    >>> answer = json.loads(session.handle(json.dumps(
    ...     {"raw": {"units_per_month": "abc"}, "overrides": {}, "modes": None})))
    >>> answer["ok"], answer["problems"][0]["field"]
    (False, 'units_per_month')
    """

    def __init__(self, parameters_text: str) -> None:
        self.parameters = json.loads(parameters_text)
        self.default = default_scenario(self.parameters)
        self.index = parameter_index(self.parameters)  # the same for every request
        self.data_version = data_version(self.parameters)
        self._base_key: str | None = None  # the pinned base last worked out, and its result
        self._base_result: dict | None = None
        self._base_problems = ""

    def scenario(self, raw: dict[str, str], overrides: dict[str, str]) -> dict:
        """The default scenario with the form's fields and parameter overrides applied."""
        scenario = dict(self.default)
        for name, text in raw.items():
            like = self.default.get(name)
            if name in OPTIONAL and not text.strip():
                scenario[name] = None  # left empty: the model derives it
            else:
                scenario[name] = text if isinstance(like, str) else _number(text.strip())
        merged = dict(self.default["overrides"])
        for param_id, text in overrides.items():
            merged[param_id] = _number(text.strip())
        scenario["overrides"] = merged
        return scenario

    def handle(self, request_json: str) -> str:
        """``{"raw", "overrides", "modes", "language", "compare_url", "base"?}`` in; ``{"ok":
        true, "json", "html", "comparison"}`` or ``{"ok": false, "problems": [...]}`` out, both
        as JSON text, in the request's language (English when it names none). The full result,
        sensitivity included. Exports: ``export``.

        ``base`` (``{"raw", "overrides", "name"}``) is a pinned scenario: ``comparison`` is the
        HTML of the differences from it (``compare``), or a sentence when the base itself is
        invalid; None without a base."""
        for answer in self.stages(request_json):
            if answer is not None:
                last = answer
        return last

    def stages(self, request_json: str) -> Iterator[str | None]:
        """``handle`` in two answers: the result without the sensitivity (its HTML shows it
        pending), None after each subject of the sensitivity analysed (the worker may stop
        there when a newer input arrives), then the full answer. An invalid scenario gives
        its problems as the one answer.

        >>> from calculators.params import EXAMPLE_BUNDLE
        >>> session = Session(json.dumps(EXAMPLE_BUNDLE))
        >>> steps = list(session.stages(json.dumps({"raw": {}, "overrides": {}, "modes": None})))
        >>> first, last = json.loads(steps[0]), json.loads(steps[-1])
        >>> json.loads(first["json"])["sensitivity"], 'data-state="pending"' in first["html"]
        (None, True)
        >>> steps[1:-1] == [None] * len(json.loads(last["json"])["sensitivity"]["subjects"])
        True
        """
        request = json.loads(request_json)
        language = request.get("language", "en")
        scenario = self.scenario(request["raw"], request["overrides"])
        steps = evaluate_in_stages(scenario, self.parameters, language, index=self.index)
        try:
            result = next(steps)
        except InvalidInput as error:
            yield json.dumps({"ok": False, "problems": [p.as_dict() for p in error.problems]})
            return
        base = request.get("base")
        main = self._answer(result, request, base)
        yield json.dumps(main)
        for result in steps:
            if result is None:
                yield None
        # The full answer is the first one with the sensitivity filled in: the same text as
        # serialising and rendering the full result again (test_calc_bridge checks it), for
        # a fraction of the work. "sensitivity_html" holds just the parts the page swaps in.
        # The comparison with the base reads no sensitivity, so it stays the first one's.
        pending_result = {**result, "sensitivity": None}
        html, ready_parts = main["html"], []
        for render in (render_verdict, render_sensitivity):
            pending = single_block("\n".join(render(pending_result, language)))
            ready = single_block("\n".join(render(result, language)))
            if pending:  # (a single mode has no tornado, pending or not)
                html = html.replace(pending, ready, 1)
            ready_parts.append(ready)
        head, tail = main["json"].rsplit('"sensitivity": null', 1)  # its only null key
        yield json.dumps({
            "ok": True,
            "json": f'{head}"sensitivity": {_canonical(result["sensitivity"])}{tail}',
            "html": html,
            "sensitivity_html": "\n".join(ready_parts),
            "comparison": main["comparison"],
        })

    def _answer(self, result: dict, request: dict, base: dict | None) -> dict:
        language = request.get("language", "en")
        return {
            "ok": True,
            "json": _canonical(result),
            "html": single_block(render_html(result, modes=request["modes"], language=language,
                                             compare_url=request.get("compare_url"))),
            "comparison": self.comparison(result, base, language),
        }

    def comparison(self, result: dict, base: dict | None, language: str = "en") -> str | None:
        """The differences of ``result`` from the pinned ``base``, as HTML (the base's result
        is kept while the base stays the same, so a change costs one evaluation)."""
        if base is None:
            return None
        key = json.dumps([base["raw"], base["overrides"], language], sort_keys=True)
        if key != self._base_key:
            try:
                self._base_result = evaluate(self.scenario(base["raw"], base["overrides"]),
                                             self.parameters, language, sensitivity=False)
            except InvalidInput as error:
                self._base_result = None
                self._base_problems = say(language, "cmp_separator").join(
                    p.message for p in error.problems)
            self._base_key = key
        if self._base_result is None:
            invalid = say(language, "cmp_base_invalid", problems=self._base_problems)
            return f'<p class="amc-cmp-invalid">{escape(invalid)}</p>'
        return single_block(render_comparison_html(compare(self._base_result, result),
                                                   base["name"], language))

    def export(self, request_json: str) -> str:
        """``{"raw", "overrides", "language", "format"}`` in (``format``: ``"csv"`` or
        ``"json"``); ``{"ok": true, "export": text}`` or ``{"ok": false, "problems": [...]}``
        out, as JSON text. Exports are made when asked for (Export), not on every change.

        >>> from calculators.params import EXAMPLE_BUNDLE
        >>> session = Session(json.dumps(EXAMPLE_BUNDLE))
        >>> answer = json.loads(session.export(json.dumps(
        ...     {"raw": {}, "overrides": {}, "format": "csv"})))
        >>> answer["export"].splitlines()[0]
        '\\ufeffmode,section,item,label,basis,rate,quantity,value,unit'
        """
        request = json.loads(request_json)
        language = request.get("language", "en")
        scenario = self.scenario(request["raw"], request["overrides"])
        try:
            result = evaluate(scenario, self.parameters, language)
        except InvalidInput as error:
            return json.dumps({"ok": False, "problems": [p.as_dict() for p in error.problems]})
        write = {"csv": export_csv, "json": export_json}[request["format"]]
        return json.dumps({"ok": True, "export": write(result, self.parameters, language,
                                                       self.data_version)})

    def catalogue(self, data: object, settings_json: str, language: str = "en") -> str:
        """A catalogue file (a JS Uint8Array, which Pyodide hands over with ``to_bytes``, or
        pasted text) and the settings as JSON in; ``{"ok": true, "html", "csv", "products",
        "problems"}`` or ``{"ok": false, "problems": [...]}`` out, as JSON text, in
        ``language``."""
        if hasattr(data, "to_bytes"):
            data = data.to_bytes()
        try:
            plan = plan_file(data, self.parameters, json.loads(settings_json), language)
        except UnreadableFile as error:
            return json.dumps({"ok": False, "problems": [
                {"row": 0, "column": "", "code": "unreadable_file", "message": str(error)}]})
        except InvalidInput as error:
            return json.dumps({"ok": False, "problems": [
                {"row": 0, "column": p.field, "code": p.code, "message": p.message}
                for p in error.problems]})
        return json.dumps({"ok": True, "html": render_plan_html(plan, language),
                           "csv": plan_csv(plan, language),
                           "products": plan["product_count"], "problems": len(plan["problems"])})


def _canonical(data: object) -> str:
    """The JSON text of a result (or a part of one), as the site embeds and the tests compare it."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, allow_nan=False)


def single_block(html: str) -> str:
    """Drop blank lines, so Markdown keeps the prerendered HTML as one block."""
    return "\n".join(line for line in html.split("\n") if line.strip())


# A decimal comma, as many merchants type it: "35,5". Three digits after a lone comma ("1,000")
# could be a thousands separator just as well, so that stays text and the model rejects it
# with its message rather than guess.
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,(\d{1,2}|\d{4,})")


def _number(text: str) -> float | str:
    """A form value as a number, or the text itself for the model to reject with a message.

    >>> _number("35.5"), _number("35,5"), _number(" 7 "), _number("1,000"), _number("abc")
    (35.5, 35.5, 7.0, '1,000', 'abc')
    """
    text = text.strip()
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return text
