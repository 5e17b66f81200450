"""Walk the built site's pages in one tab: axe, sideways scrolling, words broken mid-word.

One browser context and one tab per walk (a new context per page would triple
the time); the test files test_every_page_*.py each run one walk, so pytest-xdist
runs them side by side. The full walks leave out the header, sidebar and footer,
which come from the same templates on every page: the dark-scheme walk over one
page of each type checks them in full.
"""

from __future__ import annotations

import time
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import open_page

_AXE = Axe()
CHROME = {"exclude": [[".md-header"], [".md-sidebar"], [".md-footer"]]}

# Words in table cells that a line break splits in the middle (not at a hyphen, dash or slash).
BROKEN_WORDS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('.md-content td, .md-content th')) {
    if (!cell.getClientRects().length) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\\u2010-\\u2015\\/]{2,}/g; // a hyphen, dash or slash may end a line
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out.slice(0, 5);
}"""

PAGE_TYPES = [
    "",
    "start-here/",
    "steps/04-build-a-portfolio/",
    "steps/04-build-a-portfolio/02-write-a-case-study/",
    "templates/01-one-page-prd/",
    "certifications/",
    "resources/",
    "question-bank/",
    "checklists/",
    "progress/",
    "glossary/",
    "templates/",
    "contributing/",
    "404.html",
]


def all_pages(site_dir: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html"))
    return [("" if p == "./" else p) for p in pages] + ["404.html"]


def reader_context(browser, width: int, scheme: str = "light", *, height: int | None = None):
    """A browser context as a reader has it: below 500 px a touch phone (800 px tall), else a desktop (900 px)."""
    phone = width < 500
    return browser.new_context(
        viewport={"width": width, "height": height or (800 if phone else 900)},
        is_mobile=phone,
        has_touch=phone,
        color_scheme=scheme,
    )


def walk(
    browser, base: str, pages: list[str], width: int, scheme: str = "light", *, chrome: bool = False
) -> tuple[list[str], float]:
    phone = width < 500
    context = reader_context(browser, width, scheme)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    start = time.monotonic()
    for path in pages:
        open_page(page, base, path)
        result = _AXE.run(page, context=None if chrome else CHROME)
        for v in result.response["violations"]:
            problems += [
                f"{path or 'home'} @{width} {scheme}: {v['id']} ({v['impact']}): {n['target']}" for n in v["nodes"]
            ]
        if phone:
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                problems.append(f"{path or 'home'} @{width}: the page scrolls sideways ({wide} px)")
        broken = page.evaluate(BROKEN_WORDS)
        if broken:
            problems.append(f"{path or 'home'} @{width}: table cells break words mid-word: {broken}")
    context.close()
    return problems, time.monotonic() - start
