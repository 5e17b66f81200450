"""Expand each section in ``nav`` into its overview and its pages.

``mkdocs.yml`` names only a section's ``index.md`` (each step, the templates);
its pages are the other ``NN-slug.md`` files in that folder, in file-name
order. Adding a lesson is adding a file: nobody edits the nav by hand, and no
lesson is forgotten.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SECTION_INDEX = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*/index\.md$")
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
            pages = lesson_files(docs_dir, value) if isinstance(value, str) and SECTION_INDEX.match(value) else []
            if pages:
                out.append({title: [value, *pages]})
            elif isinstance(value, list):
                out.append({title: expand(value, docs_dir)})
            else:
                out.append(entry)
        else:
            out.append(entry)
    return out
