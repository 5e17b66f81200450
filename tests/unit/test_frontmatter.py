"""Our front-matter reader agrees with MkDocs' on every page, and on the edge cases."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from hooks import frontmatter

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_a_block_becomes_metadata_and_leaves_the_body() -> None:
    body, meta = frontmatter.split("---\ntitle: A week\ntime: 1-2 hours\n---\n\n# A week\n\nText.\n")
    assert meta == {"title": "A week", "time": "1-2 hours"}
    assert body == "# A week\n\nText.\n"


def test_the_block_may_end_with_three_dots() -> None:
    assert frontmatter.split("---\ntitle: x\n...\nbody\n") == ("body\n", {"title": "x"})


@pytest.mark.parametrize(
    "source",
    [
        "# No front matter\n---\ntitle: x\n---\n",
        "---\ntitle: [unclosed\n---\nbody\n",  # invalid YAML
        "---\n- a list\n---\nbody\n",  # not a mapping
        "---\ntitle: x\n",  # never closed
        "",
    ],
)
def test_anything_else_leaves_the_text_whole(source: str) -> None:
    assert frontmatter.split(source) == (source, {})


def test_yaml_is_read_safely() -> None:
    body, meta = frontmatter.split("---\nx: !!python/name:os.system\n---\nbody\n")
    assert (body, meta) == ("---\nx: !!python/name:os.system\n---\nbody\n", {})


def test_it_agrees_with_the_engine_on_every_page() -> None:
    engine = next((e for e in ("mkdocs", "properdocs") if importlib.util.find_spec(e)), None)
    if engine is None:
        pytest.skip("neither MkDocs nor ProperDocs is installed")
    meta_module = importlib.import_module(f"{engine}.utils.meta")
    pages = sorted(DOCS.rglob("*.md"))
    assert len(pages) > 50
    for path in pages:
        source = path.read_text(encoding="utf-8")
        assert frontmatter.split(source) == meta_module.get_data(source), path
