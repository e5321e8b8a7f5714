"""The memory snapshot the worker boots from (generator/snapshot.py), restored in real Pyodide
under Node with an empty standard library and no wheel, answers as CPython does."""

import gzip
import json
from pathlib import Path

import pytest
from snapshot_answers import cpython_answers, restored_answers

from generator import snapshot as snapshot_module
from generator.bundle import build_bundle, bundle_json
from generator.load import load_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def snapshot_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("snapshot-cache")


@pytest.fixture(scope="module")
def made(site_runtime, snapshot_cache, tmp_path_factory) -> tuple[Path, Path]:
    """(the snapshot, raw XOR form; the site's parameter bundle), made afresh (not from build/)."""
    index, wheel = site_runtime
    scratch = tmp_path_factory.mktemp("snapshot")
    original, snapshot_module.CACHE_DIR = snapshot_module.CACHE_DIR, snapshot_cache
    try:
        packed = snapshot_module.memory_snapshot(ROOT / "node_modules" / "pyodide",
                                                 index / "python_stdlib.zip", wheel)
    finally:
        snapshot_module.CACHE_DIR = original
    raw = scratch / "snapshot.xsnp"
    raw.write_bytes(gzip.decompress(packed))
    parameters = scratch / "parameters.json"
    parameters.write_text(bundle_json(build_bundle(load_data(ROOT / "data"))), encoding="utf-8")
    return raw, parameters


def test_the_restored_snapshot_answers_as_cpython_without_stdlib_or_wheel(made, tmp_path):
    snapshot, parameters = made
    answers = restored_answers(snapshot, parameters, tmp_path)
    expected = cpython_answers(parameters)
    for key, value in expected.items():
        assert answers[key] == value, key
    assert json.loads(answers["handle"][3])["ok"] is True  # Chinese, a result
    assert json.loads(answers["handle"][1])["ok"] is False  # a problem


def test_the_snapshot_needs_the_memory_image_xored_back(made, tmp_path):
    """Restored as a plain Pyodide snapshot (the XOR with the WebAssembly's memory image left
    out), it is broken: the image really is part of the stored form."""
    snapshot, parameters = made
    plain = tmp_path / "as-is.plain"
    plain.write_bytes(snapshot.read_bytes()[8:])
    try:
        answers = restored_answers(plain, parameters, tmp_path)
    except RuntimeError:
        return
    assert answers["handle"] != cpython_answers(parameters)["handle"]


def test_zeroed_stale_memory_and_the_xor_make_it_smaller_than_what_it_replaces(made, site_runtime):
    """The byte guard: gzipped, it must stay below the standard library and wheel it replaces."""
    snapshot, _ = made
    index, wheel = site_runtime
    packed = len(gzip.compress(snapshot.read_bytes(), 9))
    assert packed < (index / "python_stdlib.zip").stat().st_size + wheel.stat().st_size


def test_a_second_build_reuses_the_cached_snapshot_without_node(made, site_runtime,
                                                                 snapshot_cache, monkeypatch):
    snapshot, _ = made
    index, wheel = site_runtime
    monkeypatch.setattr(snapshot_module, "CACHE_DIR", snapshot_cache)
    monkeypatch.setattr(snapshot_module.shutil, "which", lambda name: None)  # no Node now
    packed = snapshot_module.memory_snapshot(ROOT / "node_modules" / "pyodide",
                                             index / "python_stdlib.zip", wheel)
    assert gzip.decompress(packed) == snapshot.read_bytes()
    assert len(list(snapshot_cache.glob("*.xsnp.gz"))) == 1
