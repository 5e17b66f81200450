"""bench/engines.py finds each kind of difference between two builds."""

from __future__ import annotations

from pathlib import Path

from bench.engines import compare

PAGE = (
    '<html><head><meta name="generator" content="{gen}"></head><body>'
    '<article class="md-content__inner md-typeset"><h1>Lesson</h1><p>{text}</p>'
    '<input type="checkbox" data-check-id="{check}"><table><tr><td>{cell}</td></tr></table></article></body></html>'
)


def site(root: Path, gen: str = "mkdocs-1.6.1", text: str = "Read.", check: str = "a", cell: str = "1") -> Path:
    (root / "lesson").mkdir(parents=True)
    (root / "lesson" / "index.html").write_text(PAGE.format(gen=gen, text=text, check=check, cell=cell))
    return root


def test_builds_that_differ_only_outside_the_article_agree(tmp_path: Path) -> None:
    differences = compare(site(tmp_path / "a"), site(tmp_path / "b", gen="properdocs-1.6.7"))
    assert not any(differences.values())


def test_each_kind_of_difference_is_found(tmp_path: Path) -> None:
    a = site(tmp_path / "a")
    b = site(tmp_path / "b", text="Read  twice.", check="b", cell="2")
    (b / "extra.html").write_text("<p>x</p>")
    differences = compare(a, b)
    assert differences["pages only in the second"] == ["extra.html"]
    for kind in ("article text", "checklist ids", "tables"):
        assert differences[kind] == ["lesson/index.html"], kind
