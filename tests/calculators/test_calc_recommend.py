"""The recommendation rule and its one-line reason, worked by hand."""

from calculators.recommend import recommend


def mode(mode_id, profit_after_effort, hours):
    return {"id": mode_id, "label": mode_id.title(), "profit_after_effort": profit_after_effort,
            "effort_hours": hours}


def test_highest_profit_after_effort_wins():
    assert recommend([mode("a", 100.0, 5), mode("b", 250.5, 50), mode("c", -3, 0)]) == {
        "mode": "b", "reason": "B leaves the most profit after valuing your time: ¥250.50 a "
        "month, ¥150.50 more than A."}


def test_less_than_a_fen_apart_goes_to_fewer_hours():
    # 0.008 apart, compared unrounded: a tie, so the 3-hour mode wins
    assert recommend([mode("a", 100.004, 5), mode("b", 99.996, 3)]) == {
        "mode": "b", "reason": "B and A tie on profit after effort (less than ¥0.01 apart, "
        "¥100.00 a month); B needs fewer hours (3.0 h against 5.0 h)."}


def test_a_fen_apart_is_not_a_tie_even_when_both_round_alike():
    # 0.01 apart is not less than 0.01: the higher profit wins despite more hours
    assert recommend([mode("a", 100.01, 5), mode("b", 100.0, 3)])["mode"] == "a"
    # and 0.0099 apart (both shown as ¥100.0x) is a tie, though rounding shows them apart
    assert recommend([mode("a", 100.0149, 5), mode("b", 100.005, 3)])["mode"] == "b"


def test_three_modes_cannot_go_round_in_a_circle():
    # Pairwise, "within 0.01 goes to fewer hours" would say b over a, c over b, and a over c
    # (0.012 apart). The candidates are those within 0.01 of the best (a: 10.012), so a and b
    # only; b has fewer hours.
    modes = [mode("a", 10.012, 5), mode("b", 10.006, 3), mode("c", 10.0, 1)]
    assert recommend(modes)["mode"] == "b"


def test_equal_hours_within_a_fen_go_to_the_higher_profit():
    assert recommend([mode("a", 10.0, 2), mode("b", 10.005, 2)])["mode"] == "b"


def test_tie_on_profit_and_hours_goes_to_the_first_listed():
    assert recommend([mode("a", 10, 2), mode("b", 10, 2)]) == {
        "mode": "a", "reason": "A and B tie on profit after effort and on hours (¥10.00 a month, "
        "2.0 h); the first listed is shown."}


def test_when_every_mode_loses_the_reason_says_so():
    assert recommend([mode("a", -500, 1), mode("b", -20.5, 9)]) == {
        "mode": "b", "reason": "No mode makes a profit once your time is valued; B loses the "
        "least (−¥20.50 a month)."}


def test_a_single_mode():
    assert recommend([mode("a", 0.001, 1)])["reason"] == (
        "A is the only mode compared (¥0.00 a month after effort).")
