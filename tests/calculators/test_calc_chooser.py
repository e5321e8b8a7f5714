"""The chooser's scoring rule, on a hand-made chooser whose points can be added up by hand."""

import pytest
from calculators.chooser import answer_table, score

from calculators import InvalidInput

CHOOSER = {
    "modes": ["fully_managed", "semi_managed", "self_operated"],
    "combine_within": 1,
    "questions": [
        {"id": "time", "answers": [
            {"id": "little", "leans": {"fully_managed": 3, "self_operated": -2}, "preset": "part"},
            {"id": "lots", "leans": {"self_operated": 2}}]},
        {"id": "brand", "answers": [
            {"id": "yes", "leans": {"self_operated": 2, "fully_managed": -1}, "preset": "brand"},
            {"id": "no", "leans": {}}]},
        {"id": "stock", "answers": [
            {"id": "yes", "leans": {"fully_managed": 1}},
            {"id": "no", "leans": {"semi_managed": 2, "fully_managed": -2}, "preset": None}]},
    ],
    "outcomes": [{"modes": m, "preset": p} for m, p in (
        (["fully_managed"], "f"), (["semi_managed"], "s"), (["self_operated"], "o"),
        (["fully_managed", "semi_managed"], "fs"), (["fully_managed", "self_operated"], "fo"),
        (["semi_managed", "self_operated"], "so"))],
}


def test_clear_winner_by_hand():
    # fully 3 + 0 + 1 = 4; semi 0; self -2 + 0 + 0 = -2
    result = score(CHOOSER, {"time": "little", "brand": "no", "stock": "yes"})
    assert result["points"] == {"fully_managed": 4, "semi_managed": 0, "self_operated": -2}
    assert result["modes"] == ["fully_managed"]
    assert result["preset"] == "part"  # the first answered question's preset
    assert result["reasons"] == ["time", "stock"]  # "brand: no" leans nowhere


def test_runner_up_within_reach_gives_a_pair_in_mode_order():
    # fully 3 - 1 - 2 = 0; semi 2; self -2 + 2 = 0: semi-managed leads by 2, more than 1
    result = score(CHOOSER, {"time": "little", "brand": "yes", "stock": "no"})
    assert result["modes"] == ["semi_managed"]
    # lots, no brand, no stock: self 2, semi 2, fully -2: a tie, so the pair, in mode order
    pair = score(CHOOSER, {"time": "lots", "brand": "no", "stock": "no"})
    assert pair["modes"] == ["semi_managed", "self_operated"]
    assert pair["outcome"] == 5 and pair["preset"] == "so"
    # the stock answer leans towards semi-managed and away from fully managed (left out): a reason
    assert pair["reasons"] == ["time", "stock"]


def test_unknown_questions_and_answers_are_refused_all_at_once():
    with pytest.raises(InvalidInput) as caught:
        score(CHOOSER, {"colour": "red", "time": "some"})
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("colour", "unknown_question"), ("time", "unknown_answer")]
    assert caught.value.problems[1].message == \
        "'some' is not an answer to 'time'; the answers are little, lots."


def test_answer_table_is_score_for_every_complete_set_of_answers():
    table = answer_table(CHOOSER)
    assert len(table) == 2 * 2 * 2
    ids = [q["id"] for q in CHOOSER["questions"]]
    for key, (outcome, preset, reasons) in table.items():
        answers = {q["id"]: q["answers"][int(i)]["id"]
                   for q, i in zip(CHOOSER["questions"], key, strict=True)}
        expected = score(CHOOSER, answers)
        assert (outcome, preset, [ids[i] for i in reasons]) == \
            (expected["outcome"], expected["preset"], expected["reasons"])


def test_a_single_mode_chooser_never_pairs():
    chooser = {"modes": ["self_operated"], "combine_within": 5, "questions": [
        {"id": "q", "answers": [{"id": "a", "leans": {}}]}],
        "outcomes": [{"modes": ["self_operated"], "preset": "p"}]}
    assert score(chooser, {"q": "a"})["modes"] == ["self_operated"]
