"""The sentences of "what would change the recommendation", in the reader's language (the words
themselves are in i18n.WORDS).

>>> class S: label, unit, value = "Freight", "CNY per kg", 3.0
>>> flip_sentence(S, 9.4, "Semi-managed", "Fully managed", True)
'Semi-managed would pay more than fully managed if freight rose above 9.40 CNY per kg.'
>>> flip_sentence(S, 9.4, "半托管", "全托管", True, "zh")
'如果Freight升到 9.40 CNY per kg，半托管会比全托管更赚钱。'
>>> class R: label, unit, value = "Fee", "share of revenue", 0.08
>>> flip_sentence(R, 0.05, "Self", "Semi", False)
'Self would pay as much as semi (within ¥0.01) for fewer hours if fee fell below 5%.'
"""

from __future__ import annotations

from .formatting import _trimmed, rate_percent
from .i18n import say


def in_sentence(label: str, language: str = "en") -> str:
    """A label as it reads mid-sentence: 'Fully managed' -> 'fully managed', 'SKUs' stays;
    Chinese has no capitals to lower.

    >>> in_sentence("Fully managed"), in_sentence("SKUs per month")
    ('fully managed', 'SKUs per month')
    """
    if language == "en" and len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def is_share(unit: str) -> bool:
    """A unit that makes the value a share (shown as a percentage), in either language: the
    English units begin with "share", the Chinese ones say 比例.

    >>> is_share("share of units"), is_share("占收入比例"), is_share("CNY")
    (True, True, False)
    """
    return unit.startswith("share") or "比例" in unit


def quantity(value: float, unit: str) -> str:
    """A subject's value with its unit: shares as percentages, other numbers to the cent.

    >>> quantity(0.125, "share of units"), quantity(2300.4, "units"), quantity(0.045, "CNY")
    ('12.5%', '2,300.40 units', '0.045 CNY')
    """
    if is_share(unit):
        return rate_percent(value)
    text = _trimmed(value, 2 if abs(value) >= 1 else 4, 2)
    return f"{text} {unit}".strip()


def flip_sentence(subject: object, value: float, new: str, current: str, pays_more: bool,
                  language: str = "en") -> str:
    """One flip in words. ``pays_more``: the new mode's profit after effort is higher past it
    (otherwise it wins a tie on hours)."""
    moved = say(language, "rose_above" if value >= subject.value else "fell_below")
    return say(language, "pays_more" if pays_more else "tie_wins", new=new,
               current=in_sentence(current, language),
               subject=in_sentence(subject.label, language), moved=moved,
               value=quantity(value, subject.unit))


def verdict_sentence(best: str, modes: int, count: int, deciding: list[dict],
                     language: str = "en") -> str:
    """The one-line verdict: ``deciding`` are the subjects with a flip inside their range,
    nearest first.

    >>> verdict_sentence("Self-operated", 1, 9, [])
    'Self-operated is the only mode compared.'
    >>> verdict_sentence("自运营", 3, 9, [], "zh")
    '9 个参数和填写项逐一在合理区间内变动，推荐结果始终是自运营。'
    """
    if modes < 2:
        return say(language, "only_mode", best=best)
    if not deciding:
        return say(language, "holds", best=best, count=count)
    names = say(language, "list_separator").join(
        in_sentence(row["label"], language) for row in deciding[:3])
    if len(deciding) > 3:
        names = say(language, "and_more", names=names, more=len(deciding) - 3)
    return say(language, "depends", best=best, names=names)
