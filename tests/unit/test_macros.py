"""hooks/macros.py: what a macro adds to a page stays with that page (no hand-off through shared state)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import markdown
import pytest

from hooks import macros, pages, state


class FakeEnv:
    """The part of mkdocs-macros' env the module uses: macro registration, the page, its Markdown."""

    def __init__(self) -> None:
        self.macros: dict[str, Callable[..., str]] = {}
        self.page: Any = None
        self.markdown = ""
        self.conf = {"docs_dir": str(pages.data.ROOT / "docs")}

    def macro(self, fn: Callable[..., str]) -> Callable[..., str]:
        self.macros[fn.__name__] = fn
        return fn

    def render(self, src: str, text: str, calls: Callable[[dict[str, Callable[..., str]]], str]) -> str:
        """One page as mkdocs-macros renders it: pre hook, the macros, post hook."""
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src), url=src.removesuffix(".md") + "/")
        self.markdown = text
        macros.on_pre_page_macros(self)
        self.markdown = self.markdown.replace("{{ here }}", calls(self.macros))
        macros.on_post_page_macros(self)
        return self.markdown


@pytest.fixture(scope="module")
def env() -> Iterator[FakeEnv]:
    pages.start_build()
    e = FakeEnv()
    macros.define_env(e)
    yield e
    state.reset()


def test_a_cited_figure_gets_its_footnote_on_its_own_page_only(env: FakeEnv) -> None:
    cert_id = next(iter(state.current().data.certifications))
    first = env.render("steps/06-x/01-a.md", "Costs {{ here }}.", lambda m: m["cert"](cert_id, "cost"))
    assert f"[^cert-{cert_id}]" in first
    assert first.count(f"[^cert-{cert_id}]: ") == 1, "one definition, below the page"
    second = env.render("steps/06-x/02-b.md", "No citation here.", lambda m: "")
    assert "[^" not in second, "the next page starts with no footnotes"


def test_citing_twice_defines_the_footnote_once(env: FakeEnv) -> None:
    cert_id = next(iter(state.current().data.certifications))
    out = env.render("a.md", "{{ here }}", lambda m: m["cert"](cert_id, "cost") + m["cert"](cert_id, "exam"))
    assert out.count(f"[^cert-{cert_id}]: ") == 1


def test_a_macros_table_comes_back_whole_in_the_pages_html(env: FakeEnv) -> None:
    out = env.render("glossary.md", "# Glossary\n\n{{ here }}\n", lambda m: m["glossary_list"]())
    assert "<dl" not in out, "the HTML travels as a comment, unseen by Markdown"
    html = pages.page_html(markdown.markdown(out))
    assert '<dl class="ptp-glossary">' in html and "ptp-block" not in html


def test_footnote_definitions_of_nothing_add_nothing() -> None:
    assert macros.footnote_definitions({}) == ""
    assert macros.footnote_definitions({"a": "Source"}) == "\n\n[^a]: Source\n"
