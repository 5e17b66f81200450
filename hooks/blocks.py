"""Keep generated HTML out of the Markdown parser.

A macro's HTML (a table of 100 rows, a printable checklist) needs no
Markdown processing, and parsing it costs build time. Each raw HTML block
in a macro's output is swapped for a short comment placeholder before
Markdown runs, and put back into the page's HTML afterwards. This also
means contributor text in those blocks never meets the Markdown parser.
"""

from __future__ import annotations

import re

PLACEHOLDER = "<!--ptp-block-{}-->"
_PLACEHOLDER = re.compile(r"<!--ptp-block-(\d+)-->")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def stash(text: str, store: list[str]) -> str:
    """Replace every raw HTML block (a paragraph starting with a tag) by a placeholder."""
    parts = []
    for part in _BLANK_LINE.split(text):
        body = part.strip()
        if body.startswith("<") and not body.startswith("<!--"):
            store.append(body)
            parts.append(PLACEHOLDER.format(len(store) - 1))
        else:
            parts.append(part)
    return "\n\n" + "\n\n".join(p for p in parts if p.strip()) + "\n\n"


def restore(html: str, store: list[str]) -> str:
    """Put the stashed blocks back, wherever Markdown left their placeholders."""
    return _PLACEHOLDER.sub(lambda m: store[int(m.group(1))], html)
