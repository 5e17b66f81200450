"""Strip comments and blank lines from our own CSS and JavaScript in the built site.

The sources keep their explanations; readers download only the code. This
is deliberately simple (no bundler, no renaming): CSS block comments, and
JavaScript comments that start a line (``//`` and ``/* ... */``), are
removed, and every line is trimmed. Comments after code on the same line
are left alone, so a ``//`` inside a string can never be cut.
"""

from __future__ import annotations

import re

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def css(text: str) -> str:
    text = _CSS_COMMENT.sub("", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def js(text: str) -> str:
    out = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_block:
            if "*/" in stripped:
                in_block = False
                rest = stripped.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            continue
        if stripped.startswith("/*"):
            if "*/" not in stripped:
                in_block = True
            elif stripped.split("*/", 1)[1].strip():
                out.append(stripped.split("*/", 1)[1].strip())
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(stripped)
    return "\n".join(out) + "\n"
