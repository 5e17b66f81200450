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


def test_the_table_scrolls_inside_its_labelled_region_on_a_phone(phone, server) -> None:
    page = phone
    for path in ("resources/", "certifications/", "steps/02-develop-skills/"):
        open_page(page, server.url, path)
        region = page.locator(".ptp-table").first
        assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
        assert region.evaluate("el => el.scrollWidth > el.clientWidth"), path
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, path


def test_without_javascript_the_tables_are_complete(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "resources/")
    assert page.locator(".ptp-filters").count() == 0
    assert page.locator(".ptp-table tbody tr").count() >= 100
    context.close()
