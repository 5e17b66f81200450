"""Read a page's YAML front matter, without any site generator.

The same rules as MkDocs 1.x (``mkdocs.utils.meta.get_data``), so the lesson
lint, ``make ids`` and the build agree with what the engine shows: a block
between a first line ``---`` and a line ``---`` (or ``...``) is YAML; if it
parses to a mapping, it is the page's metadata and is cut from the body, with
the blank lines after it. Anything else (no block, invalid YAML, a list) leaves
the text whole and the metadata empty, as MkDocs does; MkDocs' older
MultiMarkdown ``key: value`` headers are not read (no page here uses them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split(source: str) -> tuple[str, dict[str, Any]]:
    """(the body without its front matter, the front matter as a dict)."""
    match = _BLOCK.match(source)
    if not match:
        return source, {}
    try:
        meta = yaml.load(match.group(1), Loader=_LOADER)
    except yaml.YAMLError:
        return source, {}
    if not isinstance(meta, dict):
        return source, {}
    return source[match.end() :].lstrip("\n"), meta


def split_numbered(source: str) -> tuple[str, dict[str, Any], int]:
    """(body, front matter, the line of ``source`` the body starts on): a problem found in the
    body at its line n is at line ``n + start - 1`` of the file the contributor edits."""
    body, meta = split(source)
    return body, meta, source[: len(source) - len(body)].count("\n") + 1


def read(path: Path) -> tuple[str, dict[str, Any]]:
    """Front matter and body of a Markdown file."""
    return split(path.read_text(encoding="utf-8"))
