"""The public functions: plain data in, JSON-ready data out."""

from __future__ import annotations

from collections.abc import Iterator

from . import inputs, params
from .checks import without_negative_zero
from .i18n import check_language
from .model import evaluate_mode
from .recommend import pick, recommend
from .sensitivity import analysis_steps

RESULT_FORMAT = "aliexpress-modes/result"
RESULT_VERSION = 2


def evaluate(scenario: dict, parameters: dict, language: str = "en",
             sensitivity: bool = True) -> dict:
    """Evaluate a scenario in every mode of the bundle; return the versioned result.

    ``language`` (``"en"`` or ``"zh"``) is the language of its labels, its reason and the
    messages of ``InvalidInput``; the numbers are the same in every language.

    Raises ``InvalidParameters`` for a broken bundle, then ``InvalidInput`` with every problem
    of the scenario. The result holds only dicts, lists, text, floats and None (for "none"): it
    serialises with ``json.dumps(result, allow_nan=False)``. ``sensitivity=False`` leaves out
    what would change the recommendation (``"sensitivity": None``), for a quicker first answer.

    >>> from calculators import evaluate
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> result = evaluate({"units_per_month": 100, "new_skus_per_month": 2}, EXAMPLE_BUNDLE)
    >>> mode = result["modes"][0]
    >>> mode["revenue"], mode["components"][0]["amount"], mode["effort_hours"]
    (10800.0, 864.0, 1.0)
    >>> result["recommended"]["mode"]
    'self_operated'
    """
    if not sensitivity:
        return next(evaluate_in_stages(scenario, parameters, language))
    *_, result = evaluate_in_stages(scenario, parameters, language)
    return result


def evaluate_in_stages(scenario: dict, parameters: dict, language: str = "en", *,
                       index: list[dict] | None = None) -> Iterator[dict | None]:
    """``evaluate`` in steps, for a page that shows the numbers before the sensitivity: first
    the result with ``"sensitivity": None``, then None after each subject analysed, last the
    full result. The errors come at the first step. ``index``: the bundle's
    ``params.parameter_index``, when the caller keeps it (a browser session does: it is the
    same for every scenario)."""
    check_language(language)
    if index is None:
        index = params.parameter_index(parameters)
    scenario_used = inputs.validate_scenario(
        scenario,
        [category["id"] for category in parameters["categories"]],
        parameters["default_category"],
        {entry["id"]: entry for entry in index},
        language,
    )
    capital_cost_rate = params.resolve(
        parameters["capital_cost_rate"], scenario_used["category"], scenario_used["overrides"]
    )
    modes = [
        evaluate_mode(mode, parameters["tasks"], scenario_used, capital_cost_rate, language)
        for mode in parameters["modes"]
    ]
    result = without_negative_zero({
        "format": RESULT_FORMAT,
        "version": RESULT_VERSION,
        "currency": "CNY",
        "scenario": scenario_used,
        "capital_cost_rate": capital_cost_rate,
        "modes": modes,
        "recommended": recommend(modes, language),
        "sensitivity": None,
    })
    yield result
    for analysis in analysis_steps(parameters, index, scenario_used, capital_cost_rate, modes,
                                   pick(modes)[0], language):
        if analysis is None:
            yield None
    yield {**result, "sensitivity": without_negative_zero(analysis)}


def default_scenario(parameters: dict) -> dict:
    """The scenario a fresh calculator shows: every input's default, no overrides.

    >>> from calculators import default_scenario
    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> scenario = default_scenario(EXAMPLE_BUNDLE)
    >>> scenario["category"], scenario["return_rate"], scenario["overrides"]
    ('toys', 0.03, {})
    """
    params.parameter_index(parameters)  # a broken bundle fails here, not later in the form
    return inputs.default_scenario(parameters["default_category"])
