"""The expandable "why" on catalogue cards: two lines on a phone until the reader opens it, whole everywhere else."""

from __future__ import annotations

import pytest

from tests.browser.helpers import axe_violations, open_page
from tests.browser.test_print import pdf_pages, squash

pytestmark = pytest.mark.browser

# The first card's "why": its height in lines, whether text is cut off, and the button's state.
STATE = """el => { const text = el.querySelector('.ptp-why__text'); const button = el.querySelector('.ptp-why__more');
  const line = parseFloat(getComputedStyle(text).lineHeight);
  return { lines: text.getBoundingClientRect().height / line, cut: text.scrollHeight > text.clientHeight + 1,
           expanded: button.getAttribute('aria-expanded'), shown: button.checkVisibility(),
           label: button.textContent }; }"""
HEIGHT = "() => document.documentElement.scrollHeight"


@pytest.mark.parametrize("path", ["certifications/", "resources/", "steps/02-develop-skills/"])
def test_on_a_phone_the_why_is_two_lines_and_a_click_opens_and_closes_it(phone, server, path: str) -> None:
    open_page(phone, server.url, path)
    why = phone.locator(".ptp-why").first
    closed = why.evaluate(STATE)
    assert closed["shown"] and closed["expanded"] == "false" and closed["label"] == "Show more", closed
    assert closed["cut"] and closed["lines"] < 2.5, closed  # two lines, the rest behind the button
    folded_height = phone.evaluate(HEIGHT)
    why.get_by_role("button", name="Show more").click()
    opened = why.evaluate(STATE)
    assert opened["expanded"] == "true" and opened["label"] == "Show less" and not opened["cut"], opened
    assert opened["lines"] > 2.5, opened
    assert phone.evaluate(HEIGHT) > folded_height
    why.get_by_role("button", name="Show less").click()
    assert why.evaluate(STATE)["expanded"] == "false" and phone.evaluate(HEIGHT) == folded_height


def test_folded_cards_make_the_phone_page_much_shorter(phone, server) -> None:
    open_page(phone, server.url, "resources/")
    folded = phone.evaluate(HEIGHT)
    count = phone.evaluate(
        "() => { const b = [...document.querySelectorAll('.ptp-why__more')]; b.forEach(x => x.click()); return b.length; }"
    )
    assert count >= 100  # every resource explains itself at length
    assert phone.locator(".ptp-why__more[aria-expanded=false]").count() == 0
    opened = phone.evaluate(HEIGHT)
    assert folded < 0.8 * opened, (folded, opened)


def test_the_keyboard_opens_and_closes_the_why_with_enter_and_space(phone, server) -> None:
    open_page(phone, server.url, "certifications/")
    button = phone.locator(".ptp-why__more").first
    button.focus()
    assert button.evaluate("b => b === document.activeElement && b.matches(':focus-visible, :focus')")
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert not button.evaluate(
        "b => { const t = document.getElementById(b.getAttribute('aria-controls')); return t.scrollHeight > t.clientHeight + 1; }"
    )
    phone.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("b => b === document.activeElement")  # focus stays on the control


def test_the_folded_and_opened_cards_pass_axe(phone, server) -> None:
    open_page(phone, server.url, "certifications/")
    assert axe_violations(phone) == []
    phone.locator(".ptp-why__more").first.click()
    assert axe_violations(phone) == []


def test_on_a_wide_screen_the_table_shows_every_why_whole_and_no_button(page, server) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, server.url, "certifications/")
    assert page.locator(".ptp-why").count() >= 10
    assert page.locator(".ptp-why__more:visible").count() == 0
    cut = page.evaluate(
        "() => [...document.querySelectorAll('.ptp-why__text')].filter(t => t.scrollHeight > t.clientHeight + 1).length"
    )
    assert cut == 0


def test_without_javascript_a_phone_shows_every_why_whole(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(server.url + "certifications/")
    why = page.locator(".ptp-why").first.evaluate(STATE)
    assert not why["shown"] and not why["cut"] and why["lines"] > 2.5, why
    context.close()


def test_a_folded_why_prints_whole(phone, server) -> None:
    open_page(phone, server.url, "certifications/")
    texts = phone.locator(".ptp-why__text").all_text_contents()
    assert len(texts) >= 10 and phone.locator(".ptp-why__more[aria-expanded=false]").count() == len(texts)
    printed = squash("".join(pdf_pages(phone)))
    assert [t for t in texts if squash(t) not in printed] == []
    assert "showmore" not in printed
