"""The search index a reader downloads on a first search, without what nobody searches for.

Material's search plugin writes ``search/search_index.json``: one entry per
page section (``location``, ``title``, ``text``), where ``text`` keeps the
block markup (``<p>``, ``<li>``, ``<code>``...) that Material's result list
uses to show the matching paragraph. A reader on a phone waits for the whole
file to download and for the search worker to index every word of it before
the first result (``bench/search_speed.py``). ``trim`` takes out, with the
numbers measured in bench/README.md:

* **footnote markers and lists**: ``<sup>3</sup>`` after a claim and the
  numbered source list at the end of a lesson ("Scrum Guide, checked
  2026-11-26. ↩"). The numbers match every search for a digit, the lists
  repeat the link titles and a date, and the footnote's text is one tap away
  on the page the result opens. A section left with no text (a lesson's
  "Resources", whose list of resources is already excluded) goes too: 61
  results titled "Resources" buried the Resources page;
* **the lessons' "Check yourself" sections**: each question names the section
  of the same lesson that answers it, and that section is indexed (the
  contributing guide's lesson template keeps its own);
* **the filled-in examples of the templates pages**: the invented example
  (its people, companies and figures) under "Filled-in example"; the blank
  template, the "Filled-in example" section itself and "How to use it" stay.

It keeps everything else: titles, every paragraph and list a lesson teaches,
and the block markup. ``apply_to_site`` rewrites the file in a built site;
``hooks/postbuild.py`` calls it, so ``python -m hooks.postbuild site/`` trims
too. Running it twice changes nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"

# A footnote reference as Material indexes it: the link is dropped, the number stays.
FOOTNOTE_REF = re.compile(r"<sup>\d+</sup>")
# The footnote list: an <ol> whose every item ends with the back-reference arrow
# (U+21A9, sometimes with U+FE0E), once per place the note is cited.
_ITEM = r"\s*<li>\s*<p>(?:(?!</li>).)*?\u21a9\ufe0e?</p>\s*</li>"
FOOTNOTE_LIST = re.compile(rf"<ol>(?:{_ITEM})+\s*</ol>", re.S)
SPACES = re.compile(r"\s{2,}")

CHECK_YOURSELF = "Check yourself"
LESSONS = "steps/"
TEMPLATES = "templates/"
EXAMPLE = "filled-in-example"
AFTER_EXAMPLE = "how-to-use-it"


@dataclass(frozen=True)
class Trimmed:
    """What ``apply_to_site`` did: sections and bytes before and after (bytes as written, UTF-8)."""

    sections_before: int
    sections_after: int
    bytes_before: int
    bytes_after: int


def trim_text(text: str) -> str:
    """A section's text without footnote markers and footnote lists."""
    text = FOOTNOTE_LIST.sub(" ", FOOTNOTE_REF.sub("", text))
    return SPACES.sub(" ", text).strip()


def _anchor(location: str) -> str:
    return location.partition("#")[2]


def _page(location: str) -> str:
    return location.partition("#")[0]


def trim(index: dict[str, Any]) -> dict[str, Any]:
    """A copy of Material's search index without the sections and text listed in the module docstring."""
    docs: list[dict[str, Any]] = []
    example_page = ""  # the templates page whose filled-in example we are inside, if any
    for doc in index["docs"]:
        location = str(doc["location"])
        page, anchor = _page(location), _anchor(location)
        if example_page and (page != example_page or anchor in ("", AFTER_EXAMPLE)):
            example_page = ""
        if example_page:
            continue
        if page.startswith(TEMPLATES) and anchor == EXAMPLE:
            example_page = page
        if page.startswith(LESSONS) and doc.get("title") == CHECK_YOURSELF:
            continue
        text = str(doc.get("text", ""))
        trimmed = trim_text(text)
        if text and not trimmed:
            continue  # a section that held only footnotes: a lesson's "Resources", say
        docs.append({**doc, "text": trimmed})
    return {**index, "docs": docs}


def dumps(index: dict[str, Any]) -> bytes:
    """The index as Material writes it (compact), with characters as UTF-8 instead of \\u escapes."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def apply_to_site(site: Path) -> Trimmed | None:
    """Trim ``site``'s search index in place; None when the site has none (search turned off)."""
    path = site / INDEX
    if not path.is_file():
        return None
    raw = path.read_bytes()
    index = json.loads(raw)
    trimmed = trim(index)
    out = dumps(trimmed)
    if out != raw:
        path.write_bytes(out)
    return Trimmed(len(index["docs"]), len(trimmed["docs"]), len(raw), len(out))
