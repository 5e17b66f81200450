"""The certification and resource catalogues: filter, sort, and phones."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser


def visible_rows(page):
    return page.locator(".ptp-table tbody tr:visible")


def test_resources_filter_by_step_type_and_cost(page, server) -> None:
    open_page(page, server.url, "resources/")
    total = page.locator(".ptp-table tbody tr").count()
    page.get_by_role("combobox", name="Step", exact=True).select_option("3")
    steps = visible_rows(page).evaluate_all("rows => rows.map(r => r.dataset.steps.split(' '))")
    assert steps and all("3" in s for s in steps)
    assert 8 <= len(steps) <= 15
    assert page.locator(".ptp-filters output").inner_text() == f"Showing {len(steps)} of {total}"
    page.get_by_role("combobox", name="Cost", exact=True).select_option("free")
    rows = visible_rows(page).evaluate_all("rows => rows.map(r => [r.dataset.steps, r.dataset.cost])")
    assert rows and all("3" in st.split() and cost == "free" for st, cost in rows)
    page.get_by_role("combobox", name="Step", exact=True).select_option("")
    page.get_by_role("combobox", name="Cost", exact=True).select_option("")
    page.get_by_role("combobox", name="Type", exact=True).select_option("podcast")
    types = visible_rows(page).evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"podcast"}


def test_certifications_filter_by_kind(page, server) -> None:
    open_page(page, server.url, "certifications/")
    page.get_by_role("combobox", name="Kind", exact=True).select_option("adjacent")
    kinds = visible_rows(page).evaluate_all("rows => rows.map(r => r.dataset.kind)")
    assert kinds and set(kinds) == {"adjacent"}


def test_columns_sort_both_ways_and_say_so(page, server) -> None:
    open_page(page, server.url, "resources/")
    # The arrow that shows the sort direction becomes part of the button's name.
    header = page.get_by_role("button", name=re.compile(r"^Resource\b"))
    header.click()
    titles = visible_rows(page).evaluate_all("rows => rows.map(r => r.cells[0].querySelector('a').textContent.trim())")
    assert titles == sorted(titles, key=lambda t: t.lower()) or titles == sorted(titles, key=str.casefold)
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Resource")
    header.click()
    again = visible_rows(page).evaluate_all("rows => rows.map(r => r.cells[0].querySelector('a').textContent.trim())")
    assert again == list(reversed(titles))
    assert page.locator("th[aria-sort=descending]").count() == 1


CARD = """el => { const r = el.getBoundingClientRect(); const cell = el.cells[1];
  return { left: r.left, right: r.right, display: getComputedStyle(el).display,
           label: getComputedStyle(cell, '::before').content }; }"""


@pytest.mark.parametrize("path", ["resources/", "certifications/", "question-bank/", "steps/02-develop-skills/"])
def test_on_a_phone_each_catalogue_row_is_a_card_that_fits(phone, server, path: str) -> None:
    open_page(phone, server.url, path)
    region = phone.locator(".ptp-table:not(.ptp-table--md)").first
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    assert not region.evaluate("el => el.scrollWidth > el.clientWidth"), "the catalogue still scrolls sideways"
    head = region.locator("thead th").nth(1).inner_text().strip()
    card = region.locator("tbody tr").first.evaluate(CARD)
    assert card["display"] == "grid" and card["left"] >= 0 and card["right"] <= 360, card
    assert card["label"].strip('"') == head  # each value is shown under its column's name
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_on_a_wide_screen_the_catalogue_is_a_table(page, server) -> None:
    open_page(page, server.url, "certifications/")
    assert page.locator(".ptp-table tbody tr").first.evaluate("el => getComputedStyle(el).display") == "table-row"
    assert page.locator(".md-sidebar--secondary").is_hidden()  # no empty contents column


def test_cost_sorts_by_amount_with_unknown_last(page, server) -> None:
    open_page(page, server.url, "certifications/")
    page.get_by_role("button", name=re.compile(r"^Cost\b")).click()
    keys = visible_rows(page).evaluate_all("rows => rows.map(r => r.cells[4].dataset.sort)")
    known = [float(k) for k in keys if k != ""]
    assert known == sorted(known) and len(known) >= 2
    assert keys[len(known) :] == [""] * (len(keys) - len(known))
    page.get_by_role("button", name=re.compile(r"^Cost\b")).click()
    again = visible_rows(page).evaluate_all("rows => rows.map(r => r.cells[4].dataset.sort)")
    assert [float(k) for k in again if k != ""] == sorted(known, reverse=True) and again[-1:] in ([""], [])


def test_level_sorts_by_rank_and_every_sortable_header_says_so(page, server) -> None:
    open_page(page, server.url, "resources/")
    assert page.locator("th[aria-sort=none]").count() == page.locator("thead th").count()
    page.get_by_role("button", name=re.compile(r"^Level\b")).click()
    levels = visible_rows(page).evaluate_all("rows => rows.map(r => r.cells[4].textContent.trim())")
    rank = {"All": 0, "Beginner": 1, "Intermediate": 2, "Advanced": 3}
    assert [rank[v] for v in levels] == sorted(rank[v] for v in levels)
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Level")


def test_filters_with_no_match_say_so_and_offer_a_reset(page, server) -> None:
    open_page(page, server.url, "resources/")
    total = page.locator(".ptp-table tbody tr").count()
    page.get_by_role("combobox", name="Type", exact=True).select_option("podcast")
    page.get_by_role("combobox", name="Cost", exact=True).select_option("paid")
    if page.locator(".ptp-table tbody tr:visible").count():  # the data may one day hold a paid podcast
        page.get_by_role("combobox", name="Step", exact=True).select_option("1")
        page.get_by_role("combobox", name="Type", exact=True).select_option("association")
    assert page.locator(".ptp-table tbody tr:visible").count() == 0
    none = page.locator(".ptp-filters__none")
    assert none.is_visible() and "Nothing matches" in none.inner_text()
    none.get_by_role("button", name="Show all").click()
    assert page.locator(".ptp-table tbody tr:visible").count() == total
    assert none.is_hidden()


def test_without_javascript_the_tables_are_complete(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "resources/")
    assert page.locator(".ptp-filters").count() == 0
    assert page.locator(".ptp-table tbody tr").count() >= 100
    context.close()
