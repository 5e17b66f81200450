"""Checklists on paper: PDFs rendered by Chromium, and the print styles behind them."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser


def squash(text: str) -> str:
    """Compare text across line breaks, hyphenation and ligatures (fi, fl) in PDF output."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def pdf_pages(page, paper: str = "A4") -> list[str]:
    page.emulate_media(media="print")
    data = page.pdf(format=paper, print_background=True)
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def all_items(manifest: dict) -> list[tuple[int, str]]:
    return [(s["number"], i["text"]) for s in manifest["steps"] for lesson in s["lessons"] for i in lesson["items"]]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printable_page_holds_every_item_and_starts_each_step_on_a_new_sheet(
    page, server, manifest, paper: str
) -> None:
    open_page(page, server.url, "checklists/")
    pages = pdf_pages(page, paper)
    joined = squash("".join(pages))
    missing = [text for _, text in all_items(manifest) if squash(text) not in joined]
    assert missing == []
    steps = [s for s in manifest["steps"] if s["lessons"]]
    first_pages = []
    for step in steps:
        title = squash(f"Step {step['number']}: " + step["title"].split(": ", 1)[-1])
        where = [n for n, text in enumerate(pages) if title in squash(text)]
        assert where, f"step {step['number']} heading not found"
        first_pages.append(where[0])
    assert first_pages == sorted(set(first_pages)), "two steps share a sheet"
    for step, n in zip(steps[1:], first_pages[1:], strict=True):
        assert squash(pages[n]).startswith(squash(f"Step {step['number']}")), (
            f"step {step['number']} does not start its sheet"
        )


def test_open_boxes_print_as_clear_black_boxes(page, server, first_lesson) -> None:
    # The printable page draws its boxes as each item's ::before (site.css).
    for path, selector, pseudo in (
        ("checklists/", "[data-ptp-item]", "::before"),
        (first_lesson["url"], "input[data-check-id]", None),
    ):
        open_page(page, server.url, path)
        page.emulate_media(media="print")
        style = page.locator(selector).first.evaluate(
            "(el, pseudo) => { const s = getComputedStyle(el, pseudo);"
            " return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.width, s.backgroundColor, s.display] }",
            pseudo,
        )
        width, line, colour, size, background, display = style
        assert display != "none"
        assert float(width.rstrip("px")) >= 1.5 and line == "solid" and colour == "rgb(0, 0, 0)", style
        assert float(size.rstrip("px")) >= 12, style
        assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), style


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(css: str) -> float:
    return 1.05 / (_luminance(_rgb(css)) + 0.05)


def test_printing_from_the_dark_scheme_gives_black_on_white(browser, server, first_lesson) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_page(page, server.url, first_lesson["url"])
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate(
        "() => [getComputedStyle(document.querySelector('.md-typeset')).color, getComputedStyle(document.body).backgroundColor,"
        " getComputedStyle(document.querySelector('.md-typeset > p:not([class])')).color]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    # Small and secondary text too: the lesson's header line, notes, checklist labels, "Done on".
    for selector in (".ptp-lesson-meta", ".md-typeset p", ".md-typeset small", ".ptp-checklist label"):
        colour = page.locator(selector).first.evaluate("el => getComputedStyle(el).color")
        assert contrast_on_white(colour) >= 7, (selector, colour)
    open_page(page, server.url, "checklists/")
    page.emulate_media(media="print", color_scheme="dark")
    done_on = page.locator(".ptp-paper li").first.evaluate("el => getComputedStyle(el, '::after').color")
    assert contrast_on_white(done_on) >= 7, done_on
    context.close()


def test_screen_furniture_is_hidden_and_links_spell_out_their_address(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".md-search",
        "[data-ptp-print]",
        ".md-content__button",
    ):
        if page.locator(selector).count():
            assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == "none", selector
    text = squash("".join(pdf_pages(page)))
    external = page.locator(".md-typeset a[href^='https://']:not(.md-content__button)").first.get_attribute("href")
    assert squash(external) in text


def test_a_lesson_prints_with_its_checklist_text(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    text = squash("".join(pdf_pages(page)))
    for item in first_lesson["items"]:
        assert squash(item["text"]) in text, item


def test_the_print_button_prints_the_lesson(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++ } }")
    page.get_by_role("button", name="Print this lesson").click()
    assert page.evaluate("() => window.__printed") == 1


def test_the_printable_page_is_complete_without_javascript(browser, server, manifest) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "checklists/")
    items = all_items(manifest)
    assert page.locator("[data-ptp-item]").count() == len(items)
    # Every item prints with its "Done on" line to fill in by hand.
    printed = squash("".join(pdf_pages(page)))
    assert printed.count("doneon") == len(items) + sum(squash(text).count("doneon") for _, text in items)
    context.close()


def test_with_my_ticks_prints_ticked_items_and_their_date(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    box = page.locator("input[data-check-id]").first
    item = box.get_attribute("data-check-id")
    box.click()
    open_page(page, server.url, "checklists/")
    assert page.locator(".ptp-paper--done").count() == 0, "the printable page is blank by default"
    page.get_by_label("Print with my ticks").check()
    done = page.locator(".ptp-paper--done")
    assert done.count() == 1 and done.get_attribute("data-ptp-item") == item
    date = done.get_attribute("data-ptp-date") or ""
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert squash(done.inner_text() + "Done on" + date) in squash("".join(pdf_pages(page)))
