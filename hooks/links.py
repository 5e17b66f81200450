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

import html
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# A scheme (https:, mailto:, data:, javascript:), already host-relative (//), or empty: nothing to do.
_LEAVE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|$)")


def host_relative(page_html: str, page_url: str) -> str:
    """Rewrite relative href and src attributes inside tags to ``//host/path`` addresses.

    ``page_url`` is the page's full address (``site_url`` joined with the page's
    URL). Only attributes inside tags are touched, so text in code examples,
    where ``<`` is escaped, stays as written.
    """
    if not urlsplit(page_url).netloc:
        raise ValueError(f"page address {page_url!r} has no host: is site_url set?")

    def attribute(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        if _LEAVE.match(value):
            return match.group(0)
        target = urlsplit(urljoin(page_url, value))
        address = urlunsplit(("", target.netloc, target.path, target.query, target.fragment))
        return f"{match.group(1)}{html.escape(address, quote=True)}{match.group(3)}"

    return _TAG.sub(lambda tag: _ATTR.sub(attribute, tag.group(0)), page_html)
