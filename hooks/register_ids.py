"""``make ids``: add every new checklist id in docs/ to data/checklist-ids.yml.

Usage: ``python -m hooks.register_ids``. It only adds: it never removes or
retires an id (that is a deliberate edit, described in CONTRIBUTING.md).
"""

from __future__ import annotations

import sys

from hooks import checklists
from hooks.data import ROOT
from hooks.frontmatter import split as get_data


def docs_items() -> tuple[list[checklists.Item], list[str]]:
    docs = ROOT / "docs"
    items: list[checklists.Item] = []
    problems: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        body, _ = get_data(path.read_text(encoding="utf-8"))
        found, errors = checklists.parse(body, path.relative_to(docs).as_posix())
        items += found
        problems += [str(e) for e in errors]
    problems += [str(p) for p in checklists.duplicate_problems(items)]
    return items, problems


def main() -> int:
    items, problems = docs_items()
    if problems:
        print("Fix these first:", *problems, sep="\n  - ", file=sys.stderr)
        return 1
    added = checklists.register_new(items)
    if added:
        print(f"Registered {len(added)} new id(s) in data/checklist-ids.yml: {', '.join(added)}")
    else:
        print("No new checklist ids.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
