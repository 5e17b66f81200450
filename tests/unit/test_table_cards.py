"""Catalogue cells carry their column's name (for the phone cards), a sort value, and a foldable "why"."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

from hooks import tables

RESOURCE = {
    "id": "r1",
    "title": 'A "book" <b>',
    "url": "https://example.org/",
    "type": "book",
    "steps": [3, 5],
    "cost": "freemium",
    "level": "intermediate",
    "author": "Ann <td> Author",
    "why": "Because.",
}


def cells(html: str) -> list[tuple[str, str | None]]:
    return [
        (m.group(1), m.group(2)) for m in re.finditer(r'<td data-label="([^"]*)"(?: data-sort="([^"]*)")?[ >]', html)
    ]


def test_every_resource_cell_is_labelled_and_cost_level_and_steps_sort_by_rank() -> None:
    html = tables.resource_table([RESOURCE], "Test", with_steps=True)
    assert cells(html) == [
        ("Resource", None),
        ("Steps", "3"),
        ("Type", None),
        ("Cost", "1"),
        ("Level", "2"),
        ("Why this one", None),
    ]
    assert "Ann &lt;td&gt; Author" in html  # contributor text is never read as a cell


def test_certification_cost_sorts_by_amount_and_an_unknown_amount_is_empty() -> None:
    row = '<tr><td>a</td><td data-sort="">b</td></tr>'
    out = tables._table(["One", "Two"], [tables.Markup(row)], "t")
    assert '<td data-label="One">a</td><td data-label="Two" data-sort="">b</td>' in out


# ---------------------------------------------------------------- the expandable "why"

HOSTILE = '<script>alert(1)</script> "quoted" [x](javascript:alert(1)) a | b & c\n' * 2


class Why(HTMLParser):
    """The elements of a why cell: (tag, attributes) in order, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def parsed(markup: str) -> Why:
    out = Why()
    out.feed(markup)
    return out


def test_a_long_why_is_text_with_a_button_that_controls_it() -> None:
    cell = parsed(str(tables.why("Because " * 20, "res-r1")))
    (_, box), (_, text), (_, button) = cell.tags[0], cell.tags[1], cell.tags[2]
    assert [t for t, _ in cell.tags] == ["span", "span", "button"]
    assert box["class"] == "ptp-why" and text["class"] == "ptp-why__text" and text["id"] == "why-res-r1"
    assert button == {
        "type": "button",
        "class": "ptp-why__more",
        "aria-expanded": "false",
        "aria-controls": "why-res-r1",
        "data-search-exclude": None,
    }
    assert cell.text == ("Because " * 20).strip() + "Show more"


def test_a_short_why_is_plain_text_with_no_control() -> None:
    assert str(tables.why("Short & <b>sweet</b>.", "res-r1")) == "Short &amp; &lt;b&gt;sweet&lt;/b&gt;."


def test_hostile_why_text_and_ids_stay_text_through_markdown() -> None:
    resource = {**RESOURCE, "id": 'r1" onclick="x', "why": HOSTILE}
    html = markdown.markdown(tables.resource_table([resource], "Test"), extensions=["md_in_html", "tables"])
    assert "<script>" not in html and 'href="javascript' not in html and ' onclick="x"' not in html
    start = html.index('<span class="ptp-why">')
    cell = parsed(html[start : html.index("</button>", start)])
    assert cell.tags[1][1]["id"] == cell.tags[2][1]["aria-controls"] == 'why-res-r1" onclick="x'
    assert cell.text == " ".join(HOSTILE.split()) + "Show more"  # the reader sees the text as written


def test_both_catalogues_and_the_step_pages_fold_their_why() -> None:
    cert = {
        "id": "c1",
        "name": "C",
        "issuer": "I",
        "url": "https://example.org/",
        "kind": "certification",
        "format": "exam-only",
        "stage": ["aspiring"],
        "cost": "none",
        "exam": "none",
        "renewal": "none",
        "who_for": "For someone who " * 10,
        "checked_on": "2026-12-01",
        "sources": [{"url": "https://example.org/", "kind": "issuer"}],
    }
    assert 'aria-controls="why-cert-c1"' in tables.certification_table([cert])
    long = {**RESOURCE, "why": "Worth it because " * 10}
    assert 'aria-controls="why-res-r1"' in tables.resource_table([long], "Test")
    assert 'aria-controls="why-res-r1"' in tables.resources_by_type([long], 3)
