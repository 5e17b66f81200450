"""The search index loses footnotes, "Check yourself" and the templates' invented examples, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown
from material.plugins.search.plugin import Parser

from hooks import search_index, tables

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def doc(location: str, title: str = "A section", text: str = "<p>Words.</p>") -> dict[str, Any]:
    return {"location": location, "title": title, "text": text}


def locations(index: dict[str, Any]) -> list[str]:
    return [d["location"] for d in index["docs"]]


def material_text(md: str) -> str:
    """The text Material's search plugin indexes for a page written in Markdown with footnotes."""
    parser = Parser()
    parser.feed(markdown.markdown(md, extensions=["footnotes"]))
    parser.close()
    return " ".join("".join(section.text).strip() for section in parser.data)


def test_footnote_markers_and_the_footnote_list_go_as_material_indexes_them() -> None:
    text = material_text(
        "Scrum.org was founded in 2009.[^2] CSPO renews every 2 years.[^1][^2]\n\n"
        "[^1]: [Scrum Alliance: CSPO](https://example.org/a), checked 2026-11-26.\n"
        "[^2]: [About Scrum.org](https://example.org/b), checked 2026-11-26.\n"
    )
    assert "<sup>" in text and "\u21a9" in text, f"Material indexes footnotes differently now: {text!r}"
    assert search_index.trim_text(text) == "<p>Scrum.org was founded in 2009. CSPO renews every 2 years.</p>"


def test_ordinary_lists_and_numbers_stay() -> None:
    text = "<ol> <li>Read the Scrum Guide.</li> <li>Take 2 hours.</li> </ol> <p>x<sup>2</sup> and <sup>nd</sup></p>"
    assert (
        search_index.trim_text(text)
        == "<ol> <li>Read the Scrum Guide.</li> <li>Take 2 hours.</li> </ol> <p>x and <sup>nd</sup></p>"
    )
    mixed = "<ol> <li> <p>Note, checked 2026-11-26. \u21a9</p> </li> <li> <p>A step of a lesson.</p> </li> </ol>"
    assert search_index.trim_text(mixed) == mixed


def test_a_section_that_held_only_footnotes_goes_and_an_empty_one_stays() -> None:
    notes = "<ol> <li> <p>The Scrum Guide (November 2020), checked 2026-11-26. \u21a9</p> </li> </ol>"
    index = {
        "config": CONFIG,
        "docs": [doc("steps/a/b/", "B", ""), doc("steps/a/b/#resources", "Resources", notes), doc("steps/a/b/#c", "C")],
    }
    assert locations(search_index.trim(index)) == ["steps/a/b/", "steps/a/b/#c"]


def test_check_yourself_sections_go_and_the_sections_they_name_stay() -> None:
    index = {
        "config": CONFIG,
        "docs": [
            doc("steps/a/b/"),
            doc("steps/a/b/#pricing", "Pricing"),
            doc("steps/a/b/#check-yourself", "Check yourself", "<ol> <li>What sets the price? (Pricing)</li> </ol>"),
            doc("steps/a/b/#checklist", "Checklist"),
            doc("contributing/lesson-template/#check-yourself", "Check yourself"),
        ],
    }
    trimmed = search_index.trim(index)
    assert locations(trimmed) == [
        "steps/a/b/",
        "steps/a/b/#pricing",
        "steps/a/b/#checklist",
        "contributing/lesson-template/#check-yourself",
    ]
    assert trimmed["config"] == CONFIG


def test_a_templates_filled_in_example_goes_from_its_heading_to_how_to_use_it() -> None:
    page = "templates/01-one-page-prd/"
    index = {
        "config": CONFIG,
        "docs": [
            doc(page),
            doc(page + "#blank-template"),
            doc(page + "#goals", "Goals"),
            doc(page + "#filled-in-example", "Filled-in example"),
            doc(page + "#header_1", "Header"),
            doc(page + "#goals_1", "Goals"),
            doc(page + "#how-to-use-it", "How to use it"),
            doc(page + "#downloads", "Downloads"),
            doc("templates/02-user-story/#filled-in-example", "Filled-in example"),
            doc("templates/02-user-story/#story_1", "Story"),
            doc("templates/03-now-next-later-roadmap/", "Now, next, later roadmap"),
            doc("steps/04-build-a-portfolio/02-write-a-case-study/#filled-in-example"),
            doc("steps/04-build-a-portfolio/02-write-a-case-study/#goals"),
        ],
    }
    assert locations(search_index.trim(index)) == [
        page,
        page + "#blank-template",
        page + "#goals",
        page + "#filled-in-example",
        page + "#how-to-use-it",
        page + "#downloads",
        "templates/02-user-story/#filled-in-example",
        "templates/03-now-next-later-roadmap/",
        "steps/04-build-a-portfolio/02-write-a-case-study/#filled-in-example",
        "steps/04-build-a-portfolio/02-write-a-case-study/#goals",
    ]


def test_the_site_index_is_rewritten_once_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    index = {
        "config": CONFIG,
        "docs": [
            doc("a/", "A\u00a0title", "<p>Seen.<sup>1</sup></p>"),
            doc("steps/a/#check-yourself", "Check yourself"),
        ],
    }
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    done = search_index.apply_to_site(tmp_path)
    assert done is not None and (done.sections_before, done.sections_after) == (2, 1)
    assert done.bytes_after < done.bytes_before
    written = path.read_bytes()
    assert b"\\u00a0" not in written and "A\u00a0title".encode() in written
    assert json.loads(written)["docs"] == [doc("a/", "A\u00a0title", "<p>Seen.</p>")]
    search_index.apply_to_site(tmp_path)
    assert path.read_bytes() == written


def test_a_site_without_search_is_left_alone(tmp_path: Path) -> None:
    assert search_index.apply_to_site(tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_table_cells_are_indexed_as_separate_words() -> None:
    # The tables hooks/tables.py writes, read by Material's own search indexer: each cell's
    # words stay apart from the next cell's, and a title from the author line under it.
    resource = {
        "id": "adplist",
        "title": "ADPList",
        "url": "https://adplist.org/",
        "type": "community",
        "steps": [5],
        "cost": "free",
        "level": "beginner",
        "author": "ADPList",
        "why": "Free mentors.",
    }
    parser = Parser()
    parser.feed("<h2 id='t'>T</h2>" + tables.resource_table([resource], "Test"))
    parser.close()
    words = "".join(parser.data[-1].text).split()
    assert words[:5] == ["Resource", "Type", "Cost", "Level", "Why"]
    assert "ADPListADPList" not in words and words.count("ADPList") == 2, words
    assert "Free" in words and "Beginner" in words, words
