"""The progress views and the printable checklists, rendered from a checklist manifest."""

from __future__ import annotations

import re
from typing import Any

from hooks import progress

MANIFEST: dict[str, Any] = {
    "steps": [
        {
            "number": 1,
            "title": "Step 1: Understand the role",
            "url": "steps/01-role/",
            "lessons": [
                {
                    "title": "A week <in> the life",
                    "url": "steps/01-role/01-week/",
                    "items": [
                        {"id": "save-an-ad", "text": "Save one PM job ad & its date", "order": 1},
                        {"id": "tag-the-ad", "text": "Tag each line", "order": 2},
                    ],
                }
            ],
        },
        {"number": 2, "title": "Step 2: Develop skills", "url": "steps/02-skills/", "lessons": []},
    ]
}


def test_links_are_relative_to_the_current_page() -> None:
    assert progress.rel("steps/01-role/01-week/", "checklists/") == "../steps/01-role/01-week/"
    assert progress.rel("", "checklists/") == "../"
    assert progress.rel("checklists/", "checklists/") == "./"
    assert progress.rel("steps/01-role/", "") == "steps/01-role/"


def test_the_printable_page_has_one_element_per_item_with_its_id_and_escaped_text() -> None:
    html = progress.printable(MANIFEST, "checklists/")
    items = re.findall(r"<li data-ptp-item=\"([^\"]+)\">([^<]*)</li>", html)
    assert items == [("save-an-ad", "Save one PM job ad &amp; its date"), ("tag-the-ad", "Tag each line")]
    assert '<h2 id="print-step-1">Step 1: Understand the role</h2>' in html
    assert '<a href="../steps/01-role/01-week/">A week &lt;in&gt; the life</a>' in html
    assert "Step 2" not in html, "a step without lessons has no section on paper"


def test_the_printable_page_says_so_when_nothing_is_published() -> None:
    assert progress.printable({"steps": []}, "checklists/") == "No checklists are published yet.\n"


def test_the_overview_lists_what_is_left_and_marks_steps_without_checklists() -> None:
    html = progress.overview(MANIFEST, "progress/")
    assert 'data-ptp-ids="save-an-ad tag-the-ad"' in html
    assert html.count('data-ptp-title="A week &lt;in&gt; the life"') == 2, "the lesson's title, escaped, for 'Continue'"
    assert 'href="../steps/01-role/01-week/#ptp-tag-the-ad"' in html
    assert "it has no checklist yet" in html


def test_lesson_times_add_up_to_a_range_in_hours() -> None:
    assert progress._minutes("45-90 minutes") == (45, 90)
    assert progress._minutes("2\u20133 hours") == (120, 180)
    assert progress._minutes("about an hour") is None
    assert progress._minutes("2-3 days") is None
