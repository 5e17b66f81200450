"""Checklist syntax, id rules, the id registry and the manifest."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from hooks import checklists
from hooks.checklists import Item, Lesson, Registry

PAGE = """# A lesson

- [ ] Read three job ads {#s01-read-ads}
- [ ] Underline every *verb* in [the ads](https://example.org/ads) {#s01-underline}

```markdown
- [ ] An example inside code is not a checklist item
```
"""


def test_items_are_found_with_their_ids_text_and_lines() -> None:
    items, problems = checklists.parse(PAGE, "steps/01-x/01-a.md")
    assert problems == []
    assert [(i.id, i.line) for i in items] == [("s01-read-ads", 3), ("s01-underline", 4)]
    assert items[1].text == "Underline every *verb* in [the ads](https://example.org/ads)"
    assert items[1].plain == "Underline every verb in the ads"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- [ ] No id here", "has no id"),
        ("- [ ] Bad id {#S01_Bad}", "is not valid"),
        ("- [ ] Too long {#" + "a" * 65 + "}", "at most 64"),
        ("- [x] Pre-ticked {#s01-ticked}", "written ticked"),
        ("- [ ] {#s01-empty}", "has no text"),
        ("    - [ ] Nested {#s01-nested}", "indented"),
    ],
)
def test_bad_items_name_the_file_and_line(line: str, expected: str) -> None:
    items, problems = checklists.parse(f"# T\n\n{line}\n", "steps/01-x/01-a.md")
    assert items == []
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/steps/01-x/01-a.md:3")
    assert expected in str(problems[0])


def test_duplicate_ids_across_pages_are_reported_with_both_places() -> None:
    a, _ = checklists.parse("- [ ] One {#s01-same}\n", "steps/01-x/01-a.md")
    b, _ = checklists.parse("\n\n- [ ] Two {#s01-same}\n", "steps/02-y/01-b.md")
    problems = checklists.duplicate_problems(a + b)
    assert [str(p) for p in problems] == [
        "docs/steps/02-y/01-b.md:3: the id 's01-same' is already used at docs/steps/01-x/01-a.md:1; ids are unique across the site"
    ]


def item(item_id: str) -> Item:
    return Item(item_id, "text", "steps/01-x/01-a.md", 1)


def test_registry_rules() -> None:
    reg = Registry(
        active={"s01-kept", "s01-gone"},
        retired={"s01-old": {"id": "s01-old", "retired_on": "2026-01-01", "reason": "x"}},
    )
    problems = [str(p) for p in checklists.registry_problems([item("s01-kept"), item("s01-new"), item("s01-old")], reg)]
    assert any("'s01-new' is new: run `make ids`" in p for p in problems)
    assert any("'s01-old' was retired on 2026-01-01" in p for p in problems)
    assert any("entry 's01-gone'" in p and "no longer in any page" in p for p in problems)
    assert not any("s01-kept" in p for p in problems)


def test_registry_accepts_a_properly_retired_id() -> None:
    reg = Registry(
        active={"s01-kept"}, retired={"s01-old": {"id": "s01-old", "retired_on": "2026-01-01", "reason": "x"}}
    )
    assert checklists.registry_problems([item("s01-kept")], reg) == []


def test_register_new_adds_only_new_ids_and_keeps_retired(tmp_path: Path) -> None:
    path = tmp_path / "ids.yml"
    path.write_text("active: [s01-a]\nretired:\n  - {id: s01-z, retired_on: '2026-01-01', reason: removed}\n")
    added = checklists.register_new([item("s01-a"), item("s01-b"), item("s01-z")], path)
    assert added == ["s01-b"]
    reg, problems = checklists.load_registry(path)
    assert problems == []
    assert reg.active == {"s01-a", "s01-b"}
    assert set(reg.retired) == {"s01-z"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("active: [Bad Id]\nretired: []\n", "is not a valid checklist id"),
        ("active: [s01-a, s01-a]\nretired: []\n", "is listed twice"),
        (
            "active: [s01-a]\nretired:\n  - {id: s01-a, retired_on: '2026-01-01', reason: x}\n",
            "both active and retired",
        ),
        ("active: []\nretired:\n  - {id: s01-b}\n", "is missing retired_on and reason"),
        ("ids: []\n", "expected two lists"),
    ],
)
def test_a_broken_registry_is_reported(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "ids.yml"
    path.write_text(text)
    _, problems = checklists.load_registry(path)
    assert any(expected in str(p) for p in problems), problems


def test_render_makes_labelled_checkboxes_that_keep_markdown() -> None:
    html = markdown.markdown(checklists.render(PAGE), extensions=["md_in_html", "fenced_code"])
    assert 'id="ptp-s01-read-ads"' in html
    assert 'data-check-id="s01-underline"' in html
    assert (
        '<label for="ptp-s01-underline">Underline every <em>verb</em> in <a href="https://example.org/ads">the ads</a></label>'
        in html
    )
    assert '<div class="ptp-checklist">' in html
    assert "2 items" in html
    # The example inside the fence is left alone.
    assert "- [ ] An example inside code is not a checklist item" in html


def test_manifest_lists_steps_lessons_and_items_in_order() -> None:
    items, _ = checklists.parse(PAGE, "steps/01-x/01-a.md")
    lesson = Lesson("A lesson", "steps/01-x/01-a/", "steps/01-x/01-a.md", 1, {}, items)
    result = checklists.manifest(
        [lesson], {1: {"title": "Step 1: X", "url": "steps/01-x/"}, 2: {"title": "Step 2: Y", "url": "steps/02-y/"}}
    )
    assert result["format"] == "path-to-pm/checklists" and result["version"] == 1
    assert [s["number"] for s in result["steps"]] == [1, 2]
    assert result["steps"][0]["lessons"][0]["items"] == [
        {"id": "s01-read-ads", "text": "Read three job ads", "order": 1},
        {"id": "s01-underline", "text": "Underline every verb in the ads", "order": 2},
    ]
    assert result["steps"][1]["lessons"] == []


def test_step_of() -> None:
    assert checklists.step_of("steps/07-resume-and-cover-letter/02-bullets.md") == 7
    assert checklists.step_of("glossary.md") is None
