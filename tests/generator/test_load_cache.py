"""One process loading data/ again (`mkdocs serve` after an edit) parses only what changed."""

from __future__ import annotations

import pytest

from generator import load
from generator.errors import DataErrors
from generator.load import load_data


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The data files parsed from here on, by their name in messages."""
    names: list[str] = []
    read_yaml = load.read_yaml

    def counting_read_yaml(text, display):
        names.append(display)
        return read_yaml(text, display)

    monkeypatch.setattr(load, "read_yaml", counting_read_yaml)
    monkeypatch.setattr(load, "_checked", {})
    return names


def test_a_second_load_parses_only_the_edited_file(golden_copy, parsed):
    first = load_data(golden_copy)
    everything = sorted(parsed)
    model = golden_copy / "model.yml"
    model.write_text(model.read_text(encoding="utf-8").replace("value: 0.1\n", "value: 0.07\n"),
                     encoding="utf-8")
    parsed.clear()
    second = load_data(golden_copy)
    assert parsed == ["data/model.yml"]
    assert len(everything) > 10
    assert (first.capital_cost_rate.value, second.capital_cost_rate.value) == (0.1, 0.07)
    assert second.modes == first.modes


def test_a_broken_file_reports_its_problems_every_time(golden_copy, parsed):
    tasks = golden_copy / "tasks.yml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(DataErrors) as raised:
            load_data(golden_copy)
        messages.append([str(problem) for problem in raised.value.problems])
    assert messages[0] == messages[1]
    assert any("unknown_key" in message for message in messages[0])
    assert parsed.count("data/tasks.yml") == 1


def test_the_same_bytes_are_checked_again_on_another_day(golden_copy, parsed):
    import datetime

    load_data(golden_copy, today=datetime.date(2026, 12, 1))
    parsed.clear()
    load_data(golden_copy, today=datetime.date(2026, 12, 2))
    assert "data/model.yml" in parsed
