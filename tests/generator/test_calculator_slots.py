"""Calculator blocks go into the finished page in place of their placeholders."""

from __future__ import annotations

import pytest

from generator.calculator_slots import CalculatorSlots, MissingBlock


def test_each_placeholder_becomes_its_block_byte_for_byte():
    slots = CalculatorSlots()
    full = '<section class="amc" data-calculator="">\n<p>a &amp; b</p>\n</section>'
    compact = '<section class="amc amc--compact" data-calculator="">x</section>'
    markdown = f"# Page\n\n{slots.placeholder(full)}\n\nText\n\n{slots.placeholder(compact)}\n"
    assert "<section" not in markdown
    html = markdown.replace("# Page", "<h1>Page</h1>")
    assert slots.fill(html) == f"<h1>Page</h1>\n\n{full}\n\nText\n\n{compact}\n"


def test_a_placeholder_this_build_did_not_make_is_an_error():
    made = CalculatorSlots().placeholder("<section>old</section>")
    with pytest.raises(MissingBlock, match="no calculator block"):
        CalculatorSlots().fill(f"<p>before</p>{made}")


def test_a_page_starts_python_at_once_only_with_a_block_that_does():
    slots = CalculatorSlots()
    full = slots.placeholder("<section>all three modes</section>", starts_at_once=True)
    compact = slots.placeholder("<section>one mode</section>")
    assert slots.starts_at_once(f"<p>Compare</p>{full}")
    assert slots.starts_at_once(f"{compact}{full}")
    assert not slots.starts_at_once(f"<p>Guide</p>{compact}")
    assert not slots.starts_at_once("<p>No calculator</p>")
