"""Rendering data as HTML: figures in words, and contributor text kept inert."""

from __future__ import annotations

import markdown
import pytest

from hooks import tables

EVIL = "<script>alert(1)</script> [x](javascript:alert(1)) ![](https://tracker.example/p.png) a | b\nnew line"

RESOURCE = {
    "id": "evil",
    "title": EVIL,
    "url": "https://example.org/",
    "type": "book",
    "steps": [1],
    "cost": "free",
    "level": "beginner",
    "author": EVIL,
    "why": EVIL,
}


def to_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["md_in_html", "tables", "attr_list"])


def test_contributor_text_stays_text_through_markdown() -> None:
    html = to_html("# Page\n\n" + tables.resource_table([RESOURCE], "Test"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert "<img" not in html
    assert html.count("<a ") == 1  # only the resource's own https link
    assert html.count("<tr") == 2  # header and one row: the | did not split the table
    assert "[x](javascript:alert(1))" in html


def test_newlines_cannot_start_a_markdown_line() -> None:
    out = tables.resource_table([RESOURCE], "Test")
    assert not any(line.startswith(("- ", "#", "|")) for line in out.splitlines())


def test_only_https_urls_become_links() -> None:
    assert str(tables.link("javascript:alert(1)", "x")) == "x"
    assert str(tables.link("http://example.org", "x")) == "x"
    assert str(tables.link("https://example.org/?a=1&b=2", "x")) == '<a href="https://example.org/?a=1&amp;b=2">x</a>'


CERT = {
    "id": "c",
    "name": "Cert",
    "issuer": "Issuer",
    "url": "https://example.org/c",
    "kind": "certification",
    "format": "exam-only",
    "cost": {"amount": 1250, "currency": "USD", "covers": "Two attempts"},
    "exam": {"questions": 80, "minutes": 60, "pass_mark": "85%"},
    "renewal": {"expires": True, "interval_years": 2, "fee": {"amount": 100, "currency": "USD"}, "credits": "20 SEUs"},
    "stage": ["aspiring", "new-pm"],
    "who_for": "Someone who wants it for a good reason and knows what it does not prove.",
    "checked_on": "2026-11-01",
    "sources": [{"url": "https://example.org/c", "kind": "issuer"}],
}


def test_certification_figures_in_words() -> None:
    assert tables.fact(CERT, "cost") == "USD 1,250"
    assert tables.fact(CERT, "exam") == "80 questions, 60 minutes, pass mark 85%"
    assert tables.fact(CERT, "renewal") == "Renews every 2 years, USD 100, 20 SEUs"
    assert tables.fact({**CERT, "renewal": "none"}, "renewal") == "Does not expire"
    assert tables.fact({**CERT, "exam": "none"}, "exam") == "No exam"
    assert tables.fact({**CERT, "cost": "none"}, "cost") == "Free"
    assert (
        tables.fact({**CERT, "cost": {"covers": "Course", "varies_by_provider": True}}, "cost") == "Varies by provider"
    )
    member = {"amount": 575, "member_amount": 405, "currency": "USD", "covers": "Exam"}
    assert tables.fact({**CERT, "cost": member}, "cost") == "USD 575 (members USD 405)"


def test_certification_prints_only_what_the_data_states() -> None:
    """A not_published note is printed as written; nothing is added for a missing figure."""
    ask = "Pass mark not published; ask the issuer"
    assert tables.fact({**CERT, "exam": {"questions": 45, "not_published": ask}}, "exam") == f"45 questions. {ask}"
    assert tables.fact({**CERT, "renewal": {"not_published": ask}}, "renewal") == ask
    cost = {"covers": "Course", "not_published": "Price not published; ask the issuer"}
    assert tables.fact({**CERT, "cost": cost}, "cost") == "Price not published; ask the issuer"
    versioned = {"version": "POPM 5.1", "questions": 45, "minutes": 90}
    assert tables.fact({**CERT, "exam": versioned}, "exam") == "POPM 5.1 exam: 45 questions, 90 minutes"
    with pytest.raises(KeyError, match="states no prerequisites"):
        tables.fact(CERT, "prerequisites")
    with pytest.raises(KeyError, match="states no covers"):
        tables.fact({**CERT, "cost": "none"}, "covers")
    html = tables.certification_table([CERT], "Compared")
    for default in ("not published where we could check", "details not published", "renewal terms not published"):
        assert default not in html.lower()


def test_certification_table_says_how_each_row_was_checked() -> None:
    third = {**CERT, "id": "t", "sources": [{"url": "https://blog.example.org/c", "kind": "third-party"}]}
    html = tables.certification_table([CERT, third], "Compared")
    issuer_row, third_row = html.split('<tr id="cert-')[1:]
    assert "Checked against the issuer&#39;s page" in issuer_row
    assert "Third-party pages only" in third_row and "issuer&#39;s page" not in third_row


def test_certification_table_escapes_and_labels_its_region() -> None:
    html = to_html(tables.certification_table([{**CERT, "who_for": EVIL}], "Compared"))
    assert 'role="region" aria-label="Compared" tabindex="0"' in html
    assert "<script>" not in html and "<img" not in html


def test_resources_by_type_groups_in_a_fixed_order() -> None:
    book = {**RESOURCE, "id": "b", "title": "B", "author": "A", "why": "W" * 40}
    podcast = {**book, "id": "p", "title": "P", "type": "podcast", "url": "https://example.org/p"}
    out = tables.resources_by_type([podcast, book], 1)
    assert out.index("### Books") < out.index("### Podcasts")
    assert "No resources" in tables.resources_by_type([podcast], 2)
