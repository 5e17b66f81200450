"""The sinks' escaping: contributor text rendered through real Python-Markdown stays text."""

from __future__ import annotations

import html

import markdown
import pytest

from hooks import glossary, tables

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "![t](https://tracker.example/p.png)",
    "*e*{: onmouseover=alert(4) }",
    "[^evil]",
    "{{ config }} {% raw %}",
    "a | b\nsecond line",
    "<https://autolink.example/>",
    ":smile: &amp; &#60;",
]


def render(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "footnotes", "tables", "abbr", "md_in_html"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_inline_text_reads_back_as_the_same_text(payload: str) -> None:
    out = render(f"Before {tables.inline(payload)} after.")
    assert out.startswith("<p>Before ") and out.endswith(" after.</p>"), out
    inner = out[len("<p>Before ") : -len(" after.</p>")]
    assert "<" not in inner and ">" not in inner, "no element was made"
    assert html.unescape(inner) == " ".join(payload.split()), "a reader sees exactly the text"
    assert "{{" not in inner and "|" not in inner and "[" not in inner


def test_inline_text_in_a_table_cell_stays_in_its_cell() -> None:
    out = render(f"| a | b |\n| --- | --- |\n| {tables.inline('x | y')} | z |")
    assert out.count("<td>") == 2 and "x &#124; y" in out


def test_a_footnote_source_cannot_break_out() -> None:
    note = tables.footnote_source(
        'https://www.scrum.org/x)<svg/onload=alert(7)>"', "Issuer: *Name* [x](y)", "2026-11-26"
    )
    out = render(f"Text[^n]\n\n[^n]: {note}")
    assert "<svg" not in out and 'onload"' not in out
    href = html.unescape(out.split('href="https', 1)[1].split('"', 1)[0])
    assert href == "://www.scrum.org/x)%3Csvg/onload=alert(7)%3E%22"
    assert "<em>" not in out and "Issuer&#58; &#42;Name&#42;" in out


def test_link_syntax_inside_a_source_address_stays_in_the_address() -> None:
    out = render(
        f"Text[^n]\n\n[^n]: {tables.footnote_source('https://evil.example/a)b*c*[d](e)', 'Issuer', '2026-11-26')}"
    )
    assert out.count("<a ") == 3, out  # the reference, the source, the back link
    assert 'href="https://evil.example/a)b*c*[d](e)"' in html.unescape(out)


def test_a_non_https_source_is_no_link() -> None:
    assert "<a" not in tables.footnote_source("javascript:alert(1)", "Issuer", "2026-11-26")


def test_tooltip_text_has_nothing_html_could_parse() -> None:
    tip = glossary.tooltip_text("<img src=x onerror=alert(11)> R&D &lt;b&gt;\nnext")
    assert "<" not in tip and ">" not in tip and "&" not in tip and "\n" not in tip
    assert tip.startswith("\uff1cimg src=x onerror=alert(11)\uff1e R\uff06D")


def test_an_abbreviation_title_is_inert_after_markdown() -> None:
    lines = glossary.abbreviations(
        [{"term": "Bad", "abbreviation": "BAD", "definition": "<img src=x onerror=alert(11)> & more."}], []
    )
    out = render("A BAD day.\n\n" + lines["BAD"])
    title = html.unescape(out.split('title="', 1)[1].split('"', 1)[0])
    assert "<" not in title and "&" not in title, title
