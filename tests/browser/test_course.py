"""The guide reads as a course: the home path for a first-time and a returning reader,
the lesson header and footer, and the self-hosted font."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser


def test_a_first_time_reader_sees_ten_steps_and_no_progress(page, server) -> None:
    open_page(page, server.url)
    steps = page.locator(".ptp-path > li")
    assert steps.count() == 10
    assert "You come away with:" in steps.first.inner_text()
    assert page.locator(".ptp-path .ptp-bar:visible").count() == 0
    assert page.locator("[data-ptp-continue-link]").is_hidden()
    first_button = page.locator(".ptp-hero__actions .md-button:visible").first
    assert first_button.inner_text() == "Start here"
    # One column: every step starts at the same left edge.
    lefts = {round(b["x"]) for b in (s.bounding_box() for s in steps.all()) if b}
    assert len(lefts) == 1
    # Card titles are not underlined; links in running text are.
    title = page.locator(".ptp-card__link").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert title == "none"
    width = page.locator(".ptp-home > p").first.evaluate(
        "el => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize)"
    )
    assert width <= 35  # about 70 characters a line


def test_a_returning_reader_gets_continue_first_and_progress_on_the_path(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    page.locator("input[data-check-id]").first.click()
    open_page(page, server.url)
    first_button = page.locator(".ptp-hero__actions .md-button:visible").first
    assert first_button.inner_text() == "Continue: " + first_lesson["title"]
    assert first_button.evaluate("el => el.href").endswith(first_lesson["url"])
    colours = page.locator(".ptp-hero__actions .md-button:visible").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert colours[0] not in colours[1:], "Continue is not the one strong button"
    step = first_lesson["step"]["number"]
    bar = page.locator(".ptp-path > li").nth(step - 1).locator(".ptp-bar")
    assert bar.is_visible() and bar.locator("[data-ptp-count]").inner_text().startswith("1 of ")


def test_the_lesson_header_says_where_you_are_and_links_to_the_checklist(page, server, manifest) -> None:
    step = next(s for s in manifest["steps"] if len(s["lessons"]) >= 2)
    lesson = step["lessons"][1]
    open_page(page, server.url, lesson["url"])
    meta = page.locator(".ptp-lesson-meta")
    text = meta.inner_text()
    assert re.search(rf"Step {step['number']} · Lesson 2 of {len(step['lessons'])} · \d+–\d+ (hours|minutes)", text)
    # When the lesson's sources were checked, from its footnotes.
    assert re.search(r" · Sources checked [A-Z][a-z]{2}( \d{4})?(–[A-Z][a-z]{2})? \d{4}", text), text
    assert meta.evaluate("el => el.nextElementSibling.tagName") == "H1"  # above the title
    count = meta.get_by_role("link", name=re.compile(r"^Checklist: 0 of \d+ done$"))
    count.click()
    page.wait_for_function("() => location.hash === '#checklist'")
    nav = page.get_by_role("navigation", name=f"Step {step['number']} lessons")
    assert nav.get_by_role("link", name=re.compile("Previous lesson")).get_attribute("href")
    assert nav.locator("progress").count() == 1


def test_text_is_set_in_the_self_hosted_font(page, server) -> None:
    open_page(page, server.url)
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px Inter')")
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert re.match(r'"?Inter"?,', family), family
    loaded = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('.woff2')).map(e => e.name)"
    )
    assert loaded and all(u.startswith(server.url) for u in loaded)


def test_sidebar_links_are_targets_of_at_least_24_px(page, server) -> None:
    """WCAG 2.2 target size (2.5.8): every link in the desktop sidebar is at least 24 px tall."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, server.url, "certifications/")
    heights = page.locator(".md-sidebar--primary .md-nav__link:visible").evaluate_all(
        "els => els.map(e => [e.textContent.trim(), e.getBoundingClientRect().height])"
    )
    assert heights, "no sidebar links visible at 1280 px"
    assert [(name, h) for name, h in heights if h < 24] == []
