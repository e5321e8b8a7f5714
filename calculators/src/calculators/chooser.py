"""The 60-second chooser's scoring: answers without numbers in, a mode or a pair of modes out.

The chooser (data/chooser.yml, as plain data) has questions; each answer gives each mode points
(``leans``, -3 to 3). Rule: add up the points of the answers given; the mode with the most wins,
ties to the mode listed first. When the runner-up is within ``combine_within`` points of it, the
answer is the two of them side by side (in the modes' order). The preset the calculator opens
with is the first answered question's preset, in question order, else the outcome's. The reasons
shown are the answers that lean towards a recommended mode or away from one left out, in
question order.

``answer_table`` applies the rule to every complete set of answers once, at build time, so the
page can answer at once without the Python runtime; it is this module's output, not a copy of it.
"""

from __future__ import annotations

from itertools import product

from .errors import InvalidInput, Problem


def score(chooser: dict, answers: dict[str, str]) -> dict:
    """The outcome for ``answers`` ({question id: answer id}); unanswered questions count 0.

    >>> chooser = {"modes": ["a", "b"], "combine_within": 0, "questions": [
    ...     {"id": "q", "answers": [{"id": "x", "leans": {"a": 2}},
    ...                            {"id": "y", "leans": {"b": 1}, "preset": "p2"}]}],
    ...     "outcomes": [{"modes": ["a"], "preset": "p1"}, {"modes": ["b"], "preset": "p1"},
    ...                  {"modes": ["a", "b"], "preset": "p1"}]}
    >>> score(chooser, {"q": "x"})
    {'points': {'a': 2, 'b': 0}, 'modes': ['a'], 'outcome': 0, 'preset': 'p1', 'reasons': ['q']}
    >>> score(chooser, {"q": "y"})["preset"], score(chooser, {})["modes"]
    ('p2', ['a', 'b'])
    """
    chosen = _chosen(chooser, answers)
    return _outcome(chooser, chosen)


def _chosen(chooser: dict, answers: dict[str, str]) -> list[dict | None]:
    """The chosen answer of each question, in question order (None where unanswered)."""
    questions = {question["id"]: question for question in chooser["questions"]}
    problems = []
    for question_id, answer_id in answers.items():
        question = questions.get(question_id)
        if question is None:
            problems.append(Problem(question_id, "unknown_question",
                                    f"There is no question {question_id!r}."))
        elif answer_id not in [answer["id"] for answer in question["answers"]]:
            known = ", ".join(answer["id"] for answer in question["answers"])
            problems.append(Problem(question_id, "unknown_answer",
                                    f"{answer_id!r} is not an answer to {question_id!r}; the "
                                    f"answers are {known}."))
    if problems:
        raise InvalidInput(problems)
    return [next((a for a in q["answers"] if a["id"] == answers.get(q["id"])), None)
            for q in chooser["questions"]]


def _outcome(chooser: dict, chosen: list[dict | None]) -> dict:
    modes = chooser["modes"]
    points = {mode: sum(answer["leans"].get(mode, 0) for answer in chosen if answer)
              for mode in modes}
    ranked = sorted(modes, key=lambda mode: (-points[mode], modes.index(mode)))
    best = ranked[:1]
    if len(ranked) > 1 and points[ranked[0]] - points[ranked[1]] <= chooser["combine_within"]:
        best = sorted(ranked[:2], key=modes.index)
    outcome = next(i for i, o in enumerate(chooser["outcomes"]) if o["modes"] == best)
    preset = next((answer["preset"] for answer in chosen if answer and answer.get("preset")),
                  chooser["outcomes"][outcome]["preset"])
    reasons = [question["id"] for question, answer in zip(chooser["questions"], chosen,
                                                          strict=True)
               if answer and _supports(answer["leans"], best)]
    return {"points": points, "modes": best, "outcome": outcome, "preset": preset,
            "reasons": reasons}


def _supports(leans: dict[str, int], recommended: list[str]) -> bool:
    """Whether an answer leans towards a recommended mode or away from one left out."""
    return any(points > 0 if mode in recommended else points < 0
               for mode, points in leans.items())


def answer_table(chooser: dict) -> dict[str, list]:
    """Every complete set of answers -> ``[outcome index, preset, reason question indices]``.

    The key is each question's answer index, in question order, joined: "0120" means the first
    answer to questions 1 and 4, the second to question 2, the third to question 3.

    >>> chooser = {"modes": ["a", "b"], "combine_within": 0, "questions": [
    ...     {"id": "q", "answers": [{"id": "x", "leans": {"a": 2}}, {"id": "y", "leans": {}}]}],
    ...     "outcomes": [{"modes": ["a"], "preset": "p"}, {"modes": ["b"], "preset": "p"},
    ...                  {"modes": ["a", "b"], "preset": "p"}]}
    >>> answer_table(chooser)
    {'0': [0, 'p', [0]], '1': [2, 'p', []]}
    """
    questions = chooser["questions"]
    table = {}
    for picks in product(*(range(len(q["answers"])) for q in questions)):
        chosen = [q["answers"][i] for q, i in zip(questions, picks, strict=True)]
        result = _outcome(chooser, chosen)
        ids = [q["id"] for q in questions]
        table["".join(map(str, picks))] = [result["outcome"], result["preset"],
                                           [ids.index(r) for r in result["reasons"]]]
    return table
