"""The sidebar opens where the reader is: its top, or the current section's heading, with the current page's link in view.

Material's script scrolls the sidebar on load so that the current link sits
halfway down the visible list: on a page deep in the path the reader saw the
middle of a long list, without the step it belongs to or the top of the path.
Now (overrides/partials/nav-item.html and the sidebar part of progress.js) the
list stays at its top when the current link is visible there, and otherwise
shows the current section's heading at the top.

"Visible" is what the reader sees: the point is inside the sidebar's scrolling
box and the topmost element there is the row itself, not the sticky "Path to
PM" title over the list or anything else.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_page
from tests.browser.walk import reader_context

pytestmark = pytest.mark.browser

# page -> the heading of the section it is in, as the sidebar shows it
DEEP = {
    "steps/08-interviews/08-execution-questions/": "8. Prepare for interviews",
    "steps/10-advanced-education/05-if-you-need-a-visa/": "10. Consider advanced education",
    "steps/10-advanced-education/": "10. Consider advanced education",
    "backgrounds/12-anyone-else/": "From your background",
    "situations/08-company-loops/": "Situations, answered directly",
    "templates/10-resume/": "Templates",
    "glossary/": "Catalogues",
    "contributing/style-guide/": "Contributing",
}
NEAR_THE_TOP = ["start-here/", "steps/01-understand-the-role/02-product-manager-and-look-alike-roles/"]

# Material sizes the sidebar in an animation frame after the page loads, and progress.js places
# the list when it is sized: wait until its size and position hold for five frames.
SETTLED = """() => new Promise(done => {
  const box = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  let last = '', same = 0;
  const tick = () => {
    const now = box.scrollTop + ':' + box.clientHeight;
    same = now === last ? same + 1 : 0;
    last = now;
    if (same >= 5) done(); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""

# For the row matching `text` (the current page's link, or a section heading: a link, a toggle
# label or a section title), whether the reader sees all of it in the sidebar's list.
SEEN = """([selector, text]) => {
  const sidebar = document.querySelector('.md-sidebar--primary');
  const list = sidebar.querySelector('.md-sidebar__scrollwrap');
  const rows = [...sidebar.querySelectorAll(selector)].filter(
    el => el.getClientRects().length && (text === null || el.textContent.trim() === text));
  if (!rows.length) return {found: false};
  const row = rows[0];
  const box = list.getBoundingClientRect(), r = row.getBoundingClientRect();
  const x = r.left + Math.min(20, r.width / 2);
  const hits = y => y >= box.top && y <= box.bottom && row.contains(document.elementFromPoint(x, y));
  return {
    found: true,
    seen: hits(r.top + 2) && hits(r.bottom - 2),
    top: r.top - box.top + list.scrollTop,  // in the list's own coordinates
    bottom: r.bottom - box.top + list.scrollTop,
    view: list.clientHeight,
    fitsAtTop: r.bottom - box.top + list.scrollTop <= list.clientHeight,
    scrollTop: list.scrollTop,
    text: row.textContent.trim().slice(0, 50),
  };
}"""


def current_link(page) -> dict:
    """The sidebar's link to the page itself, found by its address (not by how the theme marks it)."""
    page.evaluate(
        """() => {
          const here = location.href.split('#')[0];
          const link = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]
            .find(a => a.href === here && a.getClientRects().length);
          if (link) link.dataset.testCurrent = '';
        }"""
    )
    return page.evaluate(f"(a) => ({SEEN})(a)", ["[data-test-current]", None])


def heading(page, text: str) -> dict:
    return page.evaluate(f"(a) => ({SEEN})(a)", [".md-nav__link, .md-nav__title", text])


def sidebar_problems(page, base: str, path: str, section: str | None) -> list[str]:
    open_page(page, base, path)
    page.evaluate(SETTLED)
    where = f"{path} @{page.viewport_size['height']}px"
    link = current_link(page)
    if not link["found"]:
        return [f"{where}: no link to the page itself in the sidebar"]
    problems = []
    if not link["seen"]:
        problems.append(
            f"{where}: the current page's link ({link['text']!r}) is not in view (list scrolled {link['scrollTop']} px)"
        )
    if link["fitsAtTop"] and link["scrollTop"] != 0:
        problems.append(
            f"{where}: the link is in view at the top of the list, yet the list opened {link['scrollTop']} px down"
        )
    if section:
        head = heading(page, section)
        if head["found"] and link["bottom"] - head["top"] > link["view"] - 30:
            # The section is taller than the list's view (30 px: the sticky title): the link sits at
            # the bottom, so the reader sees as much of the section above it as fits.
            if abs(link["bottom"] - link["scrollTop"] - link["view"]) > 2:
                problems.append(f"{where}: the section is taller than the sidebar, yet the link is not at its bottom")
        elif not head["found"] or not head["seen"]:
            problems.append(
                f"{where}: the section heading {section!r} is not in view (list scrolled {link['scrollTop']} px)"
            )
    return problems


@pytest.mark.parametrize("height", [720, 900])
def test_the_sidebar_opens_at_its_top_or_the_current_section_with_the_page_in_view(browser, server, height) -> None:
    context = reader_context(browser, 1280, height=height)
    page = context.new_page()
    problems: list[str] = []
    for path, section in DEEP.items():
        problems += sidebar_problems(page, server.url, path, section)
    for path in NEAR_THE_TOP:
        problems += sidebar_problems(page, server.url, path, None)
        if page.evaluate("document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').scrollTop") != 0:
            problems.append(f"{path}: the sidebar did not open at its top")
    context.close()
    assert problems == []


def test_the_sidebar_stays_where_the_reader_scrolled_it(browser, server) -> None:
    """Placing the list is done once the reader touches it: a resize later does not move it back."""
    context = reader_context(browser, 1280, height=720)
    page = context.new_page()
    path = "steps/08-interviews/08-execution-questions/"
    open_page(page, server.url, path)
    page.evaluate(SETTLED)
    box = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    assert box.evaluate("el => el.scrollTop") > 0, "the list was not placed at step 8 to begin with"
    box.hover()
    page.mouse.wheel(0, -2000)
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').scrollTop === 0"
    )
    page.set_viewport_size({"width": 1280, "height": 700})
    page.evaluate(SETTLED)
    assert box.evaluate("el => el.scrollTop") == 0
    context.close()


@pytest.mark.parametrize(
    ("path", "panel"),
    [
        ("steps/08-interviews/08-execution-questions/", "8. Prepare for interviews"),
        ("templates/10-resume/", "Templates"),
        ("situations/08-company-loops/", "Situations, answered directly"),
    ],
)
def test_the_phone_drawer_opens_on_the_section_with_the_page_in_view(browser, server, path, panel) -> None:
    context = reader_context(browser, 360, height=740)
    page = context.new_page()
    open_page(page, server.url, path)
    page.locator(".md-header label[for='__drawer']").click()
    page.wait_for_function(  # the drawer has slid in
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left === 0"
    )
    page.wait_for_timeout(100)
    title = page.locator(".md-sidebar--primary .md-nav__title", has_text=panel).last
    assert title.is_visible(), f"the drawer does not open on the panel {panel!r}"
    # On a phone the page's own row is its link, or its contents toggle when the page has headings.
    seen = page.evaluate(
        """() => {
          const rows = [...document.querySelectorAll('.md-sidebar--primary [aria-current="page"], '
            + '.md-sidebar--primary a.md-nav__link[href], .md-sidebar--primary label.md-nav__link[for="__toc"]')]
            .filter(el => el.getClientRects().length
              && (el.matches('label') || el.href === location.href.split('#')[0]));
          const row = rows[0];
          if (!row) return 'no row for the page';
          const r = row.getBoundingClientRect();
          const x = r.left + 20;
          const hit = y => y >= 0 && y <= innerHeight && row.contains(document.elementFromPoint(x, y));
          return hit(r.top + 2) && hit(r.bottom - 2) ? 'seen' : `not in view (top ${Math.round(r.top)} of ${innerHeight})`;
        }"""
    )
    context.close()
    assert seen == "seen", f"{path}: the page's own row in the drawer is {seen}"
