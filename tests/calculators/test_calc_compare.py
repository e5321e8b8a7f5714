"""Scenarios side by side: the differences per mode, in the recommendation, and as HTML."""

import json

import pytest
from calculators.bridge import Session
from calculators.compare import compare, render_comparison_html

from calculators import evaluate


def test_differences_per_mode_by_hand(bundle, scenario):
    base = evaluate(scenario, bundle)
    current = evaluate(dict(scenario, units_per_month=200), bundle)
    diff = compare(base, current)
    assert diff["inputs"] == [{"field": "units_per_month", "base": 100.0, "current": 200.0}]
    self_operated = next(m for m in diff["modes"] if m["id"] == "self_operated")
    # revenue doubles: 100 x 10 x 7 = 7,000 more
    assert self_operated["figures"]["revenue"] == {"base": 7000.0, "current": 14000.0,
                                                   "change": pytest.approx(7000.0)}


def test_a_changed_recommendation_is_named(bundle, scenario):
    base = evaluate(dict(scenario, units_per_month=0), bundle)
    current = evaluate(dict(scenario, units_per_month=5000), bundle)
    diff = compare(base, current)
    assert diff["recommended"]["changed"] == (base["recommended"]["mode"]
                                              != current["recommended"]["mode"])
    html = render_comparison_html(diff, "<Base>")
    labels = {m["id"]: m["label"] for m in current["modes"]}
    if diff["recommended"]["changed"]:
        assert (f"The recommendation changes from {labels[base['recommended']['mode']]} "
                f"(in &lt;Base&gt;) to {labels[current['recommended']['mode']]}.") in html
    assert "<Base>" not in html  # names are escaped
    assert '<li data-field="units_per_month">Units sold per month: 0 → 5,000</li>' in html


def test_none_values_and_overrides_are_shown(bundle, scenario):
    base = evaluate(dict(scenario, units_per_month=0), bundle)  # no revenue: no margin
    current = evaluate(dict(scenario, category="apparel",
                            overrides={"capital_cost_rate": 0.1}), bundle)
    html = render_comparison_html(compare(base, current), "Base")
    assert "Product category: home_garden → apparel" in html
    assert "(—)" in html  # a margin change with no base margin
    assert "capital_cost_rate = 0.1" in html
    back = render_comparison_html(compare(current, base), "Base")
    assert "capital_cost_rate = 0.1 → —" in back  # the override removed: none


def test_the_bridge_compares_with_a_pinned_base_and_keeps_its_result(bundle):
    session = Session(json.dumps(bundle))
    request = {"raw": {"units_per_month": "500"}, "overrides": {}, "modes": None}
    plain = json.loads(session.handle(json.dumps(request)))
    assert plain["comparison"] is None
    base = {"raw": {"units_per_month": "300"}, "overrides": {}, "name": "Base"}
    first = json.loads(session.handle(json.dumps(dict(request, base=base))))
    assert "Units sold per month: 300 → 500" in first["comparison"]
    kept = session._base_result
    again = json.loads(session.handle(json.dumps(dict(request, base=base))))
    assert session._base_result is kept and again["comparison"] == first["comparison"]
    broken = dict(base, raw={"units_per_month": "lots"})
    answer = json.loads(session.handle(json.dumps(dict(request, base=broken))))
    assert answer["comparison"].startswith('<p class="amc-cmp-invalid">The pinned base cannot be '
                                           "worked out: Units sold per month")
