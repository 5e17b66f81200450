"""The interview question bank: complete without JavaScript, filterable, and a practice card."""

from __future__ import annotations

import pytest

from tests.browser.helpers import axe_violations, open_page

pytestmark = pytest.mark.browser


def test_without_javascript_every_question_is_listed(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "question-bank/")
    assert page.locator("tbody tr").count() >= 80
    assert page.locator("[data-ptp-practice]").is_hidden()
    context.close()


def test_the_type_filter_shows_one_type(page, server) -> None:
    open_page(page, server.url, "question-bank/")
    page.get_by_role("combobox", name="Type").select_option("estimation")
    types = page.locator("tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"estimation"}
    assert page.locator("h2[data-qtype]:visible").count() == 1
    # The options read as the type names, with no "(12)" counts carried over from the headings.
    options = page.get_by_role("combobox", name="Type").locator("option").all_inner_texts()
    assert options[:3] == ["All types", "Screening and fit", "Behavioral"]
    assert not any(ch.isdigit() for option in options for ch in option)


def test_practice_shows_one_question_and_hides_the_guide_until_asked(page, server) -> None:
    open_page(page, server.url, "question-bank/")
    page.get_by_role("combobox", name="Type").select_option("metrics")
    page.get_by_role("button", name="Give me a question").click()
    card = page.locator("[data-ptp-card]")
    question = card.locator(".ptp-practice__question").inner_text()
    rows = page.locator("tr[data-type='metrics'] .ptp-q").all_inner_texts()
    assert question in rows
    guide = card.locator(".ptp-covers")
    assert guide.is_hidden()
    reveal = page.get_by_role("button", name="Show what a strong answer covers")
    assert reveal.get_attribute("aria-expanded") == "false"
    reveal.click()
    assert guide.is_visible() and 3 <= guide.locator("li").count() <= 5
    assert "/steps/08-interviews/" in card.locator("a").get_attribute("href")
    assert axe_violations(page) == []
