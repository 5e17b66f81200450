"""``make ids``: add every new checklist id in docs/ to data/checklist-ids.yml.

Usage: ``python -m hooks.register_ids``. It only adds: it never removes or
retires an id (that is a deliberate edit, described in CONTRIBUTING.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hooks import checklists, frontmatter
from hooks.data import ROOT
from hooks.problems import Problem, report


def docs_items(docs: Path = ROOT / "docs") -> tuple[list[checklists.Item], list[Problem]]:
    """Every checklist item under ``docs``, and the problems (each at its line in the file)."""
    items: list[checklists.Item] = []
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        body, _, first = frontmatter.split_numbered(path.read_text(encoding="utf-8"))
        found, errors = checklists.parse(body, path.relative_to(docs).as_posix(), first)
        items += found
        problems += errors
    problems += checklists.duplicate_problems(items)
    return items, problems


def main() -> int:
    items, problems = docs_items()
    if problems:
        print(report(problems, "the checklists") + "\nFix these first: no id was registered.", file=sys.stderr)
        return 1
    added = checklists.register_new(items)
    if added:
        print(f"Registered {len(added)} new id(s) in data/checklist-ids.yml: {', '.join(added)}")
    else:
        print("No new checklist ids.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
