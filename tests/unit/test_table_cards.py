"""Catalogue cells carry their column's name (for the phone cards) and a sort value."""

from __future__ import annotations

import re

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
