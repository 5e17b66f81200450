"""Keep generated HTML out of the Markdown parser, with no state between the two steps.

A macro's HTML (a table of 100 rows, a printable checklist) needs no
Markdown processing, and contributor text in it must never meet the
Markdown parser. Each raw HTML block in a macro's output becomes an HTML
comment that carries the block itself, base64-encoded (``--`` cannot occur
in base64, so nothing ends the comment early); Python-Markdown passes a
comment through untouched, and :func:`restore` decodes it in the page's HTML.
The page carries its own blocks: no store keyed by page, and no reliance on
which plugin or hook runs first.
"""

from __future__ import annotations

import base64
import re

PLACEHOLDER = "<!--ptp-block:{}-->"
_PLACEHOLDER = re.compile(r"<!--ptp-block:([A-Za-z0-9+/]*={0,2})-->")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _encode(block: str) -> str:
    return PLACEHOLDER.format(base64.b64encode(block.encode("utf-8")).decode("ascii"))


def stash(text: str) -> str:
    """Replace every raw HTML block (a paragraph starting with a tag) by a comment carrying it."""
    parts = []
    for part in _BLANK_LINE.split(text):
        body = part.strip()
        if body.startswith("<") and not body.startswith("<!--"):
            parts.append(_encode(body))
        else:
            parts.append(part)
    return "\n\n" + "\n\n".join(p for p in parts if p.strip()) + "\n\n"


def restore(html: str) -> str:
    """Put the blocks back, wherever Markdown left their comments."""
    return _PLACEHOLDER.sub(lambda m: base64.b64decode(m.group(1)).decode("utf-8"), html)
