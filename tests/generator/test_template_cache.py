"""Compiled templates kept on disk (generator/template_cache.py): reused, never stale or mixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from generator import template_cache

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_root(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setattr(template_cache, "CACHE_ROOT", root)
    monkeypatch.setattr(template_cache, "_caches", {})
    return root


def counting_environment(folder, **settings) -> tuple[Environment, list[str]]:
    """An environment on ``folder`` that records the name of every template it compiles."""
    compiled: list[str] = []
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, **settings)
    compile_source = env.compile

    def compile_and_count(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    env.compile = compile_and_count
    return template_cache.use_bytecode_cache(env), compiled


def test_a_later_build_reuses_the_compiled_template(tmp_path, cache_root):
    (tmp_path / "page.html").write_text("Hello {{ name }}!", encoding="utf-8")
    first, first_compiled = counting_environment(tmp_path)
    assert first.get_template("page.html").render(name="A") == "Hello A!"
    again, again_compiled = counting_environment(tmp_path)  # a new build: a new environment
    assert again.get_template("page.html").render(name="B") == "Hello B!"
    assert (first_compiled, again_compiled) == (["page.html"], [])
    assert len(list(cache_root.rglob("*.cache"))) == 1


def test_an_edited_template_is_compiled_again(tmp_path, cache_root):
    template = tmp_path / "page.html"
    template.write_text("Old {{ name }}", encoding="utf-8")
    counting_environment(tmp_path)[0].get_template("page.html").render(name="x")
    template.write_text("New {{ name }}", encoding="utf-8")
    env, compiled = counting_environment(tmp_path)
    assert env.get_template("page.html").render(name="x") == "New x"
    assert compiled == ["page.html"]


def test_other_syntax_settings_never_get_code_compiled_under_different_ones(tmp_path,
                                                                           cache_root):
    (tmp_path / "list.txt").write_text("{% for i in items %}\n{{ i }}\n{% endfor %}\n",
                                       encoding="utf-8")
    plain, _ = counting_environment(tmp_path)
    trimmed, compiled = counting_environment(tmp_path, trim_blocks=True)
    assert plain.get_template("list.txt").render(items=[1, 2]) == "\n1\n\n2\n"
    assert trimmed.get_template("list.txt").render(items=[1, 2]) == "1\n2\n"
    assert compiled == ["list.txt"]
    assert len({path.parent for path in cache_root.rglob("*.cache")}) == 2


def test_every_environment_of_the_theme_gets_the_cache(cache_root):
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.zh.yml"))
    assert config.theme.get_env().bytecode_cache is None  # MkDocs' own
    template_cache.cache_every_theme_env(config.theme)
    template_cache.cache_every_theme_env(config.theme)  # once is enough
    env = config.theme.get_env()
    assert env.bytecode_cache is not None
    # What Material's search reads from it, the second time from the cache: as compiled afresh.
    keys = ("search.config.lang", "search.config.separator", "search.config.pipeline")

    def defaults(env) -> list[str]:
        language = env.get_template("partials/language.html", None, {"config": config})
        return [language.module.t(key) for key in keys]

    fresh = defaults(load_config(str(REPO / "mkdocs.zh.yml")).theme.get_env())
    assert defaults(env) == defaults(config.theme.get_env()) == fresh
    assert fresh[1] != "search.config.separator"  # a translation found, not the key itself
    assert list(cache_root.rglob("*.cache"))
