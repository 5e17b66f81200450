"""hooks/blocks.py: a macro's HTML blocks skip the Markdown parser and come back unchanged."""

from __future__ import annotations

import markdown

from hooks import blocks

TABLE = '<table class="ptp-table">\n<tr><td>*not emphasis* [not](a-link)</td></tr>\n</table>'


def test_an_html_block_is_replaced_by_a_placeholder_and_kept() -> None:
    store: list[str] = []
    out = blocks.stash(f"Intro **text**.\n\n{TABLE}\n\nOutro.", store)
    assert store == [TABLE]
    assert "<table" not in out and blocks.PLACEHOLDER.format(0) in out
    assert "Intro **text**." in out and "Outro." in out


def test_prose_and_comments_are_left_for_markdown() -> None:
    store: list[str] = []
    text = "A paragraph.\n\n<!-- a comment -->\n\n- a list"
    out = blocks.stash(text, store)
    assert store == []
    assert out.strip() == text


def test_blocks_from_several_macros_on_one_page_get_their_own_numbers() -> None:
    store: list[str] = []
    first = blocks.stash("<div>one</div>", store)
    second = blocks.stash("<div>two</div>", store)
    assert blocks.PLACEHOLDER.format(0) in first and blocks.PLACEHOLDER.format(1) in second
    assert store == ["<div>one</div>", "<div>two</div>"]


def test_a_block_survives_markdown_untouched() -> None:
    store: list[str] = []
    page = "# Title\n" + blocks.stash(TABLE, store) + "After the *table*."
    html = blocks.restore(markdown.markdown(page), store)
    assert TABLE in html, "Markdown never saw the block: no <em>, no link"
    assert "<em>table</em>" in html


def test_restore_without_placeholders_changes_nothing() -> None:
    assert blocks.restore("<p>plain</p>", ["<div>unused</div>"]) == "<p>plain</p>"
