"""Make a page's HTML reachable by keyboard: plain functions over the rendered HTML.

* ``scroll_regions``: every Markdown table sits in a labelled region that can
  take focus (``role="region"``, ``tabindex="0"``, an ``aria-label`` from the
  table's caption or the heading above it), so a keyboard user can scroll a
  wide table sideways. Material wraps the table in its own scrolling
  container in the browser; site.css lets that one grow and this one scroll.
* ``focusable_terms``: glossary abbreviations take focus, so Material's
  tooltip (which opens on focus as well as on hover) opens from the keyboard.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>.*?</table>", re.S)
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_ABBR = re.compile(r"<abbr(?![^>]*\btabindex=)(?=[\s>])")


def _plain(fragment: str) -> str:
    """The visible text of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub("", _PERMALINK.sub("", fragment))).split())


def scroll_regions(page_html: str, fallback: str) -> str:
    """Wrap each plain ``<table>`` in a focusable region labelled by its caption or heading."""
    out: list[str] = []
    last = 0
    seen: dict[str, int] = {}
    for table in _TABLE.finditer(page_html):
        caption = _CAPTION.search(table.group(0))
        headings = list(_HEADING.finditer(page_html, 0, table.start()))
        label = (
            _plain(caption.group(1)) if caption else (_plain(headings[-1].group(1)) if headings else "")
        ) or fallback
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:  # every region on a page needs its own name
            label = f"{label} ({seen[label]})"
        out.append(page_html[last : table.start()])
        out.append(
            f'<div class="ptp-table ptp-table--md" role="region" tabindex="0" aria-label="{html.escape(label)}">'
        )
        out.append(table.group(0))
        out.append("</div>")
        last = table.end()
    out.append(page_html[last:])
    return "".join(out)


def focusable_terms(page_html: str) -> str:
    """Let every ``<abbr>`` take keyboard focus, so its tooltip opens from the keyboard."""
    return _ABBR.sub('<abbr tabindex="0"', page_html)


def keyboard_reachable(page_html: str, fallback: str) -> str:
    """Both of the above, in one call for the engine adapter."""
    return focusable_terms(scroll_regions(page_html, fallback))
