"""The sentences of "what would change the recommendation", in one place (for translation).

>>> class S: label, unit, value = "Freight", "CNY per kg", 3.0
>>> flip_sentence(S, 9.4, "Semi-managed", "Fully managed", True)
'Semi-managed would pay more than fully managed if freight rose above 9.40 CNY per kg.'
>>> class R: label, unit, value = "Fee", "share of revenue", 0.08
>>> flip_sentence(R, 0.05, "Self", "Semi", False)
'Self would pay as much as semi (within ¥0.01) for fewer hours if fee fell below 5%.'
"""

from __future__ import annotations

from .formatting import _trimmed, rate_percent

TEXT = {
    "pays_more": "{new} would pay more than {current} if {subject} {moved} {value}.",
    "tie_wins": ("{new} would pay as much as {current} (within ¥0.01) for fewer hours if "
                 "{subject} {moved} {value}."),
    "above": "rose above",
    "below": "fell below",
    "only_mode": "{best} is the only mode compared.",
    "holds": ("{best} stays the recommendation across the plausible range of every one of the "
              "{count} parameters and inputs (each varied alone)."),
    "depends": ("{best} is recommended at these figures, but the answer depends on {names}: "
                "within its plausible range, each alone can change it."),
    "and_more": "{names} and {more} more",
}


def in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: 'Fully managed' -> 'fully managed', 'SKUs' stays.

    >>> in_sentence("Fully managed"), in_sentence("SKUs per month")
    ('fully managed', 'SKUs per month')
    """
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def quantity(value: float, unit: str) -> str:
    """A subject's value with its unit: shares as percentages, other numbers to the cent.

    >>> quantity(0.125, "share of units"), quantity(2300.4, "units"), quantity(0.045, "CNY")
    ('12.5%', '2,300.40 units', '0.045 CNY')
    """
    if unit.startswith("share"):
        return rate_percent(value)
    text = _trimmed(value, 2 if abs(value) >= 1 else 4, 2)
    return f"{text} {unit}".strip()


def flip_sentence(subject: object, value: float, new: str, current: str, pays_more: bool) -> str:
    """One flip in words. ``pays_more``: the new mode's profit after effort is higher past it
    (otherwise it wins a tie on hours)."""
    moved = TEXT["above"] if value >= subject.value else TEXT["below"]
    template = TEXT["pays_more"] if pays_more else TEXT["tie_wins"]
    return template.format(new=new, current=in_sentence(current),
                           subject=in_sentence(subject.label), moved=moved,
                           value=quantity(value, subject.unit))


def verdict_sentence(best: str, modes: int, count: int, deciding: list[dict]) -> str:
    """The one-line verdict: ``deciding`` are the subjects with a flip inside their range,
    nearest first.

    >>> verdict_sentence("Self-operated", 1, 9, [])
    'Self-operated is the only mode compared.'
    """
    if modes < 2:
        return TEXT["only_mode"].format(best=best)
    if not deciding:
        return TEXT["holds"].format(best=best, count=count)
    names = ", ".join(in_sentence(row["label"]) for row in deciding[:3])
    if len(deciding) > 3:
        names = TEXT["and_more"].format(names=names, more=len(deciding) - 3)
    return TEXT["depends"].format(best=best, names=names)
