"""Shared fixtures: the hand-written parameter bundle and a scenario with round numbers."""

import copy

import pytest
from calculators_support import BUNDLE


@pytest.fixture
def bundle() -> dict:
    return copy.deepcopy(BUNDLE)


@pytest.fixture
def scenario() -> dict:
    """Round numbers so the expected values can be worked out by hand in the tests."""
    return {
        "category": "home_garden",
        "retail_price_usd": 10,
        "fx_cny_per_usd": 7,
        "units_per_month": 100,
        "units_per_order": 2,
        "weight_kg": 0.5,
        "cogs_cny": 20,
        "new_skus_per_month": 2,
        "active_skus": 10,
        "labour_rate_cny_per_hour": 50,
        "return_rate": 0.1,
    }
