"""The recommendation rule and its one-line reason, worked by hand."""

from calculators.recommend import recommend


def mode(mode_id, profit_after_effort, hours):
    return {"id": mode_id, "label": mode_id.title(), "profit_after_effort": profit_after_effort,
            "effort_hours": hours}


def test_highest_profit_after_effort_wins():
    assert recommend([mode("a", 100.0, 5), mode("b", 250.5, 50), mode("c", -3, 0)]) == {
        "mode": "b", "reason": "B leaves the most profit after valuing your time: ¥250.50 a "
        "month, ¥150.50 more than A."}


def test_tie_to_the_fen_goes_to_fewer_hours():
    # 100.004 and 99.996 both show as ¥100.00: a tie, so the 3-hour mode wins
    assert recommend([mode("a", 100.004, 5), mode("b", 99.996, 3)]) == {
        "mode": "b", "reason": "B and A tie on profit after effort (¥100.00 a month); B needs "
        "fewer hours (3.0 h against 5.0 h)."}


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
