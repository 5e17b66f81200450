"""Expand each step in ``nav`` into its overview and its lessons.

``mkdocs.yml`` names only each step's ``index.md``; the lessons are the other
``NN-slug.md`` files in that folder, in file-name order. Adding a lesson is
adding a file: nobody edits the nav by hand, and no lesson is forgotten.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

STEP_INDEX = re.compile(r"^steps/\d{2}-[a-z0-9-]+/index\.md$")
LESSON_FILE = re.compile(r"^\d{2}-[a-z0-9-]+\.md$")


def lesson_files(docs_dir: Path, index_uri: str) -> list[str]:
    folder = docs_dir / Path(index_uri).parent
    return sorted(
        f"{Path(index_uri).parent.as_posix()}/{p.name}" for p in folder.glob("*.md") if LESSON_FILE.match(p.name)
    )


def expand(nav: list[Any], docs_dir: Path) -> list[Any]:
    """Return a copy of ``nav`` in which every step index entry becomes a section."""
    out: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, value),) = entry.items()
            if isinstance(value, str) and STEP_INDEX.match(value):
                out.append({title: [value, *lesson_files(docs_dir, value)]})
            elif isinstance(value, list):
                out.append({title: expand(value, docs_dir)})
            else:
                out.append(entry)
        else:
            out.append(entry)
    return out
