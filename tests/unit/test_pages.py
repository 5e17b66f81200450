"""hooks/pages.py: reading every page's checklist before the build renders (what on_nav does), and
errors that point at the line a contributor sees in the file, front matter included."""

from __future__ import annotations

from pathlib import Path

from hooks import checklists, pages, register_ids

LESSON = """---
title: "A week in the life"
description: "What a PM does all week."
time: "45-90 minutes"
---

# A week in the life

## Checklist

- [ ] Read three job ads {#s01-read-ads}
- [ ] Write down the verbs
"""
MISSING_ID_LINE = LESSON.splitlines().index("- [ ] Write down the verbs") + 1  # 12, with the front matter


def write(docs: Path, files: dict[str, str]) -> list[pages.Source]:
    sources = []
    for src, text in files.items():
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sources.append(pages.Source(src, pages.page_url(src), path, nav_title="Nav title"))
    return sources


def registry(tmp_path: Path, ids: list[str]) -> Path:
    path = tmp_path / "checklist-ids.yml"
    path.write_text("active:\n" + "".join(f"- {i}\n" for i in ids) + "retired: []\n", encoding="utf-8")
    checklists.ledger_path(path).write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
    return path


def test_a_checklist_error_points_at_the_files_line_after_front_matter(tmp_path: Path) -> None:
    sources = write(tmp_path / "docs", {"steps/01-role/01-week.md": LESSON})
    found = pages.read_checklists(sources, registry(tmp_path, ["s01-read-ads"]))
    assert [str(p) for p in found.problems] == [
        f"docs/steps/01-role/01-week.md:{MISSING_ID_LINE}: a checklist item has no id: "
        "end the line with an id such as {#s01-read-job-ads}"
    ]
    assert MISSING_ID_LINE == 12


def test_make_ids_reports_the_same_line(tmp_path: Path) -> None:
    write(tmp_path / "docs", {"steps/01-role/01-week.md": LESSON})
    _, problems = register_ids.docs_items(tmp_path / "docs")
    assert [p.line for p in problems] == [MISSING_ID_LINE]


def test_a_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    fixed = LESSON.replace("Write down the verbs", "Write down the verbs {#s01-read-ads}")
    sources = write(tmp_path / "docs", {"steps/01-role/01-week.md": fixed})
    found = pages.read_checklists(sources, registry(tmp_path, ["s01-read-ads"]))
    assert [str(p) for p in found.problems] == [
        f"docs/steps/01-role/01-week.md:{MISSING_ID_LINE}: the id 's01-read-ads' is already used at "
        f"docs/steps/01-role/01-week.md:{MISSING_ID_LINE - 1}; ids are unique across the site"
    ]


def test_lessons_keep_nav_order_and_steps_come_from_their_overviews(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "steps/01-role/index.md": '---\ntitle: "Understand the role"\npromise: "Know the job."\n---\n\n# Step 1\n',
        "steps/01-role/02-later.md": "# Second lesson\n\n- [ ] Do the second thing {#s01-second}\n",
        "steps/01-role/01-week.md": LESSON.replace("Write down the verbs", "Write down the verbs {#s01-verbs}"),
        "steps/02-skills/01-empty.md": "Text with no heading and no checklist.\n",
    }
    found = pages.read_checklists(
        write(tmp_path / "docs", files), registry(tmp_path, ["s01-read-ads", "s01-verbs", "s01-second"])
    )
    assert found.problems == []
    assert [lesson.title for lesson in found.lessons] == ["Second lesson", "A week in the life", "Nav title"]
    assert found.steps == {
        1: {"title": "Understand the role", "url": "steps/01-role/", "promise": "Know the job.", "artefact": ""}
    }
    manifest = found.manifest
    assert [lesson["title"] for lesson in manifest["steps"][0]["lessons"]] == ["Second lesson", "A week in the life"]
    assert manifest["steps"][0]["lessons"][1]["items"][1] == {
        "id": "s01-verbs",
        "text": "Write down the verbs",
        "order": 2,
    }


def test_a_checklist_outside_a_lesson_is_refused(tmp_path: Path) -> None:
    files = {
        "about.md": "# About\n\n- [ ] Tick me {#about-tick}\n",
        "steps/01-role/index.md": "# Step 1\n\n- [ ] Tick me too {#step-tick}\n",
    }
    found = pages.read_checklists(write(tmp_path / "docs", files), registry(tmp_path, ["about-tick", "step-tick"]))
    messages = [str(p) for p in found.problems]
    assert "docs/about.md: has a checklist but is not a lesson under docs/steps/NN-slug/" in messages
    assert (
        "docs/steps/01-role/index.md: a step overview has no checklist of its own; put checklist items in its lessons"
        in messages
    )


def test_an_unregistered_id_asks_for_make_ids(tmp_path: Path) -> None:
    fixed = LESSON.replace("Write down the verbs", "Write down the verbs {#s01-verbs}")
    found = pages.read_checklists(
        write(tmp_path / "docs", {"steps/01-role/01-week.md": fixed}), registry(tmp_path, ["s01-read-ads"])
    )
    assert [(p.line, p.message.split(":")[0]) for p in found.problems] == [
        (MISSING_ID_LINE, "the id 's01-verbs' is new")
    ]
