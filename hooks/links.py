"""Write the site's own links and assets as ``//host/path`` addresses in the built HTML.

Material's instant loading starts, on every page load, by rewriting each
relative ``href`` and ``src`` in the page to an absolute address (the
``resolve`` step of its instant-navigation module), and every rewritten link
must then be restyled: on a phone, a few hundred links make that one of the
longest pieces of the start-up work (bench/README.md). Addresses that
already start with ``//`` or a scheme are left alone by that step, so the
build writes them that way.

Protocol-relative rather than ``https://``: ``print.css`` spells out
``http(s)://`` addresses on paper, and it should go on spelling out only the
links that leave the site; the same HTML also works on ``http://`` under
``make serve``. The consequence: a built site works at its ``site_url``
only. ``make serve``, the deploy workflow, the tests and the benchmarks all
build for the address they serve.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

_TAG = re.compile(r'<[a-zA-Z][^<>]*?\s(?:href|src)="[^<>]*>')  # only tags that carry an href or src
_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# A scheme (https:, mailto:, data:, javascript:), already host-relative (//), or empty: nothing to do.
_LEAVE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|$)")


def host_relative(page_html: str, page_url: str) -> str:
    """Rewrite relative href and src attributes inside tags to ``//host/path`` addresses.

    ``page_url`` is the page's full address (``site_url`` joined with the page's
    URL). Only attributes inside tags are touched, so text in code examples,
    where ``<`` is escaped, stays as written.
    """
    page = urlsplit(page_url)
    if not page.netloc:
        raise ValueError(f"page address {page_url!r} has no host: is site_url set?")
    host, folder = "//" + page.netloc, page.path.rsplit("/", 1)[0] + "/"

    def attribute(match: re.Match[str]) -> str:
        value = match.group(2)
        if _LEAVE.match(value):
            return match.group(0)
        return f"{match.group(1)}{host}{_path(folder, page.path, value)}{match.group(3)}"

    return _TAG.sub(lambda tag: _ATTR.sub(attribute, tag.group(0)), page_html)


def _path(folder: str, page_path: str, written: str) -> str:
    """Join a relative address (as written, entities and all) onto the page, as urljoin would; faster."""
    rest = ""
    cut = min((i for i in (written.find("?"), written.find("#")) if i >= 0), default=-1)
    if cut >= 0:
        written, rest = written[:cut], written[cut:]
    if not written:
        return page_path + rest
    joined = posixpath.normpath(written if written.startswith("/") else folder + written)
    if written.endswith(("/", "/.", "/..")) or written in (".", ".."):
        joined = joined.rstrip("/") + "/"
    return joined + rest
