"""The Content-Security-Policy of every page: the inline scripts it has, by hash, and nothing else.

``overrides/main.html`` writes the policy as the first ``<meta>`` of every
page with :data:`PLACEHOLDER` where the hashes go. After the build,
:func:`apply` (called on every built page by hooks/postbuild.py) hashes each page's inline scripts and puts their
``'sha256-...'`` sources in place of the placeholder (a script changed by a
later step is hashed as it is served). An inline script that is not hashed
does not run, and no contributor string can add one that is.

A plain function over the built files, so any engine's build can call it.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'ptp-inline-script-hashes'"
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not JSON data blocks, not src=)."""
    out = []
    for m in _SCRIPT.finditer(html):
        attrs = m.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        out.append(m.group("body"))
    return out


def source(script: str) -> str:
    """A CSP source that allows exactly this script text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def apply(html: str) -> str:
    """The page with its inline scripts' hashes in its policy (unchanged if it has no policy)."""
    if PLACEHOLDER not in html:
        return html
    hashes = " ".join(dict.fromkeys(source(s) for s in inline_scripts(html)))
    return html.replace(PLACEHOLDER, hashes, 1)
