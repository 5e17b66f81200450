"""hooks/blocks.py: a macro's HTML blocks skip the Markdown parser and come back unchanged, with no store."""

from __future__ import annotations

import markdown

from hooks import blocks

TABLE = '<table class="ptp-table">\n<tr><td>*not emphasis* [not](a-link) -- --&gt;</td></tr>\n</table>'
EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def test_an_html_block_becomes_a_comment_that_carries_it() -> None:
    out = blocks.stash(f"Intro **text**.\n\n{TABLE}\n\nOutro.")
    assert "<table" not in out and out.count("<!--ptp-block:") == 1
    assert "Intro **text**." in out and "Outro." in out
    assert blocks.restore(out) == out.replace(out.split("\n\n")[2], TABLE)


def test_prose_and_comments_are_left_for_markdown() -> None:
    text = "A paragraph.\n\n<!-- a comment -->\n\n- a list"
    assert blocks.stash(text).strip() == text


def test_a_block_survives_markdown_untouched_even_inside_a_list() -> None:
    page = "# Title\n" + blocks.stash(TABLE) + "After the *table*.\n\n- item\n\n    " + blocks.stash(TABLE).strip()
    html = blocks.restore(markdown.markdown(page, extensions=EXTENSIONS))
    assert html.count(TABLE) == 2, "Markdown never saw the blocks: no <em>, no link"
    assert "<em>table</em>" in html and "ptp-block" not in html


def test_non_ascii_text_comes_back_as_written() -> None:
    block = "<p>Café — 10 € · 日本</p>"
    assert blocks.restore(markdown.markdown(blocks.stash(block))) == block


def test_restore_without_placeholders_changes_nothing() -> None:
    assert blocks.restore("<p>plain</p><!-- other -->") == "<p>plain</p><!-- other -->"
