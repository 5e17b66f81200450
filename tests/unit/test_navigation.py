"""Each step's lessons join the navigation in file-name order."""

from __future__ import annotations

from pathlib import Path

from hooks import navigation


def test_step_entries_expand_to_their_lessons(tmp_path: Path) -> None:
    step = tmp_path / "steps" / "01-role"
    step.mkdir(parents=True)
    for name in ("index.md", "02-second.md", "01-first.md", "notes.md"):
        (step / name).write_text("# x\n")
    nav = [{"Home": "index.md"}, {"Steps": [{"1. Role": "steps/01-role/index.md"}]}]
    assert navigation.expand(nav, tmp_path) == [
        {"Home": "index.md"},
        {"Steps": [{"1. Role": ["steps/01-role/index.md", "steps/01-role/01-first.md", "steps/01-role/02-second.md"]}]},
    ]
