"""Search: the index loads when a reader starts a search, and search still finds lessons.

overrides/partials/search-on-demand.html holds Material's index request back
until the reader opens, focuses or points at the search box, or arrives from a
search result, so a page view that never searches does not pay for it. A
reader who has searched in this tab gets the index after their next page
loads, without asking, so their next search is quick.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser

INDEX = re.compile(r"/search/search_index\.json$")


def index_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if INDEX.search(r.url) else None)
    return seen


def result_links(page) -> list[str]:
    page.locator(".md-search-result__item a").first.wait_for()
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("path", ["", "steps/01-understand-the-role/01-a-week-in-the-life/"])
def test_a_page_view_without_search_does_not_download_the_index(page, server, path) -> None:
    seen = index_requests(page)
    open_page(page, server.url, path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 800)
    page.wait_for_timeout(300)
    assert seen == []


def test_clicking_search_loads_the_index_and_finds_a_lesson(page, server) -> None:
    seen = index_requests(page)
    open_page(page, server.url)
    page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("artefact")
    assert any("/steps/" in href for href in result_links(page))
    assert len(seen) == 1


def test_the_keyboard_shortcut_opens_a_working_search(page, server) -> None:
    open_page(page, server.url, "glossary/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("stakeholder")
    assert result_links(page)


def test_search_still_works_after_following_a_link(page, server) -> None:
    open_page(page, server.url)
    page.get_by_role("link", name=re.compile("Understand the role")).first.click()
    page.wait_for_url(re.compile(r"steps/01-understand-the-role/$"))
    page.wait_for_selector("h1:has-text('Understand the role')")
    # Material closes search 125 ms after every navigation ("Always close drawer
    # and search on navigation" in its bundle.ts); a reader who opens search
    # sooner sees it shut again. Wait that out, as a reader's first glance does.
    page.wait_for_timeout(300)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("roadmap")
    assert result_links(page)


def test_after_a_search_the_next_page_loads_the_index_without_being_asked(page, server) -> None:
    open_page(page, server.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("visa")
    assert result_links(page)
    seen = index_requests(page)
    open_page(page, server.url, "steps/01-understand-the-role/01-a-week-in-the-life/")
    page.wait_for_load_state("load")
    for _ in range(40):  # requested when the page is idle after load: wait up to 10 s
        if seen:
            break
        page.wait_for_timeout(250)
    assert len(seen) == 1
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("salary")
    assert result_links(page)
    assert len(seen) == 1


def test_pointing_at_search_without_typing_does_not_load_the_index_on_the_next_page(page, server) -> None:
    open_page(page, server.url)
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").hover()
    seen = index_requests(page)
    open_page(page, server.url, "glossary/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    assert seen == []


def test_a_search_result_link_highlights_the_term_on_arrival(page, server) -> None:
    seen = index_requests(page)
    open_page(page, server.url, "glossary/?h=roadmap")
    page.locator("mark").first.wait_for()
    assert "roadmap" in page.locator("mark").first.inner_text().lower()
    assert len(seen) == 1


def test_a_phone_reader_tapping_the_search_icon_gets_results(phone, server) -> None:
    open_page(phone, server.url, "steps/01-understand-the-role/")
    phone.locator("label.md-header__button[for=__search]").tap()
    phone.locator("input.md-search__input").fill("portfolio")
    assert result_links(phone)
