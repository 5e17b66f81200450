"""Every page links site.css, and exactly the page-type stylesheets whose classes its HTML uses.

The styles only some pages use live in their own sheet (lesson, home, catalogue,
questions, progress, checklists, templates), linked by overrides/main.html when the
page's HTML has their markup, so a first visit loads only what it shows
(bench/README.md, page weight).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

CSS = ROOT / "docs" / "assets" / "css"
EVERY_PAGE = ("print.css", "site.css")
PAGE_TYPE = sorted(p.name for p in CSS.glob("*.css") if p.name not in EVERY_PAGE)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS = re.compile(r"\.(ptp-[\w-]+)")
_CLASS_ATTR = re.compile(r"""\sclass=["']([^"']*)["']""")
_SHEET = re.compile(r"""<link rel="stylesheet" href="[^"]*assets/css/([\w-]+\.css)"[^>]*>""")


def classes(sheet: str) -> set[str]:
    return set(_CLASS.findall(_COMMENT.sub("", (CSS / sheet).read_text(encoding="utf-8"))))


def own_classes(sheet: str) -> set[str]:
    """The ptp- classes a page-type sheet styles and site.css does not mention."""
    return classes(sheet) - classes("site.css") - {"ptp-js"}


def test_there_are_page_type_sheets_and_each_styles_classes_of_its_own() -> None:
    assert {
        "catalogue.css",
        "checklists.css",
        "home.css",
        "lesson.css",
        "progress.css",
        "questions.css",
        "templates.css",
    } <= set(PAGE_TYPE)
    for sheet in PAGE_TYPE:
        assert own_classes(sheet), f"{sheet} styles nothing of its own: fold it into site.css"


def test_every_page_links_the_sheets_its_markup_needs_and_no_other(site_dir: Path) -> None:
    linked_somewhere: set[str] = set()
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site_dir).as_posix()
        used = {c for attr in _CLASS_ATTR.findall(html) for c in attr.split()}
        sheets = _SHEET.findall(html)
        assert sheets[:2] == list(EVERY_PAGE), f"{where}: print.css and site.css come first, got {sheets}"
        needed = [s for s in PAGE_TYPE if own_classes(s) & used]
        assert sorted(sheets[2:]) == needed, f"{where}: links {sheets[2:]}, its classes need {needed}"
        linked_somewhere.update(sheets)
    assert set(PAGE_TYPE) <= linked_somewhere
