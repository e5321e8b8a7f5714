"""The doctests of every public module run as part of the suite (and count for coverage)."""

import doctest
import importlib
import pkgutil

import pytest

import calculators

MODULES = sorted(  # not __main__: importing it runs the command line
    info.name for info in pkgutil.iter_modules(calculators.__path__, "calculators.")
    if info.name != "calculators.__main__"
)


def test_every_module_is_listed():
    assert "calculators.model" in MODULES and "calculators.report" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
